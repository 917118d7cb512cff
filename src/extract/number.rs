//! nom parsers for numbers: digits with separators and decimals, number words, multipliers
//! ("million", "bn") and simple fractions ("two-thirds", "1/4").

use crate::extract::lookup::{FastMap, FastSet};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char as ch, digit1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};
use std::sync::OnceLock;

/// A nom result over `&str`.
pub type Res<'a, T> = IResult<&'a str, T>;

/// A parsed number, with how it was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Written in digits (not words).
    pub digits: bool,
    /// A plain run of digits with no separator, decimal point or multiplier ("2020").
    pub plain_integer: bool,
    /// Number of digits before any decimal point (0 for words).
    pub int_digits: usize,
    /// The multiplier word or suffix applied ("million", "bn"), as a factor; 1 when none.
    pub multiplier: f64,
}

/// Thin, narrow no-break and no-break spaces, accepted as thousands separators.
const GROUP_SPACES: [char; 4] = [' ', '\u{2009}', '\u{202F}', '\u{00A0}'];

/// Exactly three digits not followed by another digit.
fn group3(input: &str) -> Res<'_, &str> {
    let (rest, g) = take_while_m_n(3, 3, |c: char| c.is_ascii_digit()).parse(input)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, g))
}

/// One thousands group after a separator: ",ddd" or a space then "ddd".
fn separated_group(input: &str) -> Res<'_, &str> {
    if let Some(rest) = input.strip_prefix(',') {
        let (rest, g) = group3(rest)?;
        return Ok((rest, g));
    }
    let mut chars = input.chars();
    match chars.next() {
        Some(c) if GROUP_SPACES.contains(&c) => {
            let (rest, g) = group3(chars.as_str())?;
            // "5 000" only when the group is not itself the start of a longer number
            // or a decimal ("in 2 000.5" is unusual; keep it simple: reject a decimal).
            if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
                return Err(nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::Digit,
                )));
            }
            Ok((rest, g))
        }
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Char,
        ))),
    }
}

/// Digits with optional thousands separators and a decimal part: "5,000", "5 000", "1.2",
/// ".001", "2483805". Returns the value and whether it was a plain integer.
pub fn numeral(input: &str) -> Res<'_, Number> {
    let (rest, int_part) = opt(digit1).parse(input)?;
    let mut rest = rest;
    let mut text = String::new();
    let mut separated = false;
    if let Some(head) = int_part {
        text.push_str(head);
        if head.len() <= 3 {
            while let Ok((r, g)) = separated_group(rest) {
                text.push_str(g);
                rest = r;
                separated = true;
            }
        }
    }
    let int_digits = text.len();
    let mut decimal = false;
    if let Ok((r, frac)) = recognize((ch::<&str, nom::error::Error<&str>>('.'), digit1)).parse(rest)
    {
        text.push_str(frac);
        rest = r;
        decimal = true;
    }
    if text.is_empty() || text == "." {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let value: f64 = text.parse().map_err(|_| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Float))
    })?;
    Ok((
        rest,
        Number {
            value,
            digits: true,
            plain_integer: !separated && !decimal,
            int_digits,
            multiplier: 1.0,
        },
    ))
}

/// The number words below a hundred written as one word, with their values.
pub const SMALL_WORDS: [(&str, u8); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The scale words and their factors.
pub const SCALE_WORDS: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Other words that open an amount written in words ("a dozen", "half a million",
/// "minus five").
pub const AMOUNT_LEAD_WORDS: [&str; 4] = ["a", "an", "half", "minus"];

/// The lower-case words that may open an amount written in words: [`SMALL_WORDS`],
/// [`SCALE_WORDS`] and [`AMOUNT_LEAD_WORDS`], in one set built once.
pub fn amount_word_openers() -> &'static FastSet<&'static str> {
    static OPENERS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    OPENERS.get_or_init(|| {
        SMALL_WORDS
            .iter()
            .map(|(w, _)| *w)
            .chain(SCALE_WORDS.iter().map(|(w, _)| *w))
            .chain(AMOUNT_LEAD_WORDS)
            .collect()
    })
}

/// The value of a number word below a hundred, written as one word.
pub fn small_word(word: &str) -> Option<f64> {
    static VALUES: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    let values = VALUES.get_or_init(|| SMALL_WORDS.into_iter().collect());
    let mut buf = [0u8; 24];
    // every number word is short ASCII
    let w = ascii_lower(word, &mut buf)?;
    values.get(w).map(|&v| f64::from(v))
}

/// ASCII-lowercases a short word into `buf` without allocating; `None` when it is longer
/// than the buffer or not ASCII (no number or calendar word is).
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

/// The factor of a scale word: hundred, thousand, million, billion, trillion.
pub fn scale_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = ascii_lower(word, &mut buf)?;
    SCALE_WORDS.iter().find(|(s, _)| *s == w).map(|(_, f)| *f)
}

/// True when `word` can start a number written in words.
pub fn is_number_word(word: &str) -> bool {
    small_word(word).is_some() || scale_word(word).is_some() || word.eq_ignore_ascii_case("dozen")
}

fn alpha_word(input: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_alphabetic()).parse(input)
}

/// A run of spaces (at least one).
fn spaces(input: &str) -> Res<'_, &str> {
    take_while1(|c: char| c == ' ' || c == '\u{00A0}').parse(input)
}

/// A compound below a hundred: "seven", "twenty-five", "twenty five".
fn below_hundred(input: &str) -> Res<'_, f64> {
    let (rest, w) = alpha_word(input)?;
    let Some(v) = small_word(w) else {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    };
    if v >= 20.0 {
        if let Ok((r, unit)) = (alt((tag("-"), spaces)), alpha_word)
            .parse(rest)
            .map(|(r, (_, u))| (r, u))
        {
            if let Some(u) = small_word(unit).filter(|u| *u >= 1.0 && *u <= 9.0) {
                return Ok((r, v + u));
            }
        }
    }
    Ok((rest, v))
}

/// Number words: "three", "twenty-five", "two hundred and fifty thousand", "a dozen",
/// "a hundred", "half a million", "two dozen".
pub fn number_words(input: &str) -> Res<'_, Number> {
    // "half a million"
    if let Ok((rest, (_, _, _, _, w))) = (
        tag_no_case("half"),
        spaces,
        tag_no_case("a"),
        spaces,
        alpha_word,
    )
        .parse(input)
    {
        if let Some(s) = scale_word(w).filter(|s| *s >= 1e3) {
            return Ok((rest, words_number(0.5 * s, s)));
        }
    }
    // "a dozen", "a hundred", "a thousand", "a million"
    if let Ok((after_a, _)) = alt((
        tag_no_case::<_, _, nom::error::Error<&str>>("an"),
        tag_no_case("a"),
    ))
    .parse(input)
    {
        if let Ok((rest, (_, w))) = (spaces, alpha_word).parse(after_a) {
            if w.eq_ignore_ascii_case("dozen") {
                return Ok((rest, words_number(12.0, 1.0)));
            }
            if scale_word(w).is_some() {
                return continue_scales_from(after_a, 1.0);
            }
        }
    }
    let (rest, first) = below_hundred(input)?;
    continue_scales_from(rest, first)
}

/// True when [`number_words`] may succeed on text whose leading run of ASCII letters,
/// lower-cased, is `word`: each of its readers starts with "half", "a"/"an" or a word below
/// a hundred. A cheap test to skip the parser where it cannot succeed.
pub fn may_start_number_words(word: &str) -> bool {
    NUMBER_WORDS_LEADS.contains(&word) || small_word(word).is_some()
}

/// The words besides [`SMALL_WORDS`] that [`number_words`] may start with.
pub const NUMBER_WORDS_LEADS: [&str; 3] = ["half", "a", "an"];

fn words_number(value: f64, multiplier: f64) -> Number {
    Number {
        value,
        digits: false,
        plain_integer: false,
        int_digits: 0,
        multiplier,
    }
}

/// After a leading amount below a hundred: optional "hundred", "and", more scales.
fn continue_scales_from(input: &str, first: f64) -> Res<'_, Number> {
    // "two dozen"
    if let Ok((rest, (_, w))) = (spaces, alpha_word).parse(input) {
        if w.eq_ignore_ascii_case("dozen") {
            return Ok((rest, words_number(first * 12.0, 1.0)));
        }
    }
    let mut total: f64 = 0.0;
    let mut current: f64 = first;
    let mut rest = input;
    let mut multiplier: f64 = 1.0;
    while let Ok((r, (_, w))) = (spaces, alpha_word).parse(rest) {
        let Some(scale) = scale_word(w) else { break };
        if scale == 100.0 {
            current = current.max(1.0) * 100.0;
            multiplier = multiplier.max(100.0);
            rest = r;
            // "two hundred and fifty", "two hundred fifty"
            let after_and = (spaces, tag_no_case("and"))
                .parse(rest)
                .map(|(r, _)| r)
                .unwrap_or(rest);
            if let Ok((r2, (_, n))) = (spaces, below_hundred).parse(after_and) {
                if n >= 1.0 {
                    current += n;
                    rest = r2;
                }
            }
            continue;
        }
        total += current.max(1.0) * scale;
        current = 0.0;
        multiplier = multiplier.max(scale);
        rest = r;
        if let Ok((r2, (_, n))) = (spaces, below_hundred).parse(rest) {
            // "one million two hundred ..." only continues into smaller amounts
            if let Ok((_, (_, w2))) = (spaces, alpha_word).parse(r2) {
                if scale_word(w2).is_some_and(|s2| s2 < scale) {
                    current = n;
                    rest = r2;
                }
            }
        }
    }
    Ok((rest, words_number(total + current, multiplier)))
}

/// A multiplier after a number: " million", " bn", "bn", "M" (glued), and, only after a
/// currency, "m", "k", "b". Returns the factor.
pub fn multiplier(input: &str, after_currency: bool) -> Res<'_, f64> {
    // spelled scale words, separated by a space or a hyphen ("400 million-year-old")
    if let Ok((rest, (_, w))) = (spaces, alpha_word).parse(input) {
        if let Some(s) = scale_word(w) {
            return Ok((rest, s));
        }
        if w.eq_ignore_ascii_case("dozen") {
            return Ok((rest, 12.0));
        }
    }
    // glued or spaced abbreviations
    let spaced = spaces(input).map(|(r, _)| r).unwrap_or(input);
    let (rest, w) = alpha_word(spaced)?;
    let glued = spaced.len() == input.len();
    let factor = match w {
        "bn" | "bln" | "Bn" | "BN" => Some(1e9),
        "mn" | "mln" | "Mn" => Some(1e6),
        "tn" | "trn" | "Tn" => Some(1e12),
        "M" if glued => Some(1e6),
        "m" | "b" | "k" | "K" | "B" if after_currency && glued => match w {
            "m" => Some(1e6),
            "b" | "B" => Some(1e9),
            _ => Some(1e3),
        },
        _ => None,
    };
    match factor {
        Some(f) => Ok((rest, f)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// The denominator of a fraction word: third, quarter, fifth ... tenth (and plurals).
pub fn denominator_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = ascii_lower(word, &mut buf)?;
    let w = w.strip_suffix('s').unwrap_or(w);
    match w {
        "half" | "halve" => Some(2.0),
        "third" => Some(3.0),
        "quarter" | "fourth" => Some(4.0),
        "fifth" => Some(5.0),
        "sixth" => Some(6.0),
        "seventh" => Some(7.0),
        "eighth" => Some(8.0),
        "ninth" => Some(9.0),
        "tenth" => Some(10.0),
        _ => None,
    }
}

/// A fraction in words: "two-thirds", "a third", "one quarter", "three fifths".
pub fn fraction_words(input: &str) -> Res<'_, f64> {
    let (rest, (num, _, den)) = (alpha_word, alt((tag("-"), spaces)), alpha_word).parse(input)?;
    let n = if num.eq_ignore_ascii_case("a") || num.eq_ignore_ascii_case("one") {
        Some(1.0)
    } else {
        small_word(num).filter(|n| *n >= 1.0 && *n <= 9.0)
    };
    match (n, denominator_word(den)) {
        (Some(n), Some(d)) if n < d && !(d == 2.0 && n == 1.0) => Ok((rest, n / d)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// A fraction in digits, "1/16" or "1⁄32" (fraction slash), numerator below denominator.
pub fn fraction_digits(input: &str) -> Res<'_, f64> {
    let (rest, (n, _, d)) = (digit1, alt((tag("/"), tag("\u{2044}"))), digit1).parse(input)?;
    // "1/2/2020" is a date
    if rest.starts_with('/') || rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (n, d): (f64, f64) = match (n.parse(), d.parse()) {
        (Ok(n), Ok(d)) => (n, d),
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Digit,
            )))
        }
    };
    // the denominators fractions are written with; "9/11" and "24/7" are not fractions
    const DENOMINATORS: [f64; 15] = [
        2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 20.0, 32.0, 64.0, 100.0, 128.0, 1000.0,
    ];
    if n >= 1.0 && n < d && DENOMINATORS.contains(&d) && n.fract() == 0.0 {
        Ok((rest, n / d))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> (f64, &str) {
        let (rest, n) = numeral(s).unwrap();
        (n.value, rest)
    }
    fn words(s: &str) -> (f64, &str) {
        let (rest, n) = number_words(s).unwrap();
        (n.value, rest)
    }

    #[test]
    fn numerals_with_separators_and_decimals() {
        assert_eq!(num("5,000 troops"), (5000.0, " troops"));
        assert_eq!(num("1,307,000."), (1307000.0, "."));
        assert_eq!(num("5 000 people"), (5000.0, " people"));
        assert_eq!(num("5\u{2009}000"), (5000.0, ""));
        assert_eq!(num("1.2 million"), (1.2, " million"));
        assert_eq!(num(".001 per cent"), (0.001, " per cent"));
        assert_eq!(num("2483805 while"), (2483805.0, " while"));
        // a space before a group that is not three digits is no separator
        assert_eq!(num("11 member"), (11.0, " member"));
        assert_eq!(num("5 10"), (5.0, " 10"));
        // a long head takes no comma groups
        assert_eq!(num("2019,000"), (2019.0, ",000"));
        assert!(numeral("abc").is_err());
        assert!(numeral(".").is_err());
        assert!(numeral("").is_err());
        let (_, n) = numeral("2020 coup").unwrap();
        assert!(n.plain_integer);
        assert!(!numeral("2,020").unwrap().1.plain_integer);
    }

    #[test]
    fn number_words_compose() {
        assert_eq!(words("seven people"), (7.0, " people"));
        assert_eq!(words("twenty-five soldiers"), (25.0, " soldiers"));
        assert_eq!(words("two hundred and fifty thousand"), (250000.0, ""));
        assert_eq!(words("three thousand tests"), (3000.0, " tests"));
        assert_eq!(words("a dozen eggs"), (12.0, " eggs"));
        assert_eq!(words("two dozen"), (24.0, ""));
        assert_eq!(words("a hundred years"), (100.0, " years"));
        assert_eq!(words("a million"), (1e6, ""));
        assert_eq!(words("half a million"), (5e5, ""));
        assert_eq!(words("four hundred million"), (4e8, ""));
        assert_eq!(words("one"), (1.0, ""));
        assert!(number_words("a few").is_err());
        assert!(number_words("tenth").is_err());
    }

    #[test]
    fn multipliers_after_numbers() {
        assert_eq!(multiplier(" million people", false), Ok((" people", 1e6)));
        assert_eq!(multiplier("bn", false), Ok(("", 1e9)));
        assert_eq!(multiplier("m", true), Ok(("", 1e6)));
        assert!(multiplier("m", false).is_err());
        assert!(multiplier(" people", false).is_err());
        assert_eq!(multiplier("M digital", false), Ok((" digital", 1e6)));
    }

    #[test]
    fn fractions() {
        assert!((fraction_words("two-thirds of").unwrap().1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(fraction_words("a quarter of").unwrap().1, 0.25);
        assert!(fraction_words("a half").is_err());
        assert_eq!(fraction_digits("1/16 of").unwrap().1, 0.0625);
        assert_eq!(fraction_digits("1\u{2044}32").unwrap().1, 1.0 / 32.0);
        assert!(fraction_digits("24/7").is_err());
        assert!(fraction_digits("9/11").is_err());
        assert!(fraction_digits("1/2/2020").is_err());
    }

    #[test]
    fn number_words_start_only_where_the_gate_allows() {
        let words = [
            "half", "a", "an", "A", "An", "Half", "one", "Twenty", "twenty", "five", "dozen",
            "hundred", "million", "about", "another", "halfway", "one's", "oneé", "ten", "few",
            "nineteen", "ninety", "and", "zero", "alpha",
        ];
        let seps = [" ", "-", "", "  ", ", "];
        for a in words {
            for sep in seps {
                for b in words {
                    for tail in ["", " people", "s", "-year"] {
                        let text = format!("{a}{sep}{b}{tail}");
                        let run: String = text
                            .chars()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .collect::<String>()
                            .to_ascii_lowercase();
                        if number_words(&text).is_ok() {
                            assert!(may_start_number_words(&run), "{text:?}");
                        }
                    }
                }
            }
        }
    }
}
