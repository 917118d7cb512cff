//! Kind `quantity`: figures in one slot whose intervals (after tolerance, approximation
//! and bounds) do not meet.

use super::engine::{conflicting_groups, Context, Draft, Reading};
use super::finding::{finite, Bound, Compared};
use super::kind::KindInfo;
use super::params::{rule_params, Parser, Ratio, Words};
use super::rule::Rule;
use crate::corpus::PartialDate;
use crate::extract::{Change, Claim, TimeValue, Value, ValueFacet};
use crate::link::{Facet, Slot};

/// The kind `quantity`.
pub static KIND: KindInfo = KindInfo {
    name: "quantity",
    facets: &[Facet::Quantity],
    params: Parser::of::<QuantityParams>(),
    check,
};

rule_params! {
    /// The parameters of kind `quantity`.
    pub struct QuantityParams {
        /// Relative slack around an exact figure (0.05 = 5%), for rounding in different
        /// outlets; never more than half a step of the figure's last digit.
        tolerance: Ratio = Ratio(0.05),
        /// Relative slack around an approximate figure ("about", "some", "roughly"); at
        /// least half a step and at most five steps of the figure's last digit.
        approx_tolerance: Ratio = Ratio(0.2),
        /// Measures that only grow over time (tolls, arrests): a later report may give
        /// more. Matched against a slot's measure and against the lemmas of each claim's
        /// counted word and predicate.
        cumulative_measures: Words = Words::default(),
    }
}

/// A figure as an interval, with when it was published (for cumulative measures).
#[derive(Clone, Debug)]
pub struct Figure {
    pub low: f64,
    pub high: f64,
    pub published: Option<crate::corpus::PartialDate>,
    /// A running count: the sentence says so ("now", "has risen", "still").
    pub running: bool,
    /// A union of two measures ("destroyed or damaged"): no smaller than either.
    pub union: bool,
    /// The measure is one that grows as a story unfolds (tolls, arrests).
    pub grows: bool,
    /// The words of what is counted, for claims that name it ("construction workers"):
    /// a figure whose words add to another's counts a part of it.
    pub counted: Option<Vec<crate::extract::Name>>,
    /// The days the figure's sentence dates it to (first and last), when it names them.
    pub period: Option<(PartialDate, PartialDate)>,
    /// A rise or a fall ("lost 19 percent"): its size is no level, and compares only
    /// with changes of the same direction.
    pub direction: Option<Change>,
}

/// `inner` is a strictly shorter stretch of days within `outer`: "four boys brought out
/// on Sunday" counts a part of "12 boys brought out between 8 and 10 July".
fn within(inner: (PartialDate, PartialDate), outer: (PartialDate, PartialDate)) -> bool {
    inner != outer && outer.0 <= inner.0 && inner.1 <= outer.1
}

/// The days a claim's sentence dates it to: the one dated event of the sentence, a day
/// or a stretch of days (not a month or a year, which tell too little).
fn period(ctx: &Context, i: usize) -> Option<(PartialDate, PartialDate)> {
    let c = &ctx.claims[i];
    let same = |j: &usize| {
        let k = &ctx.claims[*j];
        k.doc_index == c.doc_index && k.sentence == c.sentence
    };
    let first = (0..i).rev().take_while(same).last().unwrap_or(i);
    let last = (i + 1..ctx.claims.len())
        .take_while(same)
        .last()
        .unwrap_or(i);
    let mut dated = (first..=last).filter_map(|j| {
        let k = &ctx.claims[j];
        k.about
            .as_deref()
            .filter(|a| a.facet == ValueFacet::Date)
            .and(k.time.as_deref())
    });
    let time = dated.next()?;
    if dated.next().is_some() {
        return None;
    }
    let day = |d: &PartialDate| d.day.is_some();
    match &time.value {
        TimeValue::Point { date: Some(d), .. } if day(d) => Some((*d, *d)),
        TimeValue::Interval {
            from: Some(a),
            to: Some(b),
        } if day(a) && day(b) => Some((*a, *b)),
        _ => None,
    }
}

/// `part` names a sub-group of `whole`: all of the whole's counted words and more.
fn refines(part: &[crate::extract::Name], whole: &[crate::extract::Name]) -> bool {
    part.len() > whole.len() && whole.iter().all(|w| part.contains(w))
}

/// The place of the last significant digit of a figure as written: 1 for 189, 1000 for
/// 5,000, 0.1 for 72.2.
pub fn precision(n: f64) -> f64 {
    let n = n.abs();
    if n == 0.0 || !n.is_finite() {
        return 1.0;
    }
    if n.fract() == 0.0 {
        let mut u = 1.0;
        while u < 1e15 && (n / (u * 10.0)).fract() == 0.0 {
            u *= 10.0;
        }
        return u;
    }
    let mut u = 0.1;
    for _ in 0..6 {
        if ((n / u).round() - n / u).abs() < 1e-6 {
            return u;
        }
        u /= 10.0;
    }
    u
}

/// The interval a quantity allows. An exact figure allows rounding at its last digit
/// (at most `tolerance` of it); an approximate one a few steps of its last digit (at most
/// `approx_tolerance` of it); bounds are open on one side.
pub fn interval(
    value: &Value,
    change: Change,
    approx: bool,
    tolerance: f64,
    approx_tolerance: f64,
) -> Option<(f64, f64)> {
    let approx = approx || change == Change::Approx;
    let (lo, hi, slack) = match value {
        Value::Number(n) => {
            let u = precision(*n);
            let slack = if approx {
                (0.5 * u).max((5.0 * u).min(approx_tolerance * n.abs()))
            } else {
                (0.5 * u).min(tolerance * n.abs())
            };
            (*n, *n, slack)
        }
        Value::Range([a, b]) => {
            let t = if approx { approx_tolerance } else { tolerance };
            (a.min(*b), a.max(*b), t * a.abs().max(b.abs()))
        }
        Value::Vague { .. } => return None,
    };
    match change {
        // The size of a rise or a fall ("fell 19 percent"), compared only with changes
        // of the same direction (see `Figure::direction`).
        Change::Up | Change::Down => Some((lo - slack, hi + slack)),
        Change::AtLeast => Some((lo - slack, f64::INFINITY)),
        Change::AtMost => Some((0.0, hi + slack)),
        Change::Exact | Change::Approx => Some((lo - slack, hi + slack)),
    }
}

fn reading(p: &QuantityParams, ctx: &Context, i: usize, claim: &Claim) -> Option<Reading<Figure>> {
    let q = claim.quantity.as_ref()?;
    let (low, high) = interval(
        &q.value,
        q.change,
        q.approx,
        p.tolerance.0,
        p.approx_tolerance.0,
    )?;
    // Units of measurement compare in the base unit of their measure (km and miles).
    let (low, high, measure) = match q
        .unit
        .as_deref()
        .and_then(|u| ctx.knowledge.units().to_base(1.0, u))
    {
        Some((factor, measure)) => (low * factor, high * factor, Some(measure.to_string())),
        None => (low, high, None),
    };
    let compared = Compared::Quantity {
        low,
        high: finite(high),
        bound: Bound::of(q.change, q.approx)?,
        unit: q.unit.as_deref().map(str::to_string),
        measure,
    };
    let display = display(q);
    let published = ctx
        .docs
        .get(claim.doc_index as usize)
        .and_then(|d| d.published);
    let cumulative = &p.cumulative_measures;
    let about = claim.about.as_deref();
    let running = about.is_some_and(|a| a.running);
    let union = about.is_some_and(|a| a.union);
    // What is counted grows (a toll), or the value is the subject or object of a verb
    // that adds to a count ("were killed", "have collapsed"); never an attribute ("a
    // 13-story tower").
    let attribute = q.text.contains('-');
    let grows = about.is_some_and(|a| {
        let counts = |w: &crate::extract::Name| cumulative.contains(w);
        !attribute
            && (a.head.iter().any(counts) || a.predicate_near && a.predicate.iter().any(counts))
    });
    // What is counted, with the names by the value ("cars in Germany"): more words, a
    // narrower group.
    let counted = about.filter(|_| q.counted.is_some()).map(|a| {
        let mut words = a.measure.to_vec();
        words.extend(a.names.iter().cloned());
        words
    });
    Some(Reading {
        claim: i,
        value: Figure {
            low,
            high,
            published,
            running,
            union,
            grows,
            counted,
            period: period(ctx, i),
            direction: matches!(q.change, Change::Up | Change::Down).then_some(q.change),
        },
        display,
        span: q.span,
        compared,
    })
}

/// Two figures' intervals share more than an end: the rounding intervals of "12" and
/// "13" (11.5–12.5, 12.5–13.5) only touch, and the two figures differ. Equal points
/// (two exact zeros) agree.
fn overlap(x: &Figure, y: &Figure) -> bool {
    x.low < y.high && y.low < x.high || x.low == y.low && x.high == y.high
}

/// Checks one slot.
pub fn check(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    let p = rule.params::<QuantityParams>();
    let cumulative = p
        .cumulative_measures
        .contains(&slot.key.kind.to_lowercase());
    let readings: Vec<_> = slot
        .claims
        .iter()
        .filter_map(|&i| reading(p, ctx, i, &ctx.claims[i]))
        .collect();
    let groups = conflicting_groups(ctx, readings, |a, b| {
        compatible(&a.value, &b.value, cumulative)
    });
    Draft::from_groups(groups)
}

/// Whether two figures of one slot can both be true: their intervals meet, or one is
/// a rise or fall and the other not (or of the other direction), a union, a part, an
/// earlier count of a growing measure or a running count.
fn compatible(x: &Figure, y: &Figure, cumulative: bool) -> bool {
    if overlap(x, y) || x.direction != y.direction {
        return true;
    }
    // "destroyed or damaged" counts at least as many as "destroyed".
    if x.union != y.union {
        let (u, v) = if x.union { (x, y) } else { (y, x) };
        return u.high >= v.low;
    }
    // A sub-group is no larger than the whole: "six construction workers" among
    // "eight workers".
    if let (Some(cx), Some(cy)) = (&x.counted, &y.counted) {
        if refines(cx, cy) {
            return x.low <= y.high;
        }
        if refines(cy, cx) {
            return y.low <= x.high;
        }
    }
    // A count over some of the days of another count is a part of it.
    if let (Some(dx), Some(dy)) = (x.period, y.period) {
        if within(dx, dy) {
            return x.low <= y.high;
        }
        if within(dy, dx) {
            return y.low <= x.high;
        }
    }
    if let (Some(px), Some(py)) = (x.published, y.published) {
        // A running count revised between two reports, either way.
        if (x.running || y.running) && px != py {
            return true;
        }
        // A toll that rose between two reports: the later one is larger.
        if cumulative || x.grows || y.grows {
            return (px < py && y.low >= x.low) || (py < px && x.low >= y.low);
        }
    }
    false
}

/// A quantity as a reader would say it: its bound or approximation, then the figure.
pub fn display(q: &crate::extract::Quantity) -> String {
    let text = match &q.unit {
        Some(u) if !q.text.to_lowercase().contains(&u.to_lowercase()) => format!("{} {u}", q.text),
        _ => q.text.to_string(),
    };
    let lower = text.to_lowercase();
    let stated = [
        "about",
        "some",
        "around",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "at least",
        "more than",
        "over",
        "up to",
        "fewer than",
        "less than",
        "an estimated",
    ]
    .iter()
    .any(|w| lower.starts_with(w));
    let prefix = match q.change {
        _ if stated => "",
        Change::Approx => "about ",
        Change::AtLeast => "at least ",
        Change::AtMost => "at most ",
        _ if q.approx => "about ",
        _ => "",
    };
    match q.change {
        Change::Up => format!("a rise of {prefix}{text}"),
        Change::Down => format!("a fall of {prefix}{text}"),
        _ => format!("{prefix}{text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(n: f64) -> Figure {
        let (low, high) = interval(&Value::Number(n), Change::Exact, false, 0.05, 0.2)
            .expect("an exact figure has an interval");
        Figure {
            low,
            high,
            published: None,
            running: false,
            union: false,
            grows: false,
            counted: None,
            period: None,
            direction: None,
        }
    }

    #[test]
    fn a_day_within_a_stretch_of_days_is_a_part_of_it() {
        let day = |d| PartialDate::day(2031, 5, d);
        assert!(within((day(4), day(4)), (day(3), day(5))));
        assert!(within((day(3), day(4)), (day(3), day(5))));
        // The same days, or days outside, are no part.
        assert!(!within((day(3), day(5)), (day(3), day(5))));
        assert!(!within((day(6), day(6)), (day(3), day(5))));
        assert!(!within((day(3), day(5)), (day(4), day(4))));
    }

    #[test]
    fn changes_compare_only_with_changes_of_their_direction() {
        let fall = |n| Figure {
            direction: Some(Change::Down),
            ..figure(n)
        };
        let rise = |n| Figure {
            direction: Some(Change::Up),
            ..figure(n)
        };
        // "fell 12 percent" vs "plunged 30 percent" on one day.
        assert!(!compatible(&fall(12.0), &fall(30.0), false));
        assert!(compatible(&fall(12.0), &fall(12.0), false));
        // "fell 12 kroner" and "closed at 140 kroner"; a rise and a fall.
        assert!(compatible(&fall(12.0), &figure(140.0), false));
        assert!(compatible(&fall(12.0), &rise(30.0), false));
    }

    #[test]
    fn neighbouring_whole_numbers_differ() {
        // "a 12-story tower" vs "the 13-story tower"; ages 37 and 38.
        assert!(!overlap(&figure(12.0), &figure(13.0)));
        assert!(!overlap(&figure(37.0), &figure(38.0)));
        // "130 units" is 125-135 rounded to tens: not 136.
        assert!(!overlap(&figure(130.0), &figure(136.0)));
    }

    #[test]
    fn a_rounded_figure_agrees_with_the_precise_one() {
        assert!(overlap(&figure(52.0), &figure(51.9)));
        assert!(overlap(&figure(17_400_000.0), &figure(17_410_742.0)));
        assert!(overlap(&figure(0.0), &figure(0.0)));
        assert!(overlap(&figure(12.0), &figure(12.0)));
    }
}
