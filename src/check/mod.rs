//! The rule engine: rules loaded from `rules/checks/*.toml`, each of a kind implemented in
//! this module (one file per kind, one line in the registry `kind::KINDS`), run inside
//! every claim slot.

pub mod action_scope;
pub mod actor;
pub mod date;
pub mod duration;
pub mod engine;
pub mod finding;
pub mod kind;
pub mod location;
pub mod params;
pub mod polarity;
pub mod quantity;
pub mod rule;
pub mod suppress;

pub use engine::{run, Context};
pub use finding::{Bound, Compared, Evidence, Finding, Severity, Side};
pub use rule::{load, Kind, Rule, RuleError};
