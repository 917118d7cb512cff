//! Findings as JSON lines: one finding a line, the same object as the `json` format.

use super::json::{finding_json, FindingJson, VERSION};
use super::ReportInput;
use serde::Serialize;

/// One line: the finding with the version of its shape.
#[derive(Serialize)]
struct Line<'a> {
    version: &'static str,
    #[serde(flatten)]
    finding: FindingJson<'a>,
}

/// One compact JSON object per finding, each on its own line.
pub fn render(input: &ReportInput) -> String {
    let mut out = String::new();
    for f in input.findings {
        let line = Line {
            version: VERSION,
            finding: finding_json(f),
        };
        // Control and bidirectional characters as escapes, never raw (the same values).
        let text = serde_json::to_string(&line).unwrap_or_default();
        out.push_str(&super::visible::json_safe(text));
        out.push('\n');
    }
    out
}
