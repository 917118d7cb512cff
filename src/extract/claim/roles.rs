//! Grammatical roles of the entities around an action: who acts (subject, passive agent,
//! possessor of a nominalization), what is acted on (target) and where (place).

use super::facts::Facts;
use super::words;
use crate::extract::lexicon::EntityMatch;
use crate::extract::model::{EntityForm, EntityKind};

/// The word just before an entity, skipping determiners ("from the United States" -> from).
fn governing_word<'a>(facts: &'a Facts, entity: &EntityMatch) -> Option<&'a str> {
    let before = words::before(&facts.words, entity.range.start, 4);
    before
        .iter()
        .rev()
        .map(|w| w.text)
        .find(|w| !words::is_determiner(w))
}

/// The word right before an entity (no skipping).
fn previous_word<'a>(facts: &'a Facts, entity: &EntityMatch) -> Option<&'a str> {
    words::before(&facts.words, entity.range.start, 1)
        .first()
        .map(|w| w.text)
}

/// True when the entity stands after a preposition or a number, so it cannot be a subject.
fn is_oblique(facts: &Facts, entity: &EntityMatch) -> bool {
    if previous_word(facts, entity).is_some_and(words::is_counter) {
        return true;
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
        Some(w) if words::is_place_preposition(w) => Role::Place,
        Some(w) if words::is_preposition(w) => Role::Other,
        _ => Role::Target,
    }
}
