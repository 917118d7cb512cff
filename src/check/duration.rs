//! Kind `duration`: how long something lasted, in days, compared as intervals.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::rule::Rule;
use crate::extract::{Change, DurationUnit, TimeValue};
use crate::link::Slot;

fn days(unit: DurationUnit) -> f64 {
    unit.days()
}

/// Checks one slot.
pub fn check(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let tol = rule.number("tolerance", 0.05);
    let approx_tol = rule.number("approx_tolerance", 0.25);
    let readings: Vec<Reading<(f64, f64)>> = slot
        .claims
        .iter()
        .filter_map(|&i| {
            let c = &ctx.claims[i];
            let t = c.duration.as_ref()?;
            let TimeValue::Duration(d) = &t.value else {
                return None;
            };
            let v = d.value * days(d.unit);
            let range = match d.change {
                Change::Exact => (v * (1.0 - tol), v * (1.0 + tol)),
                Change::Approx => (v * (1.0 - approx_tol), v * (1.0 + approx_tol)),
                Change::AtLeast => (v, f64::INFINITY),
                Change::AtMost => (0.0, v),
                Change::Up | Change::Down => return None,
            };
            Some(Reading {
                claim: i,
                value: range,
                display: t.text.to_string(),
                span: t.span,
            })
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| {
        a.value.0 <= b.value.1 && b.value.0 <= a.value.1
    }))
}
