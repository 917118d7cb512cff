//! What earlier sentences of a document established, for resolving references.
//!
//! The documented rule: a pronoun subject ("it", "they", "its"), "the move", "this
//! decision" or "the country" refers to the actor of the most recent claim that named
//! one; "his country" / "her country" refers to the country of the most recently named
//! leader; an action with no place in its sentence takes the place most recently named
//! (marked as inferred, which lowers confidence).

use crate::extract::model::{Entity, Mention};

/// The document's running context.
#[derive(Clone, Debug, Default)]
pub struct Discourse {
    pub last_actor: Option<Mention<Entity>>,
    pub last_leader_country: Option<Mention<Entity>>,
    pub last_place: Option<Mention<Entity>>,
}
