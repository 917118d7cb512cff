//! Times of day ("6:07 a.m.", "shortly after 6 p.m.", "noon", "Tuesday evening"): the
//! minutes of the day they allow, as a range, so that two reports of one moment can be
//! compared at the precision each gives.

use nom::branch::alt;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::{char, digit1, space0};
use nom::combinator::{map_res, opt};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A time of day as the minutes it allows, `[earliest, latest]` from midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes(pub [u16; 2]);

impl Minutes {
    /// Two times of day that can be one moment.
    pub fn overlaps(&self, other: &Minutes) -> bool {
        self.0[0] <= other.0[1] && other.0[0] <= self.0[1]
    }
}

/// A time of day found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct ClockMatch {
    /// Byte range in the searched text, qualifier included ("shortly after 6 p.m.").
    pub range: Range<usize>,
    pub minutes: Minutes,
}

/// Parts of the day a word names ("morning": 5:00 to 11:59), in minutes.
const DAY_PARTS: [(&str, [u16; 2]); 6] = [
    ("dawn", [240, 479]),
    ("morning", [300, 719]),
    ("noon", [720, 720]),
    ("midday", [720, 720]),
    ("afternoon", [720, 1079]),
    ("evening", [1020, 1319]),
];

/// How a qualifier widens a time: minutes before and after it.
const QUALIFIERS: [(&str, [u16; 2]); 9] = [
    ("shortly after ", [0, 60]),
    ("just after ", [0, 30]),
    ("soon after ", [0, 60]),
    ("after ", [0, 180]),
    ("shortly before ", [60, 0]),
    ("just before ", [30, 0]),
    ("before ", [180, 0]),
    ("around ", [30, 30]),
    ("about ", [30, 30]),
];

/// "6:07 a.m.", "6 p.m.", "11.30pm": hour, minutes and whether after noon.
fn clock(input: &str) -> IResult<&str, (u16, Option<u16>, bool)> {
    let hour = map_res(digit1, |d: &str| d.parse::<u16>());
    let minute = preceded(
        alt((char(':'), char('.'))),
        map_res(digit1, |d: &str| d.parse::<u16>()),
    );
    let meridiem = alt((
        tag_no_case("a.m."),
        tag_no_case("am"),
        tag_no_case("p.m."),
        tag_no_case("pm"),
    ));
    let (rest, (h, m, _, half)) = (hour, opt(minute), space0, meridiem).parse(input)?;
    let pm = half.to_ascii_lowercase().starts_with('p');
    Ok((rest, (h, m, pm)))
}

/// The minutes of a parsed clock time; `None` when the numbers are not a time.
fn minutes_of((h, m, pm): (u16, Option<u16>, bool)) -> Option<[u16; 2]> {
    if !(1..=12).contains(&h) || m.is_some_and(|m| m > 59) {
        return None;
    }
    let hour = h % 12 + if pm { 12 } else { 0 };
    let start = hour * 60 + m.unwrap_or(0);
    // An hour alone ("6 p.m.") is read to the hour.
    Some(match m {
        Some(_) => [start, start],
        None => [start, start + 59],
    })
}

/// Every time of day in `text`, with the qualifier before it.
pub fn find_clocks(text: &str) -> Vec<ClockMatch> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Not inside a word or a number ("14:07", "3.5").
        let boundary = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || matches!(bytes[i - 1], b':' | b'.' | b',')
                    && i >= 2
                    && bytes[i - 2].is_ascii_digit());
        if !boundary || !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let found = if bytes[i].is_ascii_digit() {
            clock(&text[i..]).ok().and_then(|(rest, parsed)| {
                let end = text.len() - rest.len();
                let ends_word = !rest.starts_with(|c: char| c.is_ascii_alphanumeric());
                minutes_of(parsed).filter(|_| ends_word).map(|m| (end, m))
            })
        } else {
            DAY_PARTS.iter().find_map(|(word, m)| {
                let end = i + word.len();
                let whole = lower[i..].starts_with(word)
                    && !bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric());
                whole.then_some((end, *m))
            })
        };
        let Some((end, [from, to])) = found else {
            i += 1;
            continue;
        };
        // A qualifier right before widens the range ("shortly after 6 p.m.").
        let before = &lower[..i];
        let (start, minutes) = match QUALIFIERS.iter().find(|(q, _)| before.ends_with(q)) {
            Some((q, [early, late])) => (
                i - q.len(),
                [from.saturating_sub(*early), (to + late).min(24 * 60 - 1)],
            ),
            None => (i, [from, to]),
        };
        out.push(ClockMatch {
            range: start..end,
            minutes: Minutes(minutes),
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> Vec<(String, [u16; 2])> {
        find_clocks(text)
            .into_iter()
            .map(|c| (text[c.range].to_string(), c.minutes.0))
            .collect()
    }

    #[test]
    fn clock_times_read_to_the_minute_or_the_hour() {
        assert_eq!(
            minutes("The tanker exploded at 6:07 a.m. local time."),
            [("6:07 a.m.".to_string(), [367, 367])]
        );
        assert_eq!(
            minutes("The alarm sounded at 11pm."),
            [("11pm".to_string(), [1380, 1439])]
        );
        assert_eq!(
            minutes("It ended at 12:30 p.m."),
            [("12:30 p.m.".to_string(), [750, 750])]
        );
    }

    #[test]
    fn a_qualifier_widens_the_time() {
        assert_eq!(
            minutes("The roof fell in shortly after 6 p.m. on Tuesday."),
            [("shortly after 6 p.m.".to_string(), [1080, 1199])]
        );
        assert_eq!(
            minutes("around 9 a.m."),
            [("around 9 a.m.".to_string(), [510, 629])]
        );
    }

    #[test]
    fn parts_of_the_day_are_ranges_and_other_numbers_are_not_times() {
        assert_eq!(
            minutes("on Tuesday evening"),
            [("evening".to_string(), [1020, 1319])]
        );
        assert!(minutes("about 6 people, 13 pm2 of floor, page 7").is_empty());
        assert!(minutes("mornings and eveningside").is_empty());
        assert!(minutes("at 14:07 p.m.").is_empty());
    }

    #[test]
    fn times_that_cannot_be_one_moment_do_not_overlap() {
        let evening = Minutes([1080, 1199]);
        assert!(!evening.overlaps(&Minutes([367, 367])));
        assert!(evening.overlaps(&Minutes([1020, 1319])));
    }
}
