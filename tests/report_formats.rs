//! Report formats on hand-made findings over the example corpus: one insta snapshot per
//! format, the SARIF output checked against the SARIF 2.1.0 schema, the JUnit XML parsed.

mod common;

use claimcheck::check::{Evidence, Finding, Severity, Side};
use claimcheck::corpus::{Document, Format, PartialDate, Span};
use claimcheck::report::{render, AgreeingSlot, ReportFormat, ReportInput, RuleInfo};
use std::path::PathBuf;

fn example(
    name: &str,
    format: Format,
    text: &str,
    source: &str,
    published: Option<PartialDate>,
) -> Document {
    let path = PathBuf::from(format!("examples/mtwara-harbour/{name}"));
    let mut doc = Document::plain(name, path, format, text.to_string());
    doc.source = source.into();
    doc.published = published;
    doc
}

fn documents() -> Vec<Document> {
    let day = |d| Some(PartialDate::day(2026, 10, d));
    let mut notes = Document::plain(
        "notes/field notes, day 3.txt",
        PathBuf::from("notes/field notes, day 3.txt"),
        Format::Text,
        "Field notes: 7 Oct.\nMozambique <not Norway> ordered the 8 observers out & \"gave them 48 hours\", 100% of staff said.\nAbout 3,000 Tanzanian soldiers were seen moving south.\n"
            .into(),
    );
    notes.source = "Field notes".into();
    vec![
        example(
            "001-coastline-post.txt",
            Format::Text,
            include_str!("../examples/mtwara-harbour/001-coastline-post.txt"),
            "Coastline Post",
            day(5),
        ),
        example(
            "002-indian-ocean-wire.md",
            Format::Markdown,
            include_str!("../examples/mtwara-harbour/002-indian-ocean-wire.md"),
            "Indian Ocean Wire",
            day(6),
        ),
        example(
            "004-regional-ledger.txt",
            Format::Text,
            include_str!("../examples/mtwara-harbour/004-regional-ledger.txt"),
            "Regional Ledger",
            day(7),
        ),
        notes,
    ]
}

/// Evidence for the sentence of `doc` that contains `quote`, conflicting on `value`.
fn evidence(doc: &Document, quote: &str, value: &str) -> Evidence {
    let start = doc
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("fixture quote not in {}: {quote}", doc.id));
    let at = start
        + quote
            .find(value)
            .unwrap_or_else(|| panic!("value {value} not in quote"));
    let lc = doc.line_col(start);
    Evidence {
        doc: doc.id.clone(),
        source: doc.source.clone(),
        published: doc.published,
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

fn side(name: &str, value: &str, claims: Vec<Evidence>) -> Side {
    Side {
        side: name.into(),
        value: value.into(),
        compared: None,
        claims,
    }
}

#[allow(clippy::too_many_arguments)]
fn finding(
    rule: &str,
    kind: &str,
    severity: Severity,
    message: &str,
    slot: &str,
    confidence: f64,
    notes: &[&str],
    sides: Vec<Side>,
) -> Finding {
    Finding {
        rule: rule.into(),
        story: None,
        kind: claimcheck::check::Kind::named(kind).expect("a kind"),
        severity,
        message: message.into(),
        slot: slot.into(),
        slot_key: slot.to_lowercase().replace(' ', "-"),
        confidence,
        notes: notes.iter().map(|n| n.to_string()).collect(),
        sides,
    }
}

fn findings(docs: &[Document]) -> Vec<Finding> {
    let (coast, wire, ledger, notes) = (&docs[0], &docs[1], &docs[2], &docs[3]);
    vec![
        finding(
            "quantity-mismatch",
            "quantity",
            Severity::Error,
            "Coastline Post says about 3,000 troops; Regional Ledger says 1,800",
            "troops Tanzania sent to the Mozambique border",
            0.8,
            &["side b is attributed to unnamed diplomats"],
            vec![
                side(
                    "a",
                    "about 3,000 troops",
                    vec![evidence(
                        coast,
                        "Tanzania on Monday began deploying about 3,000 troops to the border region, a defence ministry spokesman said, describing the move as a precaution to protect relief convoys heading south.",
                        "about 3,000",
                    ), evidence(notes, "About 3,000 Tanzanian soldiers were seen moving south.", "About 3,000")],
                ),
                side(
                    "b",
                    "1,800 soldiers",
                    vec![evidence(ledger, "Tanzania has sent 1,800 soldiers to the border since Monday, according to two diplomats briefed on the deployment.", "1,800")],
                ),
            ],
        ),
        finding(
            "duration-mismatch",
            "duration",
            Severity::Warning,
            "Indian Ocean Wire says the joint naval mission is six years old; Regional Ledger says four",
            "age of the joint naval patrols on the Rovuma",
            0.9,
            &[],
            vec![
                side("a", "6 years", vec![evidence(wire, "The six-year joint naval mission, under which Tanzanian and Mozambican crews patrol the Rovuma estuary together, now looks unlikely to survive the dispute, two officials said.", "six-year")]),
                side("b", "4 years", vec![evidence(ledger, "The joint naval patrols, which have run for the past four years, were halted on Monday.", "four years")]),
            ],
        ),
        finding(
            "polarity-conflict",
            "polarity",
            Severity::Info,
            "Coastline Post says the port of Mtwara closed on Monday; Indian Ocean Wire says it stayed open",
            "port of Mtwara on Monday",
            0.4,
            &["the closing side names no source", "the sides were published on different days"],
            vec![
                side("a", "closed", vec![evidence(coast, "Authorities closed the port of Mtwara to all shipping on Monday after engineers found deep cracks in the main quay.", "closed")]),
                side("b", "open", vec![evidence(wire, "The port of Mtwara remained open on Monday, with ships unloading at the undamaged northern berths, the harbour master said.", "remained open")]),
            ],
        ),
        finding(
            "actor-mismatch",
            "actor",
            Severity::Error,
            "Field notes say Mozambique ended 100% of the observer mission, <not> Norway; Regional Ledger says Norway & not Mozambique",
            "who ended the observer mission: Tuesday, Rovuma",
            1.0,
            &[],
            vec![
                side("a", "Mozambique", vec![evidence(notes, "Mozambique <not Norway> ordered the 8 observers out & \"gave them 48 hours\", 100% of staff said.", "Mozambique")]),
                side("b", "Norway", vec![evidence(ledger, "Norway decided on Tuesday to withdraw its eight observers from the Rovuma estuary, citing the safety of its staff, as the quarrel between Tanzania and Mozambique over the river's fishing waters grew more serious.", "Norway")]),
            ],
        ),
    ]
}

fn rules() -> Vec<RuleInfo> {
    let rule = |id: &str, name: &str, kind: &str, severity, summary: &str| RuleInfo {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        severity,
        summary: summary.into(),
        description: format!(
            "{summary}.\n\nFires when two sources give different values in the same claim slot."
        ),
        help_text: format!("{summary}.\n\nFires: two sources, two values, one slot."),
        help_markdown: format!("{summary}.\n\n**Fires:** two sources, two values, one slot."),
        help_uri: Some(format!(
            "https://example.invalid/claimcheck/blob/main/docs/rules.md#{id}"
        )),
    };
    vec![
        rule(
            "quantity-mismatch",
            "Quantity mismatch",
            "quantity",
            Severity::Error,
            "Sources give different numbers for the same count",
        ),
        rule(
            "duration-mismatch",
            "Duration mismatch",
            "duration",
            Severity::Warning,
            "Sources give different lengths of time",
        ),
        rule(
            "polarity-conflict",
            "Polarity conflict",
            "polarity",
            Severity::Error,
            "One source says something happened, another that it did not",
        ),
        rule(
            "actor-mismatch",
            "Actor mismatch",
            "actor",
            Severity::Error,
            "Sources name different actors for the same act",
        ),
    ]
}

fn agreeing() -> Vec<AgreeingSlot> {
    vec![
        "magnitude of the earthquake".into(),
        "arrests at the Mtwara protests on Monday".into(),
    ]
}

fn rendered(format: ReportFormat) -> String {
    let docs = documents();
    let found = findings(&docs);
    let rules = rules();
    let agree = agreeing();
    let input = ReportInput {
        findings: &found,
        documents: &docs,
        rules: &rules,
        agreeing_slots: &agree,
        color: false,
    };
    render(format, &input)
}

fn rendered_empty(format: ReportFormat) -> String {
    let docs = documents();
    let rules = rules();
    let input = ReportInput {
        findings: &[],
        documents: &docs,
        rules: &rules,
        agreeing_slots: &[],
        color: false,
    };
    render(format, &input)
}

macro_rules! snapshot_test {
    ($name:ident, $format:expr) => {
        #[test]
        fn $name() {
            let out = rendered($format);
            common::snapshot_settings().bind(|| insta::assert_snapshot!(stringify!($name), out));
        }
    };
}

/// A check keeps the claim graphs only for the formats that list agreeing slots: the
/// others print the same with or without them.
#[test]
fn only_markdown_and_html_show_agreeing_slots() {
    let docs = documents();
    let found = findings(&docs);
    let rules = rules();
    for format in [
        ReportFormat::Text,
        ReportFormat::Json,
        ReportFormat::Jsonl,
        ReportFormat::Sarif,
        ReportFormat::Github,
        ReportFormat::Junit,
        ReportFormat::Markdown,
        ReportFormat::Html,
    ] {
        let input = ReportInput {
            findings: &found,
            documents: &docs,
            rules: &rules,
            agreeing_slots: &[],
            color: false,
        };
        let without = render(format, &input);
        let shown = rendered(format) != without;
        assert_eq!(shown, format.shows_agreeing_slots(), "{format:?}");
    }
}

/// A slot whose quoted claims a finding sets on different sides does not agree (its claims
/// met in the finding's slot too); one whose claims stand on one side of a finding, or in
/// none, does.
#[test]
fn a_slot_whose_claims_a_finding_opposes_is_not_shown_as_agreeing() {
    let docs = documents();
    let found = findings(&docs);
    let rules = rules();
    let troops = &found[0];
    let slot = |label: &str, claims: Vec<Evidence>| AgreeingSlot {
        story: None,
        label: label.into(),
        key: String::new(),
        claims,
    };
    let (a, b) = (&troops.sides[0].claims, &troops.sides[1].claims);
    let opposed = slot(
        "the number of troops deployed",
        vec![a[0].clone(), b[0].clone()],
    );
    let one_side = slot("troops seen moving south", vec![a[0].clone(), a[1].clone()]);
    // The same sentences, quoted for another word of theirs: the deployment happened.
    let other_words = slot(
        "Tanzania's military presence",
        vec![
            evidence(&docs[0], &a[0].quote, "deploying"),
            evidence(&docs[2], &b[0].quote, "sent"),
        ],
    );
    assert!(!other_words.contradicted_by(&found));
    let unrelated = slot("the magnitude of the earthquake", Vec::new());
    assert!(opposed.contradicted_by(&found));
    assert!(!one_side.contradicted_by(&found));
    assert!(!unrelated.contradicted_by(&found));
    // A finding of another story does not oppose a slot of no story.
    let mut elsewhere = found.clone();
    for f in &mut elsewhere {
        f.story = Some("another story".into());
    }
    assert!(!opposed.contradicted_by(&elsewhere));

    let slots = vec![opposed, one_side, unrelated, other_words];
    let input = ReportInput {
        findings: &found,
        documents: &docs,
        rules: &rules,
        agreeing_slots: &slots,
        color: false,
    };
    for format in [ReportFormat::Html, ReportFormat::Markdown] {
        let out = render(format, &input);
        assert!(!out.contains("the number of troops deployed"), "{format:?}");
        assert!(out.contains("troops seen moving south"), "{format:?}");
        assert!(
            out.contains("the magnitude of the earthquake"),
            "{format:?}"
        );
        assert!(out.contains("military presence"), "{format:?}");
    }
}

snapshot_test!(report_text, ReportFormat::Text);
snapshot_test!(report_json, ReportFormat::Json);
snapshot_test!(report_jsonl, ReportFormat::Jsonl);

#[test]
fn text_colour_only_when_asked() {
    let docs = documents();
    let found = findings(&docs);
    let plain = ReportInput {
        findings: &found,
        documents: &docs,
        rules: &[],
        agreeing_slots: &[],
        color: false,
    };
    let coloured = ReportInput {
        color: true,
        ..plain
    };
    assert!(!render(ReportFormat::Text, &plain).contains('\u{1b}'));
    assert!(render(ReportFormat::Text, &coloured).contains('\u{1b}'));
}

#[test]
fn json_has_the_scorer_fields_on_every_claim() {
    let v: serde_json::Value =
        serde_json::from_str(&rendered(ReportFormat::Json)).expect("valid JSON");
    let findings = v["findings"].as_array().expect("findings list");
    assert_eq!(findings.len(), 4);
    for f in findings {
        for key in ["rule", "type", "severity", "message"] {
            assert!(f[key].is_string(), "{key} missing in {f}");
        }
        let claims = f["claims"].as_array().expect("claims");
        assert!(claims.len() >= 2);
        for c in claims {
            assert!(c["doc"].is_string() && c["quote"].is_string());
            assert!(c["side"] == "a" || c["side"] == "b");
            let span = c["span"].as_array().expect("span");
            assert!(span[0].as_u64() < span[1].as_u64());
        }
    }
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["summary"]["documents"], 4);
    let lines = rendered(ReportFormat::Jsonl);
    let parsed: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .map(|mut l: serde_json::Value| {
            // Each line carries the version of its shape; the rest is the JSON finding.
            assert_eq!(l["version"], "1");
            l.as_object_mut().expect("object").remove("version");
            l
        })
        .collect();
    assert_eq!(parsed, *findings);
    assert_eq!(v["version"], "1");
}

snapshot_test!(report_sarif, ReportFormat::Sarif);

/// Runs a Python helper under tests/; `None` when python3 cannot be run. The helpers exit
/// with status 3 when a Python package they need is missing.
fn python(script: &str, args: &[&std::path::Path]) -> Option<std::process::Output> {
    std::process::Command::new("python3")
        .arg(common::repo_path(script))
        .args(args)
        .output()
        .ok()
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, out) in [
        ("full.sarif", rendered(ReportFormat::Sarif)),
        ("empty.sarif", rendered_empty(ReportFormat::Sarif)),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, out).expect("write SARIF");
        let schema = common::repo_path("tests/fixtures/sarif-schema-2.1.0.json");
        match python("tests/validate_sarif.py", &[&schema, &file]) {
            Some(o) if o.status.success() => {}
            Some(o) if o.status.code() == Some(3) && !common::required() => {
                eprintln!("skipped: python3 has no jsonschema (pip install jsonschema)");
                return;
            }
            Some(o) => panic!(
                "{name} does not validate:\n{}",
                String::from_utf8_lossy(&o.stderr)
            ),
            None if !common::required() => {
                eprintln!("skipped: no python3");
                return;
            }
            None => panic!("python3 is needed to validate SARIF"),
        }
    }
}

#[test]
fn sarif_results_point_at_both_sides() {
    let v: serde_json::Value =
        serde_json::from_str(&rendered(ReportFormat::Sarif)).expect("SARIF is JSON");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    let docs = documents();
    for (r, f) in results.iter().zip(findings(&docs)) {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let claims: usize = f.sides.iter().map(|s| s.claims.len()).sum();
        assert_eq!(
            r["relatedLocations"].as_array().map(Vec::len),
            Some(claims - 1)
        );
        assert!(r["partialFingerprints"]["claimcheck/v1"].is_string());
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64() <= region["endLine"].as_u64());
    }
    assert_eq!(results[2]["level"], "note");
    let uri = &results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "notes/field%20notes%2C%20day%203.txt");
}

snapshot_test!(report_github, ReportFormat::Github);
snapshot_test!(report_junit, ReportFormat::Junit);

#[test]
fn junit_parses_and_counts_testcases() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, out, cases, failures) in [
        ("full.xml", rendered(ReportFormat::Junit), 4, 4),
        ("empty.xml", rendered_empty(ReportFormat::Junit), 1, 0),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, &out).expect("write XML");
        match python("tests/count_junit.py", &[&file]) {
            Some(o) if o.status.success() => {
                let counts = String::from_utf8_lossy(&o.stdout).trim().to_string();
                assert_eq!(counts, format!("{cases} {failures}"), "{name}");
            }
            Some(o) => panic!(
                "{name} is not well-formed JUnit:\n{}",
                String::from_utf8_lossy(&o.stderr)
            ),
            None if !common::required() => eprintln!("skipped: no python3"),
            None => panic!("python3 is needed to parse JUnit"),
        }
    }
}

#[test]
fn github_commands_are_one_line_each_and_escaped() {
    let out = rendered(ReportFormat::Github);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]
        .starts_with("::error file=examples/mtwara-harbour/001-coastline-post.txt,line=11,col=1,"));
    assert!(lines[2].starts_with("::notice "));
    assert!(lines[3].contains("file=notes/field notes%2C day 3.txt,"));
    assert!(lines[3]
        .contains("title=actor-mismatch%3A who ended the observer mission%3A Tuesday%2C Rovuma::"));
    assert!(lines[3].contains("ended 100%25 of"));
}

snapshot_test!(report_markdown, ReportFormat::Markdown);

snapshot_test!(report_html, ReportFormat::Html);

#[test]
fn html_is_self_contained_and_marks_every_value() {
    let out = rendered(ReportFormat::Html);
    let page = scraper::Html::parse_document(&out);
    assert!(
        page.errors.is_empty(),
        "HTML parse errors: {:?}",
        page.errors
    );
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    // Nothing loaded from elsewhere.
    assert_eq!(
        page.select(&sel("link, img, iframe, script[src], [href^=http], [src]"))
            .count(),
        0
    );
    assert!(!out.contains("url("), "no CSS resources");
    let cards: Vec<_> = page.select(&sel("article.finding")).collect();
    assert_eq!(cards.len(), 4);
    let docs = documents();
    for (card, f) in cards.iter().zip(findings(&docs)) {
        assert_eq!(card.value().attr("data-kind"), Some(f.kind.as_str()));
        assert_eq!(
            card.value().attr("data-severity"),
            Some(f.severity.as_str())
        );
        let columns: Vec<_> = card.select(&sel("section.side")).collect();
        assert_eq!(columns.len(), f.sides.len());
        for (column, side) in columns.iter().zip(&f.sides) {
            let marks: Vec<String> = column
                .select(&sel("mark"))
                .map(|m| m.text().collect())
                .collect();
            let expected: Vec<&str> = side
                .claims
                .iter()
                .map(|ev| ev.value_text.as_str())
                .collect();
            assert_eq!(marks, expected);
        }
    }
    let boxes = page.select(&sel("#filters input[type=checkbox]")).count();
    assert_eq!(boxes, 4 + 3, "one box per kind and per severity");
    // Slots known by their label only keep it as their title.
    let listed: Vec<String> = page
        .select(&sel("#agreeing li.agreement h4"))
        .map(|h| h.text().collect())
        .collect();
    let expected: Vec<String> = agreeing().into_iter().map(|a| a.label).collect();
    assert_eq!(listed, expected);
    let quote: String = page
        .select(&sel("#finding-4 blockquote"))
        .next()
        .expect("quote")
        .text()
        .collect();
    assert!(
        quote.starts_with("Mozambique <not Norway> ordered"),
        "escaped text reads back: {quote}"
    );
    assert!(out.contains("@media print"));
}

#[test]
fn odd_evidence_renders_in_every_format_without_panicking() {
    let docs = documents();
    let mut bad = evidence(&docs[3], "Mozambique <not Norway>", "Mozambique");
    // Spans past the end of the file, a value outside its claim, a split UTF-8 character.
    bad.span = Span::new(10_000, 10_010);
    bad.value_span = Span::new(3, 1);
    bad.value_text = "é".into();
    let mut missing = bad.clone();
    missing.doc = "not-loaded.txt".into();
    let mut inside_char = evidence(&docs[2], "NAIROBI, Oct. 7 — Norway decided", "Norway");
    let dash = docs[2].text.find('—').expect("dash");
    inside_char.value_span = Span::new(dash + 1, dash + 2);
    let odd = vec![
        finding(
            "odd",
            // Findings carry a registered kind; the odd part is the evidence.
            "location",
            Severity::Warning,
            "odd",
            "odd",
            f64::NAN,
            &[],
            vec![
                side("a", "x", vec![bad, missing]),
                side("b", "y", vec![inside_char]),
            ],
        ),
        finding(
            "empty",
            "location",
            Severity::Info,
            "",
            "",
            0.0,
            &[],
            vec![],
        ),
    ];
    let input = ReportInput {
        findings: &odd,
        documents: &docs,
        rules: &[],
        agreeing_slots: &[],
        color: false,
    };
    for format in [
        ReportFormat::Text,
        ReportFormat::Json,
        ReportFormat::Jsonl,
        ReportFormat::Sarif,
        ReportFormat::Github,
        ReportFormat::Junit,
        ReportFormat::Markdown,
        ReportFormat::Html,
    ] {
        let out = render(format, &input);
        assert!(out.contains("odd"), "{format:?} names the finding");
    }
}

#[test]
fn html_renders_in_a_headless_browser() {
    let Some(browser) = common::browser() else {
        assert!(
            !common::required(),
            "CI needs chromium to test the HTML report"
        );
        eprintln!("skipped: no chromium");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let dom = common::browser_dom(browser, &rendered(ReportFormat::Html), dir.path());
    let dom = scraper::Html::parse_document(&dom);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    // The script ran: it counts the cards it shows.
    let shown: String = dom
        .select(&sel("#shown"))
        .next()
        .expect("#shown")
        .text()
        .collect();
    assert_eq!(shown, "showing 4 of 4");
    let docs = documents();
    for (i, f) in findings(&docs).iter().enumerate() {
        let card = dom
            .select(&sel(&format!("#finding-{}", i + 1)))
            .next()
            .expect("finding card");
        assert!(card.value().attr("hidden").is_none());
        let text: String = card.text().collect();
        assert!(text.contains(&f.slot), "slot of finding {}", i + 1);
        let marks: Vec<String> = card
            .select(&sel("mark"))
            .map(|m| m.text().collect())
            .collect();
        for ev in f.sides.iter().flat_map(|s| &s.claims) {
            assert!(
                marks.contains(&ev.value_text),
                "value {} shown",
                ev.value_text
            );
        }
    }
}
