//! Properties of extraction on random input: no panic, every map piece inside the source,
//! verbatim pieces equal to their source bytes, and sentence spans inside the file.

mod common;

use claimcheck::corpus::{self, html, markdown, Document, OffsetMap};
use proptest::prelude::*;

/// Checks a text-to-source map against its text and source.
fn check_map(text: &str, src: &str, map: &OffsetMap) -> Result<(), TestCaseError> {
    let mut last = 0;
    for p in &map.pieces {
        prop_assert!(p.text >= last, "pieces out of order");
        prop_assert!(p.text + p.len <= text.len());
        prop_assert!(p.file.start <= p.file.end && p.file.end <= src.len());
        let piece = &text[p.text..p.text + p.len];
        if p.file.len() == p.len {
            // Verbatim but for whitespace (a soft line break read as a space).
            let same = |a: char, b: char| a == b || (a.is_whitespace() && b.is_whitespace());
            let source = &src[p.file.start..p.file.end];
            prop_assert!(
                source.chars().count() == piece.chars().count()
                    && source.chars().zip(piece.chars()).all(|(a, b)| same(a, b)),
                "{:?} vs {:?}",
                source,
                piece
            );
        }
        last = p.text + p.len;
    }
    Ok(())
}

/// Every sentence's file span lies inside the file bytes.
fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    for s in common::knowledge().abbreviations().segment(&doc.text) {
        let span = doc.file_span(s.range.clone());
        prop_assert!(span.start <= span.end && span.end <= doc.file_bytes().len());
        let text = &doc.text[s.range.clone()];
        if doc.format == corpus::Format::Text && !text.contains('\u{FFFD}') {
            prop_assert_eq!(doc.file_quote(span), text);
        }
    }
    Ok(())
}

const HTML_LIKE: &str = "(<p>|</p>|<h1>|</h1>|<li>|<br>|<script>|</script>|<nav>|</nav>|<!-- x -->|&amp;|&eacute;|&#233;|&#x1F600;|&bogus;|&|<|>|\"|[a-zA-Zé .,!?\n]{1,12})*";
const MD_LIKE: &str =
    "(# |## |\\*|_|`|\\[|\\]\\(u\\)|!\\[a\\]\\(b\\)|- |> |&amp;|\\\\\\*|---\n|\n|\n\n|[a-zA-Zé .,!?]{1,12})*";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn html_map_is_consistent(src in HTML_LIKE) {
        let (built, _) = html::extract(&src);
        check_map(&built.text, &src, &built.map)?;
    }

    #[test]
    fn markdown_map_is_consistent(src in MD_LIKE) {
        let built = markdown::extract(&src, 0);
        check_map(&built.text, &src, &built.map)?;
    }

    #[test]
    fn any_bytes_load_without_panic_and_spans_stay_in_the_file(
        bytes in proptest::collection::vec(prop_oneof![Just(b'\n'), Just(b'.'), Just(b'<'), Just(b'&'), Just(0xE9u8), Just(0xFFu8), 0x20u8..0x7F], 0..200),
        ext in prop_oneof![Just("txt"), Just("md"), Just("html"), Just("jsonl")],
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(format!("doc.{ext}"));
        std::fs::write(&path, &bytes).expect("write");
        let corpus = corpus::load(&[path]);
        for doc in &corpus.documents {
            check_document(doc)?;
        }
    }
}
