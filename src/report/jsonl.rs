//! Findings as JSON lines: one finding a line, the same object as the `json` format.

use super::json::finding_json;
use super::ReportInput;

/// One compact JSON object per finding, each on its own line.
pub fn render(input: &ReportInput) -> String {
    let mut out = String::new();
    for f in input.findings {
        out.push_str(&serde_json::to_string(&finding_json(f)).unwrap_or_default());
        out.push('\n');
    }
    out
}
