//! `check --claims`: claims extracted from shards of a corpus (`claims --format jsonl`,
//! one run per shard) and checked together print the report of a single run over the
//! same paths; a bad claims file is an error at its line and column, and a document gone
//! since its claims were written loses its quotes with a warning.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("run claimcheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `claims --format jsonl` of `paths` into `file`.
fn shard(file: &Path, paths: &[&str]) -> PathBuf {
    let mut args = vec!["claims", "--format", "jsonl", "--quiet"];
    args.extend(paths);
    let (status, out, err) = run(&args);
    assert_eq!(status, 0, "{err}");
    std::fs::write(file, out).unwrap();
    file.to_path_buf()
}

#[test]
fn sharded_extraction_and_one_check_print_the_single_run_report() {
    let dir = tempfile::tempdir().unwrap();
    let fire = repo("tests/fixtures/stories/harbour-fire");
    let flood = repo("tests/fixtures/stories/valley-flood");
    let example = repo("examples/mtwara-harbour");
    let a = shard(&dir.path().join("a.jsonl"), &[&fire, &example]);
    let b = shard(&dir.path().join("b.jsonl"), &[&flood]);
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for format in ["json", "text", "sarif", "html"] {
        let single = run(&[
            "check", &fire, &flood, &example, "--format", format, "--quiet",
        ]);
        assert!(single.1.contains("mismatch"), "{format}: {}", single.2);
        for files in [[a, b], [b, a]] {
            let reduced = run(&["check", "--claims", files[0], files[1], "--format", format]);
            assert_eq!(reduced.0, single.0, "{format}: {}", reduced.2);
            assert!(reduced.1 == single.1, "{format}: the reports differ");
            assert_eq!(reduced.2, "", "{format}");
        }
    }
}

#[test]
fn a_bad_claims_file_is_an_error_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let good = shard(
        &dir.path().join("good.jsonl"),
        &[&repo("examples/mtwara-harbour")],
    );
    let text = std::fs::read_to_string(&good).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(2, "{\"doc\": \"x\", \"record\": 7}");
    lines.insert(3, "not json");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, lines.join("\n")).unwrap();
    let (status, out, err) = run(&["check", "--claims", bad.to_str().unwrap()]);
    assert_eq!(status, 2, "{err}");
    let name = bad.display().to_string();
    assert!(err.contains(&format!("error: {name}:3:")), "{err}");
    assert!(err.contains(&format!("error: {name}:4:")), "{err}");
    assert!(!err.contains("at line 1"), "{err}");
    assert!(err.contains("not a claim line"), "{err}");
    // The good lines are still checked.
    assert!(out.contains("quantity-mismatch"), "{out}");
    let (status, _, err) = run(&["check", "--claims", "no-such-file.jsonl"]);
    assert_eq!(status, 2);
    assert!(err.contains("no-such-file.jsonl: cannot read"), "{err}");
}

#[test]
fn a_document_gone_since_its_claims_were_written_loses_its_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    std::fs::create_dir(&story).unwrap();
    for name in ["001-coastline-post.txt", "004-regional-ledger.txt"] {
        std::fs::copy(
            repo(&format!("examples/mtwara-harbour/{name}")),
            story.join(name),
        )
        .unwrap();
    }
    let claims = shard(&dir.path().join("c.jsonl"), &[story.to_str().unwrap()]);
    std::fs::remove_file(story.join("004-regional-ledger.txt")).unwrap();
    let (status, out, err) = run(&[
        "check",
        "--claims",
        claims.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(status, 1, "{err}");
    assert!(out.contains("quantity-mismatch"), "{out}");
    assert!(
        err.contains("004-regional-ledger.txt") && err.contains("quotes are left out"),
        "{err}"
    );
}

/// `claims --format parquet -o FILE` of `paths`.
#[cfg(feature = "parquet")]
fn parquet_shard(file: &Path, paths: &[&str]) -> String {
    let mut args = vec!["claims", "--format", "parquet", "--quiet", "-o"];
    let name = file.to_str().unwrap();
    args.push(name);
    args.extend(paths);
    let (status, _, err) = run(&args);
    assert_eq!(status, 0, "{err}");
    assert_eq!(&std::fs::read(file).unwrap()[..4], b"PAR1");
    name.to_string()
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_shards_and_one_check_print_the_single_run_report() {
    let dir = tempfile::tempdir().unwrap();
    let fire = repo("tests/fixtures/stories/harbour-fire");
    let flood = repo("tests/fixtures/stories/valley-flood");
    let example = repo("examples/mtwara-harbour");
    let a = parquet_shard(&dir.path().join("a.parquet"), &[&fire, &example]);
    let b = parquet_shard(&dir.path().join("b.parquet"), &[&flood]);
    let c = shard(&dir.path().join("b.jsonl"), &[&flood]);
    let c = c.to_str().unwrap();
    for format in ["json", "text"] {
        let single = run(&[
            "check", &fire, &flood, &example, "--format", format, "--quiet",
        ]);
        for files in [[&a, &b], [&a, &c.to_string()]] {
            let reduced = run(&["check", "--claims", files[0], files[1], "--format", format]);
            assert_eq!(reduced.0, single.0, "{format}: {}", reduced.2);
            assert!(reduced.1 == single.1, "{format}: the reports differ");
            assert_eq!(reduced.2, "", "{format}");
        }
    }
    // A file that starts as Parquet but is not one: an error naming it.
    let bad = dir.path().join("bad.parquet");
    std::fs::write(&bad, b"PAR1 and then nothing").unwrap();
    let (status, _, err) = run(&["check", "--claims", bad.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(
        err.contains(&format!(
            "error: {}: not a readable Parquet file",
            bad.display()
        )),
        "{err}"
    );
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_needs_the_feature_and_says_so() {
    let (status, _, err) = run(&[
        "claims",
        &repo("examples/mtwara-harbour"),
        "--format",
        "parquet",
    ]);
    assert_eq!(status, 2);
    assert!(err.contains("built without the `parquet` feature"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.parquet");
    std::fs::write(&file, b"PAR1....").unwrap();
    let (status, _, err) = run(&["check", "--claims", file.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(err.contains("built without the `parquet` feature"), "{err}");
}
