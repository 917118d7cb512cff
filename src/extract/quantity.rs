//! Quantity mentions: a number (or vague amount) with its bounds, approximation, change
//! and unit. Candidate starts (digits, currency signs, number words) are found in one pass;
//! the nom parsers of [`super::number`] run there, and the words around decide the rest.

mod amount;
mod context;
mod text;
mod units;

pub use units::{UnitInfo, Units, UnitsError};

use super::model::{Change, Name, Value};
use amount::UnitHit;
use std::ops::Range;

/// A quantity found in text (ranges are byte ranges into the searched text).
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityMatch {
    pub range: Range<usize>,
    pub value: Value,
    pub unit: Option<Name>,
    pub change: Change,
    pub approx: bool,
    /// The counted thing as written.
    pub counted: Option<String>,
}

/// What reading at one position gave.
enum Step {
    Found(QuantityMatch),
    /// Something that is not a quantity (a year, a time, a name) up to this byte.
    Skip(usize),
    Nothing,
}

/// Every quantity mention in `text` with units and quantity words of `units`, in text
/// order. Dates and years are not quantities.
pub fn find_quantities(text: &str, units: &Units) -> Vec<QuantityMatch> {
    let mut out: Vec<QuantityMatch> = Vec::new();
    let mut pos = 0;
    while let Some(c) = text::char_at(text, pos) {
        let step = if context::starts_candidate(text, pos, c, units) {
            read_at(text, pos, units)
        } else {
            Step::Nothing
        };
        match step {
            Step::Found(q) => {
                pos = q.range.end.max(pos + c.len_utf8());
                out.push(q);
            }
            Step::Skip(end) => pos = end.max(pos + c.len_utf8()),
            Step::Nothing => {
                pos += c.len_utf8();
                // do not restart inside a word
                if c.is_alphanumeric() {
                    pos = text::alnum_run_end(text, pos);
                }
            }
        }
    }
    context::inherit_in_parentheses(text, &mut out);
    context::inherit_over_ellipsis(text, &mut out, units);
    out
}

fn read_at(text: &str, pos: usize, units: &Units) -> Step {
    if let Some(q) = amount::vague_at(text, pos, units) {
        return Step::Found(q);
    }
    let Some(a) = amount::amount_at(text, pos, units) else {
        return Step::Nothing;
    };
    if !in_range(a.value) {
        // 10^400 written out, a number of 200 groups: no quantity (and no digit of it
        // starts another)
        return Step::Skip(a.end);
    }
    if let Some(end) = context::not_a_quantity(text, &a, units) {
        return Step::Skip(end);
    }
    let unit = match amount::unit_after(text, &a, units) {
        Ok(u) => u,
        Err(end) => return Step::Skip(end),
    };
    if let Some(end) = context::not_a_quantity_given_unit(text, &a, unit.as_ref(), units) {
        return Step::Skip(end);
    }
    // "a magnitude 6.8 earthquake": a unit written before the number
    let unit = context::unit_before(text, &a, units).or(unit);
    let (mut change, approx_cue) = context::cue_before(text, &a, units);
    if a.plus {
        change = Change::Up;
    }
    let end = unit.as_ref().map_or(a.end, |u| u.end);
    // a range: "5 to 7 per cent", "between $62 and $68", "15-22 mph"
    let lead = context::range_lead(text, &a);
    match amount::range_after(text, &a, unit.as_ref(), end, change, lead, units) {
        amount::RangeStep::Range {
            low,
            high,
            unit: u2,
            end: e2,
        } => {
            if !in_range(low) || !in_range(high) {
                return Step::Skip(e2);
            }
            // the second unit, unless the first says more ("$75 per barrel to $45")
            let rate_first = unit
                .as_ref()
                .is_some_and(|u| u.unit.as_deref().is_some_and(|n| n.contains(" per ")))
                && !u2
                    .as_ref()
                    .is_some_and(|u| u.unit.as_deref().is_some_and(|n| n.contains(" per ")));
            let hit = if rate_first {
                unit.as_ref()
            } else {
                u2.as_ref().or(unit.as_ref())
            };
            return Step::Found(QuantityMatch {
                range: a.start..e2,
                value: Value::Range([low, high]),
                unit: unit_name(hit),
                change,
                approx: approx_cue || change == Change::Approx,
                counted: amount::counted_of(hit),
            });
        }
        amount::RangeStep::Score(end) => return Step::Skip(end),
        amount::RangeStep::None => {}
    }
    if let Some(end) = context::bare_number_word(text, &a, unit.as_ref()) {
        return Step::Skip(end);
    }
    Step::Found(QuantityMatch {
        range: a.start..end,
        value: Value::Number(a.value),
        unit: unit_name(unit.as_ref()),
        change,
        approx: approx_cue || change == Change::Approx,
        counted: amount::counted_of(unit.as_ref()),
    })
}

/// The largest magnitude read as a quantity: 10^30, past any count or amount in news and
/// far enough from `f64::MAX` that unit conversions stay finite. Larger numbers (and
/// those that overflow to infinity) are not quantities: as infinities they would print
/// as `null` and all compare equal.
pub const MAX_QUANTITY: f64 = 1e30;

/// True when `value` is a number a quantity may hold ([`MAX_QUANTITY`]).
pub fn in_range(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_QUANTITY
}

fn unit_name(hit: Option<&UnitHit>) -> Option<Name> {
    hit.and_then(|h| h.unit.clone())
}
