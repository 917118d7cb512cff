//! The benchmark corpus generator: deterministic for a seed, and `claimcheck check` finds
//! the contradictions it plants.

#[path = "../benches/support/generator.rs"]
mod generator;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Every file under `dir`, relative path to bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            let bytes = std::fs::read(e.path()).expect("generated file is readable");
            (rel.display().to_string(), bytes)
        })
        .collect()
}

#[test]
fn same_seed_gives_byte_identical_files() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let c = tempfile::tempdir().expect("tempdir");
    let sa = generator::write_corpus(a.path(), 42, 20_000, false).expect("generate a");
    let sb = generator::write_corpus(b.path(), 42, 20_000, false).expect("generate b");
    generator::write_corpus(c.path(), 43, 20_000, false).expect("generate c");
    assert_eq!(sa, sb);
    assert!(sa.bytes >= 20_000, "{sa:?}");
    assert!(sa.documents > 5, "{sa:?}");
    let (fa, fb, fc) = (files(a.path()), files(b.path()), files(c.path()));
    assert!(fa.contains_key("part-00000/corpus.toml"), "{:?}", fa.keys());
    assert_eq!(fa, fb);
    assert_ne!(fa, fc, "another seed gives another corpus");
}

#[test]
fn jsonl_output_is_deterministic_and_one_line_per_document() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let sa = generator::write_corpus(a.path(), 5, 20_000, true).expect("generate a");
    generator::write_corpus(b.path(), 5, 20_000, true).expect("generate b");
    let ja = std::fs::read_to_string(a.path().join("corpus.jsonl")).expect("jsonl a");
    let jb = std::fs::read_to_string(b.path().join("corpus.jsonl")).expect("jsonl b");
    assert_eq!(ja, jb);
    assert_eq!(ja.lines().count(), sa.documents);
}

#[test]
fn check_finds_planted_contradictions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stats = generator::write_corpus(dir.path(), 1, 60_000, false).expect("generate");
    assert!(stats.planted > 0, "{stats:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--quiet", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("claimcheck runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings make the exit status 1: {stdout}"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    let findings = report["findings"].as_array().expect("findings array");
    let rules: Vec<&str> = findings.iter().filter_map(|f| f["rule"].as_str()).collect();
    assert!(
        rules.contains(&"quantity-mismatch"),
        "a planted troop or diplomat count is found: {rules:?}"
    );
    assert!(
        findings.len() <= stats.stories * 3,
        "not a finding in every slot: {} findings for {} stories",
        findings.len(),
        stats.stories
    );
}
