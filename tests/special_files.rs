//! Issue 16, items 3 and 4: FIFOs, devices, huge files and symlinked folders. Each case
//! checks the message (file and position), the exit status and that the rest was read.

mod common;

use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::run_in(dir, args)
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    common::write_file(dir, rel, bytes)
}

/// A folder `c` with one article, `a.txt`.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "c/a.txt", b"The ferry left Quillon at dawn.\n");
    dir
}

const A_TXT: &str = "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n";

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_warning() {
    let dir = corpus();
    if !mkfifo(&dir.path().join("c/x.txt")) {
        eprintln!("note: skipped: no mkfifo");
        return;
    }
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "c"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: c/x.txt: not a regular file (a FIFO), skipped\n"
    );
    assert_eq!(stdout, A_TXT);
}

#[cfg(unix)]
#[test]
fn an_endless_device_stops_at_the_size_limit() {
    let dir = corpus();
    let (status, stdout, stderr) = run(
        dir.path(),
        &["sentences", "/dev/zero", "c/a.txt", "--max-file-size", "1M"],
    );
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: /dev/zero: file larger than --max-file-size (1048576 bytes), skipped\n"
    );
    assert_eq!(stdout, A_TXT);
}

#[test]
fn a_file_over_the_limit_is_skipped_and_the_rest_read() {
    let dir = corpus();
    write(
        dir.path(),
        "c/big.txt",
        "Long words. ".repeat(200).as_bytes(),
    );
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "c", "--max-file-size", "1K"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: c/big.txt: file larger than --max-file-size (1024 bytes), skipped\n"
    );
    assert_eq!(stdout, A_TXT);
}

#[test]
fn a_json_line_over_the_limit_is_skipped_and_the_next_lines_read() {
    let dir = corpus();
    let long = format!("{{\"id\": \"x\", \"text\": \"{}\"}}\n", "word ".repeat(500));
    let feed = format!("{long}{{\"id\": \"k\", \"text\": \"The bridge at Tarn reopened.\"}}\n");
    write(dir.path(), "feed.jsonl", feed.as_bytes());
    let (status, stdout, stderr) = run(
        dir.path(),
        &["sentences", "feed.jsonl", "--max-file-size", "2K"],
    );
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "error: feed.jsonl:1:1 (byte 0): line larger than --max-file-size (2048 bytes), skipped\n"
    );
    assert!(stdout.starts_with("k:"), "{stdout}");
    assert!(stdout.contains("The bridge at Tarn reopened."), "{stdout}");
}

#[test]
fn a_bad_size_is_a_usage_error() {
    let dir = corpus();
    let (status, _, stderr) = run(dir.path(), &["sentences", "c", "--max-file-size", "lots"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("`lots` is not a size"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_is_followed_and_a_loop_reported() {
    let dir = corpus();
    write(
        dir.path(),
        "elsewhere/b.txt",
        b"The ferry returned at noon.\n",
    );
    std::os::unix::fs::symlink("../elsewhere", dir.path().join("c/linked")).expect("symlink");
    std::os::unix::fs::symlink(".", dir.path().join("c/up")).expect("symlink");
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "c"]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("{A_TXT}linked/b.txt:1:1 [0..27] The ferry returned at noon.\n")
    );
    assert!(
        stderr.contains(
            "warning: c/up: symlink loop: points to c, which is already being read; not followed"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_reached_twice_through_links_is_read_once() {
    let dir = corpus();
    std::os::unix::fs::symlink("a.txt", dir.path().join("c/b.txt")).expect("symlink");
    let (status, stdout, stderr) = run(dir.path(), &["sentences", "c"]);
    assert_eq!(status, 0);
    assert_eq!(stdout, A_TXT);
    assert_eq!(
        stderr,
        "warning: c/b.txt: the same file as c/a.txt (through a symlink), read once\n"
    );
}
