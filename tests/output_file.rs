//! `--output FILE` writes exactly what standard output would show, through a temporary
//! file renamed at the end (the interrupted-write case is tested in `src/output/mod.rs`).
//! Every row of the README's output-path table has a case here, tried through the binary
//! (`every_row_of_the_output_table_has_a_case` fails when a row has none).

use std::path::Path;
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

/// The first cells of the rows of the README's output-path table.
fn output_table_rows() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let table = readme
        .split("\n| Output path | What happens |\n")
        .nth(1)
        .expect("the output-path table");
    table
        .lines()
        .skip(1) // its rule
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_start_matches("| ")
                .split(" | ")
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// Each row of the README's output-path table (by the start of its first cell) and the
/// test of this file that tries it through the binary.
const OUTPUT_CASES: &[(&str, fn())] = &[
    (
        "A file the run reads",
        a_file_the_run_reads_is_never_overwritten,
    ),
    (
        "A symlink (even a dangling one)",
        a_symlink_is_written_through,
    ),
    ("An existing file", an_existing_file_keeps_its_mode),
    (
        "A device, FIFO or socket",
        a_device_or_fifo_is_written_directly,
    ),
    ("A folder", a_folder_is_an_error_naming_it),
    (
        "Interrupted by SIGINT, SIGTERM or SIGHUP",
        an_interrupted_run_exits_130_leaving_no_temporary_file,
    ),
    (
        "Killed (SIGKILL)",
        a_stale_temporary_file_of_a_killed_run_is_removed,
    ),
];

#[test]
fn every_row_of_the_output_table_has_a_case() {
    let rows = output_table_rows();
    assert!(rows.len() >= 7, "{rows:?}");
    for row in &rows {
        assert!(
            OUTPUT_CASES.iter().any(|(start, _)| row.starts_with(start)),
            "README output row without a case: {row}"
        );
    }
    for (start, _) in OUTPUT_CASES {
        let n = rows.iter().filter(|r| r.starts_with(start)).count();
        assert_eq!(n, 1, "case `{start}` names {n} rows");
    }
}

/// A file the run reads, however it is named (another spelling, a hard link, a symlink),
/// and whatever reads it (a corpus file, the manifest, `--config`, `--baseline`): refused
/// before anything is read, the file unchanged, nothing on standard output.
#[test]
fn a_file_the_run_reads_is_never_overwritten() {
    let dir = corpus();
    let d = dir.path();
    std::fs::write(
        d.join("c/corpus.toml"),
        "[[document]]\npath = \"001.txt\"\n\n[[document]]\npath = \"002.txt\"\n",
    )
    .expect("manifest");
    std::fs::write(d.join("conf.toml"), "").expect("config");
    std::fs::write(d.join("base.json"), "{}").expect("baseline");
    std::fs::hard_link(d.join("c/001.txt"), d.join("hard.txt")).expect("hard link");
    #[cfg(unix)]
    std::os::unix::fs::symlink("c/002.txt", d.join("link.txt")).expect("symlink");
    let files = [
        "c/001.txt",
        "c/002.txt",
        "c/corpus.toml",
        "conf.toml",
        "base.json",
    ];
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(d.join(f)).expect("read"))
        .collect();
    let mut cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["check", "c", "-o", "c/001.txt"],
            "c/001.txt",
            "c/001.txt",
        ),
        (
            vec!["check", "c", "-o", "./c/../c/001.txt"],
            "./c/../c/001.txt",
            "c/001.txt",
        ),
        (
            vec!["check", "c", "-o", "hard.txt"],
            "hard.txt",
            "c/001.txt",
        ),
        (
            vec!["graph", "c", "-o", "c/002.txt"],
            "c/002.txt",
            "c/002.txt",
        ),
        (
            vec!["check", "c", "-o", "c/corpus.toml"],
            "c/corpus.toml",
            "c/corpus.toml",
        ),
        (
            vec!["check", "c", "--config", "conf.toml", "-o", "conf.toml"],
            "conf.toml",
            "conf.toml",
        ),
        (
            vec!["check", "c", "--baseline", "base.json", "-o", "base.json"],
            "base.json",
            "base.json",
        ),
    ];
    if cfg!(unix) {
        cases.push((
            vec!["check", "c", "-o", "link.txt"],
            "link.txt",
            "c/002.txt",
        ));
    }
    for (args, target, input) in cases {
        let out = run_in(d, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("error: {target}: refusing to write over {input}, which this run reads\n"),
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    for (f, bytes) in files.iter().zip(before) {
        assert_eq!(
            std::fs::read(d.join(f)).expect("read"),
            bytes,
            "{f} changed"
        );
    }
}

/// A symlink, even a dangling one, is written through: its target gets the report.
#[cfg(unix)]
#[test]
fn a_symlink_is_written_through() {
    let dir = corpus();
    for (target, existing) in [("real.json", true), ("dangling.json", false)] {
        let link = format!("link-{target}");
        if existing {
            std::fs::write(dir.path().join(target), "old").expect("write");
        }
        std::os::unix::fs::symlink(target, dir.path().join(&link)).expect("symlink");
        let out = run_in(dir.path(), &["check", "c", "-f", "json", "-o", &link]);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let meta = std::fs::symlink_metadata(dir.path().join(&link)).expect("meta");
        assert!(meta.file_type().is_symlink(), "{link}: the link is kept");
        let written = std::fs::read_to_string(dir.path().join(target)).expect("read");
        assert!(written.contains("\"findings\""), "{target}: {written}");
    }
}

#[cfg(not(unix))]
fn a_symlink_is_written_through() {}

/// An existing file is replaced, its mode kept.
#[cfg(unix)]
#[test]
fn an_existing_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = corpus();
    let file = dir.path().join("report.txt");
    std::fs::write(&file, "old").expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = run_in(dir.path(), &["check", "c", "-o", "report.txt"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(std::fs::read_to_string(&file)
        .expect("read")
        .contains("dockers"));
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the mode of the replaced file is kept");
}

#[cfg(not(unix))]
fn an_existing_file_keeps_its_mode() {}

/// `/dev/null` stays a device; a FIFO gets the report (a reader on its other end reads
/// what standard output would show) and stays a FIFO.
#[cfg(unix)]
#[test]
fn a_device_or_fifo_is_written_directly() {
    use std::os::unix::fs::FileTypeExt;
    let dir = corpus();
    let out = run_in(dir.path(), &["check", "c", "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let null = std::fs::metadata("/dev/null").expect("meta");
    assert!(
        null.file_type().is_char_device(),
        "/dev/null is still a device"
    );

    let fifo = dir.path().join("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).expect("read the FIFO"))
    };
    let out = run_in(dir.path(), &["check", "c", "-o", "out.fifo"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let read = reader.join().expect("reader");
    assert_eq!(read, run_in(dir.path(), &["check", "c"]).stdout);
    let meta = std::fs::symlink_metadata(&fifo).expect("meta");
    assert!(meta.file_type().is_fifo(), "the FIFO is still a FIFO");
}

#[cfg(not(unix))]
fn a_device_or_fifo_is_written_directly() {}

/// A folder is an error naming it; nothing is written into it.
#[test]
fn a_folder_is_an_error_naming_it() {
    let dir = corpus();
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = run_in(dir.path(), &["check", "c", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: out: cannot write: Is a directory (os error 21)\n"
    );
    let inside = std::fs::read_dir(dir.path().join("out"))
        .expect("list")
        .count();
    assert_eq!(inside, 0, "nothing written into the folder");
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

#[cfg(not(unix))]
fn a_stale_temporary_file_of_a_killed_run_is_removed() {}

/// Each of SIGINT, SIGTERM and SIGHUP ends a run that waits on its input with status 130
/// and no temporary file (the handler's removal of pending temporary files is tested in
/// `src/output/temp.rs`).
#[cfg(unix)]
#[test]
fn an_interrupted_run_exits_130_leaving_no_temporary_file() {
    for signal in ["INT", "TERM", "HUP"] {
        let dir = corpus();
        let fifo = dir.path().join("c/pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        // A FIFO given directly is read (it blocks until written): the run waits there.
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", "c/pipe.txt", "c/001.txt", "-o", "report.json"])
            .current_dir(dir.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(300));
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(130), "SIG{signal}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n == "report.json")
            .collect();
        assert!(left.is_empty(), "SIG{signal}: {left:?}");
    }
}

#[cfg(not(unix))]
fn an_interrupted_run_exits_130_leaving_no_temporary_file() {}
