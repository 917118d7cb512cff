//! Kind `duration`: how long something lasted, in days, compared as intervals.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::{finite, Bound, Compared};
use super::kind::KindInfo;
use super::params::{rule_params, Parser, Ratio};
use super::rule::Rule;
use crate::extract::{Change, DurationUnit, TimeValue};
use crate::link::{Facet, Slot};

/// The kind `duration`.
pub static KIND: KindInfo = KindInfo {
    name: "duration",
    facets: &[Facet::Duration],
    params: Parser::of::<DurationParams>(),
    check,
};

rule_params! {
    /// The parameters of kind `duration`.
    pub struct DurationParams {
        /// Relative slack around an exact duration (0.05 = 5%).
        tolerance: Ratio = Ratio(0.05),
        /// Relative slack around an approximate duration ("about six years", "almost a
        /// week").
        approx_tolerance: Ratio = Ratio(0.25),
    }
}

fn days(unit: DurationUnit) -> f64 {
    unit.days()
}

/// Checks one slot.
pub fn check(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let p = rule.params::<DurationParams>();
    let (tol, approx_tol) = (p.tolerance.0, p.approx_tolerance.0);
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
                compared: Compared::Duration {
                    low_days: range.0,
                    high_days: finite(range.1),
                    bound: Bound::of(d.change, false)?,
                },
            })
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| {
        a.value.0 <= b.value.1 && b.value.0 <= a.value.1
    }))
}
