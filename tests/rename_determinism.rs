//! Issue 16, item 5: findings depend on the documents' content and metadata, never on
//! their file names or order. A corpus written here (three figures where the middle one
//! is compatible with both ends, which are not compatible with each other: the grouping
//! is not transitive, and the middle one is left out) is checked, then every file is renamed (names in the opposite
//! order, one moved to a sub-folder) with its manifest entry, and the JSON findings are
//! compared with the documents' names left out.

mod common;

use serde_json::Value;
use std::path::Path;

/// (file name, source, text) of the invented corpus.
const DOCS: &[(&str, &str, &str)] = &[
    (
        "a-norland-wire.txt",
        "Norland Wire",
        "Dock strike spreads.\n\n1,000 dockers walked off the job at the Pellan harbour in southern Norland on Monday, the union said.\n",
    ),
    (
        "b-harbour-gazette.txt",
        "Harbour Gazette",
        "About 1,100 dockers joined the strike at the Pellan harbour in southern Norland on Monday, the company said.\n",
    ),
    (
        "c-pellan-post.txt",
        "Pellan Post",
        "A quiet start to the week.\n\nExactly 1,250 dockers walked off the job at the Pellan harbour in southern Norland on Monday, the port authority said.\n",
    ),
    (
        "d-river-courier.txt",
        "River Courier",
        "Norland closed the port of Vessa to cargo ships on Friday as storms battered the coast.\n",
    ),
    (
        "e-coastal-monitor.txt",
        "Coastal Monitor",
        "The port of Vessa has not closed, the port authority said on Friday, although loading slowed because of storms.\n",
    ),
];

/// Writes the corpus under `dir` with the names `name(i)` and returns its folder.
fn write_corpus(dir: &Path, name: impl Fn(usize) -> String, reverse_manifest: bool) {
    let mut manifest = Vec::new();
    for (i, (_, source, text)) in DOCS.iter().enumerate() {
        let file = name(i);
        common::write_file(dir, &file, text.as_bytes());
        manifest.push(format!(
            "[[document]]\npath = \"{file}\"\nsource = \"{source}\"\npublished = \"2026-05-04\"\n"
        ));
    }
    if reverse_manifest {
        manifest.reverse();
    }
    common::write_file(dir, "corpus.toml", manifest.join("\n").as_bytes());
}

/// The findings of `claimcheck check DIR -f json`, each without the documents' names,
/// sorted by fingerprint and message.
fn findings(dir: &Path) -> Vec<Value> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "-q", "-f", "json"])
        .arg(dir)
        .output()
        .expect("run claimcheck");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let mut findings = report["findings"].as_array().expect("findings").clone();
    for f in &mut findings {
        for c in f["claims"].as_array_mut().expect("claims") {
            c.as_object_mut().expect("claim").remove("doc");
        }
    }
    findings.sort_by_key(|f| (f["fingerprint"].to_string(), f["message"].to_string()));
    findings
}

#[test]
fn renaming_and_reordering_every_file_changes_no_finding() {
    // Both corpora sit in a folder of one name: the story is named after it.
    let original_dir = tempfile::tempdir().expect("tempdir");
    let original = original_dir.path().join("news");
    write_corpus(&original, |i| DOCS[i].0.to_string(), false);
    let renamed_dir = tempfile::tempdir().expect("tempdir");
    let renamed = renamed_dir.path().join("news");
    write_corpus(
        &renamed,
        |i| {
            let n = DOCS.len() - i;
            if i == 1 {
                format!("sub/{n}-moved.txt")
            } else {
                format!("{n}-renamed.txt")
            }
        },
        true,
    );
    let before = findings(&original);
    let after = findings(&renamed);
    assert!(before.iter().all(|f| f["story"] == "news"), "{before:#?}");
    assert!(before.len() >= 2, "{before:#?}");
    // The middle figure agrees with both ends: it is evidence for neither and stays out
    // of the finding that sets the ends against each other.
    let values = |f: &Value| -> Vec<String> {
        f["claims"]
            .as_array()
            .map(|c| c.iter().map(|c| c["value"].to_string()).collect())
            .unwrap_or_default()
    };
    assert!(
        before.iter().any(|f| {
            let v = values(f);
            v.iter().any(|v| v.contains("1,000"))
                && v.iter().any(|v| v.contains("1,250"))
                && !v.iter().any(|v| v.contains("1,100"))
        }),
        "the two ends meet in one finding, without the middle: {before:#?}"
    );
    assert_eq!(
        serde_json::to_string_pretty(&before).expect("json"),
        serde_json::to_string_pretty(&after).expect("json")
    );
}
