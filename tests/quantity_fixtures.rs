//! Snapshots of the quantities read from the fixture sentences in `tests/fixtures/quantity/`,
//! one file per construction family.

mod common;

use claimcheck::extract::quantity::{find_quantities, QuantityMatch};
use claimcheck::extract::Value;
use std::fmt::Write;

fn render_value(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("{n}"),
        Value::Range([a, b]) => format!("[{a}, {b}]"),
        Value::Vague { vague, range } => match range {
            Some([a, b]) => format!("vague {vague:?} ~[{a}, {b}]"),
            None => format!("vague {vague:?}"),
        },
    }
}

fn render(line: &str, qs: &[QuantityMatch]) -> String {
    let mut out = format!("{line}\n");
    for q in qs {
        let change = serde_json::to_value(q.change).unwrap();
        let _ = writeln!(
            out,
            "  {:?} = {} unit={:?} change={} approx={} counted={:?}",
            &line[q.range.clone()],
            render_value(&q.value),
            q.unit,
            change.as_str().unwrap_or("?"),
            q.approx,
            q.counted
        );
    }
    out
}

fn fixture_files() -> Vec<std::path::PathBuf> {
    let dir = common::repo_path("tests/fixtures/quantity");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn quantity_fixtures() {
    let files = fixture_files();
    assert!(
        files.len() >= 8,
        "expected one fixture per construction family"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut rendered = String::new();
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            rendered.push_str(&render(
                line,
                &find_quantities(line, common::knowledge().units()),
            ));
        }
        let name = format!("quantity_{}", path.file_stem().unwrap().to_string_lossy());
        common::snapshot_settings().bind(|| insta::assert_snapshot!(name, rendered));
    }
}

fn values(text: &str) -> Vec<(String, Value, String)> {
    find_quantities(text, common::knowledge().units())
        .into_iter()
        .map(|q| {
            let change = serde_json::to_value(q.change)
                .unwrap()
                .as_str()
                .unwrap_or("?")
                .to_string();
            (text[q.range].to_string(), q.value, change)
        })
        .collect()
}

#[test]
fn bounds_set_change_and_approx() {
    let v = values("About 300 people and more than 1,000 soldiers, up to 50 vehicles.");
    assert_eq!(v[0].1, Value::Number(300.0));
    assert_eq!(v[0].2, "~");
    assert_eq!(v[1].1, Value::Number(1000.0));
    assert_eq!(v[1].2, ">");
    assert_eq!(v[2].2, "<");
}

#[test]
fn strong_takes_the_noun_after() {
    let q = find_quantities("a 2,400-strong force", common::knowledge().units());
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].value, Value::Number(2400.0));
    assert_eq!(q[0].unit.as_deref(), Some("troops"));
}

#[test]
fn years_and_dates_are_not_quantities() {
    assert!(find_quantities(
        "In 2020 the junta took power on Oct. 31.",
        common::knowledge().units()
    )
    .is_empty());
    assert!(find_quantities(
        "The COVID-19 crisis and the Boeing 737 at 5:30 p.m.",
        common::knowledge().units()
    )
    .is_empty());
}

#[test]
fn vague_amounts_keep_no_exact_value() {
    let q = find_quantities("Hundreds of soldiers left.", common::knowledge().units());
    assert_eq!(q.len(), 1);
    assert!(matches!(
        q[0].value,
        Value::Vague {
            range: Some([100.0, 1000.0]),
            ..
        }
    ));
    assert!(q[0].approx);
}
