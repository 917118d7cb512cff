//! Issue 16, item 6: a JSON-lines document is reported at its own line of the file, and
//! at the column of its text there (escapes before it counted as written).

mod common;

#[test]
fn each_json_line_is_reported_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = concat!(
        r#"{"id": "first", "source": "Valley Wire", "text": "The mill at Orren reopened."}"#,
        "\n\n",
        r#"{"id": "third", "text": "Caf\u00e9 owners met. The mill at Orren stayed shut."}"#,
        "\n",
    );
    common::write_file(dir.path(), "feed.jsonl", feed.as_bytes());
    let (status, stdout, stderr) = common::run_in(dir.path(), &["sentences", "feed.jsonl"]);
    assert_eq!(status, 0, "{stderr}");
    let third = feed.lines().nth(2).expect("line 3");
    let col = |needle: &str, line: &str| line.find(needle).expect("in line") + 1;
    let first = feed.lines().next().expect("line 1");
    assert_eq!(
        stdout,
        format!(
            "first:1:{} [0..27] The mill at Orren reopened.\n\
             third:3:{} [0..17] Café owners met.\n\
             third:3:{} [18..48] The mill at Orren stayed shut.\n",
            col("The mill", first),
            col("Caf", third),
            col("The mill", third),
        )
    );
}

#[test]
fn a_numeric_published_date_is_ignored_not_the_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = "{\"id\": \"n\", \"published\": 2024, \"text\": \"The mill at Orren reopened.\"}\n";
    common::write_file(dir.path(), "feed.jsonl", feed.as_bytes());
    let (status, stdout, stderr) = common::run_in(dir.path(), &["sentences", "feed.jsonl"]);
    assert_eq!(status, 0);
    assert_eq!(
        stderr,
        "warning: feed.jsonl:1:1: `published` value 2024 is not a string such as \"2024-03-01\"; ignored\n"
    );
    assert!(stdout.starts_with("n:1:"), "{stdout}");
}
