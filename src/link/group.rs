//! Grouping records by key: the claims of each key in corpus order (a counting sort, linear
//! in the claims), the keys in slot order (by their text), and unnamed actors merged.

use super::intern::Dense;
use super::key::Facet;
use super::record::{LinkRecord, PackedKey, Tables};
use rayon::prelude::*;
use std::collections::HashMap;

/// What the claims of a key say of their time, gathered as they are grouped so that
/// splitting slots by period need not look at every claim again.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Times {
    /// The year of the first claim that gives one.
    pub first_year: Option<i32>,
    /// Some claim gives another year than the first.
    pub several_years: bool,
    /// Some claim gives no year.
    pub undated: bool,
    /// Some claim gives no time at all.
    pub untimed: bool,
}

impl Times {
    fn add(&mut self, r: &LinkRecord) {
        match (r.year(), self.first_year) {
            (Some(y), None) => self.first_year = Some(y),
            (Some(y), Some(first)) => self.several_years |= y != first,
            (None, _) => self.undated = true,
        }
        self.untimed |= !r.has_time();
    }

    /// The times of two sets of claims together.
    pub fn merge(self, other: Times) -> Times {
        let differ = matches!((self.first_year, other.first_year), (Some(a), Some(b)) if a != b);
        Times {
            first_year: self.first_year.or(other.first_year),
            several_years: self.several_years || other.several_years || differ,
            undated: self.undated || other.undated,
            untimed: self.untimed || other.untimed,
        }
    }
}

/// The claims of every key, in corpus order, as runs of one array, and their times.
pub(crate) struct Grouped {
    /// Where the run of each key (dense index) starts; one more entry for the end.
    starts: Vec<u32>,
    members: Vec<u32>,
    times: Vec<Times>,
}

impl Grouped {
    /// Counts claims per key, turns counts into offsets, then places the claims in one
    /// pass: 4 bytes a (claim, key) pair and 16 a key.
    pub fn of(records: &[LinkRecord], keys: &Dense<PackedKey>) -> Grouped {
        let mut starts = vec![0u32; keys.values.len() + 1];
        for r in records {
            for k in r.key_ids() {
                if let Some(n) = starts.get_mut(keys.index(k) + 1) {
                    *n += 1;
                }
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut members = vec![0u32; starts.last().copied().unwrap_or(0) as usize];
        let mut times = vec![Times::default(); keys.values.len()];
        for (c, r) in records.iter().enumerate() {
            for k in r.key_ids() {
                let k = keys.index(k);
                if let Some(t) = times.get_mut(k) {
                    t.add(r);
                }
                if let Some(at) = fill.get_mut(k) {
                    if let Some(m) = members.get_mut(*at as usize) {
                        *m = c as u32;
                    }
                    *at += 1;
                }
            }
        }
        Grouped {
            starts,
            members,
            times,
        }
    }

    /// The times of the claims of a key (dense index).
    pub fn times(&self, key: usize) -> Times {
        self.times.get(key).copied().unwrap_or_default()
    }

    /// The claims of a key (dense index), in corpus order.
    pub fn run(&self, key: usize) -> &[u32] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&from), Some(&to)) => self
                .members
                .get(from as usize..to as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

/// A key as its text sorts: facet, then the rank of each part among all strings.
type TextOrder = (Facet, u32, u32, u32, u32);

/// The keys (dense indices) in slot order: as [`super::SlotKey`]s sort, compared through
/// the rank of each interned string in text order, so only the distinct strings and keys
/// are sorted.
pub(crate) fn slot_order(tables: &Tables) -> Vec<usize> {
    let strings = &tables.strings;
    let mut by_text: Vec<u32> = (0..strings.values.len() as u32).collect();
    by_text
        .par_sort_unstable_by(|&a, &b| strings.values[a as usize].cmp(&strings.values[b as usize]));
    let mut rank = vec![0u32; by_text.len()];
    for (r, &s) in by_text.iter().enumerate() {
        if let Some(slot) = rank.get_mut(s as usize) {
            *slot = r as u32;
        }
    }
    let rank_of = |id: u32| rank.get(strings.index(id)).copied().unwrap_or(0);
    let mut sorted: Vec<(TextOrder, usize)> = tables
        .keys
        .values
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let text = (
                k.facet,
                rank_of(k.family),
                rank_of(k.actor),
                rank_of(k.kind),
                rank_of(k.location),
            );
            (text, i)
        })
        .collect();
    sorted.par_sort_unstable();
    sorted.into_iter().map(|(_, i)| i).collect()
}

/// Claim indices in corpus order: a run of the grouped members, or a merged list.
pub(crate) enum Members<'a> {
    Run(&'a [u32]),
    Merged(Vec<u32>),
}

impl Members<'_> {
    pub fn as_slice(&self) -> &[u32] {
        match self {
            Members::Run(run) => run,
            Members::Merged(list) => list,
        }
    }
}

/// Two sorted lists of distinct claims as one sorted list.
fn merge_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x <= y {
            out.push(x);
            i += 1;
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
    out
}

/// An event told without its actor ("the port remained open") joins the slot of the same
/// event, kind and place told with one, when exactly one such slot exists. `order` holds
/// the keys in slot order; returns the members of each, `None` for keys merged away.
pub(crate) fn merge_unnamed_actors<'a>(
    order: &[usize],
    keys: &[PackedKey],
    grouped: &'a Grouped,
    empty: u32,
) -> Vec<Option<(Members<'a>, Times)>> {
    let event = |k: &PackedKey| (k.family, k.kind, k.location);
    // The one named slot of each (event, kind, place), or None when there are several.
    let mut named: HashMap<(u32, u32, u32), Option<usize>> = HashMap::new();
    for (pos, &k) in order.iter().enumerate() {
        let k = &keys[k];
        if k.facet == Facet::Event && k.actor != empty {
            named
                .entry(event(k))
                .and_modify(|t| *t = None)
                .or_insert(Some(pos));
        }
    }
    let mut blocks: Vec<Option<(Members<'a>, Times)>> = order
        .iter()
        .map(|&k| Some((Members::Run(grouped.run(k)), grouped.times(k))))
        .collect();
    for (from, &k) in order.iter().enumerate() {
        let k = &keys[k];
        if k.facet != Facet::Event || k.actor != empty || k.location == empty {
            continue;
        }
        let Some(&Some(to)) = named.get(&event(k)) else {
            continue;
        };
        let Some((moved, moved_times)) = blocks.get_mut(from).and_then(Option::take) else {
            continue;
        };
        if let Some(Some((target, times))) = blocks.get_mut(to) {
            *target = Members::Merged(merge_sorted(target.as_slice(), moved.as_slice()));
            *times = times.merge(moved_times);
        }
    }
    blocks
}
