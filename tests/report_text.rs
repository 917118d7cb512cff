//! The text report wraps long quotes at word boundaries to the width it is given (the
//! terminal's, else 100 columns) and never cuts one; the value stays underlined.

mod common;

use claimcheck::check::{Evidence, Finding, Severity, Side};
use claimcheck::corpus::{Document, Format, PartialDate, Span};
use claimcheck::report::{text, ReportInput};
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

/// Invented for this test: one long sentence (over 130 characters) on a line after
/// another sentence, and a short one.
const LONG: &str = "Ferry timetables changed.\nThe island council said late on Thursday that 240 passengers had been moved to the sports hall in Varnholm, where volunteers handed out blankets, tea and dry clothes until the early hours.\n";
const SHORT: &str = "Council staff moved 310 passengers to the sports hall overnight.\n";

fn doc(name: &str, text: &str, source: &str) -> Document {
    let mut d = Document::plain(
        name,
        PathBuf::from(format!("ferry/{name}")),
        Format::Text,
        text.into(),
    );
    d.source = source.into();
    d.published = Some(PartialDate::day(2031, 3, 14));
    d
}

fn evidence(d: &Document, quote: &str, value: &str) -> Evidence {
    let start = d.text.find(quote).expect("quote in fixture");
    let at = start + quote.find(value).expect("value in quote");
    let lc = d.line_col(start);
    Evidence {
        doc: d.id.clone(),
        source: d.source.clone(),
        published: d.published,
        span: Span::new(start, start + quote.len()),
        line: lc.line,
        column: lc.column,
        quote: quote.into(),
        value_span: Span::new(at, at + value.len()),
        value_text: value.into(),
        headline: false,
        hedged: false,
        claim: None,
    }
}

fn fixture() -> (Vec<Document>, Vec<Finding>) {
    let docs = vec![
        doc("a.txt", LONG, "Island Courier"),
        doc("b.txt", SHORT, "Harbour Times"),
    ];
    let long = LONG.lines().nth(1).expect("second line");
    let short = SHORT.trim_end();
    let finding = Finding {
        rule: "quantity-mismatch".into(),
        story: None,
        kind: claimcheck::check::Kind::named("quantity").expect("a kind"),
        severity: Severity::Error,
        message: "Sources disagree on the passengers moved to the sports hall".into(),
        slot: "the passengers moved to the sports hall".into(),
        slot_key: "passengers-moved".into(),
        confidence: 1.0,
        notes: Vec::new(),
        sides: vec![
            Side {
                side: "a".into(),
                value: "240 passengers".into(),
                compared: None,
                claims: vec![evidence(&docs[0], long, "240 passengers")],
            },
            Side {
                side: "b".into(),
                value: "310 passengers".into(),
                compared: None,
                claims: vec![evidence(&docs[1], short, "310 passengers")],
            },
        ],
    };
    (docs, vec![finding])
}

fn render(width: usize) -> String {
    let (docs, findings) = fixture();
    let input = ReportInput {
        findings: &findings,
        documents: &docs,
        rules: &[],
        agreeing_slots: &[],
        color: false,
    };
    text::render_in(&input, false, width)
}

/// The quote rows of a report: gutter lines that are neither blank nor underlines.
fn quote_rows(out: &str) -> Vec<&str> {
    out.lines()
        .filter_map(|l| l.split_once(" | "))
        .map(|(_, row)| row)
        .filter(|row| !row.trim_start().starts_with('^'))
        .collect()
}

#[test]
fn long_quotes_wrap_within_the_width_and_are_whole() {
    let long = LONG.lines().nth(1).unwrap_or_default();
    assert!(long.chars().count() > 130);
    for width in [60, 100] {
        let out = render(width);
        assert!(!out.contains("..."), "nothing cut at {width}:\n{out}");
        for line in out
            .lines()
            .filter(|l| l.contains(" | ") && !l.contains('^'))
        {
            assert!(line.width() <= width, "wider than {width}: {line}");
        }
        let rows = quote_rows(&out);
        let shown = rows.join(" ");
        assert!(shown.contains(long), "the whole quote at {width}:\n{out}");
    }
    let (docs, findings) = fixture();
    let input = ReportInput {
        findings: &findings,
        documents: &docs,
        rules: &[],
        agreeing_slots: &[],
        color: false,
    };
    assert_eq!(
        text::render(&input, false),
        render(text::DEFAULT_WIDTH),
        "100 columns by default"
    );
}

#[test]
fn wrapped_report_snapshot() {
    let out = render(60);
    common::snapshot_settings().bind(|| insta::assert_snapshot!("text_wrapped_60", out));
}
