//! The corpus is opened read-only: no code under `src/corpus/` can open a file for writing,
//! and reading a corpus leaves its folder exactly as it was (same files, bytes and times),
//! with the claim cache on too.

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
    // Without a cache, with the default cache (the current folder is the corpus: none is
    // made), and with a cache folder named inside the corpus (refused with a warning).
    let runs: [&[&str]; 3] = [
        &["check", "--quiet", "."],
        &["check", "--quiet", ".", "--format", "json"],
        &["check", ".", "--cache-dir", "sub/cache"],
    ];
    for (i, args) in runs.into_iter().enumerate() {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"));
        command.args(args).current_dir(root);
        if i > 0 {
            // `.cargo/config.toml` turns the cache off for tests: turn it back on.
            command
                .env_remove("CLAIMCHECK_NO_CACHE")
                .env_remove("CLAIMCHECK_CACHE_DIR");
        }
        let out = command.output().expect("run claimcheck");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: the bad JSON line is an error"
        );
        if i == 2 {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("inside the corpus folder ., which is only read"),
                "{err}"
            );
        }
        assert_eq!(state(root), before, "{args:?}");
    }
    for (name, bytes) in files {
        assert_eq!(
            &fs::read(root.join(name)).expect("read back"),
            bytes,
            "{name}"
        );
    }
}
