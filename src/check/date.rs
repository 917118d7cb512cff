//! Kind `date`: one event dated differently, compared at the granularity both give; on
//! one day, the times of day both give ("shortly after 6 p.m." and "at 6:07 a.m.").

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::Compared;
use super::kind::KindInfo;
use super::params::{NoParams, Parser};
use super::rule::Rule;
use crate::corpus::PartialDate;
use crate::extract::clock::Minutes;
use crate::extract::{Time, TimeValue};
use crate::link::{Facet, Slot};

/// The kind `date`: it takes no parameters.
pub static KIND: KindInfo = KindInfo {
    name: "date",
    facets: &[Facet::Event, Facet::Date],
    params: Parser::of::<NoParams>(),
    check,
};

/// Two partial dates agree when equal on every part both give.
pub fn same_date(a: &PartialDate, b: &PartialDate) -> bool {
    a.year == b.year
        && (a.month.is_none() || b.month.is_none() || a.month == b.month)
        && (a.day.is_none() || b.day.is_none() || a.day == b.day)
}

/// Checks one slot.
pub fn check(_rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    // Repeated events (attacks, cuts) on different days are different events.
    let by_meaning = slot.key.facet == crate::link::Facet::Date;
    if !by_meaning && !ctx.knowledge.families().is_once(&slot.key.family) {
        return None;
    }
    let readings: Vec<Reading<(PartialDate, Option<Minutes>)>> = slot
        .claims
        .iter()
        // "He would resign on Wednesday": a plan is not when it happened.
        .filter(|&&i| ctx.claims[i].modality.is_none())
        .filter_map(|&i| {
            let t = ctx.claims[i].time.as_ref()?;
            match &t.value {
                TimeValue::Point { date: Some(d), .. } => Some(Reading {
                    claim: i,
                    value: (*d, t.clock.as_ref().map(|c| c.minutes)),
                    display: display(t),
                    span: t.span,
                    compared: Compared::Date {
                        date: *d,
                        minutes: t.clock.as_ref().map(|c| c.minutes.0),
                        since: false,
                    },
                }),
                // "since 2014": when the state began.
                TimeValue::Interval { from: Some(d), .. } if by_meaning => Some(Reading {
                    claim: i,
                    value: (*d, None),
                    display: t.text.to_string(),
                    span: t.span,
                    compared: Compared::Date {
                        date: *d,
                        minutes: None,
                        since: true,
                    },
                }),
                _ => None,
            }
        })
        .collect();
    Draft::from_groups(conflicting_groups(ctx, readings, |a, b| {
        same_date(&a.value.0, &b.value.0) && same_moment(&a.value, &b.value)
    }))
}

/// Two times of day of one day can be one moment; a time of day given for a day that is
/// not known to the day compares with nothing.
fn same_moment(a: &(PartialDate, Option<Minutes>), b: &(PartialDate, Option<Minutes>)) -> bool {
    match (a, b) {
        ((x, Some(m)), (y, Some(n))) if x.day.is_some() && y.day.is_some() => m.overlaps(n),
        _ => true,
    }
}

/// A date as a reader sees it: with its time of day when one was given.
fn display(t: &Time) -> String {
    match &t.clock {
        Some(c) => format!("{} ({})", t.text, c.text),
        None => t.text.to_string(),
    }
}
