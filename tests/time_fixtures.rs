//! Snapshots of the time expressions read from `tests/fixtures/quantity/time/`, without and
//! with a publication date.

mod common;

use claimcheck::corpus::PartialDate;
use claimcheck::extract::time::find_times;
use std::fmt::Write;

fn render(line: &str, published: Option<PartialDate>) -> String {
    let mut out = String::new();
    for t in find_times(line, published, common::knowledge().units()) {
        let _ = writeln!(
            out,
            "  {:?} = {} resolved={} event_year={}",
            &line[t.range.clone()],
            serde_json::to_string(&t.value).unwrap(),
            t.resolved,
            t.event_year
        );
    }
    out
}

#[test]
fn time_fixtures() {
    let dir = common::repo_path("tests/fixtures/quantity/time");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 4);
    // Thursday 17 February 2022
    let published = PartialDate::day(2022, 2, 17);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut rendered = String::new();
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let _ = writeln!(
                rendered,
                "{line}\n unpublished:\n{} published 2022-02-17:\n{}",
                render(line, None),
                render(line, Some(published))
            );
        }
        let name = format!("time_{}", path.file_stem().unwrap().to_string_lossy());
        common::snapshot_settings().bind(|| insta::assert_snapshot!(name, rendered));
    }
}

#[test]
fn weekday_resolves_to_latest_on_or_before_publication() {
    let t = find_times(
        "The minister resigned on Tuesday.",
        Some(PartialDate::day(2022, 2, 17)),
        common::knowledge().units(),
    );
    assert_eq!(t.len(), 1);
    let v = serde_json::to_value(&t[0].value).unwrap();
    assert_eq!(v["date"]["day"], 15);
    assert!(t[0].resolved);
    let t = find_times(
        "The minister resigned on Tuesday.",
        None,
        common::knowledge().units(),
    );
    assert!(!t[0].resolved);
}

#[test]
fn event_years_modify_nouns() {
    let t = find_times(
        "the 2021 military coup, in 2020",
        None,
        common::knowledge().units(),
    );
    assert_eq!(t.len(), 2);
    assert!(t[0].event_year);
    assert!(!t[1].event_year);
}

#[test]
fn month_without_year_needs_publication() {
    let t = find_times("in August", None, common::knowledge().units());
    assert!(!t[0].resolved);
    let t = find_times(
        "in August",
        Some(PartialDate::year(2021)),
        common::knowledge().units(),
    );
    assert!(t[0].resolved);
    assert_eq!(
        serde_json::to_value(&t[0].value).unwrap()["date"]["month"],
        8
    );
}

#[test]
fn this_morning_is_the_day_of_publication_and_last_night_the_day_before() {
    let day = |text: &str| {
        let t = find_times(
            text,
            Some(PartialDate::day(2030, 3, 12)),
            common::knowledge().units(),
        );
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        assert!(t[0].resolved, "{text}");
        serde_json::to_value(&t[0].value).unwrap()["date"]["day"].clone()
    };
    assert_eq!(day("The ferry docked at 8:05 this morning."), 12);
    assert_eq!(day("The ferry docked this evening."), 12);
    assert_eq!(day("The ferry docked last night."), 11);
    // Without a publication date they stay unresolved.
    let t = find_times(
        "The ferry docked this morning.",
        None,
        common::knowledge().units(),
    );
    assert!(!t[0].resolved);
}
