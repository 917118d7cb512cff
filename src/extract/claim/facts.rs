//! Everything the lexicons and parsers find in one sentence, gathered once.

use super::theme::ThemeMatch;
use super::words::{self, Word};
use crate::corpus::PartialDate;
use crate::extract::lexicon::{ActionMatch, CueMatch, EntityMatch, Lexicon, VerbForm};
use crate::extract::model::{Entity, EntityForm, EntityKind, Name};
use crate::extract::quantity::{find_quantities, QuantityMatch};
use crate::extract::time::calendar;
use crate::extract::time::{find_times, TimeMatch};
use std::ops::Range;

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
    /// Ranges of actions read from antonym phrases ("remained open" = did not close).
    pub negated: Vec<Range<usize>>,
}

impl<'a> Facts<'a> {
    /// Runs every finder over the sentence.
    pub fn read(text: &'a str, published: Option<PartialDate>, lexicon: &'a Lexicon) -> Facts<'a> {
        let mut actions = lexicon.actions(text);
        let mut negated = Vec::new();
        for (range, name) in lexicon.families().antonyms(text) {
            if let Some(action) = lexicon.action(name) {
                actions.retain(|a| a.range.end <= range.start || a.range.start >= range.end);
                actions.push(ActionMatch {
                    range: range.clone(),
                    action: action.clone(),
                    nominal: false,
                    form: VerbForm::Past,
                    alternatives: Vec::new(),
                });
                negated.push(range);
            }
        }
        actions.sort_by_key(|a| (a.range.start, a.range.end));
        let mut quantities = find_quantities(text, lexicon.units());
        let times = find_times(text, published, lexicon.units());
        // A number read as a time (a year) is not also a quantity.
        quantities.retain(|q| {
            !times
                .iter()
                .any(|t| t.range.start <= q.range.start && q.range.end <= t.range.end)
        });
        let words = words::words(text);
        let mut entities = lexicon.entities(text);
        let unknown = unknown_places(text, &words, &entities);
        entities.extend(unknown);
        entities.sort_by_key(|e| (e.range.start, e.range.end));
        Facts {
            text,
            lexicon,
            words,
            entities,
            actions,
            quantities,
            times,
            cues: lexicon.cues(text),
            themes: lexicon.themes().find(text),
            negated,
        }
    }

    /// The words between two offsets.
    pub fn words_between(&self, start: usize, end: usize) -> &[Word<'a>] {
        let from = words::word_at_or_after(&self.words, start);
        let to = words::word_at_or_after(&self.words, end).max(from);
        &self.words[from..to]
    }
}

/// Capitalised names the lexicons do not know, right after a place preposition or "of"
/// ("in Mtwara", "the port of Callao"): read as places of kind `Other`.
fn unknown_places(text: &str, words: &[Word], known: &[EntityMatch]) -> Vec<EntityMatch> {
    // In a Title Case headline every word is capitalised: no name can be told apart.
    let upper = words
        .iter()
        .filter(|w| w.text.chars().next().is_some_and(char::is_uppercase))
        .count();
    if words.len() >= 4 && upper * 3 >= words.len() * 2 {
        return Vec::new();
    }
    let capitalised = |w: &Word| {
        w.text.chars().next().is_some_and(char::is_uppercase)
            && w.text.chars().skip(1).any(char::is_lowercase)
    };
    let mut out = Vec::new();
    let mut i = 1;
    while i < words.len() {
        // only a capitalised word can start a name: the look-back is skipped for others
        if !capitalised(&words[i]) {
            i += 1;
            continue;
        }
        // The preposition, skipping one determiner ("from the Rovuma estuary").
        let mut p = i - 1;
        if words::is_determiner(words[p].text)
            && p > 0
            && text.get(words[p].end..words[i].start) == Some(" ")
        {
            p -= 1;
        }
        let prev = words[p];
        let w = words[i];
        let governed = words::is_place_preposition(prev.text) || prev.text == "of";
        let spaced = text
            .get(prev.end..w.start)
            .is_some_and(|g| g.chars().all(|c| c == ' '))
            || p + 1 < i;
        let taken = known
            .iter()
            .any(|e| e.range.start < w.end && w.start < e.range.end);
        if governed && spaced && capitalised(&w) && !taken && !is_calendar_word(w.text) {
            let mut end = w.end;
            let mut j = i + 1;
            while j < words.len()
                && capitalised(&words[j])
                && text.get(end..words[j].start) == Some(" ")
            {
                end = words[j].end;
                j += 1;
            }
            let name = Name::from(text.get(w.start..end).unwrap_or_default());
            out.push(EntityMatch {
                range: w.start..end,
                entity: Entity {
                    name,
                    kind: EntityKind::Other,
                },
                form: EntityForm::Name,
                person: None,
                role: None,
                ambiguous: false,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn is_calendar_word(word: &str) -> bool {
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    calendar::month_number(word).is_some() || calendar::weekday_number(word).is_some()
}
