//! Corpus loading on the fixture corpora: every format, the manifest, metadata, order,
//! and the span property (every sentence's file span quotes the sentence).

mod common;

use claimcheck::corpus::{self, Document, Format, PartialDate};
use std::path::PathBuf;

fn fixture(rel: &str) -> PathBuf {
    common::repo_path(&format!("tests/fixtures/corpus/{rel}"))
}

fn by_id<'c>(docs: &'c [Document], id: &str) -> &'c Document {
    docs.iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

#[test]
fn mixed_folder_reads_every_format_in_id_order() {
    let corpus = corpus::load(&[fixture("mixed")]);
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let ids: Vec<(&str, Format)> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.format))
        .collect();
    assert_eq!(
        ids,
        [
            ("daily.md", Format::Markdown),
            ("feed-1", Format::JsonLines),
            ("feed-2", Format::JsonLines),
            ("herald.html", Format::Html),
            ("wire/storm.txt", Format::Text),
        ]
    );
}

#[test]
fn metadata_from_manifest_front_matter_and_json() {
    let corpus = corpus::load(&[fixture("mixed")]);
    let docs = &corpus.documents;
    let storm = by_id(docs, "wire/storm.txt");
    assert_eq!(storm.source, "Valley Wire");
    assert_eq!(storm.published, Some(PartialDate::day(2024, 3, 14)));
    assert_eq!(storm.url.as_deref(), Some("https://example.org/wire/storm"));
    assert!(storm.raw.is_none(), "a clean text file is its own text");

    let herald = by_id(docs, "herald.html");
    assert_eq!(herald.source, "The Herald");
    assert_eq!(
        herald.published,
        Some(PartialDate::day(2024, 3, 15)),
        "a TOML date value"
    );
    assert_eq!(herald.title.as_deref(), Some("Dam holds as river crests"));

    // Front matter comes before the manifest entry for the same file.
    let daily = by_id(docs, "daily.md");
    assert_eq!(daily.source, "Daily Ledger");
    assert_eq!(daily.published, Some(PartialDate::day(2024, 3, 15)));
    assert_eq!(
        daily.title.as_deref(),
        Some("Evacuation widens as the Aster keeps rising")
    );

    let feed = by_id(docs, "feed-1");
    assert_eq!(feed.source, "River Feed");
    assert_eq!(feed.title.as_deref(), Some("Voices from Mirel"));
    assert_eq!(feed.line_in_file, Some(2));
    assert_eq!(by_id(docs, "feed-2").line_in_file, Some(1));
}

#[test]
fn markdown_text_has_no_markup() {
    let corpus = corpus::load(&[fixture("mixed/daily.md")]);
    let doc = &corpus.documents[0];
    assert_eq!(doc.id, "daily.md");
    assert!(doc
        .text
        .starts_with("Evacuation widens as the Aster keeps rising\n\nAuthorities on Friday"));
    assert!(
        doc.text.contains("to a fourth town, Mirel, bringing"),
        "soft break becomes a space"
    );
    assert!(doc.text.contains("about 15,000."));
    assert!(doc
        .text
        .contains("The water agency & the governor's office"));
    assert!(doc
        .text
        .contains("Engineers from the U.S. Army Corps are on site."));
    assert!(doc
        .text
        .contains("Roads closed: Route 9 and the old bridge"));
    for gone in ["---", "tags", "**", "](", "aerial photo", "#"] {
        assert!(!doc.text.contains(gone), "{gone:?} left in {:?}", doc.text);
    }
}

#[test]
fn html_text_keeps_article_and_drops_chrome() {
    let corpus = corpus::load(&[fixture("mixed/herald.html")]);
    let doc = &corpus.documents[0];
    assert!(doc
        .text
        .starts_with("Dam holds as river crests | The Herald\n\nDam holds as river crests\n\n"));
    assert!(doc
        .text
        .contains("crested at 9.1\u{a0}metres, officials said on Friday."));
    assert!(doc
        .text
        .contains("“The structure performed as designed,” said Lt. Gen. Mara Osk"));
    assert!(doc.text.contains("homes — fewer"));
    assert!(doc
        .text
        .contains("Shelters & roads\n\nFifteen shelters stay open.\n\nRoute 9 reopens"));
    for gone in [
        "tracker",
        "font-family",
        "Home",
        "Weather",
        "sports",
        "©",
        "<",
        "&amp;",
    ] {
        assert!(!doc.text.contains(gone), "{gone:?} left in {:?}", doc.text);
    }
}

#[test]
fn jsonl_spans_index_the_decoded_text_value() {
    let corpus = corpus::load(&[fixture("mixed/feed.jsonl")]);
    let doc = by_id(&corpus.documents, "feed-1");
    assert!(doc
        .text
        .starts_with("Héla Brandt, 54, said the water reached \"the second step\""));
    let at = doc.text.find("Brandt").unwrap_or(0);
    let span = doc.file_span(at..at + 6);
    assert_eq!(
        (span.start, span.end),
        (6, 12),
        "offsets into the decoded value, é being two bytes"
    );
    assert_eq!(doc.file_quote(span), "Brandt");
}

#[test]
fn direct_file_with_unknown_extension_is_text_but_folders_skip_it() {
    let corpus = corpus::load(&[fixture("mixed/ignored.csv")]);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].format, Format::Text);
    let corpus = corpus::load(&[fixture("mixed")]);
    assert!(corpus.documents.iter().all(|d| !d.id.ends_with(".csv")));
}

#[test]
fn roots_keep_their_order() {
    let corpus = corpus::load(&[fixture("segment"), fixture("mixed/wire")]);
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["article.txt", "storm.txt"]);
}

/// Markup-free rendering of a Markdown or HTML file quote, enough to compare it with a
/// sentence: tags and Markdown emphasis removed, a few entities decoded, spaces collapsed.
fn strip_markup(quote: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in quote.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '`' => {}
            _ => out.push(c),
        }
    }
    let decoded = out
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&mdash;", "—");
    let link_free = strip_link_targets(&decoded);
    link_free.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[text](target)` to `text`.
fn strip_link_targets(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i].replace('[', ""));
        rest = rest[i..].find(')').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(&rest.replace('[', ""));
    out
}

/// The span property on one document.
fn check_spans(doc: &Document) {
    for s in common::knowledge().abbreviations().segment(&doc.text) {
        let text = &doc.text[s.range.clone()];
        let span = doc.file_span(s.range.clone());
        let quote = doc.file_quote(span);
        match doc.format {
            Format::Text | Format::JsonLines if doc.raw.is_none() => {
                assert_eq!(quote, text, "{}", doc.id)
            }
            _ => {
                let plain = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(strip_markup(&quote), plain, "{}: span {span:?}", doc.id);
            }
        }
    }
}

#[test]
fn every_sentence_span_quotes_its_sentence_on_all_fixture_corpora() {
    let corpus = corpus::load(&[fixture("")]);
    assert!(corpus.documents.len() >= 6);
    for doc in &corpus.documents {
        check_spans(doc);
    }
}

#[test]
fn html_title_is_a_fallback_for_the_manifest_title() {
    let corpus = corpus::load(&[fixture("mixed/herald.html")]);
    let doc = &corpus.documents[0];
    // Read directly, its folder's manifest still applies.
    assert_eq!(doc.title.as_deref(), Some("Dam holds as river crests"));
    assert_eq!(doc.source, "The Herald");
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.htm");
    std::fs::write(
        &page,
        "<title> Ferry  back &amp; running </title><p>It runs.</p>",
    )
    .expect("write");
    std::fs::write(dir.path().join(".hidden.txt"), "Not read.").expect("write");
    let corpus = corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.documents.len(), 1, "hidden files are skipped");
    assert_eq!(
        corpus.documents[0].title.as_deref(),
        Some("Ferry back & running")
    );
    assert_eq!(corpus.documents[0].source, "page");
}
