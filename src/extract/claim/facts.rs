//! Everything the lexicons and parsers find in one sentence, gathered once.

use super::theme::{ThemeMatch, Themes};
use super::words::{self, Word};
use crate::corpus::PartialDate;
use crate::extract::lexicon::{ActionMatch, CueMatch, EntityMatch, Lexicon};
use crate::extract::quantity::{find_quantities, QuantityMatch};
use crate::extract::time::{find_times, TimeMatch};

/// The matches of one sentence (ranges relative to the sentence text).
#[derive(Debug)]
pub struct Facts<'a> {
    pub text: &'a str,
    pub lexicon: &'a Lexicon,
    pub words: Vec<Word<'a>>,
    pub entities: Vec<EntityMatch>,
    pub actions: Vec<ActionMatch>,
    pub quantities: Vec<QuantityMatch>,
    pub times: Vec<TimeMatch>,
    pub cues: Vec<CueMatch>,
    pub themes: Vec<ThemeMatch>,
}

impl<'a> Facts<'a> {
    /// Runs every finder over the sentence.
    pub fn read(text: &'a str, published: Option<PartialDate>, lexicon: &'a Lexicon) -> Facts<'a> {
        let mut actions = lexicon.actions(text);
        actions.sort_by_key(|a| (a.range.start, a.range.end));
        let mut quantities = find_quantities(text);
        let times = find_times(text, published);
        // A number read as a time (a year) is not also a quantity.
        quantities.retain(|q| {
            !times
                .iter()
                .any(|t| t.range.start <= q.range.start && q.range.end <= t.range.end)
        });
        Facts {
            text,
            lexicon,
            words: words::words(text),
            entities: lexicon.entities(text),
            actions,
            quantities,
            times,
            cues: lexicon.cues(text),
            themes: Themes::builtin().find(text),
        }
    }

    /// The words between two offsets.
    pub fn words_between(&self, start: usize, end: usize) -> &[Word<'a>] {
        let from = words::word_at_or_after(&self.words, start);
        let to = words::word_at_or_after(&self.words, end).max(from);
        &self.words[from..to]
    }
}
