//! Building the claim graph: candidate pairs from blocking keys (never all pairs),
//! `same-slot` edges inside each block, slots as connected components.

use super::group::{merge_unnamed_actors, slot_order, Grouped, Times};
use super::key::{self, Facet, SlotKey};
use super::record::{KeyTable, LinkRecord, PackedKey, Tables};
use crate::extract::{Claim, Knowledge};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// Index into the claims (or records) the graph was built from.
    pub claim: u32,
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
    /// For slots linked by meaning: the scored links between their claims and the
    /// words that made each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<super::meaning::Link>,
}

/// The claim graph and its slots. The nodes of a slot are consecutive in the graph, in the
/// order of the slot's claims.
///
/// Memory: 16 bytes a node (one per claim and facet) and 20 bytes a `same-slot` edge in
/// petgraph, 4 bytes a slot for its first node, and the [`Slot`] itself (208 bytes, plus
/// its key's strings, its label and 8 bytes a claim on the heap: about 400 bytes in all for
/// a slot of one claim).
#[derive(Debug, Default)]
pub struct ClaimGraph {
    pub graph: UnGraph<ClaimNode, EdgeReason>,
    pub slots: Vec<Slot>,
    /// The first node of each slot.
    first_node: Vec<u32>,
}

pub(crate) fn slot_key(tables: &Tables, key: &PackedKey) -> SlotKey {
    SlotKey {
        facet: key.facet,
        family: tables.text(key.family).to_string(),
        actor: tables.text(key.actor).to_string(),
        kind: tables.text(key.kind).to_string(),
        location: tables.text(key.location).to_string(),
        period: String::new(),
    }
}

fn slot(key: SlotKey, members: &[u32], unknown_time: bool) -> Slot {
    Slot {
        label: key::label(&key),
        key,
        claims: members.iter().map(|&c| c as usize).collect(),
        unknown_time,
        links: Vec::new(),
    }
}

/// The slots of one block: one, or for a quantity block whose claims give different years,
/// one per year plus one for the claims without a year (counts at different times need not
/// agree), the claims without a year first.
fn split_by_period(
    key: SlotKey,
    members: &[u32],
    times: Times,
    records: &[LinkRecord],
    mut emit: impl FnMut(Slot),
) {
    if key.facet != Facet::Quantity {
        return emit(slot(key, members, times.untimed));
    }
    if !times.several_years {
        return emit(slot(key, members, times.undated));
    }
    let year = |c: u32| records.get(c as usize).and_then(LinkRecord::year);
    let mut by_year: BTreeMap<Option<i32>, Vec<u32>> = BTreeMap::new();
    for &c in members {
        by_year.entry(year(c)).or_default().push(c);
    }
    for (year, members) in by_year {
        let mut k = key.clone();
        k.period = year.map_or_else(|| "time unknown".to_string(), |y| y.to_string());
        emit(slot(k, &members, year.is_none()));
    }
}

/// Builds the graph. Claims must be in corpus order; the result does not depend on
/// thread count. The same as [`KeyTable::record`] on every claim, then
/// [`ClaimGraph::from_records`].
pub fn build(claims: &[Claim], knowledge: &Knowledge) -> ClaimGraph {
    let table = KeyTable::new(knowledge);
    let records: Vec<LinkRecord> = claims.par_iter().map(|c| table.record(c)).collect();
    let mut graph = ClaimGraph::from_records(table, &records);
    graph.add_meaning_slots(claims, knowledge);
    graph
}

impl ClaimGraph {
    /// Builds the graph from the records of every claim, in corpus order (record `i` is
    /// claim `i`), and the table that made them. Grouping is a counting sort over key ids
    /// (linear); only the distinct keys are sorted, by their text, for the slots' order.
    pub fn from_records(table: KeyTable, records: &[LinkRecord]) -> ClaimGraph {
        let empty = table.empty_id();
        let tables = table.finish();
        let keys = &tables.keys.values;
        let grouped = Grouped::of(records, &tables.keys);
        let order = slot_order(&tables);
        let blocks = merge_unnamed_actors(&order, keys, &grouped, empty);
        let memberships = records.iter().map(|r| r.key_ids().count()).sum::<usize>();
        let mut graph = ClaimGraph {
            graph: UnGraph::with_capacity(memberships, memberships.saturating_sub(order.len())),
            slots: Vec::with_capacity(order.len()),
            first_node: Vec::with_capacity(order.len()),
        };
        for (&k, block) in order.iter().zip(&blocks) {
            let Some((members, times)) = block else {
                continue;
            };
            let key = slot_key(&tables, &keys[k]);
            split_by_period(key, members.as_slice(), *times, records, |s| graph.push(s));
        }
        debug_assert_eq!(components(&graph.graph), graph.slots.len());
        graph
    }

    /// Adds the slots of value claims linked by meaning ([`super::meaning`]).
    pub fn add_meaning_slots(&mut self, claims: &[Claim], knowledge: &Knowledge) {
        for m in super::meaning::link(claims, knowledge) {
            self.push(Slot {
                key: m.key,
                label: m.label,
                claims: m.claims,
                unknown_time: false,
                links: m.links,
            });
        }
    }

    /// Adds a slot, its nodes and the `same-slot` chain between them.
    fn push(&mut self, slot: Slot) {
        let first = self.graph.node_count();
        self.first_node.push(first as u32);
        let facet = slot.key.facet;
        for &claim in &slot.claims {
            self.graph.add_node(ClaimNode {
                claim: claim as u32,
                facet,
            });
        }
        for n in first + 1..self.graph.node_count() {
            self.graph.add_edge(
                NodeIndex::new(n - 1),
                NodeIndex::new(n),
                EdgeReason::SameSlot,
            );
        }
        self.slots.push(slot);
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
    /// The nodes of a slot, in the order of its claims.
    pub fn slot_nodes(&self, slot: usize) -> impl Iterator<Item = NodeIndex> {
        let first = self.first_node.get(slot).map_or(0, |&f| f as usize);
        let len = self.slots.get(slot).map_or(0, |s| s.claims.len());
        (first..first + len).map(NodeIndex::new)
    }

    /// The node of the claim at `pos` in a slot.
    pub fn node(&self, slot: usize, pos: usize) -> Option<NodeIndex> {
        let first = *self.first_node.get(slot)? as usize;
        (pos < self.slots.get(slot)?.claims.len()).then(|| NodeIndex::new(first + pos))
    }

    /// The position in its slot of a node of that slot.
    pub fn position(&self, slot: usize, node: NodeIndex) -> Option<usize> {
        let first = *self.first_node.get(slot)? as usize;
        let pos = node.index().checked_sub(first)?;
        (pos < self.slots.get(slot)?.claims.len()).then_some(pos)
    }

    /// Records a rule's verdict between two claims of a slot.
    pub fn mark(&mut self, slot: usize, a: usize, b: usize, reason: EdgeReason) {
        let Some(claims) = self.slots.get(slot).map(|s| &s.claims) else {
            return;
        };
        // Slot claims are in corpus order; the linear search only guards edited slots.
        let pos = |c: usize| {
            claims
                .binary_search(&c)
                .ok()
                .or_else(|| claims.iter().position(|&x| x == c))
        };
        if let (Some(pa), Some(pb)) = (pos(a), pos(b)) {
            if let (Some(na), Some(nb)) = (self.node(slot, pa), self.node(slot, pb)) {
                self.graph.update_edge(na, nb, reason);
            }
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

    /// Only the slots shared by several documents, without their scored links or the
    /// rules' verdicts: what a report of agreeing slots reads. A check keeps this much of
    /// each story's graph until its report, not the whole graph.
    pub fn into_shared(self, claims: &[Claim]) -> ClaimGraph {
        let mut keep = vec![false; self.slots.len()];
        for (i, _) in self.shared_slots(claims) {
            keep[i] = true;
        }
        let mut out = ClaimGraph::default();
        for (slot, keep) in self.slots.into_iter().zip(keep) {
            if keep {
                out.push(Slot {
                    links: Vec::new(),
                    ..slot
                });
            }
        }
        out
    }

    /// Slots holding claims from at least two documents, from the records the graph was
    /// built from (no claims needed).
    pub fn shared_slots_by_doc<'a>(
        &'a self,
        records: &'a [LinkRecord],
    ) -> impl Iterator<Item = (usize, &'a Slot)> + 'a {
        let doc = |c: usize| records.get(c).map(LinkRecord::doc_index);
        self.slots.iter().enumerate().filter(move |(_, s)| {
            let first = s.claims.first().and_then(|&c| doc(c));
            s.claims.iter().any(|&c| doc(c) != first)
        })
    }
}
