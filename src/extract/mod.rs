//! Extraction: nom parsers that read numbers, quantities, times, entities, actions and
//! cues from sentences, and assemble them into structured [`Claim`]s.

pub mod claim;
pub mod cues;
pub mod family;
pub(crate) mod fxhash;
pub mod lexicon;
pub mod model;
pub mod number;
pub mod quantity;
pub mod time;

pub use lexicon::{Lexicon, LexiconError};
pub use model::*;
