//! Building the claim graph: candidate pairs from blocking keys (never all pairs),
//! `same-slot` edges inside each block, slots as connected components.

use super::key::{self, Facet, SlotKey};
use crate::extract::family::Families;
use crate::extract::{Claim, TimeValue};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Why two claim nodes are linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeReason {
    /// Same actor, event family, kind and place: their values must agree.
    SameSlot,
    /// Same slot, and a rule found their values compatible.
    Agrees,
    /// Same slot, and a rule found their values incompatible.
    Conflicts,
}

impl EdgeReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeReason::SameSlot => "same-slot",
            EdgeReason::Agrees => "agrees",
            EdgeReason::Conflicts => "conflicts",
        }
    }
}

/// A node: one claim seen in one facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimNode {
    /// Index into the claims the graph was built from.
    pub claim: usize,
    pub facet: Facet,
}

/// A claim slot: claims that state the same fact, possibly with different values.
#[derive(Clone, Debug, Serialize)]
pub struct Slot {
    pub key: SlotKey,
    pub label: String,
    /// Claim indices, in corpus order.
    pub claims: Vec<usize>,
    /// Some claims give no time, so they were linked on the other parts alone.
    pub unknown_time: bool,
}

/// The claim graph and its slots.
#[derive(Debug, Default)]
pub struct ClaimGraph {
    pub graph: UnGraph<ClaimNode, EdgeReason>,
    pub slots: Vec<Slot>,
    /// Node of (slot index, position in slot).
    pub nodes: Vec<Vec<NodeIndex>>,
}

fn year_of(claim: &Claim) -> Option<i32> {
    match &claim.time.as_ref()?.value {
        TimeValue::Point { date: Some(d), .. } => Some(d.year),
        _ => None,
    }
}

/// Splits a quantity block whose claims give different years into one slot per year,
/// plus one for the claims without a year: counts at different times need not agree.
fn split_by_period(
    key: SlotKey,
    members: Vec<usize>,
    claims: &[Claim],
) -> Vec<(SlotKey, Vec<usize>, bool)> {
    if key.facet != Facet::Quantity {
        let unknown = members.iter().any(|&i| claims[i].time.is_none());
        return vec![(key, members, unknown)];
    }
    let mut by_year: BTreeMap<Option<i32>, Vec<usize>> = BTreeMap::new();
    for i in members {
        by_year.entry(year_of(&claims[i])).or_default().push(i);
    }
    let known = by_year.keys().filter(|y| y.is_some()).count();
    if known <= 1 {
        let unknown = by_year.contains_key(&None);
        let mut all: Vec<usize> = by_year.into_values().flatten().collect();
        all.sort_unstable();
        return vec![(key, all, unknown)];
    }
    by_year
        .into_iter()
        .map(|(year, members)| {
            let mut k = key.clone();
            k.period = year.map_or_else(|| "time unknown".to_string(), |y| y.to_string());
            (k, members, year.is_none())
        })
        .collect()
}

/// An event told without its actor ("the port remained open") joins the slot of the same
/// event, kind and place told with one, when exactly one such slot exists. `blocks` is
/// sorted by key and stays so.
fn merge_unnamed_actors(blocks: &mut Vec<(SlotKey, Vec<usize>)>) {
    fn event(k: &SlotKey) -> (&str, &str, &str) {
        (k.family.as_str(), k.kind.as_str(), k.location.as_str())
    }
    // The one named slot of each (event, kind, place), or None when there are several.
    let mut named: HashMap<(&str, &str, &str), Option<usize>> = HashMap::new();
    for (i, (k, _)) in blocks.iter().enumerate() {
        if k.facet == Facet::Event && !k.actor.is_empty() {
            named
                .entry(event(k))
                .and_modify(|t| *t = None)
                .or_insert(Some(i));
        }
    }
    let moves: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, (k, _))| {
            k.facet == Facet::Event && k.actor.is_empty() && !k.location.is_empty()
        })
        .filter_map(|(i, (k, _))| Some((i, named.get(&event(k)).copied().flatten()?)))
        .collect();
    if moves.is_empty() {
        return;
    }
    let mut merged = vec![false; blocks.len()];
    for &(from, to) in &moves {
        let members = std::mem::take(&mut blocks[from].1);
        let slot = &mut blocks[to].1;
        slot.extend(members);
        slot.sort_unstable();
        merged[from] = true;
    }
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        !merged[i - 1]
    });
}

/// How many claims have their keys computed (in parallel) before they are grouped.
const CLAIMS_PER_CHUNK: usize = 8192;

/// Builds the graph. Claims must be in corpus order; the result does not depend on
/// thread count.
pub fn build(claims: &[Claim]) -> ClaimGraph {
    let families = Families::builtin();
    // Keys are computed in parallel a chunk of claims at a time (so that the keys of only
    // one chunk wait to be grouped), grouped by hashing, and only the distinct keys are
    // sorted, once (the slots' order).
    let mut grouped: HashMap<SlotKey, Vec<usize>> = HashMap::new();
    for (c, chunk) in claims.chunks(CLAIMS_PER_CHUNK).enumerate() {
        let keyed: Vec<Vec<SlotKey>> = chunk.par_iter().map(|c| key::keys(c, families)).collect();
        for (j, keys) in keyed.into_iter().enumerate() {
            for k in keys {
                grouped.entry(k).or_default().push(c * CLAIMS_PER_CHUNK + j);
            }
        }
    }
    let mut blocks: Vec<(SlotKey, Vec<usize>)> = grouped.into_iter().collect();
    blocks.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    merge_unnamed_actors(&mut blocks);
    let mut graph = UnGraph::new_undirected();
    let mut slots = Vec::new();
    let mut nodes = Vec::new();
    for (key, members) in blocks {
        for (key, members, unknown_time) in split_by_period(key, members, claims) {
            let facet = key.facet;
            let slot_nodes: Vec<NodeIndex> = members
                .iter()
                .map(|&claim| graph.add_node(ClaimNode { claim, facet }))
                .collect();
            for pair in slot_nodes.windows(2) {
                graph.add_edge(pair[0], pair[1], EdgeReason::SameSlot);
            }
            slots.push(Slot {
                label: key::label(&key),
                key,
                claims: members,
                unknown_time,
            });
            nodes.push(slot_nodes);
        }
    }
    debug_assert_eq!(components(&graph), slots.len());
    ClaimGraph {
        graph,
        slots,
        nodes,
    }
}

/// The number of connected components of `same-slot` edges: one per slot.
pub fn components(graph: &UnGraph<ClaimNode, EdgeReason>) -> usize {
    let mut uf = UnionFind::new(graph.node_count());
    for e in graph.edge_indices() {
        if graph[e] == EdgeReason::SameSlot {
            if let Some((a, b)) = graph.edge_endpoints(e) {
                uf.union(a.index(), b.index());
            }
        }
    }
    let mut labels = uf.into_labeling();
    labels.sort_unstable();
    labels.dedup();
    labels.len()
}

impl ClaimGraph {
    /// Records a rule's verdict between two claims of a slot.
    pub fn mark(&mut self, slot: usize, a: usize, b: usize, reason: EdgeReason) {
        let Some(nodes) = self.nodes.get(slot) else {
            return;
        };
        let Some(claims) = self.slots.get(slot) else {
            return;
        };
        let pos = |c: usize| claims.claims.iter().position(|&x| x == c);
        if let (Some(pa), Some(pb)) = (pos(a), pos(b)) {
            self.graph.update_edge(nodes[pa], nodes[pb], reason);
        }
    }

    /// Slots holding claims from at least two documents.
    pub fn shared_slots<'a>(
        &'a self,
        claims: &'a [Claim],
    ) -> impl Iterator<Item = (usize, &'a Slot)> + 'a {
        self.slots.iter().enumerate().filter(move |(_, s)| {
            let first = s.claims.first().map(|&c| claims[c].doc_index);
            s.claims.iter().any(|&c| Some(claims[c].doc_index) != first)
        })
    }
}
