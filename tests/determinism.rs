//! The same input gives byte-identical output whatever the thread count or the order in
//! which files are named.

use std::process::Command;

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("run claimcheck");
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

const FILES: [&str; 4] = [
    "examples/mtwara-harbour/001-coastline-post.txt",
    "examples/mtwara-harbour/002-indian-ocean-wire.md",
    "examples/mtwara-harbour/003-daily-meridian.html",
    "examples/mtwara-harbour/004-regional-ledger.txt",
];

#[test]
fn output_does_not_depend_on_threads_or_file_order() {
    for format in ["json", "text"] {
        let mut forward = vec!["check", "--format", format, "--jobs", "1"];
        forward.extend(FILES);
        let mut backward = vec!["check", "--format", format, "--jobs", "2"];
        backward.extend(FILES.iter().rev());
        let a = run(&forward);
        let b = run(&backward);
        assert!(!a.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&a),
            String::from_utf8_lossy(&b),
            "format {format}"
        );
    }
    let a = run(&[
        "graph",
        "--format",
        "json",
        "--jobs",
        "1",
        "examples/mtwara-harbour",
    ]);
    let b = run(&[
        "graph",
        "--format",
        "json",
        "--jobs",
        "2",
        "examples/mtwara-harbour",
    ]);
    assert_eq!(a, b);
}
