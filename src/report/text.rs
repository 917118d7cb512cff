//! The default report: rustc-style snippets of each side's sentences with the conflicting
//! values underlined, notes on the slot and confidence, and a summary line.

use super::visible::{visible, visible_range};
use super::{display_path, source_and_date, value_in_quote, ReportInput};
use crate::check::{Evidence, Finding, Severity};
use crate::corpus::Document;
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;

/// Renders every finding, then the summary line. `color` adds ANSI styles.
pub fn render(input: &ReportInput, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
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
                out.push_str(&render_finding(input, finding, &renderer));
                out.push_str("\n\n");
            }
        }
    } else {
        for finding in input.findings {
            out.push_str(&render_finding(input, finding, &renderer));
            out.push_str("\n\n");
        }
    }
    out.push_str(&input.summary().line());
    out.push('\n');
    out
}

/// The lines of a claim as a snippet: its source text, first line number, and the value's
/// range inside that text.
struct Excerpt {
    path: String,
    source: String,
    line_start: usize,
    value: Option<Range<usize>>,
}

impl Excerpt {
    /// The excerpt with its path and text escaped ([`visible`]), the value range moved.
    fn visible(self) -> Excerpt {
        Excerpt {
            path: visible(&self.path),
            value: self.value.map(|r| visible_range(&self.source, r)),
            source: visible(&self.source),
            line_start: self.line_start,
        }
    }
}

fn excerpt(ev: &Evidence, doc: Option<&Document>) -> Excerpt {
    if let Some(doc) = doc.filter(|d| d.line_in_file.is_none()) {
        let bytes = doc.file_bytes();
        let start = ev.span.start.min(bytes.len());
        let end = ev.span.end.clamp(start, bytes.len());
        let line_begin = bytes
            .get(..start)
            .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
            .map_or(0, |i| i + 1);
        let line_end = bytes
            .get(end..)
            .and_then(|b| b.iter().position(|&c| c == b'\n'))
            .map_or(bytes.len(), |i| end + i);
        let slice = bytes.get(line_begin..line_end).unwrap_or_default();
        if let Ok(source) = std::str::from_utf8(slice) {
            let source = source.trim_end_matches('\r').to_string();
            let value = ev
                .value_span
                .start
                .checked_sub(line_begin)
                .map(|s| s..s + ev.value_span.len())
                .filter(|r| {
                    r.end <= source.len()
                        && source.is_char_boundary(r.start)
                        && source.is_char_boundary(r.end)
                });
            return Excerpt {
                path: display_path(doc),
                source,
                line_start: doc.line_col(line_begin).line,
                value,
            };
        }
    }
    // No document, a JSON-lines document, or invalid UTF-8 around the claim: show the quote.
    let source: String = ev.quote.replace(['\n', '\r'], " ");
    let value = value_in_quote(ev, doc);
    let path = doc.map_or_else(|| ev.doc.clone(), display_path);
    Excerpt {
        path,
        source,
        line_start: ev.line.max(1),
        value,
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn render_finding(input: &ReportInput, finding: &Finding, renderer: &Renderer) -> String {
    let excerpts: Vec<(String, Excerpt)> = finding
        .sides
        .iter()
        .flat_map(|side| side.claims.iter().map(move |ev| (side, ev)))
        .map(|(side, ev)| {
            let label = format!("{}: {} ({})", side.side, ev.value_text, source_and_date(ev));
            (
                visible(&label),
                excerpt(ev, input.document(&ev.doc)).visible(),
            )
        })
        .collect();
    let message = visible(&finding.message);
    let title = level(finding.severity)
        .primary_title(message.as_str())
        .id(finding.rule.as_str());
    let mut group = Group::with_title(title);
    for (label, ex) in &excerpts {
        let mut snippet = Snippet::source(ex.source.as_str())
            .line_start(ex.line_start)
            .path(ex.path.as_str());
        let range = ex.value.clone().unwrap_or(0..ex.source.len());
        snippet = snippet.annotation(AnnotationKind::Primary.span(range).label(label.as_str()));
        group = group.element(snippet);
    }
    let slot = visible(&format!("slot: {}", finding.slot));
    group = group.element(Level::NOTE.message(slot.as_str()));
    let mut why = String::new();
    if finding.confidence < 1.0 || !finding.notes.is_empty() {
        why = format!("confidence {:.2}", finding.confidence);
        if !finding.notes.is_empty() {
            why.push_str(": ");
            why.push_str(&finding.notes.join("; "));
        }
    }
    if !why.is_empty() {
        group = group.element(Level::NOTE.message(why.as_str()));
    }
    let report: Vec<Group> = vec![group];
    renderer.render(&report)
}
