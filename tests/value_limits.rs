//! Issue 16, item 9: numbers and dates that cannot be what they say. A scale word shared
//! by a range's two ends distributes (and an odd range that would fall is not read);
//! numbers past `MAX_QUANTITY` (10^400 written out, 200 thousands groups) are no
//! quantities; "31 February" is no date. Through the library and through `check`.

mod common;

use claimcheck::corpus::PartialDate;
use claimcheck::extract::model::{TimeValue, Value};
use claimcheck::extract::quantity::find_quantities;
use claimcheck::extract::time::find_times;

/// The values of the quantities found in `text`, with the text each was read from.
fn quantities(text: &str) -> Vec<(&str, Value)> {
    find_quantities(text, common::knowledge().units())
        .into_iter()
        .map(|q| (&text[q.range.clone()], q.value))
        .collect()
}

#[test]
fn a_shared_scale_word_distributes_over_a_range() {
    assert_eq!(
        quantities("Between 2 and 3 million people voted."),
        [("2 and 3 million people", Value::Range([2e6, 3e6]))]
    );
    assert_eq!(
        quantities("Officials counted 20 to 30 thousand marchers."),
        [("20 to 30 thousand marchers", Value::Range([2e4, 3e4]))]
    );
}

#[test]
fn a_range_that_would_mix_scales_or_fall_is_not_read() {
    for text in [
        "Between 5 and 3 thousand people came.",
        "Some 5 to 3 thousand people came.",
    ] {
        assert_eq!(quantities(text), [], "{text}");
    }
    // A change from one amount to another gives its own ends.
    assert_eq!(
        quantities("Membership grew from 500 to 2 million users."),
        [("500 to 2 million users", Value::Range([500.0, 2e6]))]
    );
}

#[test]
fn numbers_past_the_limit_are_not_quantities() {
    let written_out = format!("Some 1{} troops left.", "0".repeat(400));
    let groups = format!("The fund holds 1{} dollars.", ",000".repeat(200));
    let dollars = format!("The fund holds ${}.", "9".repeat(320));
    for text in [&written_out, &groups, &dollars] {
        assert_eq!(quantities(text), [], "{}", &text[..40]);
    }
    let top = format!("Between 5 and 1{} troops left.", "0".repeat(400));
    assert_eq!(quantities(&top), []);
    // The largest that is still read.
    let quintillions = format!("Some 1{} stars.", ",000".repeat(10));
    assert_eq!(
        quantities(&quintillions),
        [(
            &quintillions[5..quintillions.len() - 1],
            Value::Number(1e30)
        )]
    );
}

#[test]
fn huge_numbers_are_neither_listed_as_null_nor_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let huge = |digit: &str| {
        format!(
            "Officials said {} people were hurt when the Vell dam failed on Monday.\n",
            digit.repeat(400)
        )
    };
    common::write_file(dir.path(), "a.txt", huge("7").as_bytes());
    common::write_file(dir.path(), "b.txt", huge("3").as_bytes());
    let (status, stdout, stderr) =
        common::run_in(dir.path(), &["quantities", ".", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    let listed: serde_json::Value = serde_json::from_str(&stdout).expect("a JSON listing");
    assert_eq!(listed["quantities"], serde_json::json!([]), "{stdout}");
    let (status, stdout, stderr) = common::run_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("a JSON report");
    assert_eq!(report["findings"], serde_json::json!([]), "{stdout}");
}

/// The day-granularity dates found in `text` (published in 2024), as (year, month, day).
fn days(text: &str) -> Vec<(&str, Option<PartialDate>)> {
    find_times(
        text,
        Some(PartialDate::year(2024)),
        common::knowledge().units(),
    )
    .into_iter()
    .map(|t| {
        let date = match t.value {
            TimeValue::Point { date, .. } => date,
            _ => None,
        };
        (&text[t.range.clone()], date)
    })
    .collect()
}

#[test]
fn a_day_that_does_not_fall_in_its_month_is_no_date() {
    for text in [
        "The vote was held on 31 February 2024.",
        "The vote was held on February 30, 2024.",
        "The vote was held on 29 February 2023.",
        "The vote was held on April 31, officials said.",
        "The vote was held on the 31st of June.",
    ] {
        assert_eq!(days(text), [], "{text}");
    }
    assert_eq!(
        days("The vote was held on 29 February 2024."),
        [("29 February 2024", Some(PartialDate::day(2024, 2, 29)))]
    );
    assert_eq!(
        days("The vote was held on 30 April."),
        [("30 April", Some(PartialDate::day(2024, 4, 30)))]
    );
}
