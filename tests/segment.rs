//! Sentence segmentation: the cases of news text, a snapshot of a fixture article, and a
//! property test that ranges are ordered, disjoint, trimmed and on char boundaries.

mod common;

use claimcheck::corpus::{Abbreviations, Sentence};
use proptest::prelude::*;

/// Splits text with the shipped abbreviations.
fn segment(text: &str) -> Vec<Sentence> {
    Abbreviations::shipped().segment(text)
}

fn texts(text: &str) -> Vec<&str> {
    segment(text).into_iter().map(|s| &text[s.range]).collect()
}

#[test]
fn abbreviations_before_names_and_numbers() {
    assert_eq!(
        texts("Mrs. Hale and Prof. Ode met Sgt. Park at St. Mary's. Col. Ruiz arrived on Jan. 5."),
        [
            "Mrs. Hale and Prof. Ode met Sgt. Park at St. Mary's.",
            "Col. Ruiz arrived on Jan. 5."
        ]
    );
    assert_eq!(
        texts("The U.N. and the E.U. agreed. Talks at No. 10 end at 4 p.m. today."),
        [
            "The U.N. and the E.U. agreed.",
            "Talks at No. 10 end at 4 p.m. today."
        ]
    );
    assert_eq!(
        texts("Exports to the U.K. He said they fell."),
        ["Exports to the U.K.", "He said they fell."]
    );
    assert_eq!(
        texts("Acme Inc. The firm said so."),
        ["Acme Inc.", "The firm said so."]
    );
}

#[test]
fn initials_stay_with_their_names() {
    assert_eq!(
        texts("Author J. R. R. Tolkien wrote it. H. G. Wells did not."),
        ["Author J. R. R. Tolkien wrote it.", "H. G. Wells did not."]
    );
}

#[test]
fn decimals_separators_and_amounts() {
    assert_eq!(
        texts("Losses hit $1.2 million, or 3.5% of 40,000. Shares fell 0.7."),
        [
            "Losses hit $1.2 million, or 3.5% of 40,000.",
            "Shares fell 0.7."
        ]
    );
}

#[test]
fn quotes_brackets_and_typographic_quotes() {
    assert_eq!(
        texts("He said \"no.\" Then he left."),
        ["He said \"no.\"", "Then he left."]
    );
    assert_eq!(texts("‘Go home.’ They did."), ["‘Go home.’", "They did."]);
    assert_eq!(
        texts("“Is it over?” asked one man. “No!” shouted another."),
        ["“Is it over?” asked one man.", "“No!” shouted another."]
    );
    assert_eq!(
        texts("Prices rose (see chart.) Analysts agreed."),
        ["Prices rose (see chart.)", "Analysts agreed."]
    );
}

#[test]
fn dashes_and_ellipses() {
    assert_eq!(
        texts("The vote — delayed twice — passed. Then... silence… and more."),
        [
            "The vote — delayed twice — passed.",
            "Then... silence… and more."
        ]
    );
    assert_eq!(
        texts("He paused... The room waited."),
        ["He paused...", "The room waited."]
    );
}

#[test]
fn question_and_exclamation_marks() {
    assert_eq!(
        texts("Why now? Nobody knows! It is late."),
        ["Why now?", "Nobody knows!", "It is late."]
    );
}

#[test]
fn headline_lines_paragraphs_and_datelines() {
    let text =
        "Port Reopens After Strike\n\nLISBON, May 2\nDockers returned. Ships moved.\nA Long Dispute\nIt lasted weeks.";
    let got: Vec<(&str, usize, bool)> = segment(text)
        .iter()
        .map(|s| (&text[s.range.clone()], s.paragraph, s.headline))
        .collect();
    assert_eq!(
        got,
        [
            ("Port Reopens After Strike", 0, true),
            ("LISBON, May 2", 1, true),
            ("Dockers returned.", 1, false),
            ("Ships moved.", 1, false),
            ("A Long Dispute", 1, true),
            ("It lasted weeks.", 1, false),
        ]
    );
}

#[test]
fn many_blank_lines_count_one_paragraph_break() {
    let s = segment("\n\nOne.\n\n\n\nTwo.\n\n");
    let paragraphs: Vec<usize> = s.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1]);
}

#[test]
fn long_input_is_linear() {
    let unit =
        "Dr. Ode said 1,200 people left at 5 p.m. on Monday. “Why?” she asked…\nA Headline\n\n";
    let text = unit.repeat(20_000);
    let start = std::time::Instant::now();
    let s = segment(&text);
    assert_eq!(s.len(), 3 * 20_000);
    assert!(
        start.elapsed().as_secs() < 5,
        "segmenting 1.7 MB took {:?}",
        start.elapsed()
    );
    // No sentence end (no space after the dots): one run, read in pieces of at most 4 KB.
    let no_spaces = "a.".repeat(500_000);
    let pieces = segment(&no_spaces);
    assert_eq!(pieces.len(), no_spaces.len().div_ceil(4096));
    assert!(pieces.iter().all(|s| s.range.len() <= 4096));
}

fn render(text: &str, sentences: &[Sentence]) -> String {
    sentences
        .iter()
        .map(|s| {
            let mark = if s.headline { " H" } else { "" };
            format!(
                "p{}{mark} [{}..{}] {}",
                s.paragraph,
                s.range.start,
                s.range.end,
                &text[s.range.clone()]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn fixture_article_segmentation() {
    let path = common::repo_path("tests/fixtures/corpus/segment/article.txt");
    let text = std::fs::read_to_string(path).expect("fixture");
    let sentences = segment(&text);
    common::snapshot_settings()
        .bind(|| insta::assert_snapshot!("segment_article", render(&text, &sentences)));
}

fn check_ranges(text: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    let mut last_paragraph = 0;
    for s in segment(text) {
        prop_assert!(s.range.start < s.range.end, "empty range {:?}", s.range);
        prop_assert!(
            s.range.start >= last_end,
            "overlap or disorder at {:?}",
            s.range
        );
        prop_assert!(s.range.end <= text.len());
        prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
        let sentence = &text[s.range.clone()];
        prop_assert_eq!(sentence.trim(), sentence, "untrimmed");
        prop_assert!(s.paragraph >= last_paragraph);
        last_end = s.range.end;
        last_paragraph = s.paragraph;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ranges_on_boundaries_ordered_disjoint_news_like(text in "[A-Za-z0-9 .,!?…\"“”‘’'()\\[\\]\n—–é€\u{a0}-]{0,300}") {
        check_ranges(&text)?;
    }

    #[test]
    fn ranges_on_boundaries_ordered_disjoint_any(text in any::<String>()) {
        check_ranges(&text)?;
    }
}
