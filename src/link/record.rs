//! The first step of linking: each claim to a small [`LinkRecord`] (its slot keys as
//! interned ids, its document, whether and in which year it is dated), through a
//! [`KeyTable`] that threads share. [`crate::link::ClaimGraph::from_records`] is the second.
//!
//! Memory: a record is 24 bytes per claim. The table holds each distinct key part (a
//! name, a family, a measure ...) once, and each distinct key once as five `u32`s in a hash
//! map (about 40 bytes a distinct key); nothing per claim.

use super::intern::{spread, spread_str, Dense, Interner};
use super::key::{measure_of_unit, Facet};
use crate::extract::{Claim, Entity, Knowledge, Mention, TimeValue};
use std::collections::HashMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

/// A slot key with its parts interned (ids of a [`KeyTable`]'s strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PackedKey {
    pub facet: Facet,
    pub family: u32,
    pub actor: u32,
    pub kind: u32,
    pub location: u32,
}

impl PackedKey {
    fn spread(&self) -> u64 {
        spread([
            self.facet as u64,
            u64::from(self.family),
            u64::from(self.actor) << 32 | u64::from(self.kind),
            u64::from(self.location),
        ])
    }
}

/// No key in this place of a record.
const NO_KEY: u32 = u32::MAX;
const HAS_TIME: u8 = 1;
const HAS_YEAR: u8 = 2;

/// What linking needs of one claim: 24 bytes, `Copy`, no reference to the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkRecord {
    /// Ids of its quantity, duration and event keys in the table ([`NO_KEY`] for none).
    keys: [u32; 3],
    doc_index: u32,
    year: i32,
    flags: u8,
}

impl LinkRecord {
    /// The index of the claim's document in the corpus.
    pub fn doc_index(&self) -> usize {
        self.doc_index as usize
    }

    /// The claim gives a time.
    pub fn has_time(&self) -> bool {
        self.flags & HAS_TIME != 0
    }

    /// The year of the claim's time when it is a dated point.
    pub fn year(&self) -> Option<i32> {
        (self.flags & HAS_YEAR != 0).then_some(self.year)
    }

    /// The ids of the keys of the slots the claim belongs to.
    pub(crate) fn key_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.keys.iter().copied().filter(|&k| k != NO_KEY)
    }
}

/// What an action name canonically becomes: its family, whether that family happens once,
/// and what it becomes from its target's side, per domain.
struct ActionMemo {
    family: (u32, bool),
    converse: HashMap<Box<str>, Option<(u32, bool)>>,
}

/// Look-ups through the lexicons, done once per distinct action or unit.
#[derive(Default)]
struct Memo {
    actions: HashMap<Box<str>, ActionMemo>,
    measures: HashMap<Box<str>, u32>,
}

fn read<T>(l: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|p| p.into_inner())
}

fn write<T>(l: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|p| p.into_inner())
}

/// The interned key parts and keys of every claim recorded so far. `record` takes `&self`
/// and may be called from many threads at once (rayon workers extracting documents);
/// the graph does not depend on the order claims were recorded in.
pub struct KeyTable {
    knowledge: Knowledge,
    strings: Interner<Box<str>>,
    keys: Interner<PackedKey>,
    memo: RwLock<Memo>,
    empty: u32,
    count: u32,
    duration: u32,
    presence: u32,
}

/// The event's actor and place after converse actions ([`super::key::canonical`], borrowed).
struct Roles<'a> {
    actor: Option<&'a Mention<Entity>>,
    location: Option<&'a Mention<Entity>>,
}

fn roles(claim: &Claim, converse: bool) -> Roles<'_> {
    if converse {
        return Roles {
            actor: claim.target.as_deref(),
            location: claim.place.as_deref().or(claim.actor.as_deref()),
        };
    }
    let location = match (&claim.target, &claim.place) {
        (Some(t), _) if claim.actor.as_ref().is_none_or(|a| a.value != t.value) => Some(&**t),
        (_, p) => p.as_deref(),
    };
    Roles {
        actor: claim.actor.as_deref(),
        location,
    }
}

fn year_of(claim: &Claim) -> Option<i32> {
    match &claim.time.as_ref()?.value {
        TimeValue::Point { date: Some(d), .. } => Some(d.year),
        _ => None,
    }
}

impl KeyTable {
    /// A table for the action families, units and themes of `knowledge`.
    pub fn new(knowledge: &Knowledge) -> KeyTable {
        let strings = Interner::default();
        let fixed = |s: &str| strings.intern(spread_str(s), s, |s: &str| Box::from(s));
        let (empty, count, duration, presence) = (
            fixed(""),
            fixed("count"),
            fixed("duration"),
            fixed("presence"),
        );
        KeyTable {
            knowledge: knowledge.clone(),
            strings,
            keys: Interner::default(),
            memo: RwLock::new(Memo::default()),
            empty,
            count,
            duration,
            presence,
        }
    }

    /// The id of the empty string (an unknown actor or place).
    pub(crate) fn empty_id(&self) -> u32 {
        self.empty
    }

    fn text(&self, s: &str) -> u32 {
        self.strings
            .intern(spread_str(s), s, |s: &str| Box::from(s))
    }

    fn key(&self, key: PackedKey) -> u32 {
        self.keys.intern(key.spread(), &key, |k| *k)
    }

    /// The family of an action and, for its domain, what it becomes from its target's side.
    fn action(&self, action: &str, domain: &str) -> ((u32, bool), Option<(u32, bool)>) {
        if let Some(memo) = read(&self.memo).actions.get(action) {
            if let Some(&converse) = memo.converse.get(domain) {
                return (memo.family, converse);
            }
        }
        let family = self.knowledge.families().family(action);
        let family = (
            self.text(&family),
            self.knowledge.families().is_once(&family),
        );
        let converse = self
            .knowledge
            .families()
            .converse(action, domain)
            .map(|f| (self.text(f), self.knowledge.families().is_once(f)));
        let mut memo = write(&self.memo);
        let entry = memo
            .actions
            .entry(action.into())
            .or_insert_with(|| ActionMemo {
                family,
                converse: HashMap::new(),
            });
        entry.converse.insert(domain.into(), converse);
        (family, converse)
    }

    /// The measure a quantity's unit counts ([`super::key::measure`]).
    fn measure(&self, unit: &str) -> u32 {
        if let Some(&m) = read(&self.memo).measures.get(unit) {
            return m;
        }
        let m = self.text(&measure_of_unit(unit, &self.knowledge));
        write(&self.memo).measures.insert(unit.into(), m);
        m
    }

    /// The record of one claim: the keys [`super::key::keys`] gives, interned.
    pub fn record(&self, claim: &Claim) -> LinkRecord {
        if claim.about.is_some() {
            // Value claims are linked by meaning ([`super::meaning`]), not by keys.
            return LinkRecord {
                keys: [NO_KEY; 3],
                doc_index: claim.doc_index,
                year: 0,
                flags: 0,
            };
        }
        let domain = claim.domain.as_deref().unwrap_or("");
        let action = claim
            .action
            .as_ref()
            .map(|a| self.action(&a.value.name, domain));
        let converse = action.and_then(|(_, c)| c);
        let (family, once) = match (converse, action) {
            (Some(c), _) => c,
            (None, Some((f, _))) => f,
            (None, None) => (self.count, false),
        };
        let roles = roles(claim, converse.is_some());
        let name = |m: Option<&Mention<Entity>>| m.map_or(self.empty, |m| self.text(&m.value.name));
        let actor = name(roles.actor);
        let location = name(roles.location);
        let mut keys = [NO_KEY; 3];
        let unit = claim
            .quantity
            .as_ref()
            .and_then(|q| q.unit.as_deref().or(q.counted.as_deref()));
        if let Some(unit) = unit {
            if actor != self.empty || location != self.empty {
                keys[0] = self.key(PackedKey {
                    facet: Facet::Quantity,
                    family: if family == self.presence {
                        self.count
                    } else {
                        family
                    },
                    actor,
                    kind: self.measure(unit),
                    location,
                });
            }
        }
        let located = roles.actor.is_some() || roles.location.is_some();
        if let (Some(theme), Some(_), true) = (&claim.theme, &claim.duration, located) {
            keys[1] = self.key(PackedKey {
                facet: Facet::Duration,
                family: self.duration,
                actor,
                kind: self.text(&theme.value),
                location,
            });
        }
        if claim.action.is_some() && located {
            keys[2] = self.key(PackedKey {
                facet: Facet::Event,
                family,
                actor,
                kind: if once { self.empty } else { self.text(domain) },
                location,
            });
        }
        let year = year_of(claim);
        let flags = if claim.time.is_some() { HAS_TIME } else { 0 }
            | if year.is_some() { HAS_YEAR } else { 0 };
        LinkRecord {
            keys,
            // More than 2^32 documents do not fit in memory as claims.
            doc_index: claim.doc_index,
            year: year.unwrap_or(0),
            flags,
        }
    }

    /// Every interned string and key, at dense indices.
    pub(crate) fn finish(self) -> Tables {
        Tables {
            strings: self.strings.finish(),
            keys: self.keys.finish(),
        }
    }
}

/// A finished [`KeyTable`]: key parts and keys at dense indices.
pub(crate) struct Tables {
    pub strings: Dense<Box<str>>,
    pub keys: Dense<PackedKey>,
}

impl Tables {
    /// The text of an interned string.
    pub fn text(&self, id: u32) -> &str {
        self.strings.get(id).map_or("", |s| s)
    }
}
