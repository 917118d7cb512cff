//! The claim graph: claims linked across sources into slots with petgraph, through
//! canonical keys (entity names, action families, themes and measures).
//!
//! Linking is two steps, so that it can follow extraction document by document:
//!
//! ```no_run
//! # use claimcheck::extract::Claim;
//! use claimcheck::link::{ClaimGraph, KeyTable, LinkRecord};
//! # let claims: Vec<Claim> = Vec::new();
//! # let knowledge = claimcheck::extract::Knowledge::builtin();
//! let table = KeyTable::new(&knowledge);
//! // Any thread, any order of calls; record i must end up at index i (corpus order).
//! let records: Vec<LinkRecord> = claims.iter().map(|c| table.record(c)).collect();
//! let graph = ClaimGraph::from_records(table, &records);
//! let shared = graph.shared_slots_by_doc(&records).count();
//! ```
//!
//! Memory: 24 bytes a claim for its record and about 60 bytes a distinct key while
//! grouping; the graph keeps 16 bytes a node and 20 an edge, plus one [`Slot`] (about 400
//! bytes with its strings) per slot.

pub mod export;
pub mod graph;
mod group;
mod intern;
pub mod key;
pub mod meaning;
pub mod place;
pub mod record;
#[cfg(test)]
mod tests;

pub use graph::{build, ClaimGraph, ClaimNode, EdgeReason, Slot};
pub use key::{Facet, SlotKey};
pub use record::{KeyTable, LinkRecord};
