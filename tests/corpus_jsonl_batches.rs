//! A JSON-lines file read a run of lines at a time gives the documents and diagnostics of
//! the file read whole, whatever the run size.

use claimcheck::corpus::{self, jsonl, meta::Meta, Document};
use std::path::Path;

fn summary(docs: &[Document]) -> Vec<(String, Option<usize>, String, String)> {
    docs.iter()
        .map(|d| {
            (
                d.id.clone(),
                d.line_in_file,
                d.source.clone(),
                d.text.clone(),
            )
        })
        .collect()
}

#[test]
fn batches_of_any_size_read_like_the_whole_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("feed.jsonl");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        concat!(
            r#"{"id": "a", "source": "Lakeside Herald", "text": "Ghana opened 12 clinics."}"#,
            "\r\n",
            "\n",
            r#"{"id": "b", "text": "broken"#,
            "\n",
            r#"{"text": "No id here, so the file and line name it."}"#,
            "\n",
        )
        .as_bytes(),
    );
    bytes.extend_from_slice(b"{\"id\": \"c\", \"text\": \"Bad byte \xFF here.\"}\n");
    bytes.extend_from_slice(r#"{"id": "d", "text": "Last line without a newline."}"#.as_bytes());
    std::fs::write(&path, &bytes).expect("write");

    // The reference: the whole file's bytes at once.
    let input = corpus::walk::Input {
        path: path.clone(),
        id: "feed.jsonl".into(),
        format: corpus::Format::JsonLines,

        story: None,
    };
    let mut whole_diags = Vec::new();
    let whole = corpus::documents_from_bytes(&input, bytes, &Meta::default(), &mut whole_diags);
    assert_eq!(whole.len(), 4);
    let expected_docs = summary(&whole);
    // In batches, the diagnostics come in file order; whole, the file's own come first.
    let mut expected_diags: Vec<String> = whole_diags.iter().map(|d| d.to_string()).collect();
    expected_diags.sort();
    assert!(
        expected_diags.iter().any(|d| d.contains(":3:27")),
        "{expected_diags:?}"
    );
    assert!(
        expected_diags.iter().any(|d| d.contains("byte 194")),
        "{expected_diags:?}"
    );

    for batch in [1, 7, 40, 100, 1 << 20] {
        let mut docs = Vec::new();
        let mut diags = Vec::new();
        jsonl::read_in_batches(
            &path,
            "feed.jsonl",
            &Meta::default(),
            batch,
            &mut diags,
            |d| docs.extend(d),
        );
        assert_eq!(summary(&docs), expected_docs, "batch {batch}");
        let mut diags: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        diags.sort();
        assert_eq!(diags, expected_diags, "batch {batch}");
    }
}

#[test]
fn lines_read_again_are_the_documents_first_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("feed.jsonl");
    let text = (1..=30)
        .map(|i| format!(r#"{{"id": "n{i}", "text": "Item {i} of the feed."}}"#))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, text).expect("write");
    let whole = corpus::load(std::slice::from_ref(&path));
    let fresh = jsonl::reread_lines(Path::new(&path), "feed.jsonl", &[30, 2, 17, 99]);
    let texts: Vec<Option<String>> = fresh
        .iter()
        .map(|d| d.as_ref().map(|d| d.text.clone()))
        .collect();
    let at = |line: usize| {
        whole
            .documents
            .iter()
            .find(|d| d.line_in_file == Some(line))
            .map(|d| d.text.clone())
    };
    assert_eq!(texts, vec![at(30), at(2), at(17), None]);
    assert!(texts[0].is_some());
}
