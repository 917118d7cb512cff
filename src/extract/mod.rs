//! Extraction: nom parsers that read numbers, quantities, times, entities, actions and
//! cues from sentences, and assemble them into structured [`Claim`]s.

pub mod claim;
pub mod clock;
pub mod cues;
pub mod english;
pub mod family;
pub mod lexicon;
pub(crate) mod lookup;
pub mod model;
pub mod number;
pub mod quantity;
pub mod time;

pub use lexicon::{Knowledge, Lexicon, LexiconError};
pub use model::*;
