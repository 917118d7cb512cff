//! `check` drops each document's text once its claims are read and reads the documents
//! that findings cite again at the end: the findings must be those of a run that kept
//! every text, and a file changed in between must be reported, not misquoted.

mod common;

use claimcheck::check::{self, Finding};
use claimcheck::pipeline::{self, Analysis};
use std::path::{Path, PathBuf};

fn findings_kept(paths: &[PathBuf]) -> (Analysis, Vec<Finding>) {
    let rules = check::load(&[]).expect("built-in rules");
    let analysis = pipeline::analyse(paths, common::knowledge());
    let (_, findings) = pipeline::check(&analysis, &rules, common::knowledge());
    (analysis, findings)
}

fn findings_lean(paths: &[PathBuf]) -> (Analysis, Vec<Finding>) {
    let rules = check::load(&[]).expect("built-in rules");
    let analysis = pipeline::analyse_for_check(paths, common::knowledge(), None);
    let (_, findings) = pipeline::check(&analysis, &rules, common::knowledge());
    (analysis, findings)
}

#[test]
fn released_texts_give_the_same_findings_and_quotes() {
    let paths = [PathBuf::from("examples/mtwara-harbour")];
    let (kept, expected) = findings_kept(&paths);
    let (mut lean, mut found) = findings_lean(&paths);
    assert!(!expected.is_empty());
    assert_eq!(kept.claims, lean.claims);
    // Before quoting, the texts are gone and the evidence has no quote yet.
    assert!(lean.corpus.documents.iter().all(|d| d.text.is_empty()));
    assert!(found
        .iter()
        .flat_map(|f| f.sides.iter().flat_map(|s| &s.claims))
        .all(|e| e.quote.is_empty() && e.line == 0));
    let warnings = pipeline::quote_findings(&mut lean, &mut found);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(found, expected);
    // Only the cited documents were read again.
    let cited: std::collections::BTreeSet<&str> = found
        .iter()
        .flat_map(|f| f.sides.iter().flat_map(|s| &s.claims))
        .map(|e| e.doc.as_str())
        .collect();
    for d in &lean.corpus.documents {
        assert_eq!(
            !d.text.is_empty(),
            cited.contains(d.id.as_str()),
            "{}",
            d.id
        );
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write fixture");
}

const FEED: &str = concat!(
    r#"{"id": "one", "source": "North Ledger", "text": "Norway sent 300 engineers to Chile in 2024."}"#,
    "\n",
    r#"{"id": "two", "source": "Valley Wire", "text": "Rain fell all week."}"#,
    "\n",
    r#"{"id": "three", "source": "Coast Daily", "text": "Norway sent 900 engineers to Chile in 2024."}"#,
    "\n",
);

#[test]
fn json_lines_documents_are_read_again_by_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = dir.path().join("feed.jsonl");
    write(&feed, FEED);
    let paths = [feed.clone()];
    let (_, expected) = findings_kept(&paths);
    let (mut lean, mut found) = findings_lean(&paths);
    // One contradiction; the keyed slot and the slot linked by meaning may both report it.
    assert!(!expected.is_empty());
    assert!(
        expected.iter().all(|f| f.rule == "quantity-mismatch"),
        "{expected:?}"
    );
    assert!(pipeline::quote_findings(&mut lean, &mut found).is_empty());
    assert_eq!(found, expected);
    for f in &found {
        let quotes: Vec<&str> = f
            .sides
            .iter()
            .flat_map(|s| &s.claims)
            .map(|e| e.quote.as_str())
            .collect();
        // Sides come in the order of their content (date, then source), not of the lines.
        assert_eq!(
            quotes,
            [
                "Norway sent 900 engineers to Chile in 2024.",
                "Norway sent 300 engineers to Chile in 2024."
            ]
        );
    }
}

#[test]
fn a_file_changed_during_the_check_is_reported_not_misquoted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    write(&a, "Peru flew 40 doctors to Haiti in 2023.\n");
    write(&b, "Peru flew 75 doctors to Haiti in 2023.\n");
    let (mut lean, mut found) = findings_lean(&[dir.path().to_path_buf()]);
    // One contradiction; the keyed slot and the slot linked by meaning may both report it.
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|f| f.rule == "quantity-mismatch"),
        "{found:?}"
    );
    write(&b, "Something else entirely was written here later.\n");
    let warnings = pipeline::quote_findings(&mut lean, &mut found);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let message = warnings[0].to_string();
    assert!(
        message.contains("b.txt") && message.contains("changed"),
        "{message}"
    );
    for f in &found {
        let evidence: Vec<_> = f.sides.iter().flat_map(|s| &s.claims).collect();
        let quoted = |id: &str| {
            evidence
                .iter()
                .find(|e| e.doc == id)
                .map(|e| e.quote.clone())
        };
        assert_eq!(
            quoted("a.txt").as_deref(),
            Some("Peru flew 40 doctors to Haiti in 2023.")
        );
        assert_eq!(quoted("b.txt").as_deref(), Some(""));
    }
}
