//! The README's GitHub Actions workflow, its claimcheck command lines run on a copy of the
//! example corpus: record a baseline, write SARIF with --exit-zero, then fail only on new
//! findings.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck")
}

#[test]
fn the_readme_workflow_runs() {
    let readme = std::fs::read_to_string(common::repo_path("README.md")).expect("README");
    for line in [
        "claimcheck check articles/ --format sarif -o claimcheck.sarif --exit-zero",
        "claimcheck check articles/ --baseline claimcheck.baseline.json --format github",
        "claimcheck baseline articles/ -o\nclaimcheck.baseline.json",
    ] {
        assert!(readme.contains(line), "the README shows `{line}`");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    for entry in std::fs::read_dir(common::repo_path("examples/mtwara-harbour")).expect("example") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), articles.join(entry.file_name())).expect("copy");
    }
    let args = |l: &str| {
        l.split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let run = |l: &str| {
        let a = args(l);
        claimcheck(
            dir.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    let base = run("claimcheck baseline articles/ -o claimcheck.baseline.json");
    assert_eq!(base.status.code(), Some(0));
    let sarif = run("claimcheck check articles/ --format sarif -o claimcheck.sarif --exit-zero");
    assert_eq!(
        sarif.status.code(),
        Some(0),
        "--exit-zero passes with findings"
    );
    let log: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("claimcheck.sarif")).expect("SARIF written"),
    )
    .expect("SARIF is JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(results
        .iter()
        .all(|r| r["partialFingerprints"]["claimcheck/v1"].is_string()));
    let gate = "claimcheck check articles/ --baseline claimcheck.baseline.json --format github";
    assert_eq!(run(gate).status.code(), Some(0), "no new finding: passes");
    let ledger = articles.join("004-regional-ledger.txt");
    let text = std::fs::read_to_string(&ledger).expect("read");
    assert!(text.contains("1,800 soldiers"));
    std::fs::write(&ledger, text.replace("1,800 soldiers", "2,200 soldiers")).expect("write");
    let failed = run(gate);
    assert_eq!(failed.status.code(), Some(1), "a new finding fails the job");
    assert!(
        String::from_utf8_lossy(&failed.stdout).contains("::error")
            || String::from_utf8_lossy(&failed.stdout).contains("::warning")
    );
}
