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
