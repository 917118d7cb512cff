//! `--output FILE` writes exactly what standard output would show, through a temporary
//! file renamed at the end (the interrupted-write case is tested in `src/output.rs`).

use std::process::Command;

fn claimcheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("run claimcheck")
}

#[test]
fn reports_and_graphs_go_to_the_file_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (command, format) in [("check", "json"), ("check", "html"), ("graph", "dot")] {
        let file = dir.path().join(format!("{command}.{format}"));
        let file_arg = file.to_string_lossy().to_string();
        let to_stdout = claimcheck(&[command, "examples/mtwara-harbour", "--format", format]);
        let to_file = claimcheck(&[
            command,
            "examples/mtwara-harbour",
            "--format",
            format,
            "-o",
            &file_arg,
        ]);
        assert_eq!(to_stdout.status.code(), to_file.status.code());
        assert!(
            to_file.stdout.is_empty(),
            "nothing on standard output with -o"
        );
        let written = std::fs::read(&file).expect("the report file exists");
        assert!(!written.is_empty());
        assert_eq!(written, to_stdout.stdout, "{command} --format {format}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn an_unwritable_output_is_an_error_naming_it() {
    let out = claimcheck(&[
        "check",
        "examples/mtwara-harbour",
        "-o",
        "/nonexistent-dir/report.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent-dir/report.json: cannot write"),
        "{err}"
    );
}

/// A small corpus of two invented articles in a temporary folder.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    std::fs::create_dir(&c).expect("mkdir");
    std::fs::write(
        c.join("001.txt"),
        "About 6,000 dockers walked off the job at the Pellan harbour in southern Norland on Monday, the union said.\n",
    )
    .expect("write");
    std::fs::write(
        c.join("002.txt"),
        "Some 2,500 dockers joined the strike at the Pellan harbour in southern Norland on Monday, the company said.\n",
    )
    .expect("write");
    dir
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run claimcheck")
}

#[test]
fn a_corpus_file_is_never_overwritten() {
    let dir = corpus();
    let before = std::fs::read(dir.path().join("c/001.txt")).expect("read");
    for target in ["c/001.txt", "./c/../c/001.txt"] {
        let out = run_in(dir.path(), &["check", "c", "-o", target]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "error: {target}: refusing to write over c/001.txt, which this run reads"
            )),
            "{err}"
        );
    }
    let out = run_in(dir.path(), &["graph", "c", "-o", "c/002.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run_in(
        dir.path(),
        &["check", "c", "--baseline", "base.json", "-o", "base.json"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "the baseline read is refused too"
    );
    assert_eq!(
        std::fs::read(dir.path().join("c/001.txt")).expect("read"),
        before
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_is_written_through_and_a_device_stays_a_device() {
    use std::os::unix::fs::PermissionsExt;
    let dir = corpus();
    std::fs::write(dir.path().join("real.json"), "old").expect("write");
    std::fs::set_permissions(
        dir.path().join("real.json"),
        std::fs::Permissions::from_mode(0o600),
    )
    .expect("chmod");
    std::os::unix::fs::symlink("real.json", dir.path().join("link.json")).expect("symlink");
    let out = run_in(dir.path(), &["check", "c", "-f", "json", "-o", "link.json"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let link = std::fs::symlink_metadata(dir.path().join("link.json")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is kept");
    let written = std::fs::read_to_string(dir.path().join("real.json")).expect("read");
    assert!(written.contains("\"findings\""), "{written}");
    let mode = std::fs::metadata(dir.path().join("real.json"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "the mode of the replaced file is kept");

    let out = run_in(dir.path(), &["check", "c", "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1));
    let null = std::fs::metadata("/dev/null").expect("meta");
    assert!(!null.is_file(), "/dev/null is still a device");
}

#[cfg(unix)]
#[test]
fn a_stale_temporary_file_of_a_killed_run_is_removed() {
    let dir = corpus();
    let stale = dir.path().join(".report.json.4294967295.0.tmp");
    std::fs::write(&stale, "half a rep").expect("write");
    let out = run_in(dir.path(), &["check", "c", "-o", "report.json"]);
    assert_eq!(out.status.code(), Some(1));
    if std::path::Path::new("/proc/self").exists() {
        assert!(
            !stale.exists(),
            "the left-over of a dead process is removed"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_terminated_run_exits_promptly_and_leaves_no_temporary_file() {
    let dir = corpus();
    let fifo = dir.path().join("c/pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: skipped: no mkfifo");
        return;
    }
    // A FIFO given directly is read (it blocks until written): the run waits there.
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "c/pipe.txt", "c/001.txt", "-o", "report.json"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(130));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
