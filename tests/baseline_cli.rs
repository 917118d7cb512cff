//! The baseline round trip through the binary, on a copy of the example corpus: record
//! today's findings; an edit that adds no contradiction (and moves lines) passes; a new
//! contradiction fails and is the only finding reported; a recorded finding that goes away
//! is reported as fixed.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Runs claimcheck in `dir`, so no `claimcheck.toml` of the repository is found.
fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The findings of a `--format json` report.
fn findings(out: &Output) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}", stderr(out)));
    report["findings"].as_array().expect("findings").clone()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read article");
    assert!(text.contains(from), "{from:?} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write article");
}

fn append(path: &Path, paragraph: &str) {
    let mut text = std::fs::read_to_string(path).expect("read article");
    text.push_str(&format!("\n{paragraph}\n"));
    std::fs::write(path, text).expect("write article");
}

#[test]
fn baseline_round_trip() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).expect("corpus dir");
    let example = common::repo_path("examples/mtwara-harbour");
    for entry in std::fs::read_dir(&example).expect("example corpus") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, corpus.join(path.file_name().expect("name"))).expect("copy");
    }
    let check = [
        "check",
        "corpus",
        "--baseline",
        "b.json",
        "--format",
        "json",
    ];

    // Record today's findings.
    let out = claimcheck(dir, &["baseline", "corpus", "-o", "b.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recorded: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("b.json")).expect("baseline written"))
            .expect("baseline is JSON");
    let recorded_entries = recorded["findings"].as_array().expect("entries").clone();
    let recorded = recorded_entries.len();
    assert!(recorded >= 3, "the example has findings to record");
    let plain = claimcheck(dir, &["check", "corpus", "--format", "json"]);
    assert_eq!(
        plain.status.code(),
        Some(1),
        "without the baseline it fails"
    );
    assert_eq!(findings(&plain).len(), recorded);

    // Unrelated edits: a word in a sentence with no number, a new paragraph near the top
    // (every later line moves down).
    let coast = corpus.join("001-coastline-post.txt");
    let ledger = corpus.join("004-regional-ledger.txt");
    edit(&coast, "afraid of aftershocks", "fearful of aftershocks");
    edit(
        &ledger,
        "\n\nBy ",
        "\n\nAdditional reporting came from correspondents along the coast.\n\nBy ",
    );
    let out = claimcheck(dir, &check);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        findings(&out).is_empty(),
        "no new finding: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(&format!("0 new, {recorded} still present, 0 fixed")),
        "{}",
        stderr(&out)
    );

    // A new contradiction between two articles (no weekday: "on Tuesday" resolves to two
    // dates against publication dates two days apart, a second contradiction).
    append(
        &coast,
        "Kenya flew 40 tonnes of medical supplies to Tanzania.",
    );
    append(
        &ledger,
        "Kenya flew 90 tonnes of medical supplies to Tanzania.",
    );
    let out = claimcheck(dir, &check);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let new = findings(&out);
    // The keyed slot and the slot linked by meaning may both hold the two quantities: every
    // finding reported is about them, and nothing recorded comes back.
    assert!(!new.is_empty(), "the new contradiction is reported");
    for f in &new {
        assert_eq!(
            f["rule"], "quantity-mismatch",
            "only the new finding: {new:#?}"
        );
        let values: Vec<&str> = f["sides"]
            .as_array()
            .expect("sides")
            .iter()
            .filter_map(|s| s["value"].as_str())
            .collect();
        assert_eq!(
            values,
            ["40 tonnes", "90 tonnes"],
            "only the new finding: {new:#?}"
        );
    }
    let err = stderr(&out);
    assert!(err.contains(&format!("{} new,", new.len())), "{err}");
    assert!(!err.contains("fixed: "), "{err}");

    // Settle a recorded contradiction: it is reported as fixed (in every slot that held it).
    let settled = recorded_entries
        .iter()
        .filter(|f| f["rule"] == "date-mismatch" && f["values"].to_string().contains("2019"))
        .count();
    assert!(settled >= 1, "the accord's date is a recorded finding");
    edit(&coast, "signed in 2019", "signed in 2017");
    let out = claimcheck(dir, &check);
    assert_eq!(out.status.code(), Some(1), "the new finding still fails");
    assert_eq!(findings(&out).len(), new.len());
    let err = stderr(&out);
    assert!(err.contains(&format!("{settled} fixed")), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("fixed: [date-mismatch]") && l.contains("2019")),
        "{err}"
    );
}
