//! Invariants shared by the fuzz targets (`fuzz/`) and the property tests
//! (`tests/robustness_props.rs`): each function runs one entry point on arbitrary input and
//! panics when it panics itself, or when a span falls outside its text or does not start
//! and end on a character boundary, or when a diagnostic points past its file.
#![allow(dead_code)]

use claimcheck::check::Rule;
use claimcheck::config::{Config, ConfigError};
use claimcheck::corpus::PartialDate;
use claimcheck::corpus::{self, manifest::Manifests, meta::Meta, walk::Input};
use claimcheck::corpus::{Diagnostic, Document, Format, Span};
use claimcheck::extract::claim::extract_document;
use claimcheck::extract::model::Claim;
use claimcheck::extract::quantity::find_quantities;
use claimcheck::extract::time::find_times;
use claimcheck::extract::Knowledge as Lexicon;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `range` lies inside `text` and starts and ends on character boundaries.
pub fn assert_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} splits a character"
    );
}

/// `span` lies inside `bytes`, on character boundaries when `bytes` is UTF-8.
pub fn assert_file_span(bytes: &[u8], span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= bytes.len(),
        "{what}: {span:?} outside a file of {} bytes",
        bytes.len()
    );
    if let Ok(text) = std::str::from_utf8(bytes) {
        assert_range(text, &(span.start..span.end), what);
    }
}

/// A diagnostic's line is a line of `text` (counting one past a final newline).
pub fn assert_diagnostic(text_lines: usize, d: &Diagnostic) {
    if let Some(line) = d.line {
        assert!(
            line >= 1 && line <= text_lines,
            "{d}: line past {text_lines}"
        );
    }
    if let Some(col) = d.column {
        assert!(col >= 1, "{d}: column 0");
    }
    assert!(!d.to_string().is_empty());
}

fn lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count() + 1
}

/// Sentence segmentation: sentences in order, inside the text, on boundaries.
pub fn segmentation(text: &str) {
    let mut last = 0;
    for s in lexicon().abbreviations().segment(text) {
        assert_range(text, &s.range, "sentence");
        assert!(s.range.start >= last, "sentences overlap or go backwards");
        last = s.range.end;
    }
}

/// The quantity parser.
pub fn quantities(text: &str) {
    for q in find_quantities(text, lexicon().units()) {
        assert_range(text, &q.range, "quantity");
    }
}

/// The time parser, without and with a publication date.
pub fn times(text: &str) {
    for published in [None, Some(PartialDate::day(2024, 2, 29))] {
        for t in find_times(text, published, lexicon().units()) {
            assert_range(text, &t.range, "time");
        }
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

/// The claim parser over a plain document made from `text`.
pub fn claims(text: &str) {
    let doc = Document::plain("fuzz", PathBuf::from("fuzz.txt"), Format::Text, text.into());
    let sentences = lexicon().abbreviations().segment(&doc.text);
    for claim in extract_document(&doc, 0, &sentences, lexicon()) {
        assert_claim(&doc, &claim);
    }
}

fn assert_claim(doc: &Document, c: &Claim) {
    let bytes = doc.file_bytes();
    assert_file_span(bytes, c.span, "claim");
    assert_file_span(bytes, c.sentence, "claim sentence");
    let mentions = [
        c.actor.as_ref().map(|m| m.span),
        c.action.as_ref().map(|m| m.span),
        c.target.as_ref().map(|m| m.span),
        c.place.as_ref().map(|m| m.span),
        c.theme.as_ref().map(|m| m.span),
        c.initiator.as_ref().map(|m| m.span),
        c.quantity.as_ref().map(|q| q.span),
        c.time.as_ref().map(|t| t.span),
        c.duration.as_ref().map(|t| t.span),
        c.negation.as_ref().map(|q| q.span),
        c.modality.as_ref().map(|q| q.span),
    ];
    for span in mentions.into_iter().flatten() {
        assert_file_span(bytes, span, "claim slot");
    }
    for h in &c.hedges {
        assert_file_span(bytes, h.span, "hedge");
    }
}

/// Every span of a loaded document: map pieces, sentences (in text and in file), line
/// and column look-ups (a line of the file it was read from, `file_lines` long; for a
/// JSON-lines document, its own line of that file).
pub fn assert_document(doc: &Document, file_lines: usize) {
    let bytes = doc.file_bytes();
    let mut last = 0;
    for p in &doc.map.pieces {
        assert!(p.text >= last, "map pieces out of order");
        assert_range(&doc.text, &(p.text..p.text + p.len), "map piece text");
        assert!(
            p.file.start <= p.file.end && p.file.end <= bytes.len(),
            "map piece file {:?} outside {} bytes",
            p.file,
            bytes.len()
        );
        last = p.text + p.len;
    }
    for s in lexicon().abbreviations().segment(&doc.text) {
        assert_range(&doc.text, &s.range, "sentence");
        let span = doc.file_span(s.range.clone());
        assert_file_span(bytes, span, "sentence in file");
        let lc = doc.line_col(span.start);
        assert!(
            lc.line >= 1 && lc.line <= file_lines,
            "{}: line {} of a file of {file_lines}",
            doc.id,
            lc.line
        );
        if let Some(line) = doc.line_in_file {
            assert_eq!(lc.line, line, "{}: a JSON-lines document's line", doc.id);
        }
        assert!(lc.column >= 1, "{}: column 0", doc.id);
    }
}

/// A file of the given format read from `bytes` (no file system involved).
pub fn reader(format: Format, bytes: &[u8]) {
    let name = match format {
        Format::Text => "fuzz.txt",
        Format::Markdown => "fuzz.md",
        Format::Html => "fuzz.html",
        Format::JsonLines => "fuzz.jsonl",
    };
    let input = Input {
        path: PathBuf::from(name),
        id: name.into(),
        format,

        story: None,
    };
    let mut diags = Vec::new();
    let docs = corpus::documents_from_bytes(&input, bytes.to_vec(), &Meta::default(), &mut diags);
    for doc in &docs {
        assert_document(doc, lines(bytes));
    }
    for d in &diags {
        assert_diagnostic(lines(bytes), d);
    }
}

/// `corpus.toml` text.
pub fn manifest(text: &str) {
    let mut manifests = Manifests::default();
    let mut diags = Vec::new();
    manifests.read_text(Path::new("c/corpus.toml"), Path::new("c"), text, &mut diags);
    diags.extend(manifests.unused());
    for d in &diags {
        assert_diagnostic(lines(text.as_bytes()), d);
    }
}

/// A rule file.
pub fn rule(text: &str) {
    if let Err(e) = Rule::parse(Path::new("checks/fuzz.toml"), text) {
        let message = e.to_string();
        assert!(message.starts_with("checks/fuzz.toml:"), "{message}");
        assert_position(&message, lines(text.as_bytes()));
    }
}

/// The configuration file.
pub fn config(text: &str) {
    match Config::parse(Path::new("claimcheck.toml"), text) {
        Ok(config) => {
            let _ = config.ignore_set();
        }
        Err(e @ ConfigError::Invalid { line, column, .. }) => {
            assert!(line >= 1 && line <= lines(text.as_bytes()), "{e}");
            assert!(column >= 1, "{e}");
        }
        Err(e) => panic!("parsing text cannot fail to read: {e}"),
    }
}

/// `path:line:column: message` with the line inside the file.
fn assert_position(message: &str, text_lines: usize) {
    let mut parts = message.splitn(4, ':');
    let _path = parts.next();
    let line: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
    let column: usize = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
    assert!(line >= 1 && line <= text_lines, "{message}: line");
    assert!(column >= 1, "{message}: column");
}

/// The files of a corpus cut from arbitrary bytes: pieces split at byte 0xFF (at most
/// five), given in turn the names `a.txt`, `b.md`, `c.html`, `d.jsonl` and
/// `corpus.toml`; with one byte less of each cut the same text goes to the next format.
pub fn corpus_files(data: &[u8]) -> Vec<(&'static str, &[u8])> {
    const NAMES: [&str; 5] = ["a.txt", "b.md", "c.html", "d.jsonl", "corpus.toml"];
    NAMES
        .iter()
        .copied()
        .zip(data.splitn(5, |&b| b == 0xFF))
        .collect()
}

/// The whole pipeline on a corpus of `files` (name, bytes) written to a fresh folder:
/// reading, extraction, linking, every built-in rule, quotes, suppressions, baselines,
/// every report format and both graph formats. Panics on a panic, on a diagnostic that
/// points past its file or names no file, on a JSON, JSON-lines or SARIF report that
/// does not parse, and on a report (but the coloured text one) holding a raw control or
/// bidirectional character. Returns the number of findings.
pub fn pipeline(files: &[(&str, &[u8])]) -> usize {
    use claimcheck::pipeline;
    use claimcheck::report::{self, ReportFormat, ReportInput};
    use std::sync::atomic::{AtomicUsize, Ordering};

    static RUN: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "claimcheck-pipeline-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write a corpus file");
    }
    let rules = claimcheck::check::load(&[]).expect("built-in rules");
    let mut analysis = pipeline::analyse_for_check(std::slice::from_ref(&dir), lexicon(), None);
    for d in &analysis.corpus.diagnostics {
        let name = d.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let bytes = files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| *b)
            .unwrap_or_else(|| panic!("{d}: names no file of the corpus"));
        assert_diagnostic(lines(bytes), d);
    }
    let (graphs, mut findings) = pipeline::check(&analysis, &rules, lexicon());
    let _ = pipeline::quote_findings(&mut analysis, &mut findings);
    let (findings, _) = claimcheck::check::suppress::apply(findings, &analysis.corpus.documents);
    let baseline = report::baseline::Baseline::from_findings(&findings);
    let reread = report::baseline::Baseline::parse(&baseline.to_json(), Path::new("b.json"))
        .expect("a baseline parses back");
    assert!(
        reread.compare(&findings).new.is_empty(),
        "baseline round trip"
    );
    let infos = pipeline::rule_infos(&rules);
    let agreeing = pipeline::agreeing_slots(&analysis, &graphs, &findings);
    let input = ReportInput {
        findings: &findings,
        documents: &analysis.corpus.documents,
        rules: &infos,
        agreeing_slots: &agreeing,
        color: true,
    };
    for &format in <ReportFormat as clap::ValueEnum>::value_variants() {
        let text = report::render(format, &input);
        // Names, sources and quotes reach no report with a raw control or bidirectional
        // character (the text report's own colours aside).
        if !matches!(format, ReportFormat::Text) {
            let raw =
                |c: char| claimcheck::report::visible::is_hazard(c) && !matches!(c, '\n' | '\t');
            assert!(
                !text.contains(raw),
                "{format:?} report with a raw control or bidirectional character"
            );
        }
        match format {
            ReportFormat::Json | ReportFormat::Sarif => {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{format:?} report: {e}"));
            }
            ReportFormat::Jsonl => {
                for line in text.lines() {
                    serde_json::from_str::<serde_json::Value>(line)
                        .unwrap_or_else(|e| panic!("jsonl report: {e}"));
                }
            }
            _ => {}
        }
    }
    let docs = &analysis.corpus.documents;
    for g in &graphs {
        let claims = &analysis.claims[g.story.claims.clone()];
        let _ = claimcheck::link::export::dot(&g.graph, claims, docs);
        let _ = claimcheck::link::export::json(&g.graph, claims, docs).to_string();
    }
    let _ = std::fs::remove_dir_all(&dir);
    findings.len()
}
