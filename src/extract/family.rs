//! Action families (`rules/lexicon/families.toml`): which canonical actions tell of one
//! kind of event, and which actions are that event seen from the other side.

use crate::extract::lookup::{FastMap, FastSet};
use serde::Deserialize;
use std::borrow::Cow;

const BUILTIN: &str = include_str!("../../rules/lexicon/families.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilyFile {
    #[serde(default)]
    level_change: Vec<String>,
    #[serde(default)]
    family: Vec<FamilyEntry>,
    #[serde(default)]
    antonym: Vec<AntonymEntry>,
    #[serde(default)]
    converse: Vec<ConverseEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilyEntry {
    name: String,
    #[serde(default)]
    once: bool,
    actions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AntonymEntry {
    action: String,
    phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConverseEntry {
    action: String,
    domain: String,
    becomes: String,
}

/// The compiled families.
#[derive(Debug, Default)]
pub struct Families {
    family_of: FastMap<String, String>,
    level_change: FastSet<String>,
    /// Phrases that negate an action ("remained open" negates "close"), and their automaton.
    antonym_actions: Vec<String>,
    antonyms: Option<aho_corasick::AhoCorasick>,
    once: FastSet<String>,
    /// Lower-case action -> (lower-case domain, the family it becomes).
    converse: FastMap<String, Vec<(String, String)>>,
}

/// `word` in lower case, borrowed when it has no upper-case letter (plain ASCII without
/// capitals, as canonical names and most words are) so that look-ups need not allocate.
pub(crate) fn lower_key(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

impl Families {
    /// The families shipped in the binary (`rules/lexicon/families.toml`), compiled
    /// afresh: build them once and pass them on.
    pub fn shipped() -> Families {
        Families::parse(BUILTIN).expect("built-in families.toml is valid")
    }

    /// The built-in families extended by more families files, in order (a later
    /// entry for the same action adds to or replaces an earlier one).
    pub fn with_extra(extra: &[&str]) -> Result<Families, toml::de::Error> {
        let mut file: FamilyFile = toml::from_str(BUILTIN)?;
        for text in extra {
            let more: FamilyFile = toml::from_str(text)?;
            file.level_change.extend(more.level_change);
            file.family.extend(more.family);
            file.antonym.extend(more.antonym);
            file.converse.extend(more.converse);
        }
        Ok(Families::compile(file))
    }

    /// Parses a families file.
    pub fn parse(text: &str) -> Result<Families, toml::de::Error> {
        Ok(Families::compile(toml::from_str(text)?))
    }

    fn compile(file: FamilyFile) -> Families {
        let mut families = Families {
            level_change: file.level_change.iter().map(|a| a.to_lowercase()).collect(),
            ..Families::default()
        };

        for f in file.family {
            if f.once {
                families.once.insert(f.name.clone());
            }
            for a in f.actions {
                families.family_of.insert(a.to_lowercase(), f.name.clone());
            }
        }
        let mut phrases = Vec::new();
        for a in file.antonym {
            for p in a.phrases {
                phrases.push(p.to_lowercase());
                families.antonym_actions.push(a.action.clone());
            }
        }
        families.antonyms = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&phrases)
            .ok();
        for c in file.converse {
            let domain = c.domain.to_lowercase();
            let entries = families
                .converse
                .entry(c.action.to_lowercase())
                .or_default();
            // a later entry for the same action and domain replaces the earlier one
            match entries.iter_mut().find(|(d, _)| *d == domain) {
                Some(entry) => entry.1 = c.becomes,
                None => entries.push((domain, c.becomes)),
            }
        }
        families
    }

    /// The family of a canonical action (the action itself when it has none).
    pub fn family<'a>(&'a self, action: &'a str) -> Cow<'a, str> {
        let key = lower_key(action);
        match self.family_of.get(&*key) {
            Some(family) => Cow::Borrowed(family.as_str()),
            None => key,
        }
    }

    /// Antonym phrases in `text` as (range, negated action name), whole words only.
    pub fn antonyms<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a str)> + 'a {
        let bytes = text.as_bytes();
        let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        self.antonyms
            .iter()
            .flat_map(move |ac| ac.find_iter(text))
            .filter_map(move |m| {
                let whole = (m.start() == 0 || !word(m.start() - 1)) && !word(m.end());
                whole.then(|| {
                    (
                        m.start()..m.end(),
                        self.antonym_actions[m.pattern().as_usize()].as_str(),
                    )
                })
            })
    }

    /// True for actions that move a level ("rose to 66"), whose figure belongs to the
    /// nominal event before them ("the death toll").
    pub fn is_level_change(&self, action: &str) -> bool {
        self.level_change.contains(&*lower_key(action))
    }

    /// True for a family of events that happen once per actor and place (a coup, a signing).
    pub fn is_once(&self, family: &str) -> bool {
        self.once.contains(family)
    }

    /// The family an action becomes when seen from its target's side, for a domain.
    pub fn converse(&self, action: &str, domain: &str) -> Option<&str> {
        let domain = lower_key(domain);
        self.converse
            .get(&*lower_key(action))?
            .iter()
            .find(|(d, _)| *d == *domain)
            .map(|(_, becomes)| becomes.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_group_actions_and_converse_turns_expulsion_into_withdrawal() {
        let f = Families::shipped();
        assert_eq!(f.family("recall"), "withdraw");
        assert_eq!(f.family("reduce"), "withdraw");
        assert!(f.is_once("coup") && !f.is_once("withdraw"));
        assert_eq!(f.family("unheard-of"), "unheard-of");
        assert_eq!(f.converse("expel", "military"), Some("withdraw"));
        assert_eq!(f.converse("expel", "diplomatic"), None);
    }
}
