//! Kind `actor`: one event whose initiator differs between sources, when both name one.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::rule::Rule;
use crate::extract::family::Families;
use crate::link::key::canonical;
use crate::link::Slot;

/// Checks one slot.
pub fn check(_rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    // Without a place, "Syria withdrew" may be several withdrawals from several places.
    if slot.key.location.is_empty() {
        return None;
    }
    let families = Families::builtin();
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
            })
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| a.value == b.value))
}
