//! Kind `actor`: one event whose initiator differs between sources, when both name one.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::Compared;
use super::kind::KindInfo;
use super::params::{NoParams, Parser};
use super::rule::Rule;
use crate::link::key::canonical;
use crate::link::{Facet, Slot};

/// The kind `actor`: it takes no parameters.
pub static KIND: KindInfo = KindInfo {
    name: "actor",
    facets: &[Facet::Event, Facet::Statement],
    params: Parser::of::<NoParams>(),
    check,
};

/// Checks one slot.
pub fn check(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    if slot.key.facet == crate::link::Facet::Statement {
        return relations(rule, ctx, slot);
    }
    // Without a place, "Syria withdrew" may be several withdrawals from several places.
    if slot.key.location.is_empty() {
        return None;
    }
    let families = ctx.knowledge.families();
    let readings: Vec<Reading<String>> = slot
        .claims
        .iter()
        .filter_map(|&i| {
            let c = &ctx.claims[i];
            let initiator = canonical(c, families).initiator?;
            let display = format!("{} initiated it", initiator.value.name);
            Some(Reading {
                claim: i,
                value: initiator.value.name.to_string(),
                display,
                span: initiator.span,
                compared: Compared::Actor {
                    name: initiator.value.name.to_string(),
                    relation: None,
                },
            })
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| a.value == b.value))
}

/// The words of a name that identify it (lower case, no short function words).
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "the" | "and" | "company" | "group"))
        .collect()
}

/// Checks a slot of relations linked by meaning (who owns it, who was first): two names
/// with no word in common conflict ("San Esteban" vs "Codelco"), one name and a longer form
/// of it agree. Where an organisation is based is a location claim (kind `location`).
fn relations(_rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let readings: Vec<Reading<Vec<String>>> = slot
        .claims
        .iter()
        .filter_map(|&i| {
            let c = &ctx.claims[i];
            let actor = c.actor.as_ref()?;
            let relation = c.about.as_ref()?.predicate.clone()?;
            let display = match &*relation {
                "own" => format!("owned by {}", actor.text),
                "base" => format!("based in {}", actor.text),
                "first" => format!("{} was first", actor.text),
                // A passive's agent ("uncovered by X").
                _ => format!("by {}", actor.text),
            };
            Some(Reading {
                claim: i,
                value: name_words(&actor.value.name),
                display,
                span: actor.span,
                compared: Compared::Actor {
                    name: actor.value.name.to_string(),
                    relation: Some(relation.to_string()),
                },
            })
        })
        .collect();
    let relation = slot
        .claims
        .iter()
        .find_map(|&i| ctx.claims[i].about.as_ref()?.predicate.clone());
    let question = match relation.as_deref() {
        Some("own") => "who owns it".to_string(),
        Some("base") => "where it is based".to_string(),
        Some("first") => "who was first".to_string(),
        _ => "who did it ({slot})".to_string(),
    };
    let mut draft = Draft::from_groups(conflicting_groups(ctx, readings, |a, b| {
        a.value.iter().any(|w| b.value.contains(w))
    }))?;
    draft.message = Some(format!("Sources disagree on {question}: {{sides}}"));
    Some(draft)
}
