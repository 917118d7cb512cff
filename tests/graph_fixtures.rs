//! The claim graph on fixtures of our own: which claims meet in a slot and which stay
//! apart, snapshotted as the JSON `claimcheck graph` prints.

mod common;

use claimcheck::check;
use claimcheck::link::export;
use claimcheck::pipeline;
use std::path::PathBuf;

fn graph_json(fixture: &str) -> serde_json::Value {
    let rules = check::load(&[]).unwrap();
    let analysis = pipeline::analyse(
        &[PathBuf::from("tests/fixtures/check").join(fixture)],
        common::knowledge(),
    );
    let (graphs, _) = pipeline::check(&analysis, &rules, common::knowledge());
    assert_eq!(graphs.len(), 1, "a fixture is one story");
    let g = &graphs[0];
    export::json(
        &g.graph,
        &analysis.claims[g.story.claims.clone()],
        &analysis.corpus.documents,
    )
}

/// Slots holding claims of both documents.
fn shared_labels(json: &serde_json::Value) -> Vec<String> {
    json["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            let docs: std::collections::BTreeSet<_> = s["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["doc"].as_str().unwrap().to_string())
                .collect();
            docs.len() > 1
        })
        .map(|s| s["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn reciprocal_expulsions_stay_in_separate_slots() {
    let json = graph_json("actor-quiet-reciprocal");
    // The keyed linker keeps the two expulsions apart; a slot linked by meaning may join
    // their dates (both "on Monday", which agree), never their actors.
    let mut keyed = json.clone();
    if let Some(slots) = keyed["slots"].as_array_mut() {
        slots.retain(|s| s.get("links").is_none());
    }
    let shared = shared_labels(&keyed);
    assert!(shared.iter().all(|l| !l.contains("expel")), "{shared:?}");
    let joined: Vec<String> = shared_labels(&json)
        .into_iter()
        .filter(|l| l.contains("expel"))
        .collect();
    assert!(
        joined.iter().all(|l| l.starts_with("when:")),
        "only the agreeing dates may share a slot: {joined:?}"
    );
    common::snapshot_settings()
        .bind(|| insta::assert_json_snapshot!("graph_actor-quiet-reciprocal", json));
}

#[test]
fn two_reports_of_one_strike_share_a_slot() {
    let json = graph_json("quantity-fires");
    assert!(!shared_labels(&json).is_empty(), "{json:#}");
    common::snapshot_settings().bind(|| insta::assert_json_snapshot!("graph_quantity-fires", json));
}

#[test]
fn deployment_and_withdrawal_are_different_slots() {
    let json = graph_json("date-quiet-sequence");
    let shared = shared_labels(&json);
    assert!(
        !shared
            .iter()
            .any(|l| l.contains("presence") && l.contains("withdraw")),
        "{shared:?}"
    );
    common::snapshot_settings()
        .bind(|| insta::assert_json_snapshot!("graph_date-quiet-sequence", json));
}
