//! Issue 16, item 8: file names and quotes reach the text and GitHub reports with control
//! and bidirectional characters escaped: a newline cannot break a report line, U+202E
//! cannot spoof a path, ESC sequences cannot reach the terminal.

mod common;

const NAMES: [&str; 2] = ["new\nline\u{202E}txt.exe.txt", "esc\u{1b}[31mred.txt"];

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    common::write_file(
        dir.path(),
        &format!("c/{}", NAMES[0]),
        "About 6,000 dockers walked off the job at the Pellan harbour in southern Norland on Monday, the union said.\n".as_bytes(),
    );
    common::write_file(
        dir.path(),
        &format!("c/{}", NAMES[1]),
        "Some 2,500 dockers joined the strike at the Pellan harbour in southern Norland on Monday, the company \u{1b}[2Jsaid.\n".as_bytes(),
    );
    dir
}

#[cfg(unix)]
#[test]
fn names_and_quotes_are_escaped_in_text_and_github_reports() {
    let dir = corpus();
    for format in ["text", "github"] {
        let (status, stdout, stderr) =
            common::run_in(dir.path(), &["check", "c", "-q", "-f", format]);
        assert_eq!(status, 1, "{format}: {stderr}");
        assert!(
            !stdout.contains(['\u{1b}', '\u{202E}']),
            "{format}: {stdout:?}"
        );
        assert!(
            stdout.contains("new\\nline\\u{202e}txt.exe.txt"),
            "{format}: {stdout}"
        );
        assert!(
            stdout.contains("esc\\u{1b}[31mred.txt"),
            "{format}: {stdout}"
        );
        assert!(stdout.contains("\\u{1b}[2Jsaid."), "{format}: {stdout}");
        // Every line of the text report is a report line: the name's newline split none.
        if format == "text" {
            assert!(!stdout.lines().any(|l| l.starts_with("line")), "{stdout}");
        }
    }
}
