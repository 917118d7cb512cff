//! The claim graph: claims linked across sources into slots with petgraph, through
//! canonical keys (entity names, action families, themes and measures).

pub mod export;
pub mod graph;
mod group;
mod intern;
pub mod key;
pub mod record;
#[cfg(test)]
mod tests;

pub use graph::{build, ClaimGraph, ClaimNode, EdgeReason, Slot};
pub use key::{Facet, SlotKey};
pub use record::{KeyTable, LinkRecord};
