//! The token gate of `find_times` skips only tokens where no reader can start: reading
//! with and without it gives the same matches.

use super::tokens::tokenize;
use super::{find_times, Reader, TimeMatch};
use crate::corpus::PartialDate;
use proptest::prelude::*;

fn units() -> &'static crate::extract::quantity::Units {
    crate::extract::lexicon::for_tests().units()
}

/// `find_times` trying every reader at every token.
fn find_times_ungated(text: &str, published: Option<PartialDate>) -> Vec<TimeMatch> {
    let toks = tokenize(text);
    let reader = Reader {
        text,
        toks: &toks,
        published,
        units: crate::extract::lexicon::for_tests().units(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(next) = reader.impossible_date(i) {
            i = next;
            continue;
        }
        match reader.at(i) {
            Some((m, next)) => {
                out.push(m);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

const VOCABULARY: &[&str] = &[
    "since",
    "Since",
    "until",
    "till",
    "through",
    "from",
    "From",
    "between",
    "and",
    "to",
    "-",
    "–",
    "yesterday",
    "Today",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "early",
    "Late",
    "last",
    "past",
    "this",
    "next",
    "coming",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "weekend",
    "night",
    "morning",
    "day",
    "days",
    "hour",
    "hours",
    "decade",
    "decades",
    "century",
    "centuries",
    "ago",
    "after",
    "before",
    "a",
    "an",
    "An",
    "half",
    "one",
    "two",
    "Three",
    "twenty",
    "twenty-five",
    "hundred",
    "dozen",
    "one's",
    "oneé",
    "over",
    "for",
    "the",
    "of",
    "in",
    "on",
    "mid",
    "May",
    "may",
    "March",
    "June",
    "Jan",
    "Feb",
    "Sept",
    "Tuesday",
    "Tue",
    "Sun",
    "sunday",
    "Monday's",
    "17",
    "31st",
    "4th",
    "2020",
    "2014",
    "1990s",
    "2019",
    "20",
    "9",
    "$",
    "%",
    ",",
    ".",
    "(",
    "troops",
    "Mayor",
    "coup",
    "per",
    "cent",
    "months'",
    "Años",
    "día",
];

fn sentence() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(VOCABULARY);
    let sep = proptest::sample::select(&[" ", " ", " ", "", "-", ", ", ". "][..]);
    proptest::collection::vec((word, sep), 1..12).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, s)| format!("{w}{s}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn gate_changes_nothing(text in sentence(), dated in any::<bool>()) {
        let published = dated.then(|| PartialDate::day(2024, 3, 14));
        prop_assert_eq!(find_times(&text, published, units()), find_times_ungated(&text, published));
    }
}

#[test]
fn gate_changes_nothing_on_written_sentences() {
    let published = Some(PartialDate::day(2024, 3, 14));
    for text in [
        "Since March 2020 the mission has grown; between 2014 and 2017 it shrank.",
        "Three days ago, and over the past nine years, troops stayed until June 4.",
        "Earlier this year, on Tuesday, a decade after the 1990s, half a million left.",
        "From Jan. 5 to Feb. 17, 2022, weeks after the 2021 coup, they met last week.",
        "Twenty-five years later, on the 4th of July, next Sunday, in mid-2021.",
    ] {
        assert_eq!(
            find_times(text, published, units()),
            find_times_ungated(text, published)
        );
        assert!(!find_times(text, published, units()).is_empty());
    }
}
