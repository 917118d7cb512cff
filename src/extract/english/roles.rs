//! Roles of general English words beyond WordNet: light verbs and degree words, from
//! `rules/lexicon/english/word_roles.toml`.

use rustc_hash::FxHashSet;
use serde::Deserialize;

const WORD_ROLES: &str = include_str!("../../../rules/lexicon/english/word_roles.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    light_verbs: Vec<String>,
    stating_light_verbs: Vec<String>,
    degree_words: Vec<String>,
    update_words: Vec<String>,
    negation_words: Vec<String>,
    modal_words: Vec<String>,
    full_words: Vec<String>,
    partial_words: Vec<String>,
    repeat_words: Vec<String>,
    reporting_words: Vec<String>,
    verb_openers: Vec<String>,
    comparison_words: Vec<String>,
    superlative_words: Vec<String>,
    clause_joiners: Vec<String>,
    clause_openers: Vec<String>,
    prepositions: Vec<String>,
    bound_words: Vec<String>,
    previous_value_phrases: Vec<String>,
    moment_phrases: Vec<String>,
    noun_openers: Vec<String>,
    event_concepts: Vec<u32>,
    member_nouns: Vec<String>,
    place_relations: std::collections::BTreeMap<String, Vec<String>>,
    distance_prepositions: Vec<String>,
    place_modifiers: Vec<String>,
    organisation_nouns: Vec<String>,
    organisation_concept: u32,
}

/// Light verbs and degree words, as sets.
#[derive(Debug, Default)]
pub struct WordRoles {
    light: FxHashSet<String>,
    stating: FxHashSet<String>,
    degree: FxHashSet<String>,
    update: FxHashSet<String>,
    negation: FxHashSet<String>,
    modal: FxHashSet<String>,
    full: FxHashSet<String>,
    partial: FxHashSet<String>,
    repeat: FxHashSet<String>,
    reporting: FxHashSet<String>,
    verb_openers: FxHashSet<String>,
    comparison: FxHashSet<String>,
    superlative: FxHashSet<String>,
    joiners: FxHashSet<String>,
    openers: FxHashSet<String>,
    prepositions: FxHashSet<String>,
    bound: Vec<Vec<String>>,
    previous_value: Vec<Vec<String>>,
    moment: Vec<Vec<String>>,
    noun_openers: FxHashSet<String>,
    event_offsets: Vec<u32>,
    member_nouns: FxHashSet<String>,
    /// (relation, phrase words), longest phrases first.
    place_relations: Vec<(String, Vec<String>)>,
    /// The first word of each place relation phrase: any other word opens none (asked
    /// at every word of a sentence). `None` when a phrase is empty (it opens anywhere).
    place_relation_starts: Option<FxHashSet<String>>,
    distance_prepositions: FxHashSet<String>,
    place_modifiers: FxHashSet<String>,
    organisation_nouns: FxHashSet<String>,
    organisation_offset: u32,
}

impl WordRoles {
    /// The table shipped in the binary (checked by the tests).
    pub fn shipped() -> WordRoles {
        WordRoles::parse(WORD_ROLES).unwrap_or_default()
    }

    /// Parses a word-roles table.
    pub fn parse(text: &str) -> Result<WordRoles, toml::de::Error> {
        let f: RolesFile = toml::from_str(text)?;
        Ok(WordRoles {
            light: f.light_verbs.into_iter().collect(),
            stating: f.stating_light_verbs.into_iter().collect(),
            degree: f.degree_words.into_iter().collect(),
            update: f.update_words.into_iter().collect(),
            negation: f.negation_words.into_iter().collect(),
            modal: f.modal_words.into_iter().collect(),
            full: f.full_words.into_iter().collect(),
            partial: f.partial_words.into_iter().collect(),
            repeat: f.repeat_words.into_iter().collect(),
            reporting: f.reporting_words.into_iter().collect(),
            verb_openers: f.verb_openers.into_iter().collect(),
            comparison: f.comparison_words.into_iter().collect(),
            superlative: f.superlative_words.into_iter().collect(),
            joiners: f.clause_joiners.into_iter().collect(),
            openers: f.clause_openers.into_iter().collect(),
            prepositions: f.prepositions.into_iter().collect(),
            bound: f
                .bound_words
                .iter()
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect(),
            previous_value: f
                .previous_value_phrases
                .iter()
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect(),
            moment: f
                .moment_phrases
                .iter()
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect(),
            noun_openers: f.noun_openers.into_iter().collect(),
            event_offsets: f.event_concepts,
            member_nouns: f.member_nouns.into_iter().collect(),
            place_relations: {
                let mut phrases: Vec<(String, Vec<String>)> = f
                    .place_relations
                    .iter()
                    .flat_map(|(relation, phrases)| {
                        phrases.iter().map(move |p| {
                            (
                                relation.clone(),
                                p.split_whitespace().map(str::to_string).collect(),
                            )
                        })
                    })
                    .collect();
                phrases.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
                phrases
            },
            place_relation_starts: f
                .place_relations
                .values()
                .flatten()
                .map(|p| p.split_whitespace().next().map(str::to_string))
                .collect(),
            distance_prepositions: f.distance_prepositions.into_iter().collect(),
            place_modifiers: f.place_modifiers.into_iter().collect(),
            organisation_nouns: f.organisation_nouns.into_iter().collect(),
            organisation_offset: f.organisation_concept,
        })
    }

    /// The WordNet offsets of the noun synsets whose kinds are events.
    pub fn event_offsets(&self) -> &[u32] {
        &self.event_offsets
    }

    /// The place relation that the lower-case `words` open with ("in", "near", "to") and
    /// how many words its phrase takes ("close to": 2).
    pub fn place_relation(&self, words: &[&str]) -> Option<(&str, usize)> {
        if let Some(starts) = &self.place_relation_starts {
            if !words.first().is_some_and(|w| starts.contains(*w)) {
                return None;
            }
        }
        self.place_relations
            .iter()
            .find(|(_, p)| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
            .map(|(r, p)| (r.as_str(), p.len()))
    }

    /// A preposition that puts a thing near a place after a length ("feet from").
    pub fn is_distance_preposition(&self, word: &str) -> bool {
        self.distance_prepositions.contains(word)
    }

    /// A modifier that tells places of one kind apart ("fourth", "southern").
    pub fn is_place_modifier(&self, word: &str) -> bool {
        self.place_modifiers.contains(word)
    }

    /// A noun that stands for an organisation already named ("group", "firm").
    pub fn is_organisation_noun(&self, lemma: &str) -> bool {
        self.organisation_nouns.contains(lemma)
    }

    /// The WordNet offset of the noun synset "organization".
    pub fn organisation_offset(&self) -> u32 {
        self.organisation_offset
    }

    /// A noun naming one of a group ("member"), by lemma.
    pub fn is_member_noun(&self, lemma: &str) -> bool {
        self.member_nouns.contains(lemma)
    }

    /// A verb of speech ("say", "tell"): what it dates is the saying.
    pub fn is_reporting(&self, lemma: &str) -> bool {
        self.reporting.contains(lemma)
    }

    /// A word after which a word that can be a verb is one ("did not meet", "had to go"),
    /// lower-case.
    pub fn opens_verb(&self, word: &str) -> bool {
        self.verb_openers.contains(word) || word.ends_with("n't")
    }

    /// A word that makes the time after it a point of comparison ("since", "than"),
    /// lower-case.
    pub fn is_comparison(&self, word: &str) -> bool {
        self.comparison.contains(word)
    }

    /// A superlative that is not an "-est" form ("worst", "first"), lower-case.
    pub fn is_irregular_superlative(&self, word: &str) -> bool {
        self.superlative.contains(word)
    }

    /// A word that joins two clauses ("and", "but"), lower-case.
    pub fn joins_clauses(&self, word: &str) -> bool {
        self.joiners.contains(word)
    }

    /// A word that opens a relative or subordinate clause ("that", "which"), lower-case.
    pub fn opens_clause(&self, word: &str) -> bool {
        self.openers.contains(word)
    }

    /// A preposition ("of", "through"), lower-case.
    pub fn is_preposition(&self, word: &str) -> bool {
        self.prepositions.contains(word)
    }

    /// A word that makes the time after it a bound ("by", "before"), lower-case.
    pub fn ends_with_bound(&self, words: &[String]) -> bool {
        self.bound
            .iter()
            .any(|p| !p.is_empty() && words.ends_with(p))
    }

    /// Whether `words` (lower-case) end with a phrase that introduces an earlier value
    /// ("up from", "compared with").
    pub fn ends_with_previous_value(&self, words: &[String]) -> bool {
        self.previous_value
            .iter()
            .any(|p| !p.is_empty() && words.ends_with(p))
    }

    /// Whether lower-case `words` hold a phrase that makes a count a snapshot at one
    /// moment ("at the height of", "at one point").
    pub fn holds_moment<S: AsRef<str>>(&self, words: &[S]) -> bool {
        self.moment.iter().any(|p| {
            !p.is_empty()
                && words
                    .windows(p.len())
                    .any(|w| w.iter().zip(p).all(|(a, b)| a.as_ref() == b))
        })
    }

    /// A determiner: the word after it is no verb ("the jets"), lower-case.
    pub fn opens_noun(&self, word: &str) -> bool {
        self.noun_openers.contains(word)
    }

    /// A verb that carries little meaning of its own ("be", "have", "say").
    pub fn is_light(&self, lemma: &str) -> bool {
        self.light.contains(lemma)
    }

    /// A light verb that still states something a source may deny ("was not used").
    pub fn states(&self, lemma: &str) -> bool {
        self.stating.contains(lemma)
    }

    /// A word that negates what follows ("not", "never", "no"), lower-case.
    pub fn is_negation(&self, word: &str) -> bool {
        self.negation.contains(word) || word.ends_with("n't")
    }

    /// A word that marks an event as one of a series ("further", "another", "again").
    pub fn is_repeat(&self, word: &str) -> bool {
        self.repeat.contains(word)
    }

    /// A word that makes a statement about all of a group ("all", "every", "entire").
    pub fn is_full(&self, word: &str) -> bool {
        self.full.contains(word)
    }

    /// A word that makes a statement about a part ("only", "some", "partly").
    pub fn is_partial(&self, word: &str) -> bool {
        self.partial.contains(word)
    }

    /// A word that makes a clause hypothetical or planned ("will", "could", "if").
    pub fn is_modal(&self, word: &str) -> bool {
        self.modal.contains(word)
    }

    /// A lemma that marks a running count ("now", "rise", "toll").
    pub fn is_update(&self, lemma: &str) -> bool {
        self.update.contains(lemma)
    }

    /// A word of degree, approximation or focus ("nearly", "just", "some").
    pub fn is_degree(&self, word: &str) -> bool {
        self.degree.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_table_parses_and_answers() {
        WordRoles::parse(WORD_ROLES).expect("word_roles.toml parses");
        let roles = WordRoles::shipped();
        assert!(roles.is_light("be") && roles.is_light("say"));
        assert!(!roles.is_light("kill"));
        assert!(roles.is_degree("nearly") && !roles.is_degree("turnout"));
    }
}
