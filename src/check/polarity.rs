//! Kind `polarity`: one event affirmed by one source and negated by another.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::Compared;
use super::kind::KindInfo;
use super::params::{NoParams, Parser};
use super::rule::Rule;
use crate::extract::Polarity;
use crate::link::{Facet, Slot};

/// The kind `polarity`: it takes no parameters.
pub static KIND: KindInfo = KindInfo {
    name: "polarity",
    facets: &[Facet::Event, Facet::Statement],
    params: Parser::of::<NoParams>(),
    check,
};

/// Checks one slot.
pub fn check(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    if slot.key.facet == crate::link::Facet::Statement {
        return statements(rule, ctx, slot);
    }
    let readings: Vec<Reading<(Polarity, bool)>> = slot
        .claims
        .iter()
        .filter_map(|&i| {
            let c = &ctx.claims[i];
            let action = c.action.as_ref()?;
            let modal = c.modality.is_some();
            let (display, span) = match (&c.negation, c.polarity) {
                (Some(neg), Polarity::Negative) if &*neg.kind == "antonym" => (
                    format!("not {} (\"{}\")", action.value.name, neg.text),
                    neg.span,
                ),
                (Some(neg), Polarity::Negative) => (
                    format!(
                        "not {} (\"{} {}\")",
                        action.value.name, neg.text, action.text
                    ),
                    neg.span.cover(action.span),
                ),
                _ => (
                    format!("{} (\"{}\")", action.value.name, action.text),
                    action.span,
                ),
            };
            Some(Reading {
                claim: i,
                value: (c.polarity, modal),
                display,
                span,
                compared: Compared::Polarity {
                    action: action.value.name.to_string(),
                    polarity: c.polarity,
                    planned: modal,
                },
            })
        })
        .collect();
    // Announced or planned claims are only compared with each other.
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| {
        a.value.1 != b.value.1 || a.value.0 == b.value.0
    }))
}

/// Checks a slot of statements linked by meaning: the same verb on the same things,
/// affirmed by one source and negated by another.
fn statements(_rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let readings: Vec<Reading<Polarity>> = slot
        .claims
        .iter()
        .filter_map(|&i| {
            let c = &ctx.claims[i];
            let verb = c.about.as_ref()?.predicate.clone()?;
            let display = match (&c.negation, c.polarity) {
                (Some(neg), Polarity::Negative) => format!("not {verb} (\"{}\")", neg.text),
                _ => verb.to_string(),
            };
            Some(Reading {
                claim: i,
                value: c.polarity,
                display,
                span: c.span,
                compared: Compared::Polarity {
                    action: verb.to_string(),
                    polarity: c.polarity,
                    planned: c.modality.is_some(),
                },
            })
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| a.value == b.value))
}
