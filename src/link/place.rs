//! Linking location claims: two claims can state one fact when they put what they locate
//! in one way ("in", "near", bound "to", "based" in), locate one thing (one organisation,
//! or related events and things: "the fire started" and "the fire broke out") and name
//! places of one kind (one head noun, parts of one whole, kinds of one structure, or two
//! named places), so that the place is all they may disagree on.

use crate::extract::english::{English, Pos};
use crate::extract::{About, Knowledge, Name, PlaceValue};

/// How many levels up two heads may meet to be kinds of one thing ("hangar" and "silo"
/// are both structures).
const KIND_DEPTH: usize = 2;

/// A place given by a name ("Hong Kong", "the city of Gaziantep"), not by a common noun
/// alone ("the fourth floor").
pub fn named(place: &PlaceValue) -> bool {
    !place.names.is_empty()
}

/// Whether two heads are kinds of one thing a couple of levels up, neither a kind of the
/// other.
pub fn co_kinds(a: &str, b: &str, english: &English) -> bool {
    let first = |w: &str| english.concepts_as(w, Pos::Noun).first().copied();
    let (Some(x), Some(y)) = (first(a), first(b)) else {
        return false;
    };
    let (up_x, up_y) = (
        english.broader(x, KIND_DEPTH),
        english.broader(y, KIND_DEPTH),
    );
    !up_x.contains(&y) && !up_y.contains(&x) && up_x.iter().any(|h| up_y.contains(h))
}

/// Whether two places are of one kind, so that they can be told apart: one relation and
/// one head (or related heads), two parts of one whole, two kinds of one thing, or two
/// named places.
pub fn comparable(a: &PlaceValue, b: &PlaceValue, knowledge: &Knowledge) -> bool {
    if a.relation != b.relation {
        return false;
    }
    let english = knowledge.english();
    if a.head == b.head || named(a) && named(b) {
        return true;
    }
    if named(a) || named(b) {
        return false;
    }
    english.related(&a.head, &b.head)
        || knowledge
            .places()
            .sibling_parts(&a.head, &b.head, |x, y| english.related(x, y))
        || co_kinds(&a.head, &b.head, english)
}

fn shared(a: &[Name], b: &[Name]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.eq_ignore_ascii_case(y)))
}

/// Whether a located thing is an organisation: named, or a noun for one.
fn organisation(x: &About, english: &English) -> bool {
    !x.names.is_empty() || x.measure.iter().any(|w| english.is_organisation(w))
}

/// Whether two location claims locate one thing.
pub fn same_located(x: &About, y: &About, english: &English) -> bool {
    let base = |a: &About| a.place.as_ref().is_some_and(|p| &*p.relation == "base");
    if base(x) || base(y) {
        // An organisation: one name, or a word of what is based in common ("the exchange
        // FTX", "FTX"), or two nouns that stand for the story's organisation ("the
        // group", "the automaker"). A base given of nothing ("is believed to be based in
        // X") may be anyone's.
        if x.measure.is_empty() || y.measure.is_empty() {
            return false;
        }
        if !x.names.is_empty() && !y.names.is_empty() {
            return shared(&x.names, &y.names);
        }
        return shared(&x.measure, &y.measure)
            || x.names.is_empty()
                && y.names.is_empty()
                && organisation(x, english)
                && organisation(y, english);
    }
    if !x.names.is_empty() && !y.names.is_empty() && !shared(&x.names, &y.names) {
        return false;
    }
    // Two acts ("was turned back at the airport", "checked in at a hotel") are two
    // events, wherever each happened.
    if let (Some(p), Some(q)) = (&x.predicate, &y.predicate) {
        let act = |w: &str| !english.is_light(w) && !english.is_reporting(w);
        if act(p) && act(q) && p != q && !english.related(p, q) {
            return false;
        }
    }
    // Names ("French", "Titanic") are compared as names, not as words of the core.
    let named = |w: &Name| {
        shared(std::slice::from_ref(w), &x.names) || shared(std::slice::from_ref(w), &y.names)
    };
    let core = |a: &About| -> Vec<Name> {
        [&a.predicate, &a.head]
            .into_iter()
            .flatten()
            .chain(a.subject.iter())
            .filter(|w| !english.is_light(w) && !named(w))
            .cloned()
            .collect()
    };
    let (cx, cy) = (core(x), core(y));
    cx.iter()
        .any(|p| cy.iter().any(|q| p == q || english.related(p, q)))
}
