//! The pre-commit hook of `.pre-commit-hooks.yaml`: its `files` pattern takes exactly the
//! extensions claimcheck reads, in any case, and its `entry` run as pre-commit runs it (from the
//! repository's root, with the changed files as arguments) checks them as a story.

mod common;

use claimcheck::corpus::walk::format_of;
use std::path::Path;
use std::process::Command;

/// The value of `key:` in the hooks file (one hook, one line a key).
fn hook_value(hooks: &str, key: &str) -> String {
    let prefix = format!("{key}:");
    hooks
        .lines()
        .map(|l| l.trim_start().trim_start_matches("- "))
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no `{key}` in .pre-commit-hooks.yaml"))
        .trim()
        .to_string()
}

fn hooks() -> String {
    std::fs::read_to_string(common::repo_path(".pre-commit-hooks.yaml")).expect("hooks file")
}

#[test]
fn the_hook_takes_the_files_claimcheck_reads() {
    let hooks = hooks();
    assert_eq!(hook_value(&hooks, "id"), "claimcheck");
    let files = hook_value(&hooks, "files");
    // Case-insensitive, as the reader takes `.TXT` too.
    let alternatives = files
        .strip_prefix(r"(?i)\.(")
        .and_then(|f| f.strip_suffix(")$"))
        .unwrap_or_else(|| panic!("files is one list of extensions: {files}"));
    let listed: Vec<&str> = alternatives.split('|').collect();
    for ext in [
        "txt", "text", "md", "markdown", "html", "htm", "jsonl", "ndjson", "toml", "json", "csv",
        "rst", "pdf",
    ] {
        let read = format_of(Path::new(&format!("article.{ext}"))).is_some();
        assert_eq!(
            listed.contains(&ext),
            read,
            "the hook's files pattern and the corpus reader disagree on .{ext}"
        );
    }
}

#[test]
fn the_hook_entry_checks_the_files_it_is_given() {
    let hooks = hooks();
    let entry = hook_value(&hooks, "entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("claimcheck"));
    let args: Vec<&str> = words.collect();
    let run = |files: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .current_dir(common::repo_path(""))
            .args(&args)
            .args(files)
            .output()
            .expect("run the hook's entry")
    };
    // Two changed articles of the example story that disagree on the troops.
    let both = run(&[
        "examples/mtwara-harbour/001-coastline-post.txt",
        "examples/mtwara-harbour/004-regional-ledger.txt",
    ]);
    assert_eq!(both.status.code(), Some(1), "findings fail the commit");
    let report = String::from_utf8_lossy(&both.stdout);
    assert!(report.contains("quantity-mismatch"), "{report}");
    assert!(report.contains("story mtwara-harbour"), "{report}");
    assert!(
        both.stderr.is_empty(),
        "--quiet: {}",
        String::from_utf8_lossy(&both.stderr)
    );
    // One article alone contradicts nothing: the commit passes.
    let one = run(&["examples/mtwara-harbour/004-regional-ledger.txt"]);
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stdout)
    );
}
