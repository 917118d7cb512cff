//! Action look-up: verbs in every inflection and their nominalizations mapped to canonical
//! actions, scope from the surface or a modifier before it, and object-noun scope.

use super::data::Merged;
use super::inflect::{noun_forms, verb_forms};
use super::matcher::{prev_char, word_after, word_before, Matcher};
use super::{ActionMatch, LexiconError, VerbForm};
use crate::extract::lookup::FastMap;
use crate::extract::model::{Action, Name, Scope};
use std::collections::HashMap;

#[derive(Clone, Debug)]
struct Candidate {
    action: usize,
    form: VerbForm,
    scope: Option<Scope>,
}

#[derive(Clone, Debug)]
struct Payload {
    primary: Candidate,
    /// The surface is also a noun of the primary action ("recall", "attack").
    noun_too: bool,
    alternatives: Vec<usize>,
}

/// The action index of a blocking phrase.
const NOT_AN_ACTION: usize = usize::MAX;

/// Words before a noun that make an ambiguous verb/noun surface a noun.
const DETERMINERS: &[&str] = &[
    "no",
    "without",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "any",
    "further",
    "new",
    "planned",
    "announced",
    "latest",
    "recent",
    "first",
    "last",
];

/// The compiled action lexicon.
#[derive(Debug)]
pub struct ActionIndex {
    actions: Vec<Action>,
    by_name: HashMap<String, usize>,
    matcher: Matcher<Payload>,
    /// Scope modifiers (lower case) and their scope (the first listed wins for a phrase
    /// listed twice).
    modifiers: FastMap<String, Scope>,
    /// Most words in a scope modifier.
    modifier_words: usize,
    /// Adjectives and adverbs that set the scope of the action they precede.
    action_modifiers: FastMap<String, Scope>,
    object_scope: FastMap<String, Scope>,
}

impl ActionIndex {
    pub fn build(merged: &Merged) -> Result<ActionIndex, LexiconError> {
        let mut actions = Vec::new();
        let mut by_name = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut payloads: HashMap<String, (String, Payload)> = HashMap::new();
        let mut add = |surface: String, candidate: Candidate| {
            let key = surface.to_lowercase();
            match payloads.get_mut(&key) {
                Some((_, p)) if p.primary.action == candidate.action => {
                    if candidate.form == VerbForm::Noun && p.primary.form != VerbForm::Noun {
                        p.noun_too = true;
                    }
                }
                Some((_, p)) => {
                    if !p.alternatives.contains(&candidate.action) {
                        p.alternatives.push(candidate.action);
                    }
                }
                None => {
                    order.push(key.clone());
                    let payload = Payload {
                        primary: candidate,
                        noun_too: false,
                        alternatives: Vec::new(),
                    };
                    payloads.insert(key, (surface, payload));
                }
            }
        };
        // Blocking phrases first: the automaton prefers them and `find` drops them.
        for phrase in &merged.not_actions {
            for (surface, form) in verb_forms(phrase, &merged.irregular) {
                add(
                    surface,
                    Candidate {
                        action: NOT_AN_ACTION,
                        form,
                        scope: None,
                    },
                );
            }
        }
        for (i, entry) in merged.actions.iter().enumerate() {
            by_name.insert(entry.name.clone(), i);
            actions.push(Action {
                name: Name::from(entry.name.as_str()),
                class: entry.class,
                scope: entry.scope,
                code: entry.code.as_deref().map(Name::from),
            });
            let groups = [
                (&entry.verbs, &entry.nouns, None),
                (
                    &entry.partial_verbs,
                    &entry.partial_nouns,
                    Some(Scope::Partial),
                ),
                (&entry.full_verbs, &entry.full_nouns, Some(Scope::Full)),
            ];
            for lemma in &entry.verbs_inflected {
                for (surface, form) in verb_forms(lemma, &merged.irregular) {
                    if !matches!(form, VerbForm::Base | VerbForm::ThirdPerson) {
                        add(
                            surface,
                            Candidate {
                                action: i,
                                form,
                                scope: entry.scope,
                            },
                        );
                    }
                }
            }
            for (verbs, nouns, scope) in groups {
                let scope = scope.or(entry.scope);
                for verb in verbs {
                    for (surface, form) in verb_forms(verb, &merged.irregular) {
                        add(
                            surface,
                            Candidate {
                                action: i,
                                form,
                                scope,
                            },
                        );
                    }
                }
                for noun in nouns {
                    for surface in noun_forms(noun) {
                        let form = VerbForm::Noun;
                        add(
                            surface,
                            Candidate {
                                action: i,
                                form,
                                scope,
                            },
                        );
                    }
                }
            }
        }
        let entries = order
            .into_iter()
            .filter_map(|key| payloads.remove(&key))
            .collect::<Vec<_>>();
        let mut modifiers: Vec<(String, Scope)> = merged
            .scope_modifiers
            .partial
            .iter()
            .map(|m| (m.to_lowercase(), Scope::Partial))
            .chain(
                merged
                    .scope_modifiers
                    .full
                    .iter()
                    .map(|m| (m.to_lowercase(), Scope::Full)),
            )
            .collect();
        let mut modifier_scopes: FastMap<String, Scope> = FastMap::default();
        for (m, scope) in modifiers.drain(..) {
            modifier_scopes.entry(m).or_insert(scope);
        }
        let action_modifiers = merged
            .action_scope_modifiers
            .partial
            .iter()
            .map(|m| (m.to_lowercase(), Scope::Partial))
            .chain(
                merged
                    .action_scope_modifiers
                    .full
                    .iter()
                    .map(|m| (m.to_lowercase(), Scope::Full)),
            )
            .collect();
        Ok(ActionIndex {
            actions,
            by_name,
            matcher: Matcher::new(entries, true),
            modifier_words: modifier_scopes
                .keys()
                .map(|m| m.split(' ').count())
                .max()
                .unwrap_or(0),
            modifiers: modifier_scopes,
            action_modifiers,
            object_scope: merged
                .object_scope
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
        })
    }

    pub fn by_name(&self, name: &str) -> Option<&Action> {
        self.by_name.get(name).and_then(|&i| self.actions.get(i))
    }

    /// Actions in `text`, in text order.
    pub fn find(&self, text: &str) -> Vec<ActionMatch> {
        let mut out: Vec<ActionMatch> = Vec::new();
        for hit in self.matcher.find(text) {
            let p = hit.value;
            let Some(action) = self.actions.get(p.primary.action) else {
                continue;
            };
            let mut action = action.clone();
            if p.primary.scope.is_some() {
                action.scope = p.primary.scope;
            }
            let mut range = hit.range.clone();
            let mut form = p.primary.form;
            let mut nominal = form == VerbForm::Noun;
            let floor = out.last().map_or(0, |m| m.range.end);
            // A scope modifier right before, or before one other word: "partial
            // withdrawal", "fully withdrawn", "complete military withdrawal".
            if let Some((start, scope)) = self.action_modifier_before(text, range.start, floor) {
                action.scope = Some(scope);
                range.start = start;
                if !nominal && (p.noun_too || form == VerbForm::ThirdPerson) {
                    nominal = true;
                    form = VerbForm::Noun;
                }
            }
            if !nominal
                && matches!(
                    form,
                    VerbForm::Base | VerbForm::Gerund | VerbForm::ThirdPerson
                )
            {
                let after_determiner = word_before(text, hit.range.start).is_some_and(|(r, w)| {
                    let possessive =
                        matches!(prev_char(text, r.start), Some('\'' | '’')) && w == "s";
                    possessive || DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w))
                });
                let before_of = word_after(text, hit.range.end)
                    .is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"));
                if after_determiner || (before_of && form != VerbForm::ThirdPerson) {
                    nominal = true;
                    if form != VerbForm::Gerund {
                        form = VerbForm::Noun;
                    }
                }
            }
            let alternatives = p
                .alternatives
                .iter()
                .filter_map(|&a| self.actions.get(a).cloned())
                .collect();
            out.push(ActionMatch {
                range,
                action,
                nominal,
                form,
                alternatives,
            });
        }
        out
    }

    /// The scope an object noun phrase gives an action: a scope modifier at its start
    /// ("some staff", "all diplomats"), else the lexicon's object table for the phrase or
    /// its head noun ("ambassador" full, "non-essential staff" partial).
    pub fn object_scope(&self, noun: &str) -> Option<Scope> {
        let phrase = noun
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let mut rest = phrase.as_str();
        for _ in 0..4 {
            if let Some(scope) = self.leading_modifier(rest) {
                return Some(scope);
            }
            rest = strip_determiner(rest);
        }
        if let Some(scope) = self
            .object_scope
            .get(rest)
            .or_else(|| self.object_scope.get(&singular(rest)))
        {
            return Some(*scope);
        }
        let head = rest.rsplit(' ').next()?;
        self.object_scope
            .get(head)
            .or_else(|| self.object_scope.get(&singular(head)))
            .copied()
    }

    /// A scope adjective or adverb ending before `at`, directly or with one other word
    /// between ("complete military withdrawal"), starting at or after `floor`.
    fn action_modifier_before(
        &self,
        text: &str,
        at: usize,
        floor: usize,
    ) -> Option<(usize, Scope)> {
        let (range, word) = word_before(text, at)?;
        if let Some(scope) = self.action_modifiers.get(&word.to_lowercase()) {
            return (range.start >= floor).then_some((range.start, *scope));
        }
        if DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word)) {
            return None;
        }
        let gap = text.get(range.end..at)?;
        if gap.chars().any(|c| !c.is_whitespace()) {
            return None;
        }
        let (outer, modifier) = word_before(text, range.start)?;
        let between = text.get(outer.end..range.start)?;
        if between.chars().any(|c| !c.is_whitespace()) {
            return None;
        }
        let scope = self.action_modifiers.get(&modifier.to_lowercase())?;
        (outer.start >= floor).then_some((outer.start, *scope))
    }

    fn leading_modifier(&self, phrase: &str) -> Option<Scope> {
        // the longest modifier the phrase starts with, ending at a word boundary: the
        // prefixes of up to `modifier_words` words, shortest first, the last found wins
        let ends = phrase
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b' ')
            .map(|(i, _)| i)
            .chain(std::iter::once(phrase.len()))
            .take(self.modifier_words);
        let mut found = None;
        for end in ends {
            if let Some(scope) = phrase.get(..end).and_then(|p| self.modifiers.get(p)) {
                found = Some(*scope);
            }
        }
        found
    }
}

/// Drops one leading determiner or approximator ("its", "about").
fn strip_determiner(phrase: &str) -> &str {
    for d in [
        "the ",
        "its ",
        "their ",
        "his ",
        "her ",
        "our ",
        "a ",
        "an ",
        "this ",
        "these ",
        "those ",
        "about ",
        "around ",
        "roughly ",
        "nearly ",
        "almost ",
        "approximately ",
        "some ",
    ] {
        if let Some(rest) = phrase.strip_prefix(d) {
            return rest;
        }
    }
    phrase
}

/// A plain singular for a table look-up ("ambassadors" -> "ambassador").
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("ss") {
        return word.to_string();
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}
