//! Entity look-up: countries, organisations, armed groups, seats of government and
//! leaders, with "the X government", "France's foreign minister" and
//! "President Macron" folded into one match.

use super::data::Merged;
use super::matcher::{is_word_char, word_after, Matcher, PhraseList};
use super::{EntityMatch, LexiconError};
use crate::extract::model::{Entity, EntityForm, EntityKind, Name};
use std::collections::HashMap;

/// The payload entity of a blocking phrase.
const NOT_AN_ENTITY: usize = usize::MAX;

#[derive(Clone, Debug)]
struct Payload {
    entity: usize,
    form: EntityForm,
    ambiguous: bool,
    person: Option<usize>,
}

/// The compiled entity lexicon.
#[derive(Debug)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    by_name: HashMap<String, usize>,
    /// Known people: (canonical name, role).
    people: Vec<(String, String)>,
    matcher: Matcher<Payload>,
    /// The names (not acronyms) matched ignoring case, for text in capitals
    /// ("PARIS –", "FRANCE RECALLS ENVOY").
    caps_matcher: Matcher<Payload>,
    titles: PhraseList,
    title_matcher: Matcher<()>,
    government_nouns: PhraseList,
    government_prefixes: PhraseList,
    foreign_posts: Vec<String>,
}

impl EntityIndex {
    pub fn build(merged: &Merged) -> Result<EntityIndex, LexiconError> {
        let mut entities = Vec::new();
        let mut by_name = HashMap::new();
        for def in &merged.entities {
            by_name.insert(def.name.clone(), entities.len());
            entities.push(Entity {
                name: Name::from(def.name.as_str()),
                kind: def.kind,
            });
        }
        let mut entries: Vec<(String, Payload)> = Vec::new();
        let payload = |entity, form, ambiguous| Payload {
            entity,
            form,
            ambiguous,
            person: None,
        };
        // Phrases that only look like names block them (the automaton prefers the longer).
        for phrase in &merged.not_entities {
            entries.push((
                phrase.clone(),
                payload(NOT_AN_ENTITY, EntityForm::Name, false),
            ));
        }
        // Names first: on a clash the first entry wins.
        for (i, def) in merged.entities.iter().enumerate() {
            entries.push((
                def.name.clone(),
                payload(i, EntityForm::Name, def.ambiguous),
            ));
            for alias in &def.aliases {
                entries.push((alias.clone(), payload(i, EntityForm::Name, false)));
            }
            for alias in &def.ambiguous_aliases {
                entries.push((alias.clone(), payload(i, EntityForm::Name, true)));
            }
        }
        for (i, def) in merged.entities.iter().enumerate() {
            for demonym in &def.demonyms {
                entries.push((demonym.clone(), payload(i, EntityForm::Demonym, false)));
                if demonym.ends_with('n') || demonym.ends_with('i') {
                    entries.push((
                        format!("{demonym}s"),
                        payload(i, EntityForm::Demonym, false),
                    ));
                }
            }
            for prefix in &def.prefixes {
                entries.push((prefix.clone(), payload(i, EntityForm::Demonym, false)));
            }
            for capital in &def.capitals {
                entries.push((capital.clone(), payload(i, EntityForm::Capital, false)));
            }
            for capital in &def.ambiguous_capitals {
                entries.push((capital.clone(), payload(i, EntityForm::Capital, true)));
            }
        }
        for (surface, entity) in &merged.institutions {
            if let Some(&i) = by_name.get(entity) {
                entries.push((surface.clone(), payload(i, EntityForm::Government, false)));
            }
        }
        let mut people = Vec::new();
        for person in &merged.people {
            let Some(&i) = by_name.get(&person.entity) else {
                continue;
            };
            let leader = Payload {
                entity: i,
                form: EntityForm::Leader,
                ambiguous: false,
                person: Some(people.len()),
            };
            entries.push((person.name.clone(), leader.clone()));
            for alias in person.aliases.iter().chain(&person.surname) {
                entries.push((alias.clone(), leader.clone()));
            }
            people.push((person.name.clone(), person.role.clone()));
        }
        let mut titles = merged.titles.clone();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let title_matcher = Matcher::new(titles.iter().map(|t| (t.clone(), ())).collect(), false);
        Ok(EntityIndex {
            entities,
            by_name,
            people,
            caps_matcher: Matcher::new(
                entries
                    .iter()
                    .filter(|(surface, _)| {
                        surface.chars().filter(|c| c.is_alphabetic()).count() >= 4
                            && surface.chars().any(char::is_lowercase)
                    })
                    .cloned()
                    .collect(),
                true,
            ),
            matcher: Matcher::new(entries, false),
            titles: PhraseList::new(titles),
            title_matcher,
            government_nouns: PhraseList::new(merged.government_nouns.clone()),
            government_prefixes: PhraseList::new(merged.government_prefixes.clone()),
            foreign_posts: merged.foreign_posts.clone(),
        })
    }

    pub fn by_name(&self, name: &str) -> Option<&Entity> {
        self.by_name.get(name).and_then(|&i| self.entities.get(i))
    }

    /// Entities in `text`, non-overlapping, in text order.
    pub fn find(&self, text: &str) -> Vec<EntityMatch> {
        let mut hits: Vec<(std::ops::Range<usize>, Payload)> = self
            .matcher
            .find(text)
            .into_iter()
            .map(|h| (h.range, h.value.clone()))
            .collect();
        if has_capitals_run(text) {
            self.add_capitals_hits(text, &mut hits);
        }
        hits.retain(|(_, p)| p.entity != NOT_AN_ENTITY);
        let mut out: Vec<EntityMatch> = Vec::with_capacity(hits.len());
        let mut i = 0;
        while let Some((range, p)) = hits.get(i) {
            i += 1;
            let Some(entity) = self.entities.get(p.entity) else {
                continue;
            };
            let known = p.person.and_then(|k| self.people.get(k));
            let mut m = EntityMatch {
                range: range.clone(),
                entity: entity.clone(),
                form: p.form,
                person: known.map(|(name, _)| name.clone()),
                role: known.map(|(_, role)| role.clone()),
                ambiguous: p.ambiguous,
            };
            let floor = out.last().map_or(0, |prev| prev.range.end);
            if p.form == EntityForm::Leader {
                // "President Macron", "Prime Minister Keir Starmer".
                if let Some(start) = self.titles.before(text, m.range.start) {
                    if start >= floor {
                        m.range.start = start;
                    }
                }
            }
            if entity.kind != EntityKind::Person
                && matches!(p.form, EntityForm::Name | EntityForm::Demonym)
            {
                let is_country = entity.kind == EntityKind::Country;
                let next = hits.get(i);
                let after = skip_possessive(text, m.range.end);
                // "French President Emmanuel Macron": one leader match.
                if let Some((next_range, next_p)) = next {
                    let title_end = self.titles.after(text, after).unwrap_or(after);
                    let gap = text.get(title_end..next_range.start).unwrap_or("x");
                    if next_p.form == EntityForm::Leader
                        && next_p.entity == p.entity
                        && gap.trim().is_empty()
                    {
                        m.range.end = next_range.end;
                        m.form = EntityForm::Leader;
                        let known = next_p.person.and_then(|k| self.people.get(k));
                        m.person = known.map(|(name, _)| name.clone());
                        m.role = known.map(|(_, role)| role.clone());
                        m.ambiguous = false;
                        i += 1;
                        out.push(m);
                        continue;
                    }
                }
                let limit = next.map_or(text.len(), |(r, _)| r.start);
                let owned = p.form == EntityForm::Demonym || after > m.range.end;
                if let Some(end) = self.government_nouns.after(text, after).filter(|&e| {
                    is_country && e <= limit && (owned || !self.is_foreign_post(text, after, e))
                }) {
                    // "the French government", "Mali's junta".
                    m.range.end = end;
                    m.form = EntityForm::Government;
                    m.ambiguous = false;
                } else if let Some(end) = self
                    .titles
                    .after(text, after)
                    .filter(|&e| e <= limit && (owned || !is_country))
                {
                    // "France's foreign minister", "the Nigerian President Bola Tinubu"; not
                    // "Mali ambassador", which may be anyone's ambassador to Mali.
                    m.role = text.get(after..end).map(|t| t.trim().to_string());
                    m.range.end = self.extend_over_name(text, end, limit);
                    m.person = text
                        .get(end..m.range.end)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string);
                    m.form = EntityForm::Leader;
                    m.ambiguous = false;
                } else if let Some(start) = self
                    .government_prefixes
                    .before(text, m.range.start)
                    .filter(|&s| is_country && s >= floor)
                {
                    // "the government of Mali".
                    m.range.start = start;
                    m.form = EntityForm::Government;
                    m.ambiguous = false;
                }
            }
            out.push(m);
        }
        self.add_titled_people(text, &mut out);
        out
    }

    /// Whether the words in `text[from..to]` name a post abroad ("embassy"), which after a
    /// bare country name may belong to anyone ("the Mali embassy").
    fn is_foreign_post(&self, text: &str, from: usize, to: usize) -> bool {
        let words = text.get(from..to).unwrap_or("").trim();
        self.foreign_posts
            .iter()
            .any(|p| p.eq_ignore_ascii_case(words))
    }

    /// Names written in capitals, where the case-sensitive pass found nothing.
    fn add_capitals_hits(&self, text: &str, hits: &mut Vec<(std::ops::Range<usize>, Payload)>) {
        let mut extra = Vec::new();
        for hit in self.caps_matcher.find(text) {
            let written = text.get(hit.range.clone()).unwrap_or("");
            // `hits` is sorted and non-overlapping: binary search keeps this linear.
            let first_after = hits.partition_point(|(r, _)| r.end <= hit.range.start);
            let overlaps = hits
                .get(first_after)
                .is_some_and(|(r, _)| r.start < hit.range.end);
            if !overlaps && !written.chars().any(char::is_lowercase) {
                extra.push((hit.range, hit.value.clone()));
            }
        }
        if !extra.is_empty() {
            hits.extend(extra);
            hits.sort_by_key(|(r, _)| r.start);
        }
    }

    /// Capitalized words (at most four) after `at`, ending before `limit`: a name after a
    /// title. Returns the new end (or `at` when none).
    fn extend_over_name(&self, text: &str, at: usize, limit: usize) -> usize {
        let mut end = at;
        for _ in 0..4 {
            let Some((range, word)) = word_after(text, end) else {
                break;
            };
            let gap = text.get(end..range.start).unwrap_or("x");
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            let function_word = FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word));
            if range.end > limit
                || !capitalized
                || function_word
                || gap.contains('\n')
                || gap.chars().any(|c| !c.is_whitespace())
            {
                break;
            }
            end = range.end;
        }
        end
    }

    /// "President Tinubu" with a person the lexicon does not know: a person entity.
    fn add_titled_people(&self, text: &str, out: &mut Vec<EntityMatch>) {
        let mut added = Vec::new();
        for hit in self.title_matcher.find(text) {
            // `out` is sorted and non-overlapping: binary search keeps this linear.
            let first_after = out.partition_point(|m| m.range.end <= hit.range.start);
            let overlaps = out
                .get(first_after)
                .is_some_and(|m| m.range.start < hit.range.end);
            let after_added = added
                .last()
                .is_none_or(|m: &EntityMatch| hit.range.start >= m.range.end);
            if !after_added || overlaps {
                continue;
            }
            let next_start = out
                .get(out.partition_point(|m| m.range.start < hit.range.end))
                .map_or(text.len(), |m| m.range.start);
            let end = self.extend_over_name(text, hit.range.end, next_start);
            let Some(name) = text
                .get(hit.range.end..end)
                .map(str::trim)
                .filter(|s| !s.is_empty())
            else {
                continue;
            };
            if !name.chars().any(is_word_char) {
                continue;
            }
            added.push(EntityMatch {
                range: hit.range.start..end,
                entity: Entity {
                    name: Name::from(name),
                    kind: EntityKind::Person,
                },
                form: EntityForm::Leader,
                person: Some(name.to_string()),
                role: text.get(hit.range.clone()).map(str::to_string),
                ambiguous: false,
            });
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| m.range.start);
        }
    }
}

/// Words that are never part of a name after a title, though Title Case headlines
/// capitalize them ("Ambassador From Mali").
const FUNCTION_WORDS: &[&str] = &[
    "a", "after", "against", "ahead", "amid", "an", "and", "as", "at", "before", "but", "by",
    "during", "for", "from", "has", "have", "in", "into", "is", "of", "on", "or", "over", "said",
    "says", "the", "to", "under", "until", "was", "will", "with", "without", "who", "says",
    "tells", "told", "visits", "meets", "calls",
];

/// Whether `text` holds four capital letters in a row (a word in capitals).
fn has_capitals_run(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_uppercase() { run + 1 } else { 0 };
        if run >= 4 {
            return true;
        }
    }
    false
}

/// Past a possessive "'s", "’s" or "'" at `at`.
fn skip_possessive(text: &str, at: usize) -> usize {
    for p in ["'s", "’s", "'", "’"] {
        if text.get(at..).is_some_and(|rest| rest.starts_with(p)) {
            return at + p.len();
        }
    }
    at
}
