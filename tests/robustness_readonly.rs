//! The corpus is opened read-only: no code under `src/corpus/` can open a file for writing,
//! and reading a corpus leaves its folder exactly as it was (same files, bytes and times).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Calls that create, change or remove files.
const WRITING_CALLS: &[&str] = &[
    "File::create",
    "OpenOptions",
    "fs::write",
    ".write(true)",
    ".append(true)",
    "remove_file",
    "remove_dir",
    "fs::rename",
    "fs::copy",
    "create_dir",
    "set_permissions",
    "set_len",
];

#[test]
fn corpus_code_makes_no_writing_call() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/corpus");
    let mut offenders = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.expect("walk src/corpus");
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        files += 1;
        let text = fs::read_to_string(entry.path()).expect("read source");
        for (n, line) in text.lines().enumerate() {
            for call in WRITING_CALLS {
                if line.contains(call) {
                    offenders.push(format!("{}:{}: {call}", entry.path().display(), n + 1));
                }
            }
        }
    }
    assert!(files >= 10, "src/corpus has {files} .rs files");
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// Every entry under `root` with its size and modification time.
fn state(root: &Path) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| {
            let e = e.expect("walk");
            let m = e.metadata().expect("metadata");
            (e.path().to_path_buf(), (m.len(), m.modified().ok()))
        })
        .collect()
}

#[test]
fn reading_a_corpus_changes_nothing_in_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let files: &[(&str, &[u8])] = &[
        ("a.txt", b"Plain text about 300 people.\n"),
        ("b.md", b"---\nsource: Ledger\n---\n# Title\n\nBody text.\n"),
        (
            "c.html",
            b"<html><title>T</title><p>Para &amp; more.</p></html>",
        ),
        ("d.jsonl", b"{\"id\":\"d1\",\"text\":\"Line one.\"}\nbad\n"),
        ("e.txt", b"Caf\xe9 bytes.\n"),
        ("f.txt", b"\x00binary"),
        (
            "corpus.toml",
            b"[[document]]\npath = \"a.txt\"\nsource = \"Wire\"\n\
              [[document]]\npath = \"b.md\"\n[[document]]\npath = \"c.html\"\n\
              [[document]]\npath = \"e.txt\"\n[[document]]\npath = \"f.txt\"\n",
        ),
    ];
    for (name, bytes) in files {
        fs::write(root.join(name), bytes).expect("write fixture");
    }
    let before = state(root);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--quiet", "."])
        .current_dir(root)
        .output()
        .expect("run claimcheck")
        .status;
    assert_eq!(status.code(), Some(2), "the bad JSON line is an error");
    assert_eq!(state(root), before);
    for (name, bytes) in files {
        assert_eq!(
            &fs::read(root.join(name)).expect("read back"),
            bytes,
            "{name}"
        );
    }
}
