//! Findings as one JSON object, the shape `../shared/eval/README.md` fixes (`rule`, `type`,
//! `severity`, `message`, `claims` with `doc`, `span`, `side`, `quote`), with more fields.

use super::{ReportInput, Summary};
use crate::check::{Compared, Evidence, Finding};
use serde::Serialize;

/// One claim of a finding, on its side.
#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    pub doc: &'a str,
    pub source: &'a str,
    pub published: Option<String>,
    pub span: [usize; 2],
    pub line: usize,
    pub column: usize,
    pub side: &'a str,
    pub quote: &'a str,
    /// The conflicting value as written.
    pub value: &'a str,
    pub value_span: [usize; 2],
    pub headline: bool,
    pub hedged: bool,
}

/// A side's normalized value, to display and typed as the rule compared it.
#[derive(Debug, Serialize)]
pub struct SideJson<'a> {
    pub side: &'a str,
    pub value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared: Option<&'a Compared>,
}

/// One finding (also one line of the `jsonl` format).
#[derive(Debug, Serialize)]
pub struct FindingJson<'a> {
    pub rule: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    /// The story the finding belongs to (`null` when the corpus names none).
    pub story: Option<&'a str>,
    pub slot: &'a str,
    pub confidence: f64,
    pub notes: &'a [String],
    pub fingerprint: String,
    pub sides: Vec<SideJson<'a>>,
    pub claims: Vec<ClaimJson<'a>>,
}

/// The version of the JSON shapes of findings and claims (`schemas/`): raised when a
/// field is removed or changes meaning, not when one is added.
pub const VERSION: &str = "1";

/// The whole report.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    pub version: &'static str,
    pub findings: Vec<FindingJson<'a>>,
    pub summary: Summary,
}

fn claim<'a>(ev: &'a Evidence, side: &'a str) -> ClaimJson<'a> {
    ClaimJson {
        doc: &ev.doc,
        source: &ev.source,
        published: ev.published.map(|d| d.to_string()),
        span: [ev.span.start, ev.span.end],
        line: ev.line,
        column: ev.column,
        side,
        quote: &ev.quote,
        value: &ev.value_text,
        value_span: [ev.value_span.start, ev.value_span.end],
        headline: ev.headline,
        hedged: ev.hedged,
    }
}

/// The JSON shape of one finding.
pub fn finding_json(f: &Finding) -> FindingJson<'_> {
    FindingJson {
        rule: &f.rule,
        kind: f.kind.as_str(),
        severity: f.severity.as_str(),
        message: &f.message,
        story: f.story.as_deref(),
        slot: &f.slot,
        confidence: if f.confidence.is_finite() {
            f.confidence
        } else {
            0.0
        },
        notes: &f.notes,
        fingerprint: f.fingerprint(),
        sides: f
            .sides
            .iter()
            .map(|s| SideJson {
                side: &s.side,
                value: &s.value,
                compared: s.compared.as_ref(),
            })
            .collect(),
        claims: f
            .sides
            .iter()
            .flat_map(|s| s.claims.iter().map(move |ev| claim(ev, &s.side)))
            .collect(),
    }
}

/// `{"findings": [...], "summary": {...}}`, pretty-printed, ending with a newline.
pub fn render(input: &ReportInput) -> String {
    let report = ReportJson {
        version: VERSION,
        findings: input.findings.iter().map(finding_json).collect(),
        summary: input.summary(),
    };
    // Serializing these structs cannot fail: every map key is a string and floats are finite.
    // Control and bidirectional characters as escapes, never raw (the same values).
    let mut out =
        super::visible::json_safe(serde_json::to_string_pretty(&report).unwrap_or_default());
    out.push('\n');
    out
}
