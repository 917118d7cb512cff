//! Reading one amount at a candidate start (sign, currency prefix, number, multiplier), the
//! unit after it, a range continuation ("5 to 7 per cent") and vague amounts ("hundreds of").

use super::context::RangeLead;
use super::text::{self, char_at, lower, word_after, Word};
use super::units::{UnitInfo, Units};
use super::QuantityMatch;
use crate::extract::model::{Change, Name, Value};
use crate::extract::number::{self, Number};

/// A number as read, with its sign and currency.
#[derive(Clone, Debug)]
pub struct Amount<'u> {
    /// Start of the whole amount (sign or currency included).
    pub start: usize,
    /// Start of the digits or number words.
    pub num_start: usize,
    pub end: usize,
    pub value: f64,
    pub number: Number,
    pub currency: Option<&'u UnitInfo>,
    pub negative: bool,
    /// Written with a leading "+".
    pub plus: bool,
}

/// The unit read after an amount.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitHit {
    pub unit: Option<Name>,
    pub counted: Option<String>,
    pub end: usize,
    /// From the unit lexicon (or a currency), not a guessed noun.
    pub known: bool,
    /// A unit of time (hours, days, years ...).
    pub time_unit: bool,
    /// Joined to the number by a hyphen ("nine-year").
    pub hyphenated: bool,
}

/// The counted thing of a unit.
pub fn counted_of(hit: Option<&UnitHit>) -> Option<String> {
    hit.and_then(|h| h.counted.clone())
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

fn is_digit_at(text: &str, pos: usize) -> bool {
    char_at(text, pos).is_some_and(|c| c.is_ascii_digit())
        || (char_at(text, pos) == Some('.')
            && char_at(text, pos + 1).is_some_and(|c| c.is_ascii_digit()))
}

/// Reads an amount starting at `pos`.
pub fn amount_at<'u>(text: &str, pos: usize, units: &'u Units) -> Option<Amount<'u>> {
    let mut i = pos;
    let mut negative = false;
    let mut plus = false;
    let rest = text.get(i..)?;
    if starts_with_ci(rest, "minus") && matches!(char_at(rest, 5), Some(' ' | '-')) {
        i += 6;
        negative = true;
    } else if let Some(c @ ('-' | '\u{2212}' | '+')) = char_at(rest, 0) {
        if !is_digit_at(text, i + c.len_utf8()) {
            return None;
        }
        i += c.len_utf8();
        negative = c != '+';
        plus = c == '+';
    }
    let mut currency = None;
    if let Some((info, len)) = units.currency_prefix(text.get(i..)?) {
        let prefix = &text[i..i + len];
        let alpha_end = prefix.ends_with(|c: char| c.is_alphabetic());
        let after = i + len;
        let mut j = None;
        if is_digit_at(text, after) {
            j = Some(after);
        } else if char_at(text, after) == Some(' ')
            && (!alpha_end || prefix.len() >= 3)
            && is_digit_at(text, after + 1)
        {
            j = Some(after + 1);
        } else if char_at(text, after) == Some('-') && is_digit_at(text, after + 1) {
            negative = true;
            j = Some(after + 1);
        }
        if let Some(j) = j {
            currency = Some(info);
            i = j;
        }
    }
    let num_start = i;
    let rest = text.get(i..)?;
    let (after_num, number) = if is_digit_at(text, i) {
        if let Ok((r, f)) = number::fraction_digits(rest) {
            (
                r,
                Number {
                    value: f,
                    digits: true,
                    plain_integer: false,
                    int_digits: 1,
                    multiplier: 1.0,
                },
            )
        } else {
            let (mut r, mut n) = number::numeral(rest).ok()?;
            // "1.2 million", "4 hundred million"
            for _ in 0..2 {
                let Ok((r2, m)) = number::multiplier(r, currency.is_some()) else {
                    break;
                };
                n = Number {
                    value: scaled(n.value, m),
                    plain_integer: false,
                    multiplier: n.multiplier * m,
                    ..n
                };
                r = r2;
            }
            // "4.5m people": a glued "m" before a counted noun is million, not metres
            if n.multiplier == 1.0 && (!n.plain_integer || n.int_digits <= 3) {
                if let Some(after_m) = million_m(r, units) {
                    n = Number {
                        value: scaled(n.value, 1e6),
                        plain_integer: false,
                        multiplier: 1e6,
                        ..n
                    };
                    r = after_m;
                }
            }
            (r, n)
        }
    } else if currency.is_none()
        && !plus
        && char_at(text, i).is_some_and(|c| c.is_ascii_alphabetic())
    {
        if starts_with_ci(rest, "half of ") {
            (
                &rest[4..],
                Number {
                    value: 0.5,
                    digits: false,
                    plain_integer: false,
                    int_digits: 0,
                    multiplier: 1.0,
                },
            )
        } else if let Ok((r, f)) = number::fraction_words(rest) {
            (
                r,
                Number {
                    value: f,
                    digits: false,
                    plain_integer: false,
                    int_digits: 0,
                    multiplier: 1.0,
                },
            )
        } else {
            number::number_words(rest).ok()?
        }
    } else {
        return None;
    };
    let (after_num, number) = out_of(after_num, number);
    let end = text.len() - after_num.len();
    let value = if negative {
        -number.value
    } else {
        number.value
    };
    Some(Amount {
        start: pos,
        num_start,
        end,
        value,
        number,
        currency,
        negative,
        plus,
    })
}

/// The text after a glued "m" that means million: followed by a plural noun or a
/// counted unit that is no length ("4.5m people", "3m barrels"), not "37m long".
fn million_m<'t>(rest: &'t str, units: &Units) -> Option<&'t str> {
    let after = rest.strip_prefix('m')?;
    let w = word_after(after, 0).filter(|w| w.start == 1 && after.starts_with(' '))?;
    if !w.text.chars().all(|c| c.is_ascii_lowercase()) || is_stop(w.text) {
        return None;
    }
    let counted = match units.unit(w.text) {
        Some(u) => !matches!(
            u.measure.as_deref(),
            Some("length" | "area" | "time" | "speed")
        ),
        None => w.text.ends_with('s') && !matches!(w.text, "across" | "less" | "nautical"),
    };
    counted.then_some(after)
}

/// `v * m` without binary noise when `m` is a power of ten ("65.9 million" is 65900000).
fn scaled(v: f64, m: f64) -> f64 {
    let exp = m.log10();
    if exp.fract() == 0.0 && (1.0..=15.0).contains(&exp) {
        format!("{v}e{}", exp as i32).parse().unwrap_or(v * m)
    } else {
        v * m
    }
}

/// "one out of three": the share `n / m`.
fn out_of(rest: &str, n: Number) -> (&str, Number) {
    let Some(r) = rest
        .strip_prefix(" out of ")
        .or_else(|| rest.strip_prefix(" in "))
    else {
        return (rest, n);
    };
    let in_form = rest.starts_with(" in ");
    let parsed = if n.digits {
        number::numeral(r).ok()
    } else {
        number::number_words(r).ok()
    };
    match parsed {
        Some((r2, m))
            if m.value > n.value
                && n.value >= 1.0
                && m.value <= 1000.0
                && (!in_form || !n.digits || m.plain_integer) =>
        {
            (
                r2,
                Number {
                    value: n.value / m.value,
                    plain_integer: false,
                    ..n
                },
            )
        }
        _ => (rest, n),
    }
}

/// Trailing punctuation that ends a unit token.
fn trim_token(tok: &str) -> &str {
    tok.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '('
        )
    })
}

/// Function words and other words that are never the counted noun.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "do",
    "does",
    "did",
    "it",
    "its",
    "this",
    "these",
    "those",
    "there",
    "here",
    "per",
    "over",
    "under",
    "into",
    "onto",
    "after",
    "before",
    "since",
    "until",
    "during",
    "about",
    "around",
    "up",
    "down",
    "out",
    "off",
    "more",
    "less",
    "so",
    "such",
    "not",
    "no",
    "only",
    "just",
    "also",
    "each",
    "every",
    "all",
    "some",
    "any",
    "both",
    "either",
    "neither",
    "when",
    "while",
    "where",
    "if",
    "then",
    "ago",
    "later",
    "earlier",
    "last",
    "next",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "your",
    "my",
    "me",
    "him",
    "them",
    "us",
    "said",
    "says",
    "say",
    "told",
    "according",
    "between",
    "among",
    "against",
    "through",
    "across",
    "behind",
    "beyond",
    "within",
    "toward",
    "towards",
    "upon",
    "via",
    "because",
    "though",
    "although",
    "unless",
    "whether",
    "yet",
    "still",
    "even",
    "again",
    "already",
    "now",
    "too",
    "very",
    "much",
    "many",
    "most",
    "least",
    "other",
    "another",
    "same",
    "own",
    "away",
    "back",
    "ahead",
    "apiece",
    "each",
    "respectively",
    "alone",
    "altogether",
    "together",
    "instead",
    "including",
    "like",
    "near",
    "till",
    "fewer",
    "higher",
    "lower",
    "overnight",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "previously",
    "how",
    "why",
    "am",
    "pm",
    "times",
    "time",
    "or",
];

fn is_stop(word: &str) -> bool {
    let mut buf = [0u8; 32];
    match lower(word, &mut buf) {
        Some(l) => STOP.contains(&l),
        None => false,
    }
}

/// A word of letters after `pos`, joined over inner hyphens ("first-team").
fn word_at(text: &str, pos: usize) -> Option<Word<'_>> {
    let mut w = word_after(text, pos)?;
    while char_at(text, w.end) == Some('-') {
        match word_after(text, w.end + 1).filter(|n| n.start == w.end + 1) {
            Some(n) => {
                w = Word {
                    text: &text[w.start..n.end],
                    start: w.start,
                    end: n.end,
                }
            }
            None => break,
        }
    }
    Some(w)
}

/// The noun phrase counted after a number: up to three words ending at the first plural
/// or known unit, stopping at function words and punctuation.
fn counted_noun(text: &str, pos: usize, units: &Units) -> Option<UnitHit> {
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut p = pos;
    while words.len() < 3 {
        let Some(w) = word_at(text, p) else { break };
        let gap = &text[p..w.start];
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) || gap.contains('\n') {
            break;
        }
        if is_stop(w.text) {
            break;
        }
        let l = w.text.to_lowercase();
        if l.len() > 4
            && (l.ends_with("ing") || l.ends_with("ed") || l.ends_with("ly"))
            && units.unit(w.text).is_none()
        {
            break;
        }
        words.push(w);
        p = w.end;
        if units.unit(w.text).is_some() || (l.len() > 3 && l.ends_with('s') && !l.ends_with("ss")) {
            break;
        }
    }
    let mut last = *words.last()?;
    let first = words[0];
    // the longest known unit ending the phrase: "embassy staff members", "aid workers"
    let mut info = units.unit(last.text);
    if info.is_some() {
        if let Some(next) = word_at(text, last.end).filter(|n| n.start == last.end + 1) {
            if let Some(longer) = units.unit(&text[last.start..next.end]) {
                info = Some(longer);
                last = Word {
                    text: &text[last.start..next.end],
                    start: last.start,
                    end: next.end,
                };
            }
        }
    }
    if words.len() >= 2 {
        let prev = words[words.len() - 2];
        if let Some(longer) = units.unit(&text[prev.start..last.end]) {
            info = Some(longer);
        }
    }
    let unit = info
        .map(|u| u.unit.clone())
        .unwrap_or_else(|| Name::from(last.text.to_lowercase()));
    Some(UnitHit {
        unit: Some(unit),
        counted: Some(text[first.start..last.end].to_string()),
        end: last.end,
        known: info.is_some(),
        time_unit: info.is_some_and(|u| u.measure.as_deref() == Some("time")),
        hyphenated: false,
    })
}

fn known_hit(info: &UnitInfo, counted: &str, end: usize, hyphenated: bool) -> UnitHit {
    UnitHit {
        unit: Some(info.unit.clone()),
        counted: (!info.currency && counted.chars().any(char::is_alphabetic))
            .then(|| counted.to_string()),
        end,
        known: true,
        time_unit: info.measure.as_deref() == Some("time"),
        hyphenated,
    }
}

/// The longest unit form of up to `max_words` whitespace-separated tokens at `pos`.
fn unit_phrase(text: &str, pos: usize, units: &Units) -> Option<(UnitHit, &'static str)> {
    // a unit form is a few short words
    let rest = text::bounded(text.get(pos..)?, 64);
    let mut ends = Vec::new();
    let mut offset = 0;
    for tok in rest.split(' ').take(units.max_words.max(1)) {
        if tok.is_empty() {
            break;
        }
        let trimmed = trim_token(tok);
        let trimmed = trimmed
            .find(['(', ')', '[', ']'])
            .map_or(trimmed, |i| &trimmed[..i]);
        ends.push(pos + offset + trimmed.len());
        if trimmed.len() != tok.len() {
            break;
        }
        offset += tok.len() + 1;
    }
    for &end in ends.iter().rev() {
        let phrase = &text[pos..end];
        if let Some(info) = units.unit(phrase) {
            return Some((known_hit(info, phrase, end, false), ""));
        }
    }
    // "ft-long", "percent-owned": the part of the first token before a hyphen
    let first = &text[pos..*ends.first()?];
    let h = first.find('-').filter(|h| *h > 0)?;
    let info = units.unit(&first[..h])?;
    Some((known_hit(info, &first[..h], pos + h, false), ""))
}

/// The unit after an amount. `Err(end)` when letters glued to the number make it no
/// quantity ("5G", "9AB").
pub fn unit_after(text: &str, a: &Amount<'_>, units: &Units) -> Result<Option<UnitHit>, usize> {
    let end = a.end;
    if let Some(cur) = a.currency {
        let mut hit = UnitHit {
            unit: Some(cur.unit.clone()),
            counted: None,
            end,
            known: true,
            time_unit: false,
            hyphenated: false,
        };
        // "$76 US", "$75 U.S. per barrel": the currency named again after the number
        if char_at(text, end) == Some(' ') {
            if let Some((again, _)) = unit_phrase(text, end + 1, units) {
                if again.unit == hit.unit {
                    let dotted = text[end + 1..again.end].contains('.')
                        && char_at(text, again.end) == Some('.');
                    hit.end = again.end + usize::from(dotted);
                }
            }
        }
        return Ok(Some(with_rate(text, hit, units)));
    }
    let Some(c) = char_at(text, end) else {
        return Ok(None);
    };
    if c == ' ' || c == '\u{00A0}' {
        let pos = end + c.len_utf8();
        if let Some((hit, _)) = unit_phrase(text, pos, units) {
            return Ok(Some(with_rate(text, hit, units)));
        }
        return Ok(counted_noun(text, end, units).map(|h| with_rate(text, h, units)));
    }
    if c.is_whitespace() {
        return Ok(None);
    }
    let hyphen = c == '-';
    let body_start = if hyphen { end + 1 } else { end };
    if hyphen && !char_at(text, body_start).is_some_and(|c| c.is_alphabetic()) {
        return Ok(None);
    }
    if let Some((mut hit, _)) = unit_phrase(text, body_start, units) {
        hit.hyphenated = hyphen;
        return Ok(Some(with_rate(text, hit, units)));
    }
    let ahead = text::bounded(&text[body_start..], 64);
    let tok_end = body_start + ahead.find(char::is_whitespace).unwrap_or(ahead.len());
    let tok = trim_token(&text[body_start..tok_end]);
    if tok.is_empty() || !tok.starts_with(|c: char| c.is_alphabetic()) {
        return Ok(None);
    }
    if hyphen {
        // "a 2,400-strong force": the unit is the noun after
        if tok.eq_ignore_ascii_case("strong") {
            let after = body_start + tok.len();
            let noun = counted_noun(text, after, units);
            return Ok(Some(noun.unwrap_or(UnitHit {
                unit: None,
                counted: None,
                end: after,
                known: false,
                time_unit: false,
                hyphenated: true,
            })));
        }
        if !a.number.digits {
            return Err(body_start + tok.len());
        }
        let head = tok.split('-').next().unwrap_or(tok);
        return Ok(Some(UnitHit {
            unit: Some(Name::from(head.to_lowercase())),
            counted: Some(head.to_string()),
            end: body_start + head.len(),
            known: false,
            time_unit: false,
            hyphenated: true,
        }));
    }
    Err(tok_end)
}

/// Extends a unit with a rate: "per barrel", "a month", "an ounce".
fn with_rate(text: &str, hit: UnitHit, units: &Units) -> UnitHit {
    let Some(w) = word_after(text, hit.end) else {
        return hit;
    };
    if text[hit.end..w.start].is_empty() || !text[hit.end..w.start].chars().all(|c| c == ' ') {
        return hit;
    }
    let per = w.text.eq_ignore_ascii_case("per");
    let article = w.text.eq_ignore_ascii_case("a") || w.text.eq_ignore_ascii_case("an");
    if !per && !article {
        return hit;
    }
    let Some((per_hit, _)) = unit_phrase(text, w.end + 1, units) else {
        if per {
            if let Some(n) =
                word_after(text, w.end).filter(|n| n.start == w.end + 1 && !is_stop(n.text))
            {
                let unit = hit
                    .unit
                    .as_deref()
                    .map(|u| Name::from(format!("{u} per {}", n.text.to_lowercase())));
                return UnitHit {
                    unit,
                    end: n.end,
                    ..hit
                };
            }
        }
        return hit;
    };
    let unit = match (hit.unit.as_deref(), per_hit.unit.as_deref()) {
        (Some(u), Some(p)) => Some(Name::from(format!("{u} per {}", singular(p)))),
        _ => hit.unit.clone(),
    };
    UnitHit {
        unit,
        end: per_hit.end,
        ..hit
    }
}

fn singular(unit: &str) -> String {
    let (head, last) = unit.rsplit_once(' ').map_or(("", unit), |(h, l)| (h, l));
    let one = match last {
        "people" => "person".to_string(),
        "feet" => "foot".to_string(),
        "centuries" => "century".to_string(),
        l if l.ends_with("ies") => format!("{}y", &l[..l.len() - 3]),
        l if l.ends_with('s') && !l.ends_with("ss") => l[..l.len() - 1].to_string(),
        l => l.to_string(),
    };
    if head.is_empty() {
        one
    } else {
        format!("{head} {one}")
    }
}

/// What follows an amount: a range, a score ("2-0"), or nothing.
pub enum RangeStep {
    Range {
        low: f64,
        high: f64,
        unit: Option<UnitHit>,
        end: usize,
    },
    Score(usize),
    None,
}

/// Reads "to 7", "-7", "and 7" (after "between"), "or 4" after the first amount.
pub fn range_after(
    text: &str,
    a: &Amount<'_>,
    unit_a: Option<&UnitHit>,
    end: usize,
    change: Change,
    lead: RangeLead,
    units: &Units,
) -> RangeStep {
    let step = range_at(
        text,
        a,
        unit_a,
        end,
        change,
        lead == RangeLead::Between,
        units,
    );
    if !matches!(step, RangeStep::None) || lead != RangeLead::From {
        return step;
    }
    // "from 20 mpg in 2008 to 29 mpg": a few words may come between
    let mut p = end;
    for _ in 0..5 {
        let rest = text.get(p..).unwrap_or("");
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.len() == rest.len() {
            return RangeStep::None;
        }
        let tok_len = trimmed.find(' ').unwrap_or(trimmed.len());
        let tok = &trimmed[..tok_len];
        if tok.eq_ignore_ascii_case("to") {
            return range_at(text, a, unit_a, p, change, false, units);
        }
        if tok.is_empty()
            || tok.contains([',', ';', '(', ')', '"'])
            || (tok.ends_with('.') && tok.len() > 3)
        {
            return RangeStep::None;
        }
        p = text.len() - trimmed.len() + tok_len;
    }
    RangeStep::None
}

#[allow(clippy::too_many_arguments)]
fn range_at(
    text: &str,
    a: &Amount<'_>,
    unit_a: Option<&UnitHit>,
    end: usize,
    change: Change,
    between: bool,
    units: &Units,
) -> RangeStep {
    let Some(rest) = text.get(end..) else {
        return RangeStep::None;
    };
    let trimmed = rest.trim_start_matches(' ');
    let lead = rest.len() - trimmed.len();
    let (conn, len) = if let Some(c @ ('-' | '–')) = char_at(trimmed, 0) {
        (Conn::Dash, c.len_utf8())
    } else if let Some(w) = word_after(trimmed, 0).filter(|w| w.start == 0) {
        match w.text.to_ascii_lowercase().as_str() {
            "to" => (Conn::To, 2),
            "and" if between => (Conn::And, 3),
            "or" => (Conn::Or, 2),
            _ => return RangeStep::None,
        }
    } else {
        return RangeStep::None;
    };
    if matches!(conn, Conn::To | Conn::And | Conn::Or) && lead == 0 {
        return RangeStep::None;
    }
    let mut bpos = end + lead + len;
    while char_at(text, bpos) == Some(' ') {
        bpos += 1;
    }
    if matches!(conn, Conn::To) && char_at(text, bpos) == Some('-') && is_digit_at(text, bpos + 1) {
        bpos += 1;
    }
    let Some(b) = amount_at(text, bpos, units) else {
        return RangeStep::None;
    };
    if !super::in_range(b.value) {
        // "5 to 10^400": the range goes unread with its top
        return RangeStep::Score(b.end);
    }
    if b.negative
        || b.plus
        || (a.number.digits != b.number.digits && matches!(conn, Conn::Or | Conn::Dash))
    {
        return RangeStep::None;
    }
    let has_own_unit =
        unit_a.is_some_and(|u| u.known) || a.currency.is_some() || a.number.multiplier > 1.0;
    // "by 0.25 points to 5.5%": a change and its result, not a range
    let after_by = super::text::words_before(text, a.start, 1)
        .first()
        .is_some_and(|w| w.text.eq_ignore_ascii_case("by"));
    if matches!(conn, Conn::To)
        && (matches!(change, Change::Up | Change::Down) || after_by)
        && has_own_unit
    {
        return RangeStep::None;
    }
    if matches!(conn, Conn::Or) && (unit_a.is_some() || a.currency.is_some()) {
        return RangeStep::None;
    }
    if a.currency.is_none() && b.currency.is_some() && unit_a.is_some() {
        return RangeStep::None;
    }
    // a year after "to" is not the top of a range of counts
    if b.number.plain_integer && b.number.int_digits == 4 && !a.number.plain_integer {
        return RangeStep::None;
    }
    let b_unit = match unit_after(text, &b, units) {
        Ok(u) => u,
        Err(_) => return RangeStep::None,
    };
    if let (Some(ua), Some(ub)) = (
        unit_a.filter(|u| u.known),
        b_unit.as_ref().filter(|u| u.known),
    ) {
        fn base(u: &Option<Name>) -> Option<&str> {
            u.as_deref().map(|u| u.split(" per ").next().unwrap_or(u))
        }
        if base(&ua.unit) != base(&ub.unit) {
            return RangeStep::None;
        }
    }
    let mut low = a.value;
    let high = b.value;
    let b_end = b_unit.as_ref().map_or(b.end, |u| u.end);
    let after_from = super::text::words_before(text, a.start, 1)
        .first()
        .is_some_and(|w| w.text.eq_ignore_ascii_case("from"));
    // A scale word after the second number is shared: "between 2 and 3 million"
    if b.number.multiplier > 1.0 && a.number.multiplier == 1.0 {
        if a.number.value <= b.number.value / b.number.multiplier {
            low = scaled(low, b.number.multiplier);
        } else if !after_from {
            // "between 5 and 3 thousand": shared, the range falls (5,000 to 3,000); not
            // shared, it mixes scales (5 to 3,000). Odd input: not read at all. (A change
            // "from 500 to 2 million" gives its own ends.)
            return RangeStep::Score(b_end);
        }
    }
    if matches!(conn, Conn::Dash) && a.currency.is_none() && super::context::is_address(text, b.end)
    {
        return RangeStep::Score(b_end);
    }
    let bare_ints = a.number.plain_integer && b.number.plain_integer && unit_a.is_none();
    if matches!(conn, Conn::Dash) && bare_ints && !b_unit.as_ref().is_some_and(|u| u.known) {
        let b_text = &text[b.num_start..b.end];
        let phone = (b_text.starts_with('0') && b_text.len() > 1)
            || (a.number.int_digits >= 3 && b.number.int_digits >= 4)
            || (text[b.end..].starts_with('-') && is_digit_at(text, b.end + 1));
        if phone || super::context::is_score(text, a.start, b.end, units) {
            return RangeStep::Score(b_end);
        }
    }
    match conn {
        Conn::Dash if bare_ints && low >= high => RangeStep::Score(b_end),
        Conn::Dash if low >= high => RangeStep::None,
        Conn::Or if low >= high => RangeStep::None,
        // "51 to 49" without "from" is a tally, not a falling range
        Conn::To if low > high && !after_from && bare_ints => RangeStep::Score(b_end),
        Conn::To if low > high && !after_from => RangeStep::None,
        _ => RangeStep::Range {
            low,
            high,
            unit: b_unit,
            end: b_end,
        },
    }
}

enum Conn {
    Dash,
    To,
    And,
    Or,
}

/// A vague amount at `pos` ("hundreds of", "a handful of", "several").
pub fn vague_at(text: &str, pos: usize, units: &Units) -> Option<QuantityMatch> {
    let first = word_after(text, pos).filter(|w| w.start == pos)?;
    let mut buf = [0u8; 32];
    let key = lower(first.text, &mut buf)?;
    for phrase in units.vague_phrases(key) {
        let Some(end) = match_phrase(text, pos, phrase) else {
            continue;
        };
        let range = units.vague_range(phrase).flatten();
        // "hundreds" must not be part of "two hundreds"; "of" joins the noun
        let mut noun_from = end;
        // "a several hundred-strong force"
        if text[end..].starts_with("-strong")
            && !char_at(text, end + 7).is_some_and(char::is_alphabetic)
        {
            noun_from = end + 7;
        }
        if let Some(of) = word_after(text, end)
            .filter(|w| w.text.eq_ignore_ascii_case("of") && w.start == end + 1)
        {
            noun_from = of.end;
        }
        let hit = counted_noun(text, noun_from, units);
        if hit.is_none() && phrase.split(' ').count() == 1 && range.is_some_and(|r| r[1] < 100.0) {
            // "several" or "dozens" alone is no quantity
            return None;
        }
        let (change, _) = super::context::cue_before_pos(text, pos, units);
        let change = if change == Change::Exact {
            Change::Approx
        } else {
            change
        };
        let q_end = hit.as_ref().map_or(end, |h| h.end);
        return Some(QuantityMatch {
            range: pos..q_end,
            value: Value::Vague {
                vague: text[pos..end].to_string(),
                range,
            },
            unit: hit.as_ref().and_then(|h| h.unit.clone()),
            change,
            approx: true,
            counted: hit.and_then(|h| h.counted),
        });
    }
    None
}

/// The end of `phrase` (lowercase, single-spaced) matched case-insensitively at `pos`,
/// ending at a word boundary.
fn match_phrase(text: &str, pos: usize, phrase: &str) -> Option<usize> {
    let mut p = pos;
    for (i, w) in phrase.split(' ').enumerate() {
        if i > 0 {
            if char_at(text, p) != Some(' ') {
                return None;
            }
            p += 1;
        }
        let seg = text.get(p..p + w.len())?;
        if !seg.eq_ignore_ascii_case(w) {
            return None;
        }
        p += w.len();
    }
    if char_at(text, p).is_some_and(text::is_alnum) {
        return None;
    }
    Some(p)
}
