//! The bad-input table of issue 8, through the binary: each row checks the exact message
//! (file and position), that the rest of the corpus is still read where that applies, and
//! the exit status (2 for input, usage and configuration errors). Rows about corpus files
//! (invalid UTF-8, NUL bytes, empty file, empty folder, missing path, malformed or unknown
//! manifest keys, bad JSON lines) are in `corpus_bad_input.rs`.

mod common;

use std::fs;
use std::path::Path;

/// Runs `claimcheck ARGS` in `dir`; returns (status, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::run_in(dir, args)
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    common::write_file(dir, rel, bytes)
}

/// A folder with one readable article, `a.txt`.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", b"Good text.\n");
    dir
}

const A_TXT: &str = "a.txt:1:1 [0..10] Good text.\n";

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error_and_the_rest_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = corpus();
    write(dir.path(), "p.txt", b"Private.\n");
    let p = dir.path().join("p.txt");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::File::open(&p).is_ok() {
        // Root (and CAP_DAC_OVERRIDE) reads any file whatever its mode.
        eprintln!("note: skipped: this user can read a file with mode 000 (running as root?)");
        return;
    }
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "p.txt", "a.txt"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: p.txt: cannot read: Permission denied (os error 13)\n"
    );
    assert_eq!(stdout, A_TXT);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_an_error_and_the_rest_is_read() {
    let dir = corpus();
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).expect("symlink");
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "loop.txt", "a.txt"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: loop.txt: cannot read: Too many levels of symbolic links (os error 40)\n"
    );
    assert_eq!(stdout, A_TXT);

    // Inside a folder that is walked.
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "."]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: ./loop.txt: cannot read: Too many levels of symbolic links (os error 40)\n"
    );
    assert_eq!(stdout, A_TXT);
}

#[test]
fn directory_given_as_the_config_file() {
    let dir = corpus();
    fs::create_dir(dir.path().join("conf")).expect("mkdir");
    let (status, stdout, stderr) = run(dir.path(), &["check", "a.txt", "--config", "conf"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: conf: cannot read: Is a directory (os error 21)\n"
    );
}

#[test]
fn directory_given_as_the_baseline_to_read_or_write() {
    let dir = corpus();
    fs::create_dir(dir.path().join("base")).expect("mkdir");
    let (status, _, stderr) = run(dir.path(), &["check", "a.txt", "--baseline", "base"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: cannot read baseline base: Is a directory (os error 21)\n"
    );
    let (status, _, stderr) = run(dir.path(), &["baseline", "a.txt", "-o", "base"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: cannot write baseline base: Is a directory (os error 21)\n"
    );
    assert!(dir.path().join("base").is_dir());
}

#[test]
fn malformed_config_file_names_line_and_column() {
    let dir = corpus();
    write(dir.path(), "claimcheck.toml", b"rules = []\nfail_on = \n");
    let (status, stdout, stderr) = run(dir.path(), &["check", "a.txt"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "error: {}:2:11: string values must be quoted, expected literal string\n",
            dir.path().join("claimcheck.toml").display()
        )
    );
}

#[test]
fn rule_file_with_a_syntax_error() {
    let dir = corpus();
    write(dir.path(), "r/checks/bad.toml", b"id = \"x\"\nkind = \n");
    let (status, stdout, stderr) = run(dir.path(), &["check", "a.txt", "--rules", "r"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: r/checks/bad.toml:2:8: string values must be quoted, expected literal string\n"
    );
}

#[test]
fn rule_file_with_an_unknown_kind() {
    let dir = corpus();
    write(
        dir.path(),
        "r/checks/bad.toml",
        b"id = \"x\"\nname = \"X\"\nkind = \"telepathy\"\n",
    );
    let (status, _, stderr) = run(dir.path(), &["rules", "--rules", "r"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: r/checks/bad.toml:3:8: unknown variant `telepathy`, expected one of \
         `quantity`, `date`, `duration`, `actor`, `action-scope`, `polarity`\n"
    );
}

#[test]
fn lexicon_file_with_a_bad_entry() {
    let dir = corpus();
    write(
        dir.path(),
        "r/lexicon/x.toml",
        b"[country]\nAtlantis = { demonyms = \"Atlantean\" }\n",
    );
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "a.txt", "--rules", "r"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: r/lexicon/x.toml:2:25: invalid type: string \"Atlantean\", expected a sequence\n"
    );

    write(
        dir.path(),
        "r/lexicon/x.toml",
        b"[country]\nAtlantis = { capitol = [\"Poseidonia\"] }\n",
    );
    let (status, _, stderr) = run(dir.path(), &["sentences", "a.txt", "--rules", "r"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: r/lexicon/x.toml:2:14: unknown field `capitol`, expected one of `aliases`, \
         `demonyms`, `capital`, `prefixes`, `ambiguous`, `ambiguous_aliases`, `ambiguous_capital`\n"
    );
}

// An empty name or pattern would match everywhere (or nowhere) and says the file is wrong;
// today it is accepted silently (reported to the lead; the lexicon owns the message).
#[test]
fn lexicon_file_with_an_empty_pattern() {
    let dir = corpus();
    write(
        dir.path(),
        "r/lexicon/x.toml",
        b"[country]\nAtlantis = { demonyms = [\"\"] }\n",
    );
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "a.txt", "--rules", "r"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert!(stderr.starts_with("error: r/lexicon/x.toml:2:"), "{stderr}");
}

#[test]
fn bad_format_lists_the_accepted_ones() {
    let dir = corpus();
    let (status, stdout, stderr) = run(dir.path(), &["check", "a.txt", "--format", "yaml"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: invalid value 'yaml' for '--format <FORMAT>'\n  \
         [possible values: text, json, jsonl, sarif, github, junit, markdown, html]\n\n\
         For more information, try '--help'.\n"
    );
}

#[test]
fn check_reports_on_the_readable_documents_and_fails_on_a_bad_line() {
    let dir = corpus();
    write(
        dir.path(),
        "b.jsonl",
        b"{\"id\":\"k\",\"text\":\"Fine.\"}\nnot json\n",
    );
    let (status, stdout, stderr) = run(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: ./b.jsonl:2:2: malformed JSON line: expected ident\n"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("a JSON report");
    assert_eq!(report["summary"]["documents"], 2);
}
