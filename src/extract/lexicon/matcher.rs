//! A leftmost-longest aho-corasick matcher over whole words, with spelling variants
//! (typographic apostrophes, unaccented letters) and small text helpers.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// A compiled set of patterns, each carrying a value.
#[derive(Debug)]
pub struct Matcher<T> {
    automaton: Option<AhoCorasick>,
    patterns: Vec<PatternInfo<T>>,
}

#[derive(Debug)]
struct PatternInfo<T> {
    value: T,
    /// The pattern starts with a word character: the text before it must not.
    check_left: bool,
    /// The pattern ends with a word character: the text after it must not.
    check_right: bool,
}

/// A match: byte range and the pattern's value.
pub struct Hit<'a, T> {
    pub range: Range<usize>,
    pub value: &'a T,
}

impl<T> Matcher<T> {
    /// Compiles `entries`; for a surface given twice the first value wins (compared
    /// ignoring ASCII case when `case_insensitive`). Every surface is also added with
    /// typographic apostrophes and without accents.
    pub fn new(entries: Vec<(String, T)>, case_insensitive: bool) -> Matcher<T>
    where
        T: Clone,
    {
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut surfaces = Vec::new();
        let mut patterns = Vec::new();
        for (surface, value) in entries {
            for variant in variants(&surface) {
                let key = if case_insensitive {
                    variant.to_ascii_lowercase()
                } else {
                    variant.clone()
                };
                if variant.is_empty() || seen.insert(key, ()).is_some() {
                    continue;
                }
                patterns.push(PatternInfo {
                    value: value.clone(),
                    check_left: !is_clitic(&variant)
                        && variant.chars().next().is_some_and(is_word_char),
                    check_right: variant.chars().next_back().is_some_and(is_word_char),
                });
                surfaces.push(variant);
            }
        }
        let automaton = if surfaces.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(case_insensitive)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&surfaces)
                .ok()
        };
        Matcher {
            automaton,
            patterns,
        }
    }

    /// Whole-word matches in `text`, leftmost-longest, non-overlapping, in text order.
    /// A match failing the word-boundary check is skipped and the search goes on from
    /// the next character.
    pub fn find<'a>(&'a self, text: &str) -> Vec<Hit<'a, T>> {
        let mut hits = Vec::new();
        let Some(automaton) = &self.automaton else {
            return hits;
        };
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = automaton.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            let Some(info) = self.patterns.get(m.pattern().as_usize()) else {
                break;
            };
            let left_ok = !info.check_left || !prev_char(text, m.start()).is_some_and(is_word_char);
            let right_ok = !info.check_right || !next_char(text, m.end()).is_some_and(is_word_char);
            if left_ok && right_ok && m.end() > m.start() {
                hits.push(Hit {
                    range: m.start()..m.end(),
                    value: &info.value,
                });
                pos = m.end();
            } else {
                pos = m.start() + next_char(text, m.start()).map_or(1, char::len_utf8);
            }
        }
        hits
    }
}

/// Letters and digits make words.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A contraction attached to the word before it ("n't", "'ll").
fn is_clitic(pattern: &str) -> bool {
    pattern.starts_with('\'')
        || pattern.starts_with('’')
        || pattern.starts_with("n'")
        || pattern.starts_with("n’")
}

/// The character before byte `at`.
pub fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The character at byte `at`.
pub fn next_char(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The surface and its spelling variants: ASCII apostrophes as typographic ones and
/// accented Latin letters without accents.
pub fn variants(surface: &str) -> Vec<String> {
    let mut out = vec![surface.to_string()];
    let folded = fold_accents(surface);
    if folded != surface {
        out.push(folded);
    }
    for i in 0..out.len() {
        if let Some(v) = out.get(i) {
            if v.contains('\'') {
                let curly = v.replace('\'', "’");
                out.push(curly);
            }
        }
    }
    out
}

/// Replaces common accented Latin letters by their base letters.
pub fn fold_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ű' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'ñ' | 'ń' => 'n',
            'Ñ' => 'N',
            'ş' | 'š' | 'ś' => 's',
            'Ş' | 'Š' | 'Ś' => 'S',
            'ğ' => 'g',
            'ž' | 'ż' | 'ź' => 'z',
            'Ž' | 'Ż' => 'Z',
            'ł' => 'l',
            'Ł' => 'L',
            'ý' | 'ÿ' => 'y',
            'đ' => 'd',
            other => other,
        })
        .collect()
}

/// The word ending just before byte `at` (skipping whitespace), with its range.
pub fn word_before(text: &str, at: usize) -> Option<(Range<usize>, &str)> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end();
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c) || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some((start..end, trimmed.get(start..)?))
}

/// The word starting after byte `at` (skipping whitespace), with its range.
pub fn word_after(text: &str, at: usize) -> Option<(Range<usize>, &str)> {
    let after = text.get(at..)?;
    let skipped = after.len() - after.trim_start().len();
    let start = at + skipped;
    let rest = text.get(start..)?;
    let len: usize = rest
        .chars()
        .take_while(|c| is_word_char(*c) || *c == '-')
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    Some((start..start + len, rest.get(..len)?))
}

/// Phrases looked for right after or before a position, ignoring ASCII case
/// ([`PhraseList::after`], [`PhraseList::before`]). They are indexed by their first and
/// last bytes (ASCII lower-cased), so a look-up compares only the phrases that can match.
#[derive(Clone, Debug, Default)]
pub struct PhraseList {
    phrases: Vec<String>,
    by_first: Vec<Vec<usize>>,
    by_last: Vec<Vec<usize>>,
    /// Empty phrases match anywhere.
    empty: Vec<usize>,
}

impl PhraseList {
    pub fn new(phrases: Vec<String>) -> PhraseList {
        let mut by_first = vec![Vec::new(); 256];
        let mut by_last = vec![Vec::new(); 256];
        let mut empty = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            let bytes = p.as_bytes();
            match (bytes.first(), bytes.last()) {
                (Some(f), Some(l)) => {
                    by_first[usize::from(f.to_ascii_lowercase())].push(i);
                    by_last[usize::from(l.to_ascii_lowercase())].push(i);
                }
                _ => empty.push(i),
            }
        }
        PhraseList {
            phrases,
            by_first,
            by_last,
            empty,
        }
    }

    /// The phrases whose first (or last) byte is `byte` ignoring ASCII case, and the
    /// empty ones.
    fn candidates<'a>(
        &'a self,
        index: &'a [Vec<usize>],
        byte: Option<u8>,
    ) -> impl Iterator<Item = &'a str> + 'a {
        let keyed = byte
            .and_then(|b| index.get(usize::from(b.to_ascii_lowercase())))
            .map_or(&[][..], Vec::as_slice);
        self.empty
            .iter()
            .chain(keyed)
            .filter_map(|&i| self.phrases.get(i).map(String::as_str))
    }

    /// If `text[at..]` starts (after whitespace) with one of the phrases (ASCII case
    /// ignored) as whole words, the end of the longest such phrase.
    pub fn after(&self, text: &str, at: usize) -> Option<usize> {
        let rest = text.get(at..)?;
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && at > 0 {
            return None;
        }
        let start = at + (rest.len() - trimmed.len());
        self.candidates(&self.by_first, trimmed.as_bytes().first().copied())
            .filter(|p| {
                trimmed
                    .get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p))
                    && !next_char(trimmed, p.len()).is_some_and(is_word_char)
            })
            .map(|p| start + p.len())
            .max()
    }

    /// If `text[..at]` ends (before whitespace) with one of the phrases (ASCII case
    /// ignored) as whole words, the start of the longest such phrase.
    pub fn before(&self, text: &str, at: usize) -> Option<usize> {
        let before = text.get(..at)?;
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            return None;
        }
        self.candidates(&self.by_last, trimmed.as_bytes().last().copied())
            .filter_map(|p| {
                let start = trimmed.len().checked_sub(p.len())?;
                let tail = trimmed.get(start..)?;
                (tail.eq_ignore_ascii_case(p)
                    && !prev_char(trimmed, start).is_some_and(is_word_char))
                .then_some(start)
            })
            .min()
    }
}
