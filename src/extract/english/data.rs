//! Parsing of the WordNet-derived tables in `rules/lexicon/english/` into [`English`].
//!
//! The parser is strict: any line that is not a comment, blank, or a well-formed row
//! is an error, so a stale or hand-edited table fails the tests instead of being
//! half-read.

use rustc_hash::FxHashMap;

use super::pos::Pos;
use super::{ConceptInfo, English, Span, Word};

/// The tables compiled into the binary.
pub(crate) const LEMMAS: &str = include_str!("../../../rules/lexicon/english/lemmas.tsv");
pub(crate) const IRREGULAR: &str = include_str!("../../../rules/lexicon/english/irregular.tsv");
pub(crate) const CONCEPTS: &str = include_str!("../../../rules/lexicon/english/concepts.tsv");
pub(crate) const STOPWORDS: &str = include_str!("../../../rules/lexicon/english/stopwords.txt");

/// A malformed line in one of the tables.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct EnglishDataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// The data lines of a table: (1-based line number, line), skipping blanks and `#` comments.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

struct Ctx {
    file: &'static str,
    line: usize,
}

impl Ctx {
    fn err(&self, message: impl Into<String>) -> EnglishDataError {
        EnglishDataError {
            file: self.file,
            line: self.line,
            message: message.into(),
        }
    }

    fn int(&self, s: &str) -> Result<u32, EnglishDataError> {
        s.parse()
            .map_err(|_| self.err(format!("not a number: {s:?}")))
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_uppercase())
}

impl English {
    /// Parses the four tables (the texts must live for the whole program, as the
    /// built-in ones do).
    pub fn parse(
        lemmas: &'static str,
        irregular: &'static str,
        concepts: &'static str,
        stopwords: &'static str,
    ) -> Result<English, EnglishDataError> {
        let mut en = English {
            index: FxHashMap::default(),
            names: Vec::new(),
            words: Vec::new(),
            arena: Vec::new(),
            irregular: Vec::new(),
            concepts: Vec::new(),
            hyper_start: vec![0],
            hyper: Vec::new(),
            roles: super::roles::WordRoles::shipped(),
        };
        en.parse_concepts(concepts)?;
        en.parse_lemmas(lemmas)?;
        en.parse_irregular(irregular)?;
        en.parse_stopwords(stopwords)?;
        Ok(en)
    }

    fn intern(&mut self, word: &'static str) -> u32 {
        if let Some(&id) = self.index.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.index.insert(word, id);
        self.names.push(word);
        self.words.push(Word::default());
        id
    }

    fn parse_concepts(&mut self, text: &'static str) -> Result<(), EnglishDataError> {
        let mut links: Vec<(usize, Vec<u32>)> = Vec::new();
        for (line, row) in rows(text) {
            let cx = Ctx {
                file: "concepts.tsv",
                line,
            };
            let mut f = row.split('\t');
            let (Some(pos), Some(offset), Some(head), Some(ups), None) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                return Err(cx.err("expected 4 tab-separated fields"));
            };
            let pos = Pos::from_letter(pos).ok_or_else(|| cx.err("bad part of speech"))?;
            let offset = cx.int(offset)?;
            if head.is_empty() {
                return Err(cx.err("empty head word"));
            }
            let mut parents = Vec::new();
            if !ups.is_empty() {
                for up in ups.split(',') {
                    parents.push(cx.int(up)?);
                }
            }
            links.push((line, parents));
            self.concepts.push(ConceptInfo { pos, offset, head });
        }
        let n = self.concepts.len() as u32;
        for (line, parents) in links {
            if let Some(&bad) = parents.iter().find(|&&p| p >= n) {
                let cx = Ctx {
                    file: "concepts.tsv",
                    line,
                };
                return Err(cx.err(format!("hypernym id {bad} out of range")));
            }
            self.hyper.extend(parents);
            self.hyper_start.push(self.hyper.len() as u32);
        }
        Ok(())
    }

    fn parse_lemmas(&mut self, text: &'static str) -> Result<(), EnglishDataError> {
        let n = self.concepts.len() as u32;
        self.index.reserve(text.len() / 24);
        let mut all: Vec<u32> = Vec::new();
        for (line, row) in rows(text) {
            let cx = Ctx {
                file: "lemmas.tsv",
                line,
            };
            let mut f = row.split('\t');
            let lemma = f.next().unwrap_or_default();
            if !is_word(lemma) {
                return Err(cx.err(format!("bad lemma {lemma:?}")));
            }
            if self.index.contains_key(lemma) {
                return Err(cx.err(format!("duplicate lemma {lemma:?}")));
            }
            let id = self.intern(lemma);
            let mut word = Word::default();
            all.clear();
            for field in f {
                let mut parts = field.splitn(3, ':');
                let (Some(pos), Some(freq), Some(ids)) = (parts.next(), parts.next(), parts.next())
                else {
                    return Err(cx.err(format!("bad field {field:?}, expected pos:count:ids")));
                };
                let pos = Pos::from_letter(pos).ok_or_else(|| cx.err("bad part of speech"))?;
                if word.pos.contains(pos) {
                    return Err(cx.err("part of speech repeated"));
                }
                word.pos.insert(pos);
                word.freq[pos.index()] = cx.int(freq)?.min(u16::MAX as u32) as u16;
                let start = self.arena.len() as u32;
                for c in ids.split(',') {
                    let c = cx.int(c)?;
                    if c >= n {
                        return Err(cx.err(format!("concept id {c} out of range")));
                    }
                    self.arena.push(c);
                    all.push(c);
                }
                word.by_pos[pos.index()] = Span::new(start, self.arena.len() as u32);
            }
            if word.pos.is_empty() {
                return Err(cx.err("lemma without a part of speech"));
            }
            all.sort_unstable();
            all.dedup();
            let start = self.arena.len() as u32;
            self.arena.extend_from_slice(&all);
            word.all = Span::new(start, self.arena.len() as u32);
            self.words[id as usize] = word;
        }
        Ok(())
    }

    fn parse_irregular(&mut self, text: &'static str) -> Result<(), EnglishDataError> {
        let mut current: Option<u32> = None;
        for (line, row) in rows(text) {
            let cx = Ctx {
                file: "irregular.tsv",
                line,
            };
            let mut f = row.split('\t');
            let (Some(form), Some(pos), Some(targets), None) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                return Err(cx.err("expected 3 tab-separated fields"));
            };
            if !is_word(form) {
                return Err(cx.err(format!("bad form {form:?}")));
            }
            let pos = Pos::from_letter(pos).ok_or_else(|| cx.err("bad part of speech"))?;
            let id = self.intern(form);
            if current != Some(id) {
                if !self.words[id as usize].irregular.is_empty() {
                    return Err(cx.err(format!("rows of {form:?} are not consecutive")));
                }
                let start = self.irregular.len() as u32;
                self.words[id as usize].irregular = Span::new(start, start);
                current = Some(id);
            }
            for target in targets.split(',') {
                let lemma = match self.index.get(target) {
                    Some(&t) if self.words[t as usize].pos.contains(pos) => t,
                    _ => return Err(cx.err(format!("{target:?} is not a {pos:?} lemma"))),
                };
                self.irregular.push((pos, lemma));
            }
            self.words[id as usize].irregular.end = self.irregular.len() as u32;
        }
        Ok(())
    }

    fn parse_stopwords(&mut self, text: &'static str) -> Result<(), EnglishDataError> {
        for (line, row) in rows(text) {
            let word = row.trim();
            if !is_word(word) {
                let cx = Ctx {
                    file: "stopwords.txt",
                    line,
                };
                return Err(cx.err(format!("bad stop word {word:?}")));
            }
            let id = self.intern(word);
            self.words[id as usize].stop = true;
        }
        Ok(())
    }
}
