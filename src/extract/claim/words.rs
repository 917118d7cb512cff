//! Word-level look-arounds used by claim assembly: the words just before or after a
//! position, and the closed word classes (prepositions, auxiliaries, pronouns) that
//! decide grammatical roles.

/// A word of the sentence with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The words of `text` (letters, digits, apostrophes, hyphens), in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut start = None;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

/// The char at byte `pos` (a char boundary), read without decoding when it is ASCII.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(pos..)?.chars().next(),
        None => None,
    }
}

/// Index of the first word starting at or after `pos`.
pub fn word_at_or_after(words: &[Word], pos: usize) -> usize {
    words.partition_point(|w| w.start < pos)
}

/// Up to `n` words ending at or before `pos`, nearest last.
pub fn before<'a>(words: &'a [Word<'a>], pos: usize, n: usize) -> &'a [Word<'a>] {
    let end = words.partition_point(|w| w.end <= pos);
    &words[end.saturating_sub(n)..end]
}

/// The words starting at or after `pos`.
pub fn after_words<'a>(words: &'a [Word<'a>], pos: usize) -> &'a [Word<'a>] {
    &words[word_at_or_after(words, pos)..]
}

#[cfg(test)]
/// Up to `n` words starting at or after `pos`.
pub fn after<'a>(words: &'a [Word<'a>], pos: usize, n: usize) -> &'a [Word<'a>] {
    let start = word_at_or_after(words, pos);
    &words[start..(start + n).min(words.len())]
}

fn lower_in(word: &str, set: &[&str]) -> bool {
    // length and first byte first: most entries fail there, cheaply
    let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
    set.iter().any(|s| {
        s.len() == word.len()
            && s.as_bytes().first().map(u8::to_ascii_lowercase) == first
            && s.eq_ignore_ascii_case(word)
    })
}

/// Prepositions that put an entity in a place or object role rather than subject.
pub fn is_preposition(word: &str) -> bool {
    lower_in(
        word,
        &[
            "of",
            "from",
            "in",
            "into",
            "to",
            "at",
            "on",
            "by",
            "with",
            "against",
            "between",
            "for",
            "over",
            "across",
            "toward",
            "towards",
            "near",
            "than",
            "like",
            "including",
            "inside",
            "within",
            "throughout",
            "among",
            "amid",
            "through",
            "around",
            "during",
            "despite",
            "after",
            "before",
            "until",
            "per",
            "about",
            "outside",
            "via",
            "onto",
            "upon",
            "under",
            "behind",
            "along",
            "beyond",
        ],
    )
}

/// Prepositions that make the following entity a place.
pub fn is_place_preposition(word: &str) -> bool {
    lower_in(
        word,
        &[
            "in",
            "from",
            "to",
            "into",
            "at",
            "inside",
            "within",
            "throughout",
            "across",
            "out",
            "near",
            "onto",
            "toward",
            "towards",
            "off",
        ],
    )
}

/// Determiners and light modifiers skipped when looking for the preposition before a noun.
pub fn is_determiner(word: &str) -> bool {
    lower_in(
        word,
        &[
            "the",
            "a",
            "an",
            "its",
            "their",
            "his",
            "her",
            "this",
            "that",
            "these",
            "those",
            "neighbouring",
            "neighboring",
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
            "northeastern",
            "northwestern",
            "southeastern",
            "southwestern",
            "north",
            "south",
            "east",
            "west",
            "coastal",
            "rural",
        ],
    )
}

/// Auxiliaries that, before a participle, make a clause passive.
pub fn is_passive_auxiliary(word: &str) -> bool {
    lower_in(
        word,
        &[
            "was", "were", "been", "being", "is", "are", "be", "got", "gets",
        ],
    )
}

/// Finite auxiliaries: past one, a new predicate begins.
pub fn is_finite_auxiliary(word: &str) -> bool {
    lower_in(
        word,
        &[
            "was", "were", "is", "are", "has", "have", "had", "will", "would",
        ],
    )
}

/// Words that join coordinated verbs sharing one subject.
pub fn is_coordinator(word: &str) -> bool {
    lower_in(
        word,
        &[
            "and",
            "then",
            "or",
            "but",
            "also",
            "before",
            "after",
            "while",
            "later",
            "subsequently",
            "thereby",
        ],
    )
}

/// Pronouns and phrases that refer back to an earlier actor.
pub fn is_anaphor(word: &str) -> bool {
    lower_in(
        word,
        &[
            "it", "they", "he", "she", "its", "their", "his", "her", "we", "our",
        ],
    )
}

/// Nouns that, after "this"/"the", refer back to the previous action ("the move").
pub fn is_event_anaphor(word: &str) -> bool {
    lower_in(
        word,
        &[
            "move",
            "decision",
            "step",
            "reduction",
            "measure",
            "action",
            "announcement",
            "development",
            "withdrawal",
            "pullback",
            "drawdown",
            "shift",
        ],
    )
}

/// Numbers and quantifiers: an entity after one of these is counted, not acting
/// ("two Malian diplomats").
pub fn is_counter(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
        || crate::extract::number::is_number_word(word)
        || lower_in(
            word,
            &[
                "dozens",
                "hundreds",
                "thousands",
                "millions",
                "several",
                "many",
                "some",
                "few",
                "all",
                "remaining",
                "other",
                "number",
            ],
        )
}

/// Relative and subordinating words that end the reach of a clause's subject.
pub fn is_clause_opener(word: &str) -> bool {
    lower_in(
        word,
        &[
            "which", "who", "whom", "whose", "where", "when", "that", "because", "although",
            "though", "if", "whereas", "since",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        let w = words("France’s nine-year operation, ended.");
        let texts: Vec<_> = w.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["France’s", "nine-year", "operation", "ended"]);
        assert_eq!(
            before(&w, 30, 2).iter().map(|w| w.text).collect::<Vec<_>>(),
            ["nine-year", "operation"]
        );
        assert_eq!(after(&w, 9, 1)[0].text, "nine-year");
    }

    /// The char-iterator version of [`words`], kept to check the faster one.
    fn words_by_chars(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(Word {
                        text: &text[s..i],
                        start: s,
                        end: i,
                    });
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push(Word {
                text: &text[s..],
                start: s,
                end: text.len(),
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn same_words_as_by_chars(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(words(&text), words_by_chars(&text));
        }

        #[test]
        fn same_words_on_prose(text in "[a-zA-Z0-9 ,.'’é²\u{a0}–$%()ßÉ一-]{0,40}") {
            proptest::prop_assert_eq!(words(&text), words_by_chars(&text));
        }
    }
}
