//! Time expressions: years, months, dates, weekdays, intervals, durations and relative times,
//! resolved against a publication date when one is known.

use super::model::{Change, Duration, DurationUnit, Granularity, TimeValue};
use super::number::ascii_lower;
use crate::corpus::PartialDate;
use crate::extract::lookup::WordSet;
use crate::extract::quantity::Units;
use std::ops::Range;
use std::sync::OnceLock;

pub mod calendar;
#[cfg(test)]
mod gate_tests;
mod resolve;
mod tokens;

pub use calendar::{month_number, weekday_number};
use resolve::{relative_day, relative_month, shift_years, weekday_date};
use tokens::{tokenize, Kind, Tok};

/// A time expression found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMatch {
    pub range: Range<usize>,
    pub value: TimeValue,
    pub resolved: bool,
    pub event_year: bool,
}

/// Every time expression in `text`, resolved against `published` where it is relative
/// (`units` tells a number of a unit, "5 km", from a time).
pub fn find_times(text: &str, published: Option<PartialDate>, units: &Units) -> Vec<TimeMatch> {
    let toks = tokenize(text);
    let reader = Reader {
        text,
        toks: &toks,
        published,
        units,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks.get(i).is_some_and(may_start) {
            i += 1;
            continue;
        }
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

/// Words opening "since 2020", "until 2025", "through June".
const OPEN_INTERVAL_LEADS: &[&str] = &["since", "until", "till", "through"];

/// Words opening "from 2013 to 2022", "between 2014 and 2017".
const CLOSED_INTERVAL_LEADS: &[&str] = &["from", "between"];

/// Days named relative to publication: "yesterday", "today".
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];

/// Words shifting a relative time: "earlier this year", "late next month".
const RELATIVE_SHIFTS: &[&str] = &["earlier", "later", "early", "late"];

/// Directions of a relative time: "last year", "next week", "this month".
const RELATIVE_DIRECTIONS: &[&str] = &["last", "past", "this", "next", "coming"];

/// True when some time expression may begin at `t`: every reader of [`Reader::at`]
/// needs a number, a capitalized month or weekday name, or one of its opening words
/// there, so other tokens are skipped without trying them.
fn may_start(t: &Tok<'_>) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => {
            let mut buf = [0u8; 24];
            // every opening word is ASCII and short
            let Some(w) = ascii_lower(t.text, &mut buf) else {
                return false;
            };
            opening_words().contains(w)
                || weekday_number(t.text).is_some()
                || month_number(t.text).is_some()
        }
    }
}

/// The lower-case words a reader may start at, besides numbers and calendar names,
/// gathered once from the readers' own lists.
fn opening_words() -> &'static WordSet {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lists = [
            OPEN_INTERVAL_LEADS,
            CLOSED_INTERVAL_LEADS,
            RELATIVE_DAYS,
            RELATIVE_SHIFTS,
            RELATIVE_DIRECTIONS,
            &super::number::NUMBER_WORDS_LEADS,
        ];
        let mut set: WordSet = lists
            .iter()
            .flat_map(|l| l.iter())
            .map(|w| w.to_string())
            .collect();
        for (unit, _) in DURATION_UNITS {
            // singular or plural ("year", "years")
            set.insert(unit.to_string());
            set.insert(format!("{unit}s"));
        }
        for (w, _) in super::number::SMALL_WORDS {
            set.insert(w.to_string());
        }
        set
    })
}

/// A date as written, possibly partial ("Feb. 17", "August", "2020", "the 1990s").
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct DateExpr {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    /// "the 1990s".
    decade: bool,
}

impl DateExpr {
    /// The day can fall in the month: not 30 February, 31 April; 29 February only in a
    /// leap year when the year is given.
    fn day_fits(&self) -> bool {
        let (Some(month), Some(day)) = (self.month, self.day) else {
            return true;
        };
        let leap = self
            .year
            .is_none_or(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        day <= days
    }
}

struct Reader<'t, 'a> {
    text: &'a str,
    toks: &'t [Tok<'a>],
    published: Option<PartialDate>,
    units: &'t Units,
}

/// Words after which a year reads as a point in time, not a modifier.
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "to", "of", "during", "before", "after",
    "between", "and", "through", "for", "on", "at", "around", "about", "circa", "early", "late",
    "mid", "or", "as", "than", "year",
];

/// Words that are never the noun an event year modifies.
const NOT_EVENT_NOUNS: &[&str] = &[
    "and", "or", "but", "the", "a", "an", "to", "of", "in", "on", "at", "by", "for", "from",
    "with", "was", "were", "is", "are", "has", "had", "have", "will", "would", "saw", "when",
    "while", "that", "which", "as", "after", "before", "until", "since", "through", "than",
    "alone", "so", "compared", "levels", "level", "figures", "figure",
];

impl<'t, 'a> Reader<'t, 'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Word && words.iter().any(|w| t.is(w)))
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        matches!((self.tok(a), self.tok(b)), (Some(x), Some(y)) if x.end == y.start)
    }

    fn range(&self, first: usize, last: usize) -> Range<usize> {
        let start = self.toks[first].start;
        let end = self.toks[last].end.max(start);
        start..end
    }

    /// The expression starting at token `i`, and the index after it.
    fn at(&self, i: usize) -> Option<(TimeMatch, usize)> {
        self.interval(i)
            .or_else(|| self.relative(i))
            .or_else(|| self.duration(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.point(i))
    }

    /// A year: four digits from 1000 to 2199 not part of a longer number, amount or code.
    fn year_at(&self, i: usize) -> Option<(i32, bool)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.text.len() < 4 {
            return None;
        }
        let digits = t.text.len() - t.suffix().len();
        let decade = match t.suffix() {
            "" => false,
            "s" => true,
            _ => return None,
        };
        let y = t.number()?;
        if digits != 4 || !(1000..=2199).contains(&y) {
            return None;
        }
        if i > 0 && self.glued(i - 1, i) {
            let p = self.toks[i - 1].text;
            // "mid-2021", "pre-2020"
            let prefix = p == "-"
                && i > 1
                && self.glued(i - 2, i - 1)
                && self.word_is(i - 2, &["mid", "early", "late", "pre", "post"]);
            if !matches!(p, "(" | "[" | "\"" | "“" | "'" | "‘") && !prefix {
                return None;
            }
        }
        if let Some(n) = self.tok(i + 1) {
            if self.glued(i, i + 1)
                && matches!(n.text, "," | "." | "%" | ":" | "/")
                && self.glued(i + 1, i + 2)
            {
                return None;
            }
            if self.glued(i, i + 1) && n.text == "%" {
                return None;
            }
            if n.kind == Kind::Word
                && !decade
                && self
                    .units
                    .unit(n.text)
                    .is_some_and(|u| u.measure.as_deref() != Some("time"))
            {
                return None;
            }
        }
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| matches!(p.text, "$" | "£" | "€" | "¥" | "#" | "No"))
        {
            return None;
        }
        Some((y as i32, decade))
    }

    /// A month name at `i` with the index after it (an abbreviation's dot included).
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let m = month_number(t.text)?;
        let full = t.text.len() > 4 || matches!(t.text, "May" | "June" | "July");
        let dot = !full && self.tok(i + 1).is_some_and(|n| n.text == ".") && self.glued(i, i + 1);
        let next_num = self
            .tok(i + 1 + usize::from(dot))
            .is_some_and(|n| n.kind == Kind::Num);
        if !full && !dot && !next_num {
            return None;
        }
        // "May" and "March" are also a verb and a modal: need a number or a time word
        // ("5 March", "in March").
        if matches!(t.text, "May" | "March") && !next_num {
            let prev_ok = i > 0
                && (self.day_at(i - 1).is_some()
                    || self.word_is(
                        i - 1,
                        &[
                            "in", "since", "until", "of", "last", "next", "this", "early", "late",
                            "mid", "from", "by", "between", "and", "to", "through", "during",
                        ],
                    ));
            if !prev_ok {
                return None;
            }
        }
        Some((m, i + 1 + usize::from(dot)))
    }

    /// A day of the month at `i` ("17", "17th").
    fn day_at(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        let d = t.number()?;
        let digits = t.text.len() - t.suffix().len();
        let suffix_ok = matches!(
            t.suffix().to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        );
        (digits <= 2 && (1..=31).contains(&d) && suffix_ok).then_some(d as u8)
    }

    /// A date expression at `i` whose day can fall in its month ("31 February" is none).
    fn date_at(&self, i: usize) -> Option<(DateExpr, usize, usize)> {
        self.date_expr(i).filter(|(d, _, _)| d.day_fits())
    }

    /// The index after an impossible date at `i` ("31 February 2024", "April 31"), read
    /// as nothing at all (not even as its month or year).
    fn impossible_date(&self, i: usize) -> Option<usize> {
        let (d, _, next) = self.date_expr(i)?;
        (!d.day_fits()).then_some(next)
    }

    /// A date expression at `i`, as written.
    fn date_expr(&self, i: usize) -> Option<(DateExpr, usize, usize)> {
        // Month [day][,] [of] [year]
        if let Some((m, mut j)) = self.month_at(i) {
            let mut d = DateExpr {
                month: Some(m),
                ..Default::default()
            };
            let mut last = j - 1;
            if let Some(day) = self.day_at(j) {
                if !self.glued(j, j + 1) || self.tok(j + 1).is_some_and(|t| t.text == ",") {
                    d.day = Some(day);
                    last = j;
                    j += 1;
                }
            }
            let mut k = j;
            if self.tok(k).is_some_and(|t| t.text == ",") || self.word_is(k, &["of"]) {
                k += 1;
            }
            if let Some((y, false)) = self.year_at(k) {
                d.year = Some(y);
                last = k;
                j = k + 1;
            }
            return Some((d, last, j));
        }
        // day Month [year]; "the 4th of July"
        if let Some(day) = self.day_at(i) {
            let of = self.word_is(i + 1, &["of"]);
            if let Some((m, j)) = self.month_at(i + 1 + usize::from(of)) {
                let mut d = DateExpr {
                    month: Some(m),
                    day: Some(day),
                    ..Default::default()
                };
                let mut last = j - 1;
                let mut next = j;
                if let Some((y, false)) = self.year_at(j) {
                    d.year = Some(y);
                    last = j;
                    next = j + 1;
                }
                return Some((d, last, next));
            }
        }
        let (y, decade) = self.year_at(i)?;
        Some((
            DateExpr {
                year: Some(y),
                decade,
                ..Default::default()
            },
            i,
            i + 1,
        ))
    }

    /// A date as a partial date, resolved against the publication year when it lacks one.
    fn partial(&self, d: &DateExpr) -> Option<PartialDate> {
        let year = d.year.or_else(|| self.published.map(|p| p.year))?;
        match (d.month, d.day) {
            (Some(m), Some(day)) => {
                let ok = jiff::civil::Date::new(year as i16, m as i8, day as i8).is_ok();
                ok.then(|| PartialDate::day(year, m, day))
            }
            (Some(m), None) => Some(PartialDate::month(year, m)),
            _ => Some(PartialDate::year(year)),
        }
    }

    fn point_value(&self, d: &DateExpr) -> (TimeValue, bool) {
        if d.decade {
            let y = d.year.unwrap_or(0);
            return (
                TimeValue::Interval {
                    from: Some(PartialDate::year(y)),
                    to: Some(PartialDate::year(y + 9)),
                },
                true,
            );
        }
        let granularity = if d.day.is_some() {
            Granularity::Day
        } else if d.month.is_some() {
            Granularity::Month
        } else {
            Granularity::Year
        };
        match self.partial(d) {
            Some(date) => (
                TimeValue::Point {
                    date: Some(date),
                    weekday: None,
                    month: None,
                    granularity,
                },
                true,
            ),
            None => (
                TimeValue::Point {
                    date: None,
                    weekday: None,
                    month: d.month,
                    granularity,
                },
                false,
            ),
        }
    }

    /// A date, month or year on its own.
    fn point(&self, i: usize) -> Option<(TimeMatch, usize)> {
        let (d, last, next) = self.date_at(i)?;
        let (value, resolved) = self.point_value(&d);
        let event_year = d.month.is_none() && !d.decade && self.is_event_year(i);
        let mut start = i;
        if d.decade && i > 0 && self.word_is(i - 1, &["the"]) {
            start = i - 1;
        }
        Some((
            TimeMatch {
                range: self.range(start, last),
                value,
                resolved,
                event_year,
            },
            next,
        ))
    }

    /// "the 2021 military coup", "2020 coup": a year directly modifying a noun.
    fn is_event_year(&self, i: usize) -> bool {
        let prev_prep = i > 0 && self.word_is(i - 1, TIME_PREPOSITIONS);
        if prev_prep {
            return false;
        }
        let prev_det = i > 0
            && (self.word_is(
                i - 1,
                &[
                    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
                ],
            ) || self
                .tok(i - 1)
                .is_some_and(|t| t.text.ends_with("'s") || t.text.ends_with("’s")));
        match self.tok(i + 1) {
            Some(n) if n.kind == Kind::Word && !self.glued(i, i + 1) => {
                let lower_noun = n.text.starts_with(|c: char| c.is_lowercase());
                let not_noun =
                    NOT_EVENT_NOUNS.iter().any(|w| n.is(w)) || month_number(n.text).is_some();
                !not_noun && (lower_noun || prev_det)
            }
            _ => false,
        }
    }

    /// "since 2020", "until 2025", "from 2013 to 2022", "between 2014 and 2017", "2014-2017".
    fn interval(&self, i: usize) -> Option<(TimeMatch, usize)> {
        let t = self.tok(i)?;
        let mut buf = [0u8; 24];
        let lead = if t.kind == Kind::Word {
            ascii_lower(t.text, &mut buf).unwrap_or("")
        } else {
            ""
        };
        match lead {
            lead if OPEN_INTERVAL_LEADS.contains(&lead) => {
                let (d, last, next) = self.date_at(i + 1)?;
                let date = self.partial(&d)?;
                let value = if lead == "since" {
                    TimeValue::Interval {
                        from: Some(date),
                        to: None,
                    }
                } else {
                    TimeValue::Interval {
                        from: None,
                        to: Some(date),
                    }
                };
                let resolved = d.year.is_some() || self.published.is_some();
                Some((
                    TimeMatch {
                        range: self.range(i, last),
                        value,
                        resolved,
                        event_year: false,
                    },
                    next,
                ))
            }
            lead if CLOSED_INTERVAL_LEADS.contains(&lead) => {
                // "between 8 and 10 July": a bare day takes the month of the second date.
                let bare_day = self
                    .tok(i + 1)
                    .filter(|t| t.suffix().is_empty())
                    .and_then(|t| t.number())
                    .filter(|d| (1..=31).contains(d))
                    .map(|d| DateExpr {
                        year: None,
                        month: None,
                        day: Some(d as u8),
                        decade: false,
                    });
                let (d1, n1, bare) = match self.date_at(i + 1) {
                    Some((d, _, n)) => (d, n, false),
                    None => (bare_day?, i + 2, true),
                };
                let joins: &[&str] = if lead == "from" {
                    &["to", "until", "till", "through", "-", "–"]
                } else {
                    &["and"]
                };
                if !joins.iter().any(|w| self.tok(n1).is_some_and(|t| t.is(w))) {
                    return None;
                }
                let (d2, last, next) = self.date_at(n1 + 1)?;
                let d1 = match (bare, d2.month, d2.day) {
                    (false, _, _) => d1,
                    (true, Some(month), Some(day)) if d1.day < Some(day) => DateExpr {
                        month: Some(month),
                        ..d1
                    },
                    (true, _, _) => return None,
                };
                let from = self.partial(&d1.with_year_of(&d2))?;
                let to = self.partial(&d2)?;
                let value = TimeValue::Interval {
                    from: Some(from),
                    to: Some(to),
                };
                Some((
                    TimeMatch {
                        range: self.range(i, last),
                        value,
                        resolved: true,
                        event_year: false,
                    },
                    next,
                ))
            }
            _ => {
                // "2014-2017", "2019-20"
                let (y1, false) = self.year_at(i)? else {
                    return None;
                };
                let dash = self
                    .tok(i + 1)
                    .filter(|d| matches!(d.text, "-" | "–") && self.glued(i, i + 1))?;
                let _ = dash;
                let n = self.tok(i + 2).filter(|_| self.glued(i + 1, i + 2))?;
                let v = n.number()? as i32;
                let y2 = match n.text.len() {
                    4 if n.suffix().is_empty() => v,
                    2 if n.suffix().is_empty() => y1 / 100 * 100 + v,
                    _ => return None,
                };
                if y2 <= y1 {
                    return None;
                }
                let value = TimeValue::Interval {
                    from: Some(PartialDate::year(y1)),
                    to: Some(PartialDate::year(y2)),
                };
                Some((
                    TimeMatch {
                        range: self.range(i, i + 2),
                        value,
                        resolved: true,
                        event_year: false,
                    },
                    i + 3,
                ))
            }
        }
    }

    /// "last year", "this month", "next week", "yesterday", "earlier this year", "last August".
    fn relative(&self, i: usize) -> Option<(TimeMatch, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let mut buf = [0u8; 24];
        let w = ascii_lower(t.text, &mut buf)?;
        if RELATIVE_DAYS.contains(&w) {
            // "MNN Tonight", "Sports Today": a capitalized day word after a capitalized
            // word is part of a name.
            let capitalized =
                |t: &Tok<'_>| t.kind == Kind::Word && t.text.starts_with(char::is_uppercase);
            if capitalized(t) && i > 0 && self.tok(i - 1).is_some_and(capitalized) {
                return None;
            }
            let offset = match w {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let date = self.published.and_then(|p| relative_day(p, offset));
            return Some((self.relative_match(i, i, date, Granularity::Day), i + 1));
        }
        // "earlier this year", "later this month", "early next year"
        let (dir_i, start) =
            if RELATIVE_SHIFTS.contains(&w) && self.word_is(i + 1, &["this", "last", "next"]) {
                (i + 1, i)
            } else {
                (i, i)
            };
        let mut dir_buf = [0u8; 24];
        let dir_word = ascii_lower(self.tok(dir_i)?.text, &mut dir_buf)?;
        if !RELATIVE_DIRECTIONS.contains(&dir_word) {
            return None;
        }
        let dir = match dir_word {
            "last" | "past" => -1,
            "this" => 0,
            _ => 1,
        };
        // "the past week" is a duration; "last year" a point
        if self.tok(dir_i)?.is("past") {
            return None;
        }
        let unit_i = dir_i + 1;
        let u = self.tok(unit_i)?;
        match u.text.to_ascii_lowercase().as_str() {
            "year" => {
                let date = self.published.map(|p| shift_years(p, dir));
                Some((
                    self.relative_match(start, unit_i, date, Granularity::Year),
                    unit_i + 1,
                ))
            }
            "month" => {
                let date = self.published.and_then(|p| relative_month(p, dir));
                Some((
                    self.relative_match(start, unit_i, date, Granularity::Month),
                    unit_i + 1,
                ))
            }
            // "this morning", "this evening" are the day of publication; "last night"
            // the day before.
            "night" | "morning" | "evening" | "afternoon" if dir <= 0 && start == dir_i => {
                let date = self.published.and_then(|p| relative_day(p, i64::from(dir)));
                Some((
                    self.relative_match(start, unit_i, date, Granularity::Day),
                    unit_i + 1,
                ))
            }
            "week" | "weekend" | "night" | "morning" | "evening" | "afternoon" => {
                let range = self.range(start, unit_i);
                let expression = self.text[range.clone()].to_string();
                let value = TimeValue::Relative { expression };
                Some((
                    TimeMatch {
                        range,
                        value,
                        resolved: false,
                        event_year: false,
                    },
                    unit_i + 1,
                ))
            }
            _ => {
                if let Some(wd) = weekday_number(u.text) {
                    let date = self.published.and_then(|p| weekday_date(p, wd, dir));
                    let value = TimeValue::Point {
                        date,
                        weekday: Some(wd),
                        month: None,
                        granularity: Granularity::Weekday,
                    };
                    let m = TimeMatch {
                        range: self.range(start, unit_i),
                        value,
                        resolved: date.is_some(),
                        event_year: false,
                    };
                    return Some((m, unit_i + 1));
                }
                let (m, next) = self.month_at(unit_i).filter(|_| u.text.len() > 3)?;
                let date = self.published.and_then(|p| {
                    let pm = p.month?;
                    let year = match dir {
                        -1 if m >= pm => p.year - 1,
                        1 if m <= pm => p.year + 1,
                        _ => p.year,
                    };
                    Some(PartialDate::month(year, m))
                });
                let value = match date {
                    Some(d) => TimeValue::Point {
                        date: Some(d),
                        weekday: None,
                        month: None,
                        granularity: Granularity::Month,
                    },
                    None => TimeValue::Point {
                        date: None,
                        weekday: None,
                        month: Some(m),
                        granularity: Granularity::Month,
                    },
                };
                let tm = TimeMatch {
                    range: self.range(start, next - 1),
                    value,
                    resolved: date.is_some(),
                    event_year: false,
                };
                Some((tm, next))
            }
        }
    }

    fn relative_match(
        &self,
        first: usize,
        last: usize,
        date: Option<PartialDate>,
        granularity: Granularity,
    ) -> TimeMatch {
        let range = self.range(first, last);
        match date {
            Some(d) => TimeMatch {
                range,
                value: TimeValue::Point {
                    date: Some(d),
                    weekday: None,
                    month: None,
                    granularity,
                },
                resolved: true,
                event_year: false,
            },
            None => {
                let expression = self.text[range.clone()].to_string();
                TimeMatch {
                    range,
                    value: TimeValue::Relative { expression },
                    resolved: false,
                    event_year: false,
                }
            }
        }
    }

    /// "on Tuesday", "Tuesday": the latest such weekday on or before publication.
    fn weekday(&self, i: usize) -> Option<(TimeMatch, usize)> {
        let t = self.tok(i)?;
        let abbreviated = t.text.len() < 6;
        let dotted = self.tok(i + 1).is_some_and(|n| n.text == ".");
        if t.kind != Kind::Word || (abbreviated && !dotted) {
            return None;
        }
        let wd = weekday_number(t.text)?;
        let date = self.published.and_then(|p| weekday_date(p, wd, 0));
        let value = TimeValue::Point {
            date,
            weekday: Some(wd),
            month: None,
            granularity: Granularity::Weekday,
        };
        Some((
            TimeMatch {
                range: self.range(i, i),
                value,
                resolved: date.is_some(),
                event_year: false,
            },
            i + 1,
        ))
    }

    /// "nine years", "the past nine years", "over a decade", "nine-year", "two decades",
    /// "three days ago", "weeks after".
    fn duration(&self, i: usize) -> Option<(TimeMatch, usize)> {
        let t = self.tok(i)?;
        // "weeks after", "months later"
        if t.kind == Kind::Word {
            if let Some(unit) = duration_unit(t.text).filter(|_| t.text.ends_with('s')) {
                let _ = unit;
                if self.word_is(i + 1, &["after", "later", "earlier", "before", "ago"]) {
                    let range = self.range(i, i + 1);
                    let expression = self.text[range.clone()].to_string();
                    let m = TimeMatch {
                        range,
                        value: TimeValue::Relative { expression },
                        resolved: false,
                        event_year: false,
                    };
                    return Some((m, i + 2));
                }
            }
        }
        let (value, unit_i) = self.count_at(i)?;
        let unit_tok = self.tok(unit_i)?;
        let unit = duration_unit(unit_tok.text)?;
        let (value, unit) = if unit_tok.text.to_ascii_lowercase().starts_with("centur") {
            (value * 10.0, DurationUnit::Decade)
        } else {
            (value, unit)
        };
        // "three days ago"
        if self.word_is(unit_i + 1, &["ago"]) {
            let date = self.published.and_then(|p| resolve::ago(p, value, unit));
            let m = self.relative_match(i, unit_i + 1, date, granularity_of(unit));
            return Some((m, unit_i + 2));
        }
        if self.word_is(unit_i + 1, &["later", "after", "earlier", "before"]) {
            let range = self.range(i, unit_i + 1);
            let expression = self.text[range.clone()].to_string();
            let m = TimeMatch {
                range,
                value: TimeValue::Relative { expression },
                resolved: false,
                event_year: false,
            };
            return Some((m, unit_i + 2));
        }
        let change = self.change_before(i);
        let value = TimeValue::Duration(Duration {
            value,
            unit,
            change,
        });
        // "the past nine years", "the last three months"
        let mut start = i;
        if start > 0 && self.word_is(start - 1, &["past", "last", "next", "coming", "first"]) {
            start -= 1;
            if start > 0 && self.word_is(start - 1, &["the"]) {
                start -= 1;
            }
        }
        Some((
            TimeMatch {
                range: self.range(start, unit_i),
                value,
                resolved: true,
                event_year: false,
            },
            unit_i + 1,
        ))
    }

    /// A count before a time unit: "nine", "9", "a", "two and a half"; returns the index of the
    /// unit (after a hyphen in "nine-year").
    fn count_at(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        let start = t.start;
        let rest = self.text.get(start..)?;
        let (after, value) = if t.is("a") || t.is("an") {
            (&rest[t.text.len()..], 1.0)
        } else if t.kind == Kind::Num {
            if !t.suffix().is_empty() || (i > 0 && self.glued(i - 1, i)) {
                return None;
            }
            let (r, n) = super::number::numeral(rest).ok()?;
            (r, n.value)
        } else if t.kind == Kind::Word {
            let (r, n) = super::number::number_words(rest).ok()?;
            (r, n.value)
        } else {
            return None;
        };
        let consumed = start + (rest.len() - after.len());
        let unit_i = i
            + 1
            + self
                .toks
                .get(i + 1..)?
                .iter()
                .take(8)
                .position(|x| x.start >= consumed && x.kind == Kind::Word)?;
        let u = self.tok(unit_i)?;
        let gap = self.text.get(consumed..u.start)?;
        if gap != " " && gap != "-" {
            return None;
        }
        // "a year" only after a time word ("over a decade", "for a year"), not "$5 a year"
        let relative = self.word_is(unit_i + 1, &["ago", "after", "later", "earlier", "before"]);
        if (t.is("a") || t.is("an"))
            && !relative
            && !(i > 0
                && self.word_is(
                    i - 1,
                    &[
                        "over", "for", "than", "about", "nearly", "almost", "within", "in", "past",
                        "last", "next", "least", "around", "under", "just",
                    ],
                ))
        {
            return None;
        }
        Some((value, unit_i))
    }

    /// The bound before a duration: "over", "more than", "nearly", "up to" ...
    fn change_before(&self, i: usize) -> Change {
        let units = self.units;
        let mut words: Vec<String> = Vec::new();
        let mut j = i;
        while j > 0 && words.len() < 3 {
            j -= 1;
            let t = &self.toks[j];
            if t.kind != Kind::Word {
                break;
            }
            words.insert(0, t.text.to_ascii_lowercase());
        }
        // "over the past nine years" is "during", not "more than"
        if words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "past" | "last" | "next" | "coming" | "first"))
        {
            return Change::Exact;
        }
        let n = words.len();
        (1..=n)
            .rev()
            .find_map(|k| {
                units
                    .cue(&words[n - k..].join(" "))
                    .filter(|c| !matches!(c, Change::Up | Change::Down))
            })
            .unwrap_or(Change::Exact)
    }
}

impl DateExpr {
    /// "from March to June 2020": the first date takes the second's year when it has none.
    fn with_year_of(self, other: &DateExpr) -> DateExpr {
        DateExpr {
            year: self.year.or(other.year),
            ..self
        }
    }
}

/// The duration units by name (singular; "centurie" for the plural "centuries").
const DURATION_UNITS: [(&str, DurationUnit); 8] = [
    ("hour", DurationUnit::Hour),
    ("day", DurationUnit::Day),
    ("week", DurationUnit::Week),
    ("month", DurationUnit::Month),
    ("year", DurationUnit::Year),
    ("decade", DurationUnit::Decade),
    ("century", DurationUnit::Decade),
    ("centurie", DurationUnit::Decade),
];

/// The duration unit a word names (singular or plural).
fn duration_unit(word: &str) -> Option<DurationUnit> {
    let mut buf = [0u8; 24];
    let w = ascii_lower(word, &mut buf)?;
    let w = w.strip_suffix('s').unwrap_or(w);
    DURATION_UNITS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|(_, unit)| *unit)
}

fn granularity_of(unit: DurationUnit) -> Granularity {
    match unit {
        DurationUnit::Second
        | DurationUnit::Minute
        | DurationUnit::Hour
        | DurationUnit::Day
        | DurationUnit::Week => Granularity::Day,
        DurationUnit::Month => Granularity::Month,
        DurationUnit::Year | DurationUnit::Decade => Granularity::Year,
    }
}
