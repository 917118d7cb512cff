//! Small text helpers for the quantity scanner: words before and after a position, case
//! folding into a stack buffer, sentence starts.

/// A word of ASCII letters (with inner apostrophes, hyphens or dots kept out) and its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// True for letters and digits.
pub fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char just before byte `pos`.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    // an ASCII byte is a whole char, and a char boundary follows it
    match pos.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..pos)?.chars().next_back(),
    }
}

/// The char at byte `pos`.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    // an ASCII byte is a whole char and never inside another
    match text.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(pos..)?.chars().next(),
    }
}

/// The end of the run of letters and digits starting at `pos`.
pub fn alnum_run_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii_alphanumeric() {
            pos += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match char_at(text, pos).filter(|c| c.is_alphanumeric()) {
                Some(c) => pos += c.len_utf8(),
                None => break,
            }
        }
    }
    pos
}

/// Up to `n` words before `pos`, nearest last, separated by whitespace only: stops at
/// punctuation. A word may end with one dot ("approx.", "Oct.").
pub fn words_before(text: &str, pos: usize, n: usize) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    if !text.is_char_boundary(pos.min(text.len())) {
        return words;
    }
    let mut end = pos.min(text.len());
    while words.len() < n {
        let t = text[..end].trim_end();
        if t.len() == end {
            break;
        }
        let body = t.strip_suffix('.').unwrap_or(t);
        let start = body
            .trim_end_matches(|c: char| c.is_alphabetic() || c == '\'' || c == '’')
            .len();
        if start == body.len()
            || char_before(text, start).is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/')
        {
            break;
        }
        words.push(Word {
            text: &text[start..t.len()],
            start,
            end: t.len(),
        });
        end = start;
    }
    words.reverse();
    words
}

/// The word of letters starting at `pos` (after optional whitespace), if any.
pub fn word_after(text: &str, pos: usize) -> Option<Word<'_>> {
    let rest = text.get(pos..)?;
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace());
    let start = pos + (rest.len() - trimmed.len());
    let bytes = trimmed.as_bytes();
    let mut len = 0;
    while let Some(&b) = bytes.get(len) {
        if b.is_ascii_alphabetic() || b == b'\'' {
            len += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        match trimmed.get(len..).and_then(|r| r.chars().next()) {
            Some(c) if c.is_alphabetic() || c == '’' => len += c.len_utf8(),
            _ => break,
        }
    }
    (len > 0).then(|| Word {
        text: &text[start..start + len],
        start,
        end: start + len,
    })
}

/// ASCII-lowercases `word` into `buf`; `None` when it is too long or not ASCII.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

/// True when the text before `pos` ends a sentence (or is empty): the word at `pos`
/// begins a sentence.
pub fn at_sentence_start(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("").trim_end();
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '"' | '“' | '\'' | '(' | '[' | '—' | '–' | '-' | '|' | '•'
        ),
    }
}

/// The first `max` bytes of `s` (cut back to a char boundary): look-ahead stays bounded, so
/// scanning stays linear on text without spaces.
pub fn bounded(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// True for a word with an upper-case letter.
pub fn has_upper(word: &str) -> bool {
    word.chars().any(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_before_stop_at_punctuation() {
        let t = "It rose, up about 5%";
        let w: Vec<_> = words_before(t, 18, 3).iter().map(|w| w.text).collect();
        assert_eq!(w, ["up", "about"]);
        let t = "approx. 5";
        assert_eq!(words_before(t, 8, 2)[0].text, "approx.");
        assert!(words_before("x5", 1, 2).is_empty());
        assert_eq!(word_after("5 troops.", 1).unwrap().text, "troops");
        let mut b = [0u8; 32];
        assert_eq!(lower("ABOUT", &mut b), Some("about"));
        assert!(at_sentence_start("Yes. Nine", 5));
        assert!(!at_sentence_start("the Nine", 4));
    }

    /// The first version of [`word_after`], kept to check the faster one.
    fn word_after_by_chars(text: &str, pos: usize) -> Option<Word<'_>> {
        let rest = text.get(pos..)?;
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace());
        let start = pos + (rest.len() - trimmed.len());
        let len = trimmed
            .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .unwrap_or(trimmed.len());
        (len > 0).then(|| Word {
            text: &text[start..start + len],
            start,
            end: start + len,
        })
    }

    proptest::proptest! {
        #[test]
        fn same_word_after_as_by_chars(
            text in "[a-zA-Z0-9 ,.'’é²\u{a0}–$%()ßÉ一-]{0,30}",
            pos in 0usize..40,
        ) {
            proptest::prop_assert_eq!(word_after(&text, pos), word_after_by_chars(&text, pos));
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_char_reads_agree_with_char_iterators(
            text in "[a-z0-9 ,.'’é²\u{a0}–$€一]{0,20}",
            pos in 0usize..30,
        ) {
            proptest::prop_assert_eq!(char_at(&text, pos), text.get(pos..).and_then(|r| r.chars().next()));
            proptest::prop_assert_eq!(
                char_before(&text, pos),
                text.get(..pos).and_then(|h| h.chars().next_back())
            );
            if text.is_char_boundary(pos.min(text.len())) && pos <= text.len() {
                let mut by_chars = pos;
                while let Some(c) = text.get(by_chars..).and_then(|r| r.chars().next()).filter(|c| c.is_alphanumeric()) {
                    by_chars += c.len_utf8();
                }
                proptest::prop_assert_eq!(alnum_run_end(&text, pos), by_chars);
            }
        }
    }
}
