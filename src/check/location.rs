//! Kind `location`: one thing put at two places that exclude each other: two named
//! places neither of which holds the other ("the Hong Kong-based exchange" and "the
//! exchange, based in the Bahamas"), two places of one kind told apart by an ordinal or a
//! side ("the fourth floor", "the second floor"), two parts of one whole ("the bow", "the
//! stern"). A place and a place inside it, and the same place in other words ("in
//! prison", "in jail"), agree.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::Compared;
use super::kind::KindInfo;
use super::params::{NoParams, Parser};
use super::rule::Rule;
use crate::extract::english::Pos;
use crate::extract::{Knowledge, Name, PlaceValue};
use crate::link::{Facet, Slot};

/// The kind `location`: it takes no parameters.
pub static KIND: KindInfo = KindInfo {
    name: "location",
    facets: &[Facet::Location],
    params: Parser::of::<NoParams>(),
    check,
};

/// The words of a name.
fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether two names are one place or one holds the other.
fn nested(a: &str, b: &str, knowledge: &Knowledge) -> bool {
    let bare = |s: &str| {
        s.trim()
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .to_lowercase()
    };
    let (x, y) = (bare(a), bare(b));
    x == y
        || words(&x).any(|w| words(&y).any(|v| w == v && w.len() > 2))
        || knowledge.place_within(a, b)
        || knowledge.place_within(b, a)
}

/// A name whose place the knowledge holds other places in (a country, a state, a city
/// with districts): a name it does not know may lie inside it.
fn whole(name: &str, knowledge: &Knowledge) -> bool {
    let bare = name.trim().trim_start_matches("the ");
    knowledge.places().is_whole(bare)
        || knowledge.entities(bare).iter().any(|m| {
            m.range == (0..bare.len()) && m.entity.kind == crate::extract::EntityKind::Country
        })
}

/// A name the knowledge knows as a place.
fn known(name: &str, knowledge: &Knowledge) -> bool {
    let bare = name.trim().trim_start_matches("the ");
    knowledge.places().kind(bare).is_some() || !knowledge.entities(bare).is_empty()
}

/// Whether `p` names its place by a kind broader than `q`'s kind ("the Sahel region" and a
/// capital, "region" being a kind above "capital"): the one may hold the other.
fn wider(p: &PlaceValue, q: &PlaceValue, knowledge: &Knowledge) -> bool {
    let english = knowledge.english();
    let noun = |w: &str| english.pos(w).contains(Pos::Noun);
    let common = |v: &PlaceValue| noun(&v.head) && knowledge.places().kind(&v.head).is_none();
    if !common(p) {
        return false;
    }
    let kind = if common(q) {
        Some(q.head.to_string())
    } else {
        q.names
            .iter()
            .find_map(|n| knowledge.places().kind(n.trim_start_matches("the ")))
            .and_then(|k| k.split(' ').next_back())
            .map(str::to_string)
    };
    // A name the knowledge does not hold, against a place named by a kind ("Mae Sai"
    // and "Chiang Rai province"): nothing tells that the one is not inside the other.
    let Some(kind) = kind else {
        return !common(q) && q.names.iter().all(|n| !known(n, knowledge));
    };
    let wide = english.concepts_as(&p.head, Pos::Noun);
    english
        .concepts_as(&kind, Pos::Noun)
        .iter()
        .filter(|c| !wide.contains(c))
        .any(|&c| english.broader(c, 8).iter().any(|h| wide.contains(h)))
}

/// Two places of one head told apart by their modifiers ("fourth" and "second" floor).
fn modifiers_differ(a: &PlaceValue, b: &PlaceValue, knowledge: &Knowledge) -> bool {
    let english = knowledge.english();
    let marks = |p: &PlaceValue| -> Vec<Name> {
        p.modifiers
            .iter()
            .filter(|m| english.is_place_modifier(m))
            .cloned()
            .collect()
    };
    let (x, y) = (marks(a), marks(b));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|m| y.contains(m))
}

/// Whether two places exclude each other (see the module docs).
pub fn differ(a: &PlaceValue, b: &PlaceValue, knowledge: &Knowledge) -> bool {
    let english = knowledge.english();
    let same_head = a.head == b.head;
    let parts = || {
        knowledge
            .places()
            .sibling_parts(&a.head, &b.head, |x, y| english.related(x, y))
    };
    let common = |p: &PlaceValue| {
        english.pos(&p.head).contains(Pos::Noun) && knowledge.places().kind(&p.head).is_none()
    };
    let nested_names = a
        .names
        .iter()
        .any(|x| b.names.iter().any(|y| nested(x, y, knowledge)));
    // Names on both sides that share nothing: two different wholes, or two places.
    let apart = !a.names.is_empty() && !b.names.is_empty() && !nested_names;
    // One kind of place told apart by an ordinal or a side, or two parts of one whole
    // ("the third floor of the hotel" and "the seventh floor"), unless they are of two
    // named wholes.
    if common(a) && common(b) && (same_head && modifiers_differ(a, b, knowledge) || parts()) {
        return !apart;
    }
    match (a.names.is_empty(), b.names.is_empty()) {
        (false, false) => {
            if nested_names {
                return false;
            }
            // A wide place (a country) and a name the knowledge does not hold may be one
            // inside the other.
            let unsure = |p: &PlaceValue, q: &PlaceValue| {
                p.names.iter().any(|n| whole(n, knowledge))
                    && q.names.iter().any(|n| !known(n, knowledge))
            };
            !unsure(a, b) && !unsure(b, a) && !wider(a, b, knowledge) && !wider(b, a, knowledge)
        }
        // Two common nouns that are neither one place told apart nor parts of one whole
        // ("in prison", "in jail"), and a named place against a common noun ("near
        // Ismailia", "near the entrance"): no knowledge tells them apart.
        _ => false,
    }
}

/// How a relation is asked about in a message.
fn question(relation: &str) -> &'static str {
    match relation {
        "base" => "where {slot} is based",
        "to" => "where {slot} was bound",
        _ => "where {slot} was",
    }
}

/// Checks one slot.
pub fn check(_rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let readings: Vec<Reading<PlaceValue>> = slot
        .claims
        .iter()
        .filter(|&&i| ctx.claims[i].modality.is_none() && ctx.claims[i].negation.is_none())
        .filter_map(|&i| {
            let place = ctx.claims[i].about.as_ref()?.place.as_deref()?;
            let strings = |names: &[Name]| names.iter().map(|n| n.to_string()).collect();
            Some(Reading {
                claim: i,
                value: place.clone(),
                display: place.text.to_string(),
                span: place.span,
                compared: Compared::Place {
                    relation: place.relation.to_string(),
                    head: place.head.to_string(),
                    names: strings(&place.names),
                    modifiers: strings(&place.modifiers),
                },
            })
        })
        .collect();
    let relation = readings.first()?.value.relation.clone();
    let mut draft = Draft::from_groups(conflicting_groups(ctx, readings, |a, b| {
        !differ(&a.value, &b.value, ctx.knowledge)
    }))?;
    let what = slot.key.kind.replace('_', " ");
    draft.message = Some(format!(
        "Sources disagree on {}: {{sides}}",
        question(&relation).replace("{slot}", &format!("the {what}"))
    ));
    Some(draft)
}
