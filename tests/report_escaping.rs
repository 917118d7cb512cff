//! Issue 16, item 8: file names and quotes reach every report and listing with control and
//! bidirectional characters escaped: a newline cannot break a report line or a Markdown
//! table row, U+202E cannot spoof a path, ESC sequences cannot reach the terminal, and
//! JSON writes them as `\uXXXX` escapes that decode to the same names.

mod common;

use serde_json::Value;

const NAMES: [&str; 2] = ["new\nline\u{202E}txt.exe.txt", "esc\u{1b}[31mred\u{7f}.txt"];

/// The second report is hard-wrapped: its quote holds a line break, and an ESC sequence,
/// a DEL, a C1 control (U+0085) and a line separator (U+2028).
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
        "Some 2,500 dockers joined the strike\nat the Pellan harbour in southern Norland on Monday, the company \u{1b}[2Jsaid\u{85}\u{2028}\u{7f}.\n".as_bytes(),
    );
    dir
}

/// True for a character no output may hold raw (line breaks and tabs between report lines
/// and JSON tokens are the formats' own).
fn raw_hazard(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let (status, stdout, stderr) = common::run_in(dir, args);
    assert!(status <= 1, "{args:?}: status {status}: {stderr}");
    assert!(!stdout.is_empty(), "{args:?}: no output");
    assert!(
        !stdout.contains(raw_hazard),
        "{args:?}: a raw control or bidirectional character: {stdout:?}"
    );
    stdout
}

#[cfg(unix)]
#[test]
fn names_and_quotes_are_escaped_in_every_report_for_people() {
    let dir = corpus();
    // How each format spells the two names (Markdown doubles the escapes' backslashes, so
    // that they show) and the hard-wrapped quote (its line break a space).
    let cases: [(&str, [&str; 2], &str); 5] = [
        (
            "text",
            [
                "new\\nline\\u{202e}txt.exe.txt",
                "esc\\u{1b}[31mred\\u{7f}.txt",
            ],
            "the strike at the Pellan harbour",
        ),
        (
            "github",
            [
                "new\\nline\\u{202e}txt.exe.txt",
                "esc\\u{1b}[31mred\\u{7f}.txt",
            ],
            "joined the strike at the Pellan harbour",
        ),
        (
            "markdown",
            [
                "new\\\\nline\\\\u{202e}txt.exe",
                "esc\\\\u{1b}\\[31mred\\\\u{7f}",
            ],
            "joined the strike at the Pellan harbour",
        ),
        (
            "html",
            ["new\\nline\\u{202e}txt.exe", "esc\\u{1b}[31mred\\u{7f}"],
            "joined the strike at the Pellan harbour",
        ),
        (
            "junit",
            [
                "new\\nline\\u{202e}txt.exe.txt",
                "esc\\u{1b}[31mred\\u{7f}.txt",
            ],
            "joined the strike at the Pellan harbour",
        ),
    ];
    for (format, names, quote) in cases {
        let stdout = run(dir.path(), &["check", "c", "-q", "-f", format]);
        for name in names {
            assert!(stdout.contains(name), "{format}: no {name}: {stdout}");
        }
        assert!(stdout.contains(quote), "{format}: no {quote}: {stdout}");
        // U+0085 and U+2028 break lines: a space; ESC and DEL are shown.
        assert!(
            stdout.contains("\\u{1b}[2Jsaid \\u{7f}.")
                || stdout.contains("\\\\u{1b}\\[2Jsaid \\\\u{7f}."),
            "{format}: the quote's controls are not shown: {stdout}"
        );
        // The name's newline split no line: no report line starts with its second part.
        assert!(
            !stdout.lines().any(|l| l.starts_with("line")),
            "{format}: {stdout}"
        );
    }
    // A Markdown table row is one line: every row of a side table has its 7 cell borders.
    let markdown = run(dir.path(), &["check", "c", "-q", "-f", "markdown"]);
    let rows: Vec<&str> = markdown
        .lines()
        .filter(|l| l.starts_with("| a |") || l.starts_with("| b |"))
        .collect();
    assert_eq!(rows.len(), 2, "{markdown}");
    for row in rows {
        assert_eq!(row.matches(" | ").count(), 5, "{row}");
        assert!(row.ends_with("` |"), "{row}");
    }
}

/// Every string of `v`, depth first.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[cfg(unix)]
#[test]
fn json_outputs_escape_them_and_decode_to_the_same_names() {
    let dir = corpus();
    let runs: [&[&str]; 8] = [
        &["check", "c", "-q", "-f", "json"],
        &["check", "c", "-q", "-f", "jsonl"],
        &["check", "c", "-q", "-f", "sarif"],
        &["claims", "c", "-f", "json"],
        &["claims", "c", "-f", "jsonl"],
        &["quantities", "c", "-f", "json"],
        &["sentences", "c", "-f", "jsonl"],
        &["graph", "c", "-f", "json"],
    ];
    for args in runs {
        let stdout = run(dir.path(), args);
        let sarif = args.contains(&"sarif");
        assert!(sarif || stdout.contains("\\u202e"), "{args:?}: {stdout}");
        let values: Vec<Value> = if args.contains(&"jsonl") {
            stdout
                .lines()
                .map(|l| serde_json::from_str(l).expect("a JSON line"))
                .collect()
        } else {
            vec![serde_json::from_str(&stdout).expect("one JSON document")]
        };
        let mut all = Vec::new();
        values.iter().for_each(|v| strings(v, &mut all));
        if sarif {
            // Its messages are for people (shown escaped); its paths are URIs.
            assert!(
                all.iter()
                    .any(|s| s.contains("new\\nline\\u{202e}txt.exe") && !s.contains('\n')),
                "{all:?}"
            );
            assert!(
                all.iter().any(|s| s == "c/new%0Aline%E2%80%AEtxt.exe.txt"),
                "{all:?}"
            );
        } else {
            assert!(
                all.iter()
                    .any(|s| s.contains(NAMES[0].trim_end_matches(".txt"))),
                "{args:?}: the name decodes as it is: {all:?}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn text_listings_escape_them() {
    let dir = corpus();
    for command in ["sentences", "quantities", "claims"] {
        let stdout = run(dir.path(), &[command, "c"]);
        assert!(
            stdout.contains("new\\nline\\u{202e}txt.exe.txt:1:"),
            "{command}: {stdout}"
        );
        assert!(
            stdout.contains("esc\\u{1b}[31mred\\u{7f}.txt:1:"),
            "{command}: {stdout}"
        );
        assert!(
            !stdout.lines().any(|l| l.starts_with("line")),
            "{command}: {stdout}"
        );
    }
}
