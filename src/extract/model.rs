//! The plain data types extraction produces: claims and their slots, each with its span.

use crate::corpus::{PartialDate, Span};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A canonical name from a small vocabulary (an entity, action, unit, cue, theme or
/// domain): built once in the lexicon and shared by reference count, never copied per
/// match. It serializes as a plain string. A thin pointer (8 bytes, the length is kept
/// beside the count): claims hold millions of names in slots and lists, where `Arc<str>`
/// took 16 bytes each.
pub type Name = arcstr::ArcStr;

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Country,
    Organisation,
    ArmedGroup,
    Person,
    Group,
    Other,
}

/// How an entity was named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityForm {
    /// Its name or an alias ("France", "the UN").
    Name,
    /// The demonym or adjective ("French", "Malian").
    Demonym,
    /// The capital standing for the government ("Paris said").
    Capital,
    /// A leader by title ("President Macron").
    Leader,
    /// A ministry or "the X government".
    Government,
    /// Resolved from a pronoun or "the country".
    Anaphora,
}

/// A canonical entity as the lexicon knows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name: the common English short name ("France", "United States", "Wagner Group").
    pub name: Name,
    pub kind: EntityKind,
}

/// A slot filled by a span of text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention<T> {
    pub value: T,
    /// The words as written (boxed: no spare capacity, 8 bytes less than a `String`).
    pub text: Box<str>,
    pub span: Span,
}

/// Classes of canonical actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionClass {
    Diplomatic,
    Military,
    Legal,
    Economic,
    Disaster,
    Political,
    Other,
}

/// Whether an action is done in full or in part, where that matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Full,
    Partial,
}

/// A canonical action.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Action {
    /// Canonical name ("recall", "withdraw", "expel", "deploy", "coup").
    pub name: Name,
    pub class: ActionClass,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// CAMEO or PLOVER code, when one fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Name>,
}

/// How a quantity relates to its value (the NewsQuant `change` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Change {
    #[serde(rename = "=")]
    Exact,
    #[serde(rename = "~")]
    Approx,
    #[serde(rename = ">")]
    AtLeast,
    #[serde(rename = "<")]
    AtMost,
    #[serde(rename = "up")]
    Up,
    #[serde(rename = "down")]
    Down,
}

/// The value of a quantity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Range([f64; 2]),
    /// A quantity given without a number ("a substantial number", "dozens"), kept as
    /// words: it never conflicts with a number. `range` is the order of magnitude
    /// the words imply, when they imply one ("hundreds" = [200, 999]).
    Vague {
        vague: String,
        range: Option<[f64; 2]>,
    },
}

/// A quantity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: Value,
    /// Normalized unit noun (troops, diplomats, people, dollars, percent ...), if any.
    pub unit: Option<Name>,
    pub change: Change,
    /// True for "about", "some", "roughly", "an estimated" ... and vague quantities.
    pub approx: bool,
    /// The thing counted, as written ("embassy staff members").
    pub counted: Option<String>,
    pub text: Box<str>,
    pub span: Span,
}

/// Time granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Year,
    Month,
    Day,
    Weekday,
}

/// Units of durations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DurationUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl DurationUnit {
    /// The length of one unit in days (a month is 30.44 days, a year 365.25).
    pub fn days(self) -> f64 {
        match self {
            DurationUnit::Second => 1.0 / 86_400.0,
            DurationUnit::Minute => 1.0 / 1_440.0,
            DurationUnit::Hour => 1.0 / 24.0,
            DurationUnit::Day => 1.0,
            DurationUnit::Week => 7.0,
            DurationUnit::Month => 30.44,
            DurationUnit::Year => 365.25,
            DurationUnit::Decade => 3652.5,
        }
    }
}

/// A length of time ("nine years", "over a decade").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub value: f64,
    pub unit: DurationUnit,
    pub change: Change,
}

/// What a time expression says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum TimeValue {
    /// A point at some granularity ("in 2020", "in August", "on Tuesday").
    Point {
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<PartialDate>,
        /// 0 = Monday .. 6 = Sunday, when a weekday was named.
        #[serde(skip_serializing_if = "Option::is_none")]
        weekday: Option<u8>,
        /// Month named without a year and not resolved.
        #[serde(skip_serializing_if = "Option::is_none")]
        month: Option<u8>,
        granularity: Granularity,
    },
    /// An interval ("since 2020", "until 2025", "from 2013 to 2022").
    Interval {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<PartialDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<PartialDate>,
    },
    /// A duration ("the past nine years", "nine-year", "over a decade").
    Duration(Duration),
    /// Relative to the publication date, unresolved ("last year", "weeks after").
    Relative { expression: String },
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Time {
    pub value: TimeValue,
    /// True when resolved against a publication date or given absolutely.
    pub resolved: bool,
    /// True for an event year used as a modifier ("the 2020 coup").
    pub event_year: bool,
    pub text: Box<str>,
    pub span: Span,
    /// The time of day given with a date ("at 6:07 a.m.", "shortly after 6 p.m.").
    /// Boxed: few times have one (8 bytes inline instead of 48).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Box<Clock>>,
}

/// A time of day given with a date: the minutes it allows and where it is written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    pub minutes: super::clock::Minutes,
    pub text: Box<str>,
    pub span: Span,
}

/// Polarity of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Positive,
    Negative,
}

/// A word or phrase that changed how a claim is read (negation, modality, hedge, attribution).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Canonical cue ("not", "never", "denied", "will", "planned", "allegedly", "said").
    pub kind: Name,
    pub text: Box<str>,
    pub span: Span,
}

/// What a value of a claim is: the facet that decides which rules compare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueFacet {
    /// How many or how much ("189 people on board", "turnout of 72.2 percent").
    Quantity,
    /// When something happened (a day, a date, a year).
    Date,
    /// How long something lasted or how long after another event it came.
    Duration,
    /// That something happened or not: a verb and its arguments, affirmed or negated.
    Statement,
    /// Where something happened, is kept or is based, or where it was bound: the place
    /// is in [`About::place`].
    Location,
}

/// The place a location claim gives, read into its parts: the relation that puts the
/// thing there, the phrase's head noun, its modifiers and its proper names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceValue {
    /// How the thing stands to the place: "in" (in, on, at, inside, within), "near" (near,
    /// off, beside, close to), "to" (bound for, heading to), "base" (based in).
    pub relation: Name,
    /// The lemma of the phrase's head noun ("floor", "silo", "border"), or its last
    /// proper name folded to lower case when it has no common noun ("hong kong").
    pub head: Name,
    /// Lemmas of the words before the head ("fourth"; "grain"), ordinals included.
    #[serde(skip_serializing_if = "<[Name]>::is_empty", default)]
    pub modifiers: Box<[Name]>,
    /// The proper names in the phrase, as written ("Hong Kong"; "Colombo", "Sri Lanka").
    #[serde(skip_serializing_if = "<[Name]>::is_empty", default)]
    pub names: Box<[Name]>,
    /// The phrase as written.
    pub text: Box<str>,
    pub span: Span,
}

/// What a value of a claim is about, read from the sentence's own words: the measure it
/// gives, the event it belongs to, and the qualifiers that decide whether two values
/// conflict. Words are lemmas (lower case, from the English layer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct About {
    pub facet: ValueFacet,
    /// The head of what is counted or measured ("worker", "turnout", "depth"), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<Name>,
    /// The measure: the head with its modifiers and the nouns that name the quantity
    /// ("construction", "worker"; "turnout").
    pub measure: Box<[Name]>,
    /// The predicate that governs the value ("kill", "trap", "vanish"), when one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Name>,
    /// The words that act in the predicate ("earthquake", "magnitude" of "an earthquake
    /// of magnitude 7.8 tore through"): content words before it in the clause, nearest
    /// first.
    #[serde(skip_serializing_if = "<[Name]>::is_empty", default)]
    pub subject: Box<[Name]>,
    /// The predicate stands right by the value ("killed 35", "35 were injured").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub predicate_near: bool,
    /// Names right around the value ("Jakarta", "Leave", "Gomez"), folded to ASCII lower
    /// case: what the value is of or where.
    #[serde(skip_serializing_if = "<[Name]>::is_empty", default)]
    pub names: Box<[Name]>,
    /// The event: content lemmas of the clause around the value (nouns and verbs); one
    /// list per sentence, shared by the claims of its values.
    pub event: Arc<[Name]>,
    /// The value is a part of a larger group ("of them", "including", "among", "3 of the 5").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub part: bool,
    /// The value counts a union ("destroyed or damaged"), a broader group than either.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub union: bool,
    /// The sentence marks the value as a running count ("now", "has risen to", "still").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub running: bool,
    /// The value is about another event given as background ("in 2010", "last year's").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub background: bool,
    /// The place a location claim gives (facet [`ValueFacet::Location`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub place: Option<Box<PlaceValue>>,
}

/// One structured claim read from a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Document id (shared by the claims of one document).
    pub doc: Name,
    /// Index of the document in the corpus (for stable ordering; `u32`, as in the link
    /// records: 4 bytes a claim less than a `usize`).
    pub doc_index: u32,
    /// Position of the claim within its document.
    pub ordinal: u32,
    /// The clause (or sentence) the claim was read from, as a file span.
    pub span: Span,
    /// The whole sentence, as a file span.
    pub sentence: Span,
    /// The sentence as a byte range into `Document::text` (its quote: [`Claim::quote`]).
    pub sentence_range: std::ops::Range<usize>,
    /// The sentence is a headline or subhead.
    pub headline: bool,
    /// Boxed, as `action` and `place`: most claims (the value pass's) have none, and
    /// millions of claims stay in memory during a check (8 bytes inline instead of 56).
    pub actor: Option<Box<Mention<Entity>>>,
    pub action: Option<Box<Mention<Action>>>,
    /// Boxed: most claims have none (8 bytes inline instead of 56).
    pub target: Option<Box<Mention<Entity>>>,
    pub place: Option<Box<Mention<Entity>>>,
    /// What the action acts on, normalized ("ambassador", "staff", "troops").
    pub theme: Option<Box<Mention<Name>>>,
    /// The domain of the action as the theme or an adjective gives it
    /// (diplomatic, military, economic ...), when known.
    pub domain: Option<Name>,
    /// Who made it happen when that is said explicitly: the causer of "X ordered Y to
    /// leave", or the actor of "Y decided to withdraw".
    pub initiator: Option<Box<Mention<Entity>>>,
    pub quantity: Option<Box<Quantity>>,
    pub time: Option<Box<Time>>,
    /// A duration stated in the clause ("for the past nine years"), when the time slot
    /// holds something else.
    pub duration: Option<Box<Time>>,
    /// The place was not in the sentence but taken from the discourse (a lower confidence).
    pub place_inferred: bool,
    /// The actor was resolved from a pronoun or "the move" (documented in `anaphora`).
    pub actor_inferred: bool,
    pub polarity: Polarity,
    pub negation: Option<Box<Cue>>,
    pub modality: Option<Box<Cue>>,
    /// Boxed slice: mostly empty, 8 bytes less than a `Vec`.
    pub hedges: Box<[Cue]>,
    /// Who the claim is attributed to ("according to X", "X said"): the sentence's first
    /// attribution cue, one value shared by the claims of the sentence (reference-counted,
    /// not copied into each).
    pub attribution: Option<Arc<Cue>>,
    /// What the claim's value is about (claims read by the general value pass); linked
    /// by meaning rather than by lexicon keys.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub about: Option<Box<About>>,
}

impl Claim {
    /// Hedged or attributed claims weigh less as evidence.
    pub fn hedged(&self) -> bool {
        !self.hedges.is_empty()
    }

    /// The sentence text as extracted, from the text of the claim's document ("" if the
    /// range does not fit it).
    pub fn quote<'t>(&self, document_text: &'t str) -> &'t str {
        document_text.get(self.sentence_range.clone()).unwrap_or("")
    }
}

#[cfg(all(test, target_pointer_width = "64"))]
mod tests {
    use super::*;

    /// Millions of claims stay in memory during a check: their inline size is watched.
    #[test]
    fn claims_and_their_slots_stay_small() {
        assert!(std::mem::size_of::<Claim>() <= 200);
        assert_eq!(std::mem::size_of::<Name>(), 8);
        assert_eq!(std::mem::size_of::<Option<Name>>(), 8);
        assert!(std::mem::size_of::<Mention<Entity>>() <= 56);
        assert!(std::mem::size_of::<Cue>() <= 48);
    }

    #[test]
    fn shared_names_serialize_as_plain_strings() {
        let action = Action {
            name: Name::from("withdraw"),
            class: ActionClass::Military,
            scope: None,
            code: Some(Name::from("0874")),
        };
        let json = serde_json::to_string(&action).unwrap();
        assert_eq!(
            json,
            r#"{"name":"withdraw","class":"military","code":"0874"}"#
        );
        let back: Action = serde_json::from_str(&json).unwrap();
        assert_eq!(back, action);
    }
}
