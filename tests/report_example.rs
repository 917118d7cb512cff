//! Every report format on the example corpus, run through the library pipeline: one insta
//! snapshot per format, and the HTML report loaded in a headless browser, whose rendered
//! page must show every finding and the values of both sides.

mod common;

use claimcheck::check::{self, Finding};
use claimcheck::corpus::Document;
use claimcheck::pipeline;
use claimcheck::report::{self, ReportFormat, ReportInput};
use std::path::PathBuf;

/// The example corpus, given relative to the repository root (where cargo runs tests), so
/// the paths in the reports are relative and the same on every machine.
const EXAMPLE: &str = "examples/mtwara-harbour";

/// The example corpus's documents, its findings and each format's report of them.
fn reports() -> (Vec<Document>, Vec<Finding>, Vec<(ReportFormat, String)>) {
    let rules = check::load(&[]).expect("built-in rules");
    let lexicon = common::knowledge();
    let mut analysis = pipeline::analyse(&[PathBuf::from(EXAMPLE)], lexicon);
    assert!(
        analysis.corpus.diagnostics.is_empty(),
        "{:?}",
        analysis.corpus.diagnostics
    );
    let (graphs, findings) = pipeline::check(&analysis, &rules, common::knowledge());
    let infos = pipeline::rule_infos(&rules);
    let mut agreeing = pipeline::agreeing_slots(&analysis, &graphs, &findings);
    let warnings = pipeline::agreeing_quotes(&mut analysis, &graphs, &mut agreeing);
    assert!(warnings.is_empty(), "{warnings:?}");
    let input = ReportInput {
        findings: &findings,
        documents: &analysis.corpus.documents,
        rules: &infos,
        agreeing_slots: &agreeing,
        color: false,
    };
    let outputs = FORMATS
        .iter()
        .map(|&(format, _)| (format, report::render(format, &input)))
        .collect();
    (analysis.corpus.documents, findings, outputs)
}

const FORMATS: [(ReportFormat, &str); 8] = [
    (ReportFormat::Text, "text"),
    (ReportFormat::Json, "json"),
    (ReportFormat::Jsonl, "jsonl"),
    (ReportFormat::Sarif, "sarif"),
    (ReportFormat::Github, "github"),
    (ReportFormat::Junit, "junit"),
    (ReportFormat::Markdown, "markdown"),
    (ReportFormat::Html, "html"),
];

#[test]
fn every_format_on_the_example_corpus() {
    let (_, findings, outputs) = reports();
    assert!(
        findings.len() >= 3,
        "the example corpus has contradictions: {findings:?}"
    );
    for ((format, out), (_, name)) in outputs.iter().zip(FORMATS) {
        assert!(
            !out.contains(env!("CARGO_MANIFEST_DIR")),
            "{format:?} report holds an absolute path"
        );
        for f in &findings {
            assert!(
                out.contains(&f.rule),
                "{format:?} report names rule {}",
                f.rule
            );
        }
        common::snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("example_{name}"), out));
    }
}

#[test]
fn html_report_of_the_example_renders_in_a_headless_browser() {
    let Some(browser) = common::browser() else {
        assert!(
            !common::required(),
            "CI needs chromium to test the HTML report"
        );
        eprintln!("skipped: no chromium (install Debian's chromium to run this test)");
        return;
    };
    let (docs, findings, outputs) = reports();
    let html = outputs
        .iter()
        .find(|(f, _)| *f == ReportFormat::Html)
        .map(|(_, out)| out.as_str())
        .expect("HTML report");
    let dir = tempfile::tempdir().expect("temp dir");
    let dom = common::browser_dom(browser, html, dir.path());
    let dom = scraper::Html::parse_document(&dom);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    // The page's script ran and shows every card.
    let shown: String = dom
        .select(&sel("#shown"))
        .next()
        .expect("#shown")
        .text()
        .collect();
    let n = findings.len();
    assert_eq!(shown, format!("showing {n} of {n}"));
    assert_eq!(dom.select(&sel("article.finding")).count(), n);
    for (i, f) in findings.iter().enumerate() {
        let card = dom
            .select(&sel(&format!("#finding-{}", i + 1)))
            .next()
            .unwrap_or_else(|| panic!("card of finding {}", i + 1));
        assert!(card.value().attr("hidden").is_none());
        assert_eq!(card.value().attr("data-kind"), Some(f.kind.as_str()));
        let text: String = card.text().collect();
        assert!(text.contains(&f.slot), "slot {:?} shown", f.slot);
        assert!(text.contains(&f.rule), "rule {} shown", f.rule);
        let columns: Vec<_> = card.select(&sel("section.side")).collect();
        assert_eq!(columns.len(), f.sides.len(), "both sides of {}", f.rule);
        for (column, side) in columns.iter().zip(&f.sides) {
            let heading: String = column
                .select(&sel(".value"))
                .next()
                .expect("side value")
                .text()
                .collect();
            assert_eq!(heading, side.value, "value of side {}", side.side);
            let marks: Vec<String> = column
                .select(&sel("mark"))
                .map(|m| m.text().collect())
                .collect();
            for ev in &side.claims {
                // The value as written in the file (a polarity value's label is not).
                let doc = docs.iter().find(|d| d.id == ev.doc).expect("document");
                let written = doc.file_quote(ev.value_span);
                assert!(
                    marks.contains(&written),
                    "quoted value {:?} of side {} highlighted in {:?}",
                    written,
                    side.side,
                    marks
                );
            }
        }
    }
    // Where the sources agree: each slot with the quotes of at least two sources.
    let agreements: Vec<_> = dom.select(&sel("li.agreement")).collect();
    assert!(
        !agreements.is_empty(),
        "the example's sources agree somewhere"
    );
    for a in agreements {
        assert!(
            a.select(&sel("blockquote")).count() >= 2,
            "quotes of two sources at least: {}",
            a.html()
        );
    }
}
