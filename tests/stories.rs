//! Stories: a folder holding a `corpus.toml` is one story, unless its documents name their
//! story; claims are linked and checked within a story, never across stories. The fixture
//! `tests/fixtures/stories` holds two invented stories that state the same measure (workers
//! killed by a fire) with different values, a README and a file its manifest does not list.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const STORIES: &str = "tests/fixtures/stories";

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck")
}

fn repo() -> std::path::PathBuf {
    common::repo_path("")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn two_stories_are_checked_apart() {
    let out = claimcheck(&repo(), &["check", STORIES, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "one finding: exit 1");
    let report = json(&out);
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["story"], "harbour-fire");
    assert_eq!(f["rule"], "quantity-mismatch");
    // The scorers' fields keep their shape.
    for c in f["claims"].as_array().expect("claims") {
        assert!(c["doc"].as_str().expect("doc").starts_with("harbour-fire/"));
        assert_eq!(c["span"].as_array().map(Vec::len), Some(2));
        assert!(c["side"].is_string());
    }
    // Neither the other story's value nor the unlisted notes' value is set against them.
    let values: Vec<&str> = f["sides"]
        .as_array()
        .expect("sides")
        .iter()
        .filter_map(|s| s["value"].as_str())
        .collect();
    assert_eq!(values, ["12 workers", "19 workers"]);
    assert_eq!(report["summary"]["documents"], 4);
}

#[test]
fn files_that_are_not_articles_are_named_on_stderr() {
    let out = claimcheck(&repo(), &["check", STORIES]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: tests/fixtures/stories/README.md: not an article"),
        "{stderr}"
    );
    assert!(
        stderr.contains("harbour-fire/notes.txt: not listed in"),
        "{stderr}"
    );
    // -q keeps notes off standard error.
    let quiet = claimcheck(&repo(), &["check", "-q", STORIES]);
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
}

#[test]
fn a_file_of_a_story_given_directly_keeps_its_story() {
    let out = claimcheck(
        &repo(),
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/stories/harbour-fire/north-gazette.txt",
            "tests/fixtures/stories/valley-flood/valley-post.md",
        ],
    );
    let report = json(&out);
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn json_lines_name_their_stories() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = |id: &str, story: &str, n: u32| {
        serde_json::json!({"id": id, "story": story, "source": id,
            "text": format!("The fire killed {n} workers, the port authority said.")})
        .to_string()
    };
    let lines = [
        line("a1", "kelvara", 12),
        line("a2", "kelvara", 19),
        line("b1", "ossan", 30),
        line("b2", "ossan", 30),
    ];
    std::fs::write(dir.path().join("feed.jsonl"), lines.join("\n") + "\n").expect("write");
    let out = claimcheck(dir.path(), &["check", "feed.jsonl", "--format", "json"]);
    let report = json(&out);
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["story"], "kelvara");
}

#[test]
fn reports_group_findings_by_story() {
    let text = claimcheck(&repo(), &["check", STORIES]);
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    common::snapshot_settings().bind(|| insta::assert_snapshot!("stories_text", text));
    let md = claimcheck(&repo(), &["check", STORIES, "--format", "markdown"]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("### story harbour-fire\n"), "{md}");
    assert!(md.contains("### story valley-flood\n"), "{md}");
    assert!(md.contains("#### 1. `quantity-mismatch`"), "{md}");
    let html = claimcheck(&repo(), &["check", STORIES, "--format", "html"]);
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(
        html.contains("<section class=\"story\" data-story=\"harbour-fire\">"),
        "{html}"
    );
    assert!(html.contains("data-story=\"valley-flood\""), "{html}");
}
