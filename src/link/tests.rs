//! Linking through records gives what the per-claim keys say, whatever order the claims
//! were recorded in.

use super::graph::slot_key;
use super::{build, key, ClaimGraph, KeyTable, LinkRecord, SlotKey};
use crate::extract::lexicon::for_tests;
use crate::extract::Claim;
use crate::pipeline;
use petgraph::visit::EdgeRef;
use std::path::PathBuf;

/// The claims of every check fixture and of the example corpus, as one corpus.
fn claims() -> Vec<Claim> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths = vec![
        root.join("tests/fixtures/check"),
        root.join("examples/mtwara-harbour"),
    ];
    let analysis = pipeline::analyse(&paths, for_tests());
    assert!(analysis.claims.len() > 100, "{}", analysis.claims.len());
    analysis.claims
}

#[test]
fn records_hold_the_keys_of_each_claim_and_its_time() {
    let claims = claims();
    let table = KeyTable::new(for_tests());
    let records: Vec<LinkRecord> = claims.iter().map(|c| table.record(c)).collect();
    let tables = table.finish();
    let mut with_keys = 0;
    let mut keyed = 0;
    for (claim, record) in claims.iter().zip(&records) {
        assert_eq!(record.doc_index(), claim.doc_index as usize);
        if claim.about.is_some() {
            // Value claims are linked by meaning: their records carry no keys and no time.
            assert_eq!(record.key_ids().count(), 0, "{claim:#?}");
            assert!(!record.has_time() && record.year().is_none());
            continue;
        }
        keyed += 1;
        let mut expected = key::keys(claim, for_tests());
        expected.sort();
        let mut got: Vec<SlotKey> = record
            .key_ids()
            .filter_map(|id| tables.keys.get(id))
            .map(|k| slot_key(&tables, k))
            .collect();
        got.sort();
        assert_eq!(got, expected, "{claim:#?}");
        with_keys += usize::from(!got.is_empty());
        assert_eq!(record.has_time(), claim.time.is_some());
    }
    assert!(with_keys * 2 > keyed, "{with_keys} of {keyed}");
    assert!(records.iter().any(|r| r.year().is_some()));
}

/// Everything the graph says: slots and their edges by position in slot.
fn summary(g: &ClaimGraph) -> Vec<String> {
    g.slots
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let edges: Vec<String> = g
                .slot_nodes(si)
                .flat_map(|n| g.graph.edges(n).filter(move |e| e.source() == n))
                .map(|e| {
                    let pos = |n| g.position(si, n);
                    format!(
                        "{:?}-{:?}:{}",
                        pos(e.source()),
                        pos(e.target()),
                        e.weight().as_str()
                    )
                })
                .collect();
            format!(
                "{} {:?} {:?} {} {edges:?}",
                s.label, s.key, s.claims, s.unknown_time
            )
        })
        .collect()
}

#[test]
fn the_graph_does_not_depend_on_the_order_claims_were_recorded() {
    let claims = claims();
    let built = build(&claims, for_tests());
    assert!(built.slots.iter().any(|s| s.claims.len() > 1));
    // Recording backwards hands out other ids; the records still go in corpus order.
    let table = KeyTable::new(for_tests());
    let mut records: Vec<LinkRecord> = claims.iter().rev().map(|c| table.record(c)).collect();
    records.reverse();
    let mut from_records = ClaimGraph::from_records(table, &records);
    // Value claims are linked by meaning from the claims themselves, after the records.
    from_records.add_meaning_slots(&claims, for_tests());
    assert_eq!(summary(&from_records), summary(&built));
    assert_eq!(from_records.graph.node_count(), built.graph.node_count());
    let by_claims: Vec<usize> = built.shared_slots(&claims).map(|(i, _)| i).collect();
    let by_doc: Vec<usize> = from_records
        .shared_slots_by_doc(&records)
        .map(|(i, _)| i)
        .collect();
    assert!(!by_doc.is_empty());
    assert_eq!(by_doc, by_claims);
}

#[test]
fn marks_land_on_the_edge_between_the_two_claims_and_nodes_follow_slots() {
    let claims = claims();
    let mut g = build(&claims, for_tests());
    let Some(si) = g.slots.iter().position(|s| s.claims.len() >= 3) else {
        panic!("no slot of three claims in the fixtures");
    };
    let (a, c) = (g.slots[si].claims[0], g.slots[si].claims[2]);
    let edges = g.graph.edge_count();
    g.mark(si, a, c, super::EdgeReason::Conflicts);
    assert_eq!(g.graph.edge_count(), edges + 1);
    let (na, nc) = (g.node(si, 0).unwrap(), g.node(si, 2).unwrap());
    let e = g.graph.find_edge(na, nc).unwrap();
    assert_eq!(g.graph[e], super::EdgeReason::Conflicts);
    assert_eq!(g.graph[na].claim as usize, a);
    assert_eq!(g.position(si, nc), Some(2));
    assert_eq!(g.node(si, g.slots[si].claims.len()), None);
}

#[test]
fn records_and_nodes_stay_small() {
    assert_eq!(std::mem::size_of::<LinkRecord>(), 24);
    assert_eq!(std::mem::size_of::<super::ClaimNode>(), 8);
    assert_eq!(std::mem::size_of::<super::Slot>(), 208);
}

#[test]
fn a_graph_for_a_report_keeps_the_shared_slots_in_order() {
    let claims = claims();
    let built = build(&claims, for_tests());
    let shared: Vec<(String, Vec<usize>)> = built
        .shared_slots(&claims)
        .map(|(_, s)| (s.label.clone(), s.claims.clone()))
        .collect();
    assert!(shared.len() < built.slots.len());
    let kept = built.into_shared(&claims);
    let kept_slots: Vec<(String, Vec<usize>)> = kept
        .slots
        .iter()
        .map(|s| (s.label.clone(), s.claims.clone()))
        .collect();
    assert_eq!(kept_slots, shared);
    assert!(kept.slots.iter().all(|s| s.links.is_empty()));
    // Every kept slot is still shared, and its nodes follow it.
    assert_eq!(kept.shared_slots(&claims).count(), kept.slots.len());
    assert_eq!(
        kept.graph.node_count(),
        kept.slots.iter().map(|s| s.claims.len()).sum::<usize>()
    );
}
