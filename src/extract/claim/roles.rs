//! Grammatical roles of the entities around an action: who acts (subject, passive agent,
//! possessor of a nominalization), what is acted on (target) and where (place).

use super::facts::Facts;
use super::words;
use crate::extract::lexicon::EntityMatch;
use crate::extract::model::{EntityForm, EntityKind};

/// The word just before an entity, skipping determiners ("from the United States" -> from),
/// within the same stretch of text (no punctuation between).
fn governing_word<'a>(facts: &'a Facts, entity: &EntityMatch) -> Option<&'a str> {
    let before = words::before(&facts.words, entity.range.start, 4);
    let mut end = entity.range.start;
    for w in before.iter().rev() {
        let gap = facts.text.get(w.end..end)?;
        if !gap.chars().all(char::is_whitespace) {
            return None;
        }
        if !words::is_determiner(w.text) {
            return Some(w.text);
        }
        end = w.start;
    }
    None
}

/// The word right before an entity, when only spaces stand between them.
fn previous_word<'a>(facts: &'a Facts, entity: &EntityMatch) -> Option<&'a str> {
    let w = words::before(&facts.words, entity.range.start, 1).first()?;
    let gap = facts.text.get(w.end..entity.range.start)?;
    gap.chars().all(char::is_whitespace).then_some(w.text)
}

/// True when the entity stands after a preposition or a number, so it cannot be a subject.
fn is_oblique(facts: &Facts, entity: &EntityMatch) -> bool {
    if previous_word(facts, entity).is_some_and(words::is_counter) {
        return true;
    }
    // "hundreds of Wagner mercenaries deployed": the counted group is the subject.
    let before = words::before(&facts.words, entity.range.start, 2);
    if let [counter, of] = before {
        if of.text.eq_ignore_ascii_case("of") && words::is_counter(counter.text) {
            return false;
        }
    }
    governing_word(facts, entity).is_some_and(|w| words::is_preposition(w) || words::is_counter(w))
}

/// The subject of an action: the nearest entity before `end` (and at or after `start`)
/// that is not governed by a preposition or a number.
pub fn subject<'f>(facts: &'f Facts, start: usize, end: usize) -> Option<&'f EntityMatch> {
    facts.entities.iter().rfind(|e| {
        e.range.start >= start
            && e.range.end <= end
            && !is_oblique(facts, e)
            && (e.entity.kind != EntityKind::Person || e.form == EntityForm::Leader)
    })
}

/// The possessor or adjective right before a nominalization ("France's withdrawal",
/// "the French withdrawal", "Wagner's recent withdrawal").
pub fn possessor<'f>(facts: &'f Facts, action_start: usize) -> Option<&'f EntityMatch> {
    let e = facts
        .entities
        .iter()
        .rfind(|e| e.range.end <= action_start)?;
    let gap = facts.words_between(e.range.end, action_start);
    let gap_ok = gap.len() <= 3
        && gap
            .iter()
            .all(|w| !words::is_preposition(w.text) && !words::is_clause_opener(w.text));
    let possessive = facts
        .text
        .get(e.range.end..)
        .is_some_and(|t| t.starts_with("'s") || t.starts_with("’s"));
    (gap_ok && (possessive || e.form == EntityForm::Demonym || gap.is_empty())).then_some(e)
}

/// The agent of a passive ("detained by Malian authorities"): an entity after "by".
pub fn passive_agent<'f>(facts: &'f Facts, start: usize, end: usize) -> Option<&'f EntityMatch> {
    facts
        .entities
        .iter()
        .filter(|e| e.range.start >= start && e.range.end <= end)
        .find(|e| governing_word(facts, e).is_some_and(|w| w.eq_ignore_ascii_case("by")))
}

/// Where an entity after an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Target,
    Place,
    /// "of X" after a nominalization: the owner of what is acted on.
    Of,
    Agent,
    Other,
}

/// The role of an entity that follows an action.
pub fn role_after(facts: &Facts, entity: &EntityMatch) -> Role {
    match governing_word(facts, entity) {
        Some(w) if w.eq_ignore_ascii_case("by") => Role::Agent,
        Some(w) if w.eq_ignore_ascii_case("of") => Role::Of,
        // "signed with Colombia", "cut ties with Mali": the partner of the action.
        Some(w) if w.eq_ignore_ascii_case("with") => Role::Target,
        Some(w) if words::is_place_preposition(w) => Role::Place,
        Some(w) if words::is_preposition(w) => Role::Other,
        _ => Role::Target,
    }
}

/// A personal name right after an action ("detained Yann Vezilier"): two or more
/// capitalised words that the lexicons do not know, read as a person. Returns its range.
pub fn name_after(facts: &Facts, pos: usize, reach: usize) -> Option<std::ops::Range<usize>> {
    let following = words::after_words(&facts.words, pos);
    let mut iter = following.iter().take_while(|w| w.end <= reach);
    let first = iter.next()?;
    let capitalised = |w: &words::Word| {
        w.text.chars().next().is_some_and(char::is_uppercase)
            && w.text
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    if !capitalised(first)
        || facts
            .entities
            .iter()
            .any(|e| e.range.start <= first.start && first.start < e.range.end)
    {
        return None;
    }
    if words::is_determiner(first.text) {
        return None;
    }
    let known = |w: &words::Word| {
        facts
            .entities
            .iter()
            .any(|e| e.range.start < w.end && w.start < e.range.end)
    };
    let mut end = first.end;
    let mut count = 1;
    for w in iter {
        let gap = facts.text.get(end..w.start).unwrap_or("x");
        if !capitalised(w) || gap != " " || known(w) {
            break;
        }
        end = w.end;
        count += 1;
    }
    (count >= 2).then_some(first.start..end)
}
