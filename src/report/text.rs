//! The default report: rustc-style excerpts of each side's quote, wrapped to the width of
//! the terminal (or 100 columns) with no quote cut, the conflicting values underlined,
//! notes on the slot and confidence, and a summary line.

use super::visible::visible;
use super::wrap::wrap;
use super::{display_path, source_and_date, value_in_quote, ReportInput};
use crate::check::{Evidence, Finding, Severity};
use crate::corpus::{Document, Format};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// The width of the report when standard output is not a terminal.
pub const DEFAULT_WIDTH: usize = 100;

/// The narrowest width the report is laid out in.
const MIN_WIDTH: usize = 40;

/// ANSI styles, or none.
#[derive(Clone, Copy)]
struct Style {
    on: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn level(self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Error => "1;91",
            Severity::Warning => "1;93",
            Severity::Info => "1;94",
        };
        self.paint(code, text)
    }
    fn gutter(self, text: &str) -> String {
        self.paint("1;94", text)
    }
    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// Renders every finding, then the summary line, in [`DEFAULT_WIDTH`] columns. `color`
/// adds ANSI styles.
pub fn render(input: &ReportInput, color: bool) -> String {
    render_in(input, color, DEFAULT_WIDTH)
}

/// [`render`] in `width` columns (at least 40): quotes wrap at word boundaries.
pub fn render_in(input: &ReportInput, color: bool, width: usize) -> String {
    let style = Style { on: color };
    let width = width.max(MIN_WIDTH);
    let mut out = String::new();
    if input.has_stories() {
        for group in input.story_groups() {
            if group.findings.is_empty() {
                continue;
            }
            let title = visible(&super::story_title(group.story));
            let count = super::plural(group.findings.len(), "finding", "findings");
            out.push_str(&format!("== {title}: {count} ==\n\n"));
            for (_, finding) in &group.findings {
                out.push_str(&render_finding(input, finding, style, width));
                out.push('\n');
            }
        }
    } else {
        for finding in input.findings {
            out.push_str(&render_finding(input, finding, style, width));
            out.push('\n');
        }
    }
    out.push_str(&input.summary().line());
    out.push('\n');
    out
}

/// A claim as the report shows it: where its value is, the line its quote starts on, the
/// quote and the value's place in it.
struct Excerpt {
    /// "path:line:column" of the value (no column for a JSON-lines document).
    location: String,
    line: usize,
    quote: String,
    value: Option<std::ops::Range<usize>>,
}

fn excerpt(ev: &Evidence, doc: Option<&Document>) -> Excerpt {
    let value = value_in_quote(ev, doc);
    let chars_before =
        |r: &std::ops::Range<usize>| ev.quote.get(..r.start).map_or(0, |b| b.chars().count());
    let path = visible(&doc.map_or_else(|| ev.doc.clone(), display_path));
    match doc {
        Some(d) if d.format != Format::JsonLines && d.line_in_file.is_none() => {
            let at = if ev.value_span.is_empty() {
                ev.span.start
            } else {
                ev.value_span.start
            };
            let lc = d.line_col(at);
            Excerpt {
                location: format!("{path}:{}:{}", lc.line, lc.column),
                line: d.line_col(ev.span.start).line,
                quote: ev.quote.clone(),
                value,
            }
        }
        Some(d) => {
            let line = d.line_in_file.unwrap_or(ev.line).max(1);
            Excerpt {
                location: format!("{path}:{line}"),
                line,
                quote: ev.quote.clone(),
                value,
            }
        }
        None => {
            let column = ev.column.max(1) + value.as_ref().map_or(0, chars_before);
            Excerpt {
                location: format!("{path}:{}:{column}", ev.line.max(1)),
                line: ev.line.max(1),
                quote: ev.quote.clone(),
                value,
            }
        }
    }
}

fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn render_finding(input: &ReportInput, finding: &Finding, style: Style, width: usize) -> String {
    let claims: Vec<(String, Excerpt)> = finding
        .sides
        .iter()
        .flat_map(|side| side.claims.iter().map(move |ev| (side, ev)))
        .map(|(side, ev)| {
            let label = format!("{}: {} ({})", side.side, ev.value_text, source_and_date(ev));
            (visible(&label), excerpt(ev, input.document(&ev.doc)))
        })
        .collect();
    let digits = claims
        .iter()
        .map(|(_, ex)| ex.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(digits);
    let bar = style.gutter(&format!("{pad} |"));
    let mut out = String::new();
    let head = format!("{}[{}]", label(finding.severity), visible(&finding.rule));
    let _ = writeln!(
        out,
        "{}{}",
        style.level(finding.severity, &head),
        style.bold(&format!(": {}", visible(&finding.message)))
    );
    // Room for the quote: the width less the gutter ("NN | ").
    let room = width.saturating_sub(digits + 3).max(MIN_WIDTH / 2);
    for (i, (label, ex)) in claims.iter().enumerate() {
        let arrow = if i == 0 { "-->" } else { ":::" };
        let _ = writeln!(out, "{pad}{} {}", style.gutter(arrow), ex.location);
        let _ = writeln!(out, "{bar}");
        let wrapped = wrap(&ex.quote, ex.value.clone(), room);
        // Without a value found in the quote, the label marks the quote's first word.
        let first_word = wrapped.rows[0]
            .split(' ')
            .next()
            .map_or(1, UnicodeWidthStr::width);
        let (at_row, column, wide) = wrapped.value.unwrap_or((0, 0, first_word.max(1)));
        for (r, row) in wrapped.rows.iter().enumerate() {
            let number = if r == 0 {
                format!("{:>digits$}", ex.line)
            } else {
                pad.clone()
            };
            let _ = writeln!(out, "{} {row}", style.gutter(&format!("{number} |")));
            if r == at_row {
                let mark = format!("{} {label}", "^".repeat(wide));
                let _ = writeln!(
                    out,
                    "{bar} {}{}",
                    " ".repeat(column),
                    style.level(finding.severity, &mark)
                );
            }
        }
        let _ = writeln!(out, "{bar}");
    }
    let mut notes = vec![visible(&format!("slot: {}", finding.slot))];
    if finding.confidence < 1.0 || !finding.notes.is_empty() {
        let mut why = format!("confidence {:.2}", finding.confidence);
        if !finding.notes.is_empty() {
            why.push_str(": ");
            why.push_str(&finding.notes.join("; "));
        }
        notes.push(visible(&why));
    }
    for note in notes {
        let _ = writeln!(
            out,
            "{pad} {} {}: {note}",
            style.gutter("="),
            style.bold("note")
        );
    }
    out
}
