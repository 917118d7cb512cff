//! Kind `action-scope`: one event told as full by one source and partial by another.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::Compared;
use super::kind::KindInfo;
use super::params::{NoParams, Parser};
use super::rule::Rule;
use crate::extract::{Polarity, Scope};
use crate::link::{Facet, Slot};

/// The kind `action-scope`: it takes no parameters.
pub static KIND: KindInfo = KindInfo {
    name: "action-scope",
    facets: &[Facet::Event, Facet::Statement],
    params: Parser::of::<NoParams>(),
    check,
};

/// Checks one slot.
pub fn check(_rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let readings: Vec<Reading<Scope>> = slot
        .claims
        .iter()
        .filter_map(|&i| {
            let c = &ctx.claims[i];
            if c.polarity == Polarity::Negative {
                return None;
            }
            let action = c.action.as_ref()?;
            let scope = action.value.scope?;
            let what = c
                .theme
                .as_ref()
                .map(|t| format!(" ({})", t.text))
                .unwrap_or_default();
            let display = match scope {
                Scope::Full => format!("a full {}{what}: \"{}\"", action.value.name, action.text),
                Scope::Partial => {
                    format!("a partial {}{what}: \"{}\"", action.value.name, action.text)
                }
            };
            Some(Reading {
                claim: i,
                value: scope,
                display,
                span: action.span,
                compared: Compared::Scope {
                    action: action.value.name.to_string(),
                    scope,
                },
            })
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| a.value == b.value))
}
