//! The rule engine: rules loaded from `rules/checks/*.toml`, each of a kind implemented in
//! this module (one file per kind), run inside every claim slot.

pub mod finding;

pub use finding::{Evidence, Finding, Severity, Side};
