//! Bad input through the binary: exact diagnostics on stderr, exit status 2 for errors
//! and an empty corpus, 0 when only warnings were raised; the rest of the corpus is read.

mod common;

use std::path::Path;

/// Runs `claimcheck sentences ARGS` in `dir`; returns (status, stdout, stderr).
fn sentences(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["sentences"];
    all.extend_from_slice(args);
    common::run_in(dir, &all)
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    common::write_file(dir, rel, bytes)
}

const EMPTY: &str =
    "error: the corpus is empty: no .txt, .md, .html, .htm or .jsonl document was read\n";

#[test]
fn missing_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "ok.txt", b"Still read.\n");
    let (status, stdout, stderr) = sentences(dir.path(), &["nowhere.txt", "ok.txt"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: nowhere.txt: cannot read: No such file or directory (os error 2)\n"
    );
    assert_eq!(stdout, "ok.txt:1:1 [0..11] Still read.\n");
}

#[test]
fn binary_file_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "c/a.txt", b"Plain text.\n");
    write(dir.path(), "c/b.txt", b"PK\x03\x04\x00\x00binary");
    let (status, stdout, stderr) = sentences(dir.path(), &["c"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: c/b.txt: compressed file (zip), skipped: decompress it to read it\n"
    );
    assert_eq!(stdout, "a.txt:1:1 [0..11] Plain text.\n");
}

#[test]
fn invalid_utf8_is_read_lossily_with_exact_spans() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "u.txt", b"Caf\xe9 opens.\nThe \xff end.\n");
    let (status, stdout, stderr) = sentences(dir.path(), &["u.txt"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: u.txt (byte 3): invalid UTF-8, read lossily (invalid bytes replaced by U+FFFD)\n"
    );
    // Spans are file bytes: "Caf\xe9 opens." is 11 bytes, "The \xff end." 10.
    assert_eq!(
        stdout,
        "u.txt:1:1 [0..11] Caf\u{FFFD} opens.\nu.txt:2:1 [12..22] The \u{FFFD} end.\n"
    );
}

#[test]
fn empty_file_warns_and_an_empty_corpus_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "e.txt", b"  \n");
    let (status, stdout, stderr) = sentences(dir.path(), &["e.txt"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!("warning: e.txt: empty file, skipped\n{EMPTY}")
    );
}

#[test]
fn folder_without_documents_is_an_empty_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "d/data.csv", b"a,b\n");
    let (status, _, stderr) = sentences(dir.path(), &["d"]);
    assert_eq!(status, 2);
    assert_eq!(stderr, EMPTY);
}

#[test]
fn malformed_manifest_names_line_and_column_and_files_are_still_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "m/a.txt", b"First file.\n");
    write(
        dir.path(),
        "m/corpus.toml",
        b"[[document]]\npath = \"a.txt\nsource = \"X\"\n",
    );
    let (status, stdout, stderr) = sentences(dir.path(), &["m"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: m/corpus.toml:2:14: malformed manifest: invalid basic string, expected `\"`\n"
    );
    assert_eq!(stdout, "a.txt:1:1 [0..11] First file.\n");
}

#[test]
fn unknown_manifest_key_is_an_error_at_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "m/a.txt", b"First file.\n");
    write(
        dir.path(),
        "m/corpus.toml",
        b"[[document]]\npath = \"a.txt\"\n  author = \"Y\"\n",
    );
    let (status, stdout, stderr) = sentences(dir.path(), &["m"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: m/corpus.toml:3:3: malformed manifest: unknown field `author`, expected one of `path`, `source`, `published`, `title`, `url`, `story`\n"
    );
    assert_eq!(stdout, "a.txt:1:1 [0..11] First file.\n");
}

#[test]
fn manifest_warnings_bad_date_and_unused_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "m/a.txt", b"First file.\n");
    let manifest = "[[document]]\npath = \"a.txt\"\nsource = \"Wire\"\npublished = \"March 2024\"\n\n[[document]]\npath = \"gone.txt\"\n";
    write(dir.path(), "m/corpus.toml", manifest.as_bytes());
    let (status, stdout, stderr) = sentences(dir.path(), &["m"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: m/corpus.toml:4:1: `published` value \"March 2024\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored\n\
         warning: m/corpus.toml:7:1: entry names no document: m/gone.txt\n"
    );
    assert_eq!(stdout, "a.txt:1:1 [0..11] First file.\n");
}

#[test]
fn malformed_json_lines_name_line_and_column_and_others_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = "{\"id\":\"x\",\"text\":\"Good line.\"}\n{\"id\":\"y\", \"text\": oops}\n{\"id\":\"z\"}\n\n\
                {\"id\":\"w\",\"text\":\"Also good.\",\"published\":\"2024-13\"}\n";
    write(dir.path(), "feed.jsonl", feed.as_bytes());
    let (status, stdout, stderr) = sentences(dir.path(), &["feed.jsonl"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: feed.jsonl:2:20: malformed JSON line: expected value\n\
         error: feed.jsonl:3:10: malformed JSON line: missing field `text`\n\
         warning: feed.jsonl:5:1: `published` value \"2024-13\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored\n"
    );
    assert_eq!(
        stdout,
        // Positions are the file's: the line of each document, the column of its text.
        "w:5:19 [0..10] Also good.\nx:1:19 [0..10] Good line.\n"
    );
}

#[test]
fn bad_front_matter_date_names_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "a.md",
        b"---\nsource: Ledger\npublished: yesterday\n---\nSome *text*.\n",
    );
    let (status, stdout, stderr) = sentences(dir.path(), &["a.md"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: a.md:3:1: `published` value \"yesterday\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored\n"
    );
    assert_eq!(stdout, "a.md:5:1 [44..56] Some text.\n");
}

#[cfg(unix)]
#[test]
fn unreadable_file_in_a_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "d/a.txt", b"Text.\n");
    std::os::unix::fs::symlink(
        dir.path().join("missing-target"),
        dir.path().join("d/b.txt"),
    )
    .expect("symlink");
    let (status, stdout, stderr) = sentences(dir.path(), &["d"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: d/b.txt: cannot read: No such file or directory (os error 2)\n"
    );
    assert_eq!(stdout, "a.txt:1:1 [0..5] Text.\n");
}

#[test]
fn duplicate_ids_are_warned_about() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a/x.txt", b"One.\n");
    write(dir.path(), "b/x.txt", b"Two.\n");
    write(
        dir.path(),
        "f.jsonl",
        b"{\"id\":\"k\",\"text\":\"Three.\"}\n{\"id\":\"k\",\"text\":\"Four.\"}\n",
    );
    let (status, stdout, stderr) = sentences(dir.path(), &["a/x.txt", "b/x.txt", "f.jsonl"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: b/x.txt: duplicate document id `x.txt` (also read from a/x.txt)\n\
         warning: f.jsonl:2:1: duplicate document id `k` (also read from f.jsonl)\n"
    );
    assert_eq!(stdout.lines().count(), 4);
}
