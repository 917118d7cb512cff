//! Property tests: the quantity and time parsers never panic and return ranges on char
//! boundaries within the text, whatever the input.

mod common;

use claimcheck::corpus::PartialDate;
use claimcheck::extract::quantity::find_quantities;
use claimcheck::extract::time::find_times;
use proptest::prelude::*;

fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "5,000",
        "2 400",
        "1.2",
        "million",
        "bn",
        "$",
        "£",
        "€",
        "%",
        "per cent",
        "about",
        "more than",
        "up to",
        "rose",
        "fell by",
        "-",
        "–",
        "to",
        "between",
        "and",
        "or",
        "hundreds of",
        "a dozen",
        "half a",
        "one",
        "twenty-five",
        "troops",
        "in",
        "2020",
        "Feb.",
        "17",
        "since",
        "until",
        "Tuesday",
        "last year",
        "the past",
        "nine-year",
        "decade",
        "-strong",
        "(",
        ")",
        ",",
        ".",
        ":",
        "/",
        "é",
        "日本",
        "🙂",
        "\u{2009}",
        "\u{00A0}",
        "minus",
        "sub-",
        "~",
        "≈",
        "'90s",
        "1990s",
        "3rd",
        "5:30",
        "p.m.",
        "May",
        "a",
        "of",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| {
        v.iter()
            .enumerate()
            .map(|(i, p)| {
                if i % 3 == 0 {
                    format!("{p} ")
                } else {
                    p.to_string()
                }
            })
            .collect()
    })
}

fn check(text: &str) {
    for q in find_quantities(text, common::knowledge().units()) {
        assert!(q.range.start <= q.range.end && q.range.end <= text.len());
        assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
    }
    for published in [
        None,
        Some(PartialDate::day(2022, 2, 17)),
        Some(PartialDate::year(2022)),
    ] {
        for t in find_times(text, published, common::knowledge().units()) {
            assert!(t.range.start <= t.range.end && t.range.end <= text.len());
            assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn never_panics_on_newsy_text(text in newsy()) {
        check(&text);
    }
}

#[test]
fn long_inputs_without_spaces_finish_with_valid_ranges() {
    // look-ahead is bounded, so these run in linear time
    for text in [
        "1-".repeat(20_000),
        "$".repeat(40_000),
        "one two ".repeat(5_000),
        "5,".repeat(20_000),
    ] {
        check(&text);
    }
}
