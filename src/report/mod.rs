//! Output formats, one file each: findings for people and machines, claims, quantities,
//! sentences; plus the baseline file that lets CI fail only on new findings.

pub mod baseline;
pub mod claims;
pub mod github;
pub mod graph;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod listing;
pub mod markdown;
pub mod plain;
pub mod reporter;
pub mod rule_docs;
pub mod sarif;
pub mod text;
pub mod visible;
pub mod wrap;

use crate::check::{Evidence, Finding, Severity};
use crate::corpus::{Document, Format, Span};
use std::ops::Range;

pub use graph::{GraphFormat, Graphs};
pub use listing::ListFormat;
pub use reporter::{Findings, Reporter, Statistics, TextOptions};

/// The formats `claimcheck check --format` prints findings in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Jsonl,
    Sarif,
    Github,
    Junit,
    Markdown,
    Html,
}

impl ReportFormat {
    /// The report lists the slots on which sources agree (by story), besides the findings:
    /// Markdown and HTML. A check for the other formats keeps no claim graph.
    pub fn shows_agreeing_slots(self) -> bool {
        matches!(self, ReportFormat::Markdown | ReportFormat::Html)
    }

    /// Whether the report reads the cited documents (lines and columns of values,
    /// excerpts) beyond the findings' own quotes: JSON, JSON lines and JUnit do not.
    pub fn reads_documents(self) -> bool {
        !matches!(
            self,
            ReportFormat::Json | ReportFormat::Jsonl | ReportFormat::Junit
        )
    }
}

/// What a report needs to know about a rule (the rule engine fills it from the rule files).
#[derive(Clone, Debug, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    /// A readable name ("Quantity mismatch").
    pub name: String,
    /// The rule kind (quantity, date, duration, actor, action-scope, polarity).
    pub kind: String,
    /// The severity the rule gives its findings before confidence lowers it.
    pub severity: Severity,
    /// One line.
    pub summary: String,
    /// The rule's documentation (Markdown).
    pub description: String,
    /// Summary, description and examples as plain text ([`rule_docs::help_text`]).
    pub help_text: String,
    /// The same in Markdown ([`rule_docs::help_markdown`]).
    pub help_markdown: String,
    /// The address of the rule's documentation; `None` for a rule from a user's folder.
    pub help_uri: Option<String>,
}

impl RuleInfo {
    /// What a report needs to know about a loaded rule.
    pub fn of(rule: &crate::check::Rule) -> RuleInfo {
        RuleInfo {
            id: rule.id.clone(),
            name: rule.name.clone(),
            kind: rule.kind.as_str().to_string(),
            severity: rule.severity,
            summary: rule.docs.summary.clone(),
            description: rule.docs.description.trim().to_string(),
            help_text: rule_docs::help_text(rule),
            help_markdown: rule_docs::help_markdown(rule),
            help_uri: rule_docs::help_uri(rule),
        }
    }
}

/// A claim slot shared by several documents of a story in which no rule found a conflict.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreeingSlot {
    pub story: Option<String>,
    /// The slot's readable label.
    pub label: String,
    /// The slot's key as JSON (as `Finding::slot_key`), for its plain-English title
    /// ([`plain::slot_title`]); empty when unknown.
    pub key: String,
    /// The agreeing claims, one a document, each quoted with the value it gives (filled
    /// by [`crate::pipeline::agreeing_quotes`]; empty until then).
    pub claims: Vec<Evidence>,
}

impl AgreeingSlot {
    /// The slot's title in plain English.
    pub fn title(&self) -> String {
        plain::slot_title(&self.label, &self.key)
    }

    /// Whether a finding of the slot's story sets two of the values this slot quotes
    /// against each other (on different sides): the values then met in another slot too,
    /// where a rule found the conflict, and this slot shows no agreement ("400 troops"
    /// and "950 troops" in the deployment's figure as well as in the troops' number). A
    /// slot that quotes other words of the same sentences ("deployed" in both) still
    /// agrees. Always false for a slot whose claims are not filled.
    pub fn contradicted_by(&self, findings: &[Finding]) -> bool {
        findings.iter().filter(|f| f.story == self.story).any(|f| {
            let side_of = |ev: &Evidence| {
                f.sides.iter().position(|s| {
                    s.claims.iter().any(|c| {
                        c.doc == ev.doc && c.span == ev.span && c.value_span.overlaps(ev.value_span)
                    })
                })
            };
            let mut sides = self.claims.iter().filter_map(side_of);
            sides
                .next()
                .is_some_and(|first| sides.any(|other| other != first))
        })
    }
}

impl From<&str> for AgreeingSlot {
    /// A slot of no named story, known by its label only.
    fn from(label: &str) -> Self {
        AgreeingSlot {
            story: None,
            label: label.to_string(),
            key: String::new(),
            claims: Vec::new(),
        }
    }
}

/// The findings and agreeing slots of one story, for reports that group by story.
#[derive(Clone, Debug)]
pub struct StoryGroup<'a> {
    pub story: Option<&'a str>,
    /// Findings with their 1-based number in the whole report.
    pub findings: Vec<(usize, &'a Finding)>,
    pub agreeing: Vec<&'a AgreeingSlot>,
}

/// Everything a report is made from.
#[derive(Clone, Copy, Debug)]
pub struct ReportInput<'a> {
    pub findings: &'a [Finding],
    /// The documents checked; evidence refers to them by `Document.id`.
    pub documents: &'a [Document],
    pub rules: &'a [RuleInfo],
    /// The claim slots where the sources agree.
    pub agreeing_slots: &'a [AgreeingSlot],
    /// Use colour (only the text format has any; pass true only for a terminal).
    pub color: bool,
}

impl<'a> ReportInput<'a> {
    /// The document a piece of evidence cites.
    pub fn document(&self, id: &str) -> Option<&'a Document> {
        // Documents come sorted by id from the pipeline: a binary search, then a scan for
        // lists built in another order.
        let at = self.documents.partition_point(|d| d.id.as_str() < id);
        match self.documents.get(at) {
            Some(d) if d.id == id => Some(d),
            _ => self.documents.iter().find(|d| d.id == id),
        }
    }

    /// The rule a finding comes from.
    pub fn rule(&self, id: &str) -> Option<&'a RuleInfo> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// True when some finding or agreeing slot names its story: reports then group by story.
    pub fn has_stories(&self) -> bool {
        self.findings.iter().any(|f| f.story.is_some())
            || self.agreeing_slots.iter().any(|a| a.story.is_some())
    }

    /// The agreeing slots a report shows: those no finding contradicts
    /// ([`AgreeingSlot::contradicted_by`]).
    pub fn agreeing(&self) -> impl Iterator<Item = &'a AgreeingSlot> + '_ {
        self.agreeing_slots
            .iter()
            .filter(|a| !a.contradicted_by(self.findings))
    }

    /// Findings and agreeing slots by story, stories in the order they first appear
    /// (findings first), findings in their order.
    pub fn story_groups(&self) -> Vec<StoryGroup<'a>> {
        let mut groups: Vec<StoryGroup<'a>> = Vec::new();
        fn group<'g, 'a>(
            groups: &'g mut Vec<StoryGroup<'a>>,
            story: Option<&'a str>,
        ) -> &'g mut StoryGroup<'a> {
            let at = match groups.iter().position(|g| g.story == story) {
                Some(at) => at,
                None => {
                    groups.push(StoryGroup {
                        story,
                        findings: Vec::new(),
                        agreeing: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            &mut groups[at]
        }
        for (i, f) in self.findings.iter().enumerate() {
            group(&mut groups, f.story.as_deref())
                .findings
                .push((i + 1, f));
        }
        for a in self.agreeing() {
            group(&mut groups, a.story.as_deref()).agreeing.push(a);
        }
        groups
    }

    /// Counts by severity.
    pub fn summary(&self) -> Summary {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            findings: self.findings.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            info: count(Severity::Info),
            documents: self.documents.len(),
        }
    }
}

/// How reports title a story: its name, or for documents that name none (in a corpus
/// where others do) "documents of no story".
pub fn story_title(story: Option<&str>) -> String {
    match story {
        Some(name) => format!("story {name}"),
        None => "documents of no story".to_string(),
    }
}

/// Prints findings in a format (text in [`text::DEFAULT_WIDTH`] columns, coloured when
/// `input.color`): [`Findings`] as a string.
pub fn render(format: ReportFormat, input: &ReportInput) -> String {
    Findings {
        format,
        input,
        text: TextOptions {
            color: input.color,
            ..TextOptions::default()
        },
    }
    .to_text()
}

/// `claimcheck rules`: id, kind, severity and summary of each rule in aligned columns.
pub fn rules_table(rules: &[crate::check::Rule]) -> String {
    rule_docs::table(rules)
}

/// `--statistics`: how many findings each rule has, most first, then the total.
pub fn statistics(findings: &[Finding]) -> String {
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for f in findings {
        *counts
            .entry((f.rule.as_str(), f.kind.as_str()))
            .or_default() += 1;
    }
    let mut rows: Vec<((&str, &str), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows.iter().map(|((r, _), _)| r.len()).max().unwrap_or(0);
    let mut out = String::new();
    for ((rule, kind), n) in rows {
        out.push_str(&format!(
            "{n:>5}  {rule:<width$}  {kind}
"
        ));
    }
    out.push_str(&format!(
        "{:>5}  total
",
        findings.len()
    ));
    out
}

/// Finding counts by severity, and how many documents were checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    pub documents: usize,
}

impl Summary {
    /// "3 findings (1 error, 1 warning, 1 info) in 4 documents".
    pub fn line(&self) -> String {
        format!(
            "{} ({}, {}, {} info) in {}",
            plural(self.findings, "finding", "findings"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            self.info,
            plural(self.documents, "document", "documents"),
        )
    }
}

/// "1 error", "2 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Where a claim is, for formats that point into files (SARIF, GitHub, JUnit, Markdown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLocation {
    /// The document's path as given on the command line.
    pub path: String,
    pub line: usize,
    /// Column in characters; `None` for a JSON-lines document (spans index its `text`).
    pub column: Option<usize>,
    pub end_line: usize,
    pub end_column: Option<usize>,
    /// Byte offset and length in the file; `None` for a JSON-lines document.
    pub bytes: Option<(usize, usize)>,
}

/// The file location of a span of a claim.
pub fn file_location(ev: &Evidence, doc: Option<&Document>, span: Span) -> FileLocation {
    match doc {
        Some(doc) if doc.format == Format::JsonLines || doc.line_in_file.is_some() => {
            let line = doc.line_in_file.unwrap_or(1);
            FileLocation {
                path: display_path(doc),
                line,
                column: None,
                end_line: line,
                end_column: None,
                bytes: None,
            }
        }
        Some(doc) => {
            let start = doc.line_col(span.start);
            let end = doc.line_col(span.end.max(span.start));
            FileLocation {
                path: display_path(doc),
                line: start.line,
                column: Some(start.column),
                end_line: end.line,
                end_column: Some(end.column),
                bytes: Some((span.start, span.len())),
            }
        }
        None => {
            // Without the document, trust the evidence and assume a one-line quote.
            let chars = ev.quote.chars().count();
            FileLocation {
                path: ev.doc.clone(),
                line: ev.line,
                column: Some(ev.column),
                end_line: ev.line,
                end_column: Some(ev.column + chars),
                bytes: Some((ev.span.start, ev.span.len())),
            }
        }
    }
}

/// A document's path as given, with `/` separators.
pub fn display_path(doc: &Document) -> String {
    let p = doc.path.to_string_lossy();
    if p.is_empty() {
        doc.id.clone()
    } else {
        p.replace('\\', "/")
    }
}

/// The byte range of the conflicting value inside `ev.quote`, if it can be found: from the
/// spans when the quote there reads as the value (or, with the document, as the file's text
/// of the value span: a polarity value is a label, not the words written); else the
/// written value or the value label searched in the quote, nearest the span's place.
pub fn value_in_quote(ev: &Evidence, doc: Option<&Document>) -> Option<Range<usize>> {
    let relative = ev
        .value_span
        .start
        .checked_sub(ev.span.start)
        .map(|s| s..s + ev.value_span.len())
        .filter(|r| !r.is_empty() && ev.quote.get(r.clone()).is_some());
    let reads = |r: &Range<usize>, text: &str| ev.quote.get(r.clone()) == Some(text);
    if let Some(r) = relative.clone().filter(|r| reads(r, &ev.value_text)) {
        return Some(r);
    }
    let written = doc
        .map(|d| d.file_quote(ev.value_span))
        .filter(|w| !w.is_empty() && !w.contains(['<', '&', '\u{fffd}']));
    if let Some(w) = &written {
        if let Some(r) = relative.clone().filter(|r| reads(r, w)) {
            return Some(r);
        }
    }
    let near = relative.map_or(0, |r| r.start);
    written
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(ev.value_text.as_str()))
        .filter(|t| !t.is_empty())
        .find_map(|t| {
            ev.quote
                .match_indices(t)
                .map(|(at, _)| at)
                .min_by_key(|&at| at.abs_diff(near))
                .map(|at| at..at + t.len())
        })
}

/// The quote cut in three around the value: (before, value, after).
pub fn split_quote<'e>(ev: &'e Evidence, doc: Option<&Document>) -> (&'e str, &'e str, &'e str) {
    match value_in_quote(ev, doc) {
        Some(r) => (
            ev.quote.get(..r.start).unwrap_or(""),
            ev.quote.get(r.clone()).unwrap_or(""),
            ev.quote.get(r.end..).unwrap_or(""),
        ),
        None => (ev.quote.as_str(), "", ""),
    }
}

/// The source and date of a claim: "Coastline Post, 2026-10-05" or "Coastline Post, date unknown".
pub fn source_and_date(ev: &Evidence) -> String {
    match &ev.published {
        Some(d) => format!("{}, {d}", ev.source),
        None => format!("{}, date unknown", ev.source),
    }
}

/// The kinds and severities present, sorted, for filters and tables.
pub fn kinds(findings: &[Finding]) -> Vec<&str> {
    let mut kinds: Vec<&str> = findings.iter().map(|f| f.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(quote: &str, span_start: usize, value: &str) -> Evidence {
        let at = quote.find(value).unwrap_or(0);
        Evidence {
            doc: "a.txt".into(),
            source: "a".into(),
            published: None,
            span: Span::new(span_start, span_start + quote.len()),
            line: 1,
            column: 1,
            quote: quote.into(),
            value_span: Span::new(span_start + at, span_start + at + value.len()),
            value_text: value.into(),
            headline: false,
            hedged: false,
            claim: None,
        }
    }

    #[test]
    fn value_found_by_span_or_by_search() {
        let ev = evidence("Some 3,000 troops left.", 10, "3,000");
        assert_eq!(value_in_quote(&ev, None), Some(5..10));
        let mut moved = ev.clone();
        moved.value_span = Span::new(0, 3);
        assert_eq!(value_in_quote(&moved, None), Some(5..10));
        moved.value_text = "4,000".into();
        assert_eq!(value_in_quote(&moved, None), None);
        assert_eq!(
            split_quote(&moved, None),
            ("Some 3,000 troops left.", "", "")
        );
        assert_eq!(split_quote(&ev, None), ("Some ", "3,000", " troops left."));
    }

    #[test]
    fn a_labelled_value_is_found_through_the_document() {
        let text = "Intro.\nThe port closed on Monday, and the port closed again.\n";
        let doc = Document::plain("a.txt", "a.txt".into(), Format::Text, text.into());
        let start = text.find("The").unwrap_or(0);
        let second = text.rfind("closed").unwrap_or(0);
        let mut ev = evidence(text.get(start..).unwrap_or("").trim_end(), start, "closed");
        ev.value_span = Span::new(second, second + "closed".len());
        ev.value_text = "close (\"closed\")".into();
        let r = value_in_quote(&ev, Some(&doc)).expect("value found");
        assert_eq!(r.start, second - start, "the occurrence the span points at");
        assert_eq!(value_in_quote(&ev, None), None);
    }

    #[test]
    fn summary_line_is_plural_aware() {
        let s = Summary {
            findings: 1,
            errors: 1,
            warnings: 0,
            info: 0,
            documents: 2,
        };
        assert_eq!(
            s.line(),
            "1 finding (1 error, 0 warnings, 0 info) in 2 documents"
        );
    }
}
