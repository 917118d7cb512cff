//! Tokens for the time parser: words, digit runs (with a glued suffix such as "31st" or
//! "1990s") and single punctuation marks, each with its byte range.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl<'a> Tok<'a> {
    /// The leading digits of a number token as a value ("31st" gives 31).
    pub fn number(&self) -> Option<u32> {
        if self.kind != Kind::Num {
            return None;
        }
        let digits = self
            .text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.text.len());
        if digits > 9 {
            return None;
        }
        self.text[..digits].parse().ok()
    }

    /// The letters glued after the digits of a number token ("st", "s", "").
    pub fn suffix(&self) -> &'a str {
        let digits = self
            .text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.text.len());
        &self.text[digits..]
    }

    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
}

/// Splits `text` into tokens in one pass.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        let start = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            toks.push(Tok {
                text: &text[start..pos],
                start,
                end: pos,
                kind: Kind::Punct,
            });
            continue;
        };
        while let Some(n) = char_at(text, pos) {
            let after = pos + n.len_utf8();
            let inner_apostrophe = (n == '\'' || n == '’')
                && kind == Kind::Word
                && char_at(text, after).is_some_and(char::is_alphabetic);
            let same_kind = n.is_alphanumeric() && !(kind == Kind::Word && n.is_ascii_digit());
            if same_kind || inner_apostrophe {
                pos = after;
            } else {
                break;
            }
        }
        toks.push(Tok {
            text: &text[start..pos],
            start,
            end: pos,
            kind,
        });
    }
    toks
}

/// The char at byte `pos` (a char boundary), read without decoding when it is ASCII.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(pos..)?.chars().next(),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first, char-iterator version of [`tokenize`], kept to check the faster one.
    fn tokenize_by_chars(text: &str) -> Vec<Tok<'_>> {
        let mut toks = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                toks.push(Tok {
                    text: &text[start..start + c.len_utf8()],
                    start,
                    end: start + c.len_utf8(),
                    kind: Kind::Punct,
                });
                continue;
            };
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                let inner_apostrophe = (n == '\'' || n == '’')
                    && kind == Kind::Word
                    && text[i + n.len_utf8()..].starts_with(|x: char| x.is_alphabetic());
                let same_kind = n.is_alphanumeric() && !(kind == Kind::Word && n.is_ascii_digit());
                if same_kind || inner_apostrophe {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                text: &text[start..end],
                start,
                end,
                kind,
            });
        }
        toks
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_tokens_as_by_chars(text in "[a-zA-Z0-9 ,.'’é²\u{a0}\u{2009}–$%()ßÉ一-]{0,40}") {
            prop_assert_eq!(tokenize(&text), tokenize_by_chars(&text));
        }
        #[test]
        fn same_tokens_on_any_text(text in any::<String>()) {
            prop_assert_eq!(tokenize(&text), tokenize_by_chars(&text));
        }
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        let t = tokenize("On Feb. 17, 2022 the 1990s' 31st");
        let texts: Vec<_> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            ["On", "Feb", ".", "17", ",", "2022", "the", "1990s", "'", "31st"]
        );
        assert_eq!(t[3].number(), Some(17));
        assert_eq!(t[7].suffix(), "s");
        assert_eq!(t[9].number(), Some(31));
    }
}
