//! Suppressions written in the corpus, through the binary: a `claimcheck-ignore` comment
//! before the paragraph of one side hides the finding (Markdown and HTML); without the
//! comment the finding is there; a comment that hides nothing is reported.

use std::path::Path;
use std::process::{Command, Output};

fn check(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("run claimcheck")
}

fn rules_found(out: &Output) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str().map(str::to_string))
        .collect()
}

/// The rules found, each once: the keyed slot and the slot linked by meaning may both
/// report one contradiction.
fn distinct_rules_found(out: &Output) -> Vec<String> {
    let mut rules = rules_found(out);
    assert!(!rules.is_empty(), "a finding");
    rules.sort();
    rules.dedup();
    rules
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of a fixture folder with every `<!-- claimcheck-ignore ... -->` comment removed.
fn without_comments(fixture: &Path, into: &Path) {
    for entry in std::fs::read_dir(fixture).expect("fixture") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let kept: String = text
            .split_inclusive('\n')
            .filter(|l| !l.contains("claimcheck-ignore"))
            .collect();
        std::fs::write(into.join(path.file_name().expect("name")), kept).expect("write copy");
    }
}

#[test]
fn a_comment_before_a_paragraph_hides_its_findings() {
    for name in ["hidden-md", "hidden-html"] {
        let fixture = Path::new("tests/fixtures/suppress").join(name);
        let out = check(&fixture);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(rules_found(&out).is_empty(), "{name}");
        assert!(
            !stderr(&out).contains("warning"),
            "{name}: {}",
            stderr(&out)
        );

        let tmp = tempfile::tempdir().expect("temp dir");
        without_comments(&fixture, tmp.path());
        let out = check(tmp.path());
        assert_eq!(out.status.code(), Some(1), "{name} without the comment");
        assert_eq!(distinct_rules_found(&out), ["quantity-mismatch"], "{name}");
    }
}

#[test]
fn a_comment_that_hides_nothing_is_reported() {
    let fixture = Path::new("tests/fixtures/suppress/unused");
    let out = check(fixture);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(distinct_rules_found(&out), ["quantity-mismatch"]);
    let warnings: Vec<String> = stderr(&out)
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .map(str::to_string)
        .collect();
    let file = "tests/fixtures/suppress/unused/a-harbour-gazette.md";
    assert_eq!(
        warnings,
        [
            format!("warning: {file}:7:1: claimcheck-ignore quantity-mismatch suppresses nothing"),
            format!("warning: {file}:10:1: claimcheck-ignore polarity-mismatch suppresses nothing"),
        ]
    );
    // --quiet keeps standard error for errors.
    let quiet = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--quiet", "--format", "json"])
        .arg(fixture)
        .output()
        .expect("run claimcheck");
    assert!(!stderr(&quiet).contains("warning"), "{}", stderr(&quiet));
}
