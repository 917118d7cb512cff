//! Property tests: no input makes the lexicon matchers panic, and every range they return
//! lies on char boundaries, in order, without overlap.

mod common;

use claimcheck::extract::lexicon::Lexicon;
use proptest::prelude::*;
use std::ops::Range;

fn check_ranges(text: &str, ranges: &[Range<usize>]) {
    let mut last_end = 0;
    for r in ranges {
        assert!(r.start < r.end, "empty range {r:?}");
        assert!(r.end <= text.len(), "{r:?} beyond {}", text.len());
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} in {text:?}"
        );
        assert!(r.start >= last_end, "overlap at {r:?}");
        last_end = r.end;
    }
}

fn check_all(lex: &Lexicon, text: &str) {
    let entities: Vec<_> = lex.entities(text).into_iter().map(|m| m.range).collect();
    check_ranges(text, &entities);
    let actions: Vec<_> = lex.actions(text).into_iter().map(|m| m.range).collect();
    check_ranges(text, &actions);
    let cues: Vec<_> = lex.cues(text).into_iter().map(|m| m.range).collect();
    check_ranges(text, &cues);
    let _ = lex.object_scope(text);
}

/// Text built from lexicon-like words, punctuation and odd characters, so that matches
/// happen next to multi-byte characters.
fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "France",
        "French",
        "’s",
        "'s",
        "President",
        "Macron",
        "Guinea",
        "-Bissau",
        "Côte",
        "d’Ivoire",
        "withdrew",
        "partial",
        "withdrawal",
        "not",
        "n't",
        "may",
        "May",
        "é",
        "ü",
        "—",
        " ",
        "  ",
        ".",
        "\n",
        "government",
        "of",
        "Niger",
        "ia",
        "Élysée",
        "U.S.",
        "us",
        "🙂",
        "according to",
        "reports",
        "Prime",
        "Minister",
        "Ambassador",
        "Ruritania",
        "the",
        "Kremlin",
        "drawdown",
        "some",
        "all",
        "coup",
        "d'état",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|ws| ws.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        check_all(common::knowledge(), &text);
    }

    #[test]
    fn lexicon_like_text_never_panics(text in newsish()) {
        check_all(common::knowledge(), &text);
    }

    #[test]
    fn glued_words_never_panic(text in newsish()) {
        let glued: String = text.split(' ').collect();
        check_all(common::knowledge(), &glued);
    }
}
