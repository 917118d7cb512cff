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

/// A duration in days as an interval, with the day its report was published.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    range: (f64, f64),
    /// Days since 1970-01-01 of the publication date, when known to the day.
    published: Option<f64>,
}

/// The day number of a date known to the day.
fn day_number(d: crate::corpus::PartialDate) -> Option<f64> {
    let date = jiff::civil::Date::new(d.year as i16, d.month? as i8, d.day? as i8).ok()?;
    let epoch = jiff::civil::Date::new(1970, 1, 1).ok()?;
    Some(f64::from(date.since(epoch).ok()?.get_days()))
}

/// Whether two durations can both be true: their intervals meet, or they are one
/// stretch of time that was still running, measured on two days ("missing for nine
/// days" on 3 July, "their 17 days in the cave" on 11 July): the later is longer by the
/// days between the two reports (give or take a day).
fn compatible(a: &Span, b: &Span) -> bool {
    let (x, y) = (a.range, b.range);
    if x.0 <= y.1 && y.0 <= x.1 {
        return true;
    }
    let (Some(pa), Some(pb)) = (a.published, b.published) else {
        return false;
    };
    let (earlier, later, gap) = if pa < pb {
        (x, y, pb - pa)
    } else if pb < pa {
        (y, x, pa - pb)
    } else {
        return false;
    };
    // Only stretches counted in days grow by days ("80 seconds" and "four minutes" a day
    // apart are no running count).
    if earlier.0 < 1.0 || later.0 < gap {
        return false;
    }
    later.0 - 1.0 <= earlier.1 + gap && earlier.0 + gap <= later.1 + 1.0
}

/// Checks one slot.
pub fn check(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let p = rule.params::<DurationParams>();
    let (tol, approx_tol) = (p.tolerance.0, p.approx_tolerance.0);
    let readings: Vec<Reading<Span>> = slot
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
            let published = ctx
                .docs
                .get(c.doc_index as usize)
                .and_then(|doc| doc.published)
                .and_then(day_number);
            Some(Reading {
                claim: i,
                value: Span { range, published },
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
        compatible(&a.value, &b.value)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::PartialDate;

    fn span(days: f64, published: Option<PartialDate>) -> Span {
        Span {
            range: (days * 0.95, days * 1.05),
            published: published.and_then(day_number),
        }
    }

    #[test]
    fn days_count_across_months() {
        let a = day_number(PartialDate::day(2030, 6, 28)).unwrap();
        let b = day_number(PartialDate::day(2030, 7, 3)).unwrap();
        assert_eq!(b - a, 5.0);
        assert_eq!(day_number(PartialDate::month(2030, 7)), None);
    }

    #[test]
    fn a_stretch_still_running_grows_by_the_days_between_reports() {
        let day = |d| Some(PartialDate::day(2030, 7, d));
        // Nine days on the 3rd, 17 on the 11th: one stretch measured twice.
        assert!(compatible(&span(9.0, day(3)), &span(17.0, day(11))));
        assert!(compatible(&span(17.0, day(11)), &span(9.0, day(3))));
        // Give or take a day.
        assert!(compatible(&span(9.0, day(3)), &span(18.0, day(11))));
        // Shorter in the later report, or longer by more than the gap: a mismatch.
        assert!(!compatible(&span(17.0, day(3)), &span(9.0, day(11))));
        assert!(!compatible(&span(9.0, day(3)), &span(30.0, day(11))));
        // Minutes a day apart are no running stretch.
        let (secs, mins) = (span(80.0 / 86_400.0, day(6)), span(4.0 / 1_440.0, day(7)));
        assert!(!compatible(&secs, &mins));
        // Reports of one day, or of unknown days, compare as given.
        assert!(!compatible(&span(9.0, day(3)), &span(17.0, day(3))));
        assert!(!compatible(&span(9.0, None), &span(17.0, day(11))));
    }
}
