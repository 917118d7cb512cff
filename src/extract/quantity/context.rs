//! The words around an amount: where candidates start, the cues before a number
//! (about, more than, rose ...), and what makes a number no quantity (years, dates, times
//! of day, ordinals, parts of names).

use super::amount::{Amount, UnitHit};
use super::text::{
    at_sentence_start, char_at, char_before, has_upper, lower, word_after, words_before, Word,
};
use super::units::Units;
use super::QuantityMatch;
use crate::extract::model::Change;
use crate::extract::time::{month_number, weekday_number};

/// Signs that may open an amount.
const SIGNS: [char; 14] = [
    '$', '£', '€', '¥', '₹', '₪', '₽', '₦', '₩', '₺', '₿', '+', '-', '\u{2212}',
];

/// True when an amount may start at `pos` (whose char is `c`).
pub fn starts_candidate(text: &str, pos: usize, c: char, units: &Units) -> bool {
    let prev = char_before(text, pos);
    if prev.is_some_and(|p| p.is_alphanumeric()) {
        return false;
    }
    // inside a number that was not read as one ("1.2.3", "2019,000")
    if matches!(prev, Some('.' | ','))
        && char_before(text, pos - 1).is_some_and(|p| p.is_ascii_digit())
    {
        return false;
    }
    c.is_ascii_digit()
        || (c == '.' && char_at(text, pos + 1).is_some_and(|n| n.is_ascii_digit()))
        || SIGNS.contains(&c)
        || (c.is_alphabetic() && starts_amount_word(text, pos, units))
}

/// True for a word that may open an amount: a number word, "a"/"an"/"half"/"minus", the
/// first word of a vague amount, or the letters of a currency prefix ("USD", "RM").
fn starts_amount_word(text: &str, pos: usize, units: &Units) -> bool {
    let Some(w) = word_after(text, pos).filter(|w| w.start == pos) else {
        return false;
    };
    let mut buf = [0u8; 32];
    let Some(l) = lower(w.text, &mut buf) else {
        return false;
    };
    units.starts_amount(l)
}

/// The change and approximation signalled just before the amount.
pub fn cue_before(text: &str, a: &Amount<'_>, units: &Units) -> (Change, bool) {
    let (change, approx) = cue_before_pos(text, a.start, units);
    (change, approx)
}

/// The change signalled by the words ending just before `pos`.
pub fn cue_before_pos(text: &str, pos: usize, units: &Units) -> (Change, bool) {
    let before = text.get(..pos).unwrap_or("").trim_end();
    match before.chars().next_back() {
        Some('~' | '≈' | '∼') => return (Change::Approx, true),
        Some('<' | '≤') => return (Change::AtMost, false),
        Some('>' | '≥') => return (Change::AtLeast, false),
        _ => {}
    }
    if char_before(text, pos) == Some('-') {
        if letters_before(text, pos.saturating_sub(1)).eq_ignore_ascii_case("sub") {
            return (Change::AtMost, false);
        }
        return (Change::Exact, false);
    }
    let words = words_before(text, pos, units.max_cue_words.max(1) + 2);
    let lowered = LoweredWords::new(&words);
    let mut n = lowered.len();
    if n >= 2 && lowered.word(n - 1) == "by" {
        let verb = longest_cue(&lowered, n - 1, units)
            .filter(|(c, _)| matches!(c, Change::Up | Change::Down));
        if let Some((c, _)) = verb {
            return (c, false);
        }
    }
    let Some((cue, k)) = longest_cue(&lowered, n, units) else {
        return (Change::Exact, false);
    };
    n -= k;
    // a bound or approximation right after a verb of change: "up nearly 57%", "rose under 4%"
    if !matches!(cue, Change::Up | Change::Down) {
        let outer =
            longest_cue(&lowered, n, units).filter(|(c, _)| matches!(c, Change::Up | Change::Down));
        if let Some((outer, _)) = outer {
            return (outer, cue == Change::Approx);
        }
    }
    (cue, cue == Change::Approx)
}

/// Lower-cased words joined by single spaces in one string, so that any run of them is a
/// slice ("more than", "rose by").
struct LoweredWords {
    joined: String,
    /// Each word's byte range in `joined`.
    spans: Vec<(usize, usize)>,
}

impl LoweredWords {
    fn new(words: &[Word<'_>]) -> LoweredWords {
        let mut joined = String::new();
        let mut spans = Vec::with_capacity(words.len());
        for w in words {
            if !spans.is_empty() {
                joined.push(' ');
            }
            let start = joined.len();
            if w.text.is_ascii() {
                joined.extend(w.text.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                joined.push_str(&w.text.to_lowercase());
            }
            spans.push((start, joined.len()));
        }
        LoweredWords { joined, spans }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn word(&self, i: usize) -> &str {
        self.phrase(i, i + 1)
    }

    /// Words `from..to` joined by single spaces.
    fn phrase(&self, from: usize, to: usize) -> &str {
        match (
            self.spans.get(from),
            to.checked_sub(1).and_then(|l| self.spans.get(l)),
        ) {
            (Some(&(start, _)), Some(&(_, end))) if from < to => {
                self.joined.get(start..end).unwrap_or("")
            }
            _ => "",
        }
    }
}

/// The cue phrase ending the first `n` words, longest first, with its length in words.
fn longest_cue(words: &LoweredWords, n: usize, units: &Units) -> Option<(Change, usize)> {
    let (change, k) = (1..=n.min(units.max_cue_words))
        .rev()
        .find_map(|k| units.cue(words.phrase(n - k, n)).map(|c| (c, k)))?;
    // "gave up 517 yards": a particle, not a change
    let particle = k == 1
        && matches!(words.word(n - 1), "up" | "down")
        && n >= 2
        && units.particle_verb(words.word(n - 2));
    (!particle).then_some((change, k))
}

/// The run of letters ending at `end`.
fn letters_before(text: &str, end: usize) -> &str {
    let head = text.get(..end).unwrap_or("");
    let start = head.trim_end_matches(|c: char| c.is_alphabetic()).len();
    &head[start..]
}

fn is_year_like(a: &Amount<'_>) -> bool {
    a.number.plain_integer
        && a.number.int_digits == 4
        && (1000.0..=2199.0).contains(&a.value)
        && a.currency.is_none()
        && !a.negative
}

/// Skips what is plainly not a quantity before its unit is read: `Some(end)` to skip.
pub fn not_a_quantity(text: &str, a: &Amount<'_>, units: &Units) -> Option<usize> {
    let digits = a.number.digits;
    // glued before: "COVID-19", "F-35", "#3", "'90s"
    if a.start == a.num_start || a.negative {
        match char_before(text, a.start) {
            Some('-') if !letters_before(text, a.start - 1).eq_ignore_ascii_case("sub") => {
                return Some(a.end)
            }
            Some('#' | '№' | '/' | ':' | '\'' | '’' | '‘' | '@' | '_' | '=' | '&') => {
                return Some(a.end)
            }
            _ => {}
        }
    }
    // "COVID -19": a minus sign after a capitalized word is a hyphen
    if a.negative && char_at(text, a.start).is_some_and(|c| c == '-' || c == '\u{2212}') {
        if let Some(w) = words_before(text, a.start, 1).first() {
            if has_upper(w.text) {
                return Some(a.end);
            }
        }
    }
    let rest = text.get(a.end..).unwrap_or("");
    if digits {
        // times of day and clock readings: "4:39", "10.45pm", "5 a.m."
        if rest.starts_with(':') && char_at(rest, 1).is_some_and(|c| c.is_ascii_digit()) {
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ':'))
                .unwrap_or(rest.len());
            return Some(a.end + len);
        }
        if rest.starts_with('/') && char_at(rest, 1).is_some_and(|c| c.is_ascii_digit()) {
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '/'))
                .unwrap_or(rest.len());
            return Some(a.end + len);
        }
        let r = rest.strip_prefix(' ').unwrap_or(rest);
        for clock in ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"] {
            if r.get(..clock.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(clock))
                && !char_at(r, clock.len()).is_some_and(|c| c.is_alphanumeric())
            {
                return Some(a.end + (rest.len() - r.len()) + clock.len());
            }
        }
        if a.number.plain_integer {
            let glued = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let suffix = &rest[..glued];
            let mut buf = [0u8; 32];
            if matches!(lower(suffix, &mut buf), Some("st" | "nd" | "rd" | "th")) {
                return Some(a.end + glued);
            }
            // decades and years with a mangled possessive: "1990s", "'90s", "2022′s"
            let possessive = ["s", "'s", "’s", "′s"].iter().any(|s| {
                rest.starts_with(s) && !char_at(rest, s.len()).is_some_and(|c| c.is_alphanumeric())
            });
            if possessive && matches!(a.number.int_digits, 2 | 4) {
                return Some(a.end + rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len()));
            }
            // year ranges "2014-2017", "2019-20"
            if is_year_like(a) {
                if let Some(r2) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) {
                    let n = r2.find(|c: char| !c.is_ascii_digit()).unwrap_or(r2.len());
                    if n == 2 || n == 4 {
                        return Some(a.end + (rest.len() - r2.len()) + n);
                    }
                }
            }
        }
        // day of the month: "Oct. 31", "17 February"
        if a.number.plain_integer && a.currency.is_none() && (1.0..=31.0).contains(&a.value) {
            let prev_month = words_before(text, a.start, 1)
                .first()
                .is_some_and(|w| month_number(w.text).is_some());
            let next_month = word_after(text, a.end)
                .filter(|w| w.start == a.end + 1)
                .is_some_and(|w| month_number(w.text).is_some() && w.text.len() > 2);
            if prev_month || next_month {
                return Some(a.end);
            }
        }
    } else {
        // "one" as a pronoun: "no one", "each one", "one another"
        let word = &text[a.num_start..a.end];
        if word.eq_ignore_ascii_case("one") {
            let prev = words_before(text, a.start, 1);
            let mut buf = [0u8; 32];
            let pronoun = prev.first().and_then(|w| {
                lower(w.text, &mut buf).map(|l| {
                    matches!(
                        l,
                        "no" | "each"
                            | "every"
                            | "any"
                            | "same"
                            | "this"
                            | "that"
                            | "which"
                            | "the"
                            | "another"
                            | "someone"
                            | "anyone"
                    )
                })
            });
            let next = word_after(text, a.end).map(|w| w.text.to_ascii_lowercase());
            if pronoun == Some(true)
                || matches!(next.as_deref(), Some("another" | "day" | "hand" | "way"))
            {
                return Some(a.end);
            }
        }
        let _ = units;
    }
    None
}

/// Skips what is no quantity once its unit is known: years, parts of names, durations
/// written as adjectives ("nine-year"), bare number words.
pub fn not_a_quantity_given_unit(
    text: &str,
    a: &Amount<'_>,
    unit: Option<&UnitHit>,
    units: &Units,
) -> Option<usize> {
    let known = unit.is_some_and(|u| u.known);
    let (cue, _) = cue_before_pos(text, a.start, units);
    if is_year_like(a) && a.number.multiplier == 1.0 && !known && cue == Change::Exact {
        return Some(a.end);
    }
    if let Some(u) = unit {
        if u.hyphenated && u.time_unit {
            return Some(u.end);
        }
    }
    // a number right after a capitalized word is part of a name ("Boeing 737", "FTSE 100")
    if a.currency.is_none() && !a.negative && !a.plus && !known && a.start == a.num_start {
        if let Some(w) = words_before(text, a.start, 1).first() {
            let capital = has_upper(w.text) && !at_sentence_start(text, w.start);
            let possessive =
                w.text.ends_with("'s") || w.text.ends_with("’s") || w.text.ends_with('\'');
            let calendar = weekday_number(w.text).is_some() || month_number(w.text).is_some();
            if capital && !possessive && !calendar && text[w.end..a.start].chars().all(|c| c == ' ')
            {
                return Some(a.end);
            }
        }
    }
    if a.number.digits && !known && a.currency.is_none() && is_address(text, a.end) {
        return Some(a.end);
    }
    None
}

/// A unit written before the number: "magnitude 6.8". The counted thing is the noun
/// after the number, when there is one.
pub fn unit_before(text: &str, a: &Amount<'_>, units: &Units) -> Option<UnitHit> {
    let w = *words_before(text, a.start, 1).first()?;
    let info = units
        .unit(w.text)
        .filter(|u| u.measure.as_deref() == Some("magnitude"))?;
    let noun = word_after(text, a.end)
        .filter(|n| n.start == a.end + 1 && !n.text.starts_with(char::is_uppercase));
    Some(UnitHit {
        unit: Some(info.unit.clone()),
        counted: noun.map(|n| n.text.to_string()),
        end: a.end,
        known: true,
        time_unit: false,
        hyphenated: false,
    })
}

/// Number words need something counted: "the bottom three" is no quantity.
pub fn bare_number_word(text: &str, a: &Amount<'_>, unit: Option<&UnitHit>) -> Option<usize> {
    if !a.number.digits && unit.is_none() && a.number.value >= 1.0 {
        let of = word_after(text, a.end).is_some_and(|w| w.text.eq_ignore_ascii_case("of"));
        if !of {
            return Some(a.end);
        }
    }
    None
}

/// Street types that end an address after a house number.
const STREET_WORDS: &[&str] = &[
    "Road",
    "Rd",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Av",
    "Way",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Boulevard",
    "Blvd",
    "Place",
    "Pl",
    "Court",
    "Ct",
    "Terrace",
    "Crescent",
    "Highway",
    "Hwy",
    "Parkway",
    "Pkwy",
    "Close",
    "Rue",
    "Straße",
    "Strasse",
    "Calle",
    "Via",
    "Square",
    "Sq",
];

/// True when the words after a number read as a street address ("575 Wilbraham Road",
/// "22 Ave Foch", "9 E 71st St") or a postal code ("90049 ZIP Code").
pub fn is_address(text: &str, end: usize) -> bool {
    let mut p = end;
    for _ in 0..4 {
        let Some(w) = word_after(text, p)
            .filter(|w| text[p..w.start].chars().all(|c| c == ' ') && w.start > p)
        else {
            // "9 E 71st St": an ordinal street number in between
            let rest = text.get(p..).unwrap_or("").trim_start_matches(' ');
            let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
            if digits > 0 && rest[digits..].starts_with(|c: char| c.is_ascii_lowercase()) {
                p = text.len() - rest.len() + digits;
                if let Some(w) = word_after(text, p).filter(|w| w.start == p) {
                    p = w.end;
                    continue;
                }
            }
            return false;
        };
        let word = w.text.strip_suffix('.').unwrap_or(w.text);
        if STREET_WORDS.contains(&word) || word == "ZIP" || word.eq_ignore_ascii_case("postcode") {
            return true;
        }
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        p = w.end;
    }
    false
}

/// What opens a range before the first amount: "between" (then "and"), "from" (then
/// "to", possibly a few words on).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeLead {
    Between,
    From,
    None,
}

/// The word opening a range before the amount, if any.
pub fn range_lead(text: &str, a: &Amount<'_>) -> RangeLead {
    match words_before(text, a.start, 1)
        .first()
        .map(|w| w.text.to_ascii_lowercase())
        .as_deref()
    {
        Some("between") => RangeLead::Between,
        Some("from") => RangeLead::From,
        _ => RangeLead::None,
    }
}

/// A change carried over an ellipsis: "Ross were down 2.3%, Burlington by 2.6%".
pub fn inherit_over_ellipsis(text: &str, out: &mut [QuantityMatch], units: &Units) {
    for i in 1..out.len() {
        let (prev, cur) = (&out[i - 1], &out[i]);
        if cur.change != Change::Exact || !matches!(prev.change, Change::Up | Change::Down) {
            continue;
        }
        let Some(gap) = text.get(prev.range.end..cur.range.start) else {
            continue;
        };
        let before = words_before(text, cur.range.start, 2);
        let by = before
            .last()
            .is_some_and(|w| w.text.eq_ignore_ascii_case("by"));
        let verb = before.len() == 2 && units.cue(&before[0].text.to_lowercase()).is_some();
        if by && !verb && gap.len() <= 60 && gap.contains(',') && !gap.contains(['.', ';', '(']) {
            out[i].change = prev.change;
        }
    }
}

/// True when "A-B" is a score or a vote tally: "won 3-1", "a 6-3 ruling".
pub fn is_score(text: &str, start: usize, end: usize, units: &Units) -> bool {
    let mut buf = [0u8; 32];
    let prev = words_before(text, start, 1);
    let verb = prev
        .first()
        .and_then(|w| lower(w.text, &mut buf).map(|l| units.score_word(l)))
        .unwrap_or(false);
    let next = word_after(text, end).filter(|w| w.start == end + 1);
    let mut buf2 = [0u8; 32];
    let noun = next
        .and_then(|w| lower(w.text, &mut buf2).map(|l| units.score_word(l)))
        .unwrap_or(false);
    verb || noun
}

/// A conversion in parentheses inherits the bounds of what it converts:
/// "more than 7.5 million crowns ($1.1 million)".
pub fn inherit_in_parentheses(text: &str, out: &mut [QuantityMatch]) {
    for i in 1..out.len() {
        let (prev, cur) = (&out[i - 1], &out[i]);
        let Some(gap) = text.get(prev.range.end..cur.range.start) else {
            continue;
        };
        let gap = gap.trim();
        if matches!(gap, "(" | "[" | "/")
            && cur.change == Change::Exact
            && prev.change != Change::Exact
        {
            let (change, approx) = (prev.change, prev.approx);
            out[i].change = change;
            out[i].approx = approx;
        }
    }
}
