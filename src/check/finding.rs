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

/// Claims that agree with each other, opposed to the other side(s) of the finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// "a", "b", ...
    pub side: String,
    /// The value this side holds, normalized for display ("about 5,000 troops").
    pub value: String,
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
    pub kind: String,
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
