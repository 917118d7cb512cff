//! The claim graph of a small invented story told in three outlets' own words
//! (`tests/fixtures/meaning`), as `claimcheck graph --format json` prints it: the slots
//! linked by meaning (counts worded differently, a running count, dates, statements)
//! beside the keyed ones, snapshotted.

mod common;

use std::process::Command;

#[test]
fn graph_of_a_story_told_in_three_wordings() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(common::repo_path(""))
        .args(["graph", "tests/fixtures/meaning", "--format", "json"])
        .output()
        .expect("run claimcheck");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("graph JSON");
    // The rescued passengers of the three reports meet in one slot.
    let slots = json["slots"].as_array().expect("slots");
    assert!(
        slots.iter().any(|s| {
            let docs: std::collections::BTreeSet<&str> = s["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .filter_map(|c| c["doc"].as_str())
                .collect();
            s["key"]["facet"] == "quantity" && docs.len() == 3
        }),
        "{json:#}"
    );
    common::snapshot_settings().bind(|| insta::assert_json_snapshot!("meaning_graph", json));
}
