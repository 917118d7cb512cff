//! Findings: a contradiction between the sides of a claim slot, with its evidence.

use crate::corpus::{PartialDate, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is; the order is info < warning < error.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// One step down (error to warning, warning to info).
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One claim cited as evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The claim's span (file bytes).
    pub span: Span,
    pub line: usize,
    pub column: usize,
    /// The exact sentence.
    pub quote: String,
    /// The span of the value that conflicts (a number, a date, an action word), to underline.
    pub value_span: Span,
    /// The value as written ("approximately 5,000").
    pub value_text: String,
    pub headline: bool,
    pub hedged: bool,
    /// The claim cited (its index in the run's claims), to fill `quote`, `line` and
    /// `column` later when the document's text was released during the check.
    #[serde(skip)]
    pub claim: Option<usize>,
}

/// How a figure or a duration is bounded as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    Exact,
    /// "about", "some", "an estimated".
    Approx,
    /// "at least", "more than".
    AtLeast,
    /// "up to", "fewer than".
    AtMost,
    /// The size of a rise ("rose 3%").
    Rise,
    /// The size of a fall ("fell 19 percent").
    Fall,
}

impl Bound {
    /// The bound of a change as extracted, approximate when the words say so.
    pub fn of(change: crate::extract::Change, approx: bool) -> Option<Bound> {
        use crate::extract::Change;
        match change {
            Change::Exact if approx => Some(Bound::Approx),
            Change::Exact => Some(Bound::Exact),
            Change::Approx => Some(Bound::Approx),
            Change::AtLeast => Some(Bound::AtLeast),
            Change::AtMost => Some(Bound::AtMost),
            Change::Up => Some(Bound::Rise),
            Change::Down => Some(Bound::Fall),
        }
    }
}

/// The value a side holds as its rule compares it, beside its display text: no later
/// stage reads "about" or "at least" back out of [`Side::value`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Compared {
    /// A figure as the interval it allows (after tolerance); `high` is `None` when the
    /// interval is open upwards. With a unit of measurement that converts (km, miles),
    /// the interval is in the base unit of its `measure` (length).
    Quantity {
        low: f64,
        high: Option<f64>,
        bound: Bound,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        measure: Option<String>,
    },
    /// A date at the granularity given, with the minutes of the day it allows (from
    /// midnight) when a time of day was given; `since` for the start of a state ("since
    /// 2020").
    Date {
        date: PartialDate,
        #[serde(skip_serializing_if = "Option::is_none")]
        minutes: Option<[u16; 2]>,
        since: bool,
    },
    /// How long, as the interval of days it allows; `high_days` is `None` when open.
    Duration {
        low_days: f64,
        high_days: Option<f64>,
        bound: Bound,
    },
    /// Who set an event in motion, or who holds a relation (`relation`: own, first ...).
    Actor {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        relation: Option<String>,
    },
    /// How far an action went.
    Scope {
        action: String,
        scope: crate::extract::Scope,
    },
    /// Whether it happened; `planned` for announced or planned claims.
    Polarity {
        action: String,
        polarity: crate::extract::Polarity,
        planned: bool,
    },
    /// A place: its head noun, the names in it and its modifiers.
    Place {
        relation: String,
        head: String,
        names: Vec<String>,
        modifiers: Vec<String>,
    },
}

/// An interval end that may be open, as JSON can hold it.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Claims that agree with each other, opposed to the other side(s) of the finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// "a", "b", ...
    pub side: String,
    /// The value this side holds, normalized for display ("about 5,000 troops").
    pub value: String,
    /// The same value, typed as the rule compared it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compared: Option<Compared>,
    pub claims: Vec<Evidence>,
}

/// A contradiction found by a rule inside one claim slot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    /// The story whose claims conflict (`None` when the corpus names no story); claims
    /// of different stories are never set against each other.
    #[serde(default)]
    pub story: Option<String>,
    /// The rule kind (quantity, date, duration, actor, action-scope, polarity).
    pub kind: super::kind::Kind,
    pub severity: Severity,
    pub message: String,
    /// The readable label of the claim slot.
    pub slot: String,
    /// The slot's canonical key, stable across edits (used for fingerprints).
    pub slot_key: String,
    /// 0..1, lowered by hedges, unknown times and headlines.
    pub confidence: f64,
    /// Why the confidence is lowered, if it is.
    pub notes: Vec<String>,
    pub sides: Vec<Side>,
}

impl Finding {
    /// A fingerprint independent of line numbers: story (when there is one), rule, slot
    /// and the sides' values.
    pub fn fingerprint(&self) -> String {
        let mut values: Vec<&str> = self.sides.iter().map(|s| s.value.as_str()).collect();
        values.sort_unstable();
        let mut key = format!(
            "{}\u{1f}{}\u{1f}{}",
            self.rule,
            self.slot_key,
            values.join("\u{1f}")
        );
        if let Some(story) = &self.story {
            key = format!("{story}\u{1e}{key}");
        }
        // FNV-1a 64: stable across platforms and releases.
        let mut hash: u64 = 0xcbf29ce484222325;
        for b in key.bytes() {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x100000001b3);
        }
        format!("{hash:016x}")
    }
}
