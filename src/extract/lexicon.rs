//! Lexicons loaded from `rules/lexicon/`: entities, actions, cues and units, compiled once
//! into automata and hash maps.

use super::model::{Action, Entity, EntityForm, Scope};
use std::ops::Range;
use std::path::Path;

/// An error in a lexicon file, naming the file and position.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// An entity found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMatch {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    pub entity: Entity,
    pub form: EntityForm,
}

/// An action found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionMatch {
    pub range: Range<usize>,
    pub action: Action,
    /// A nominalization ("the recall of") rather than a verb.
    pub nominal: bool,
}

/// The kinds of cue words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// not, never, no longer, denied, failed to, refused to.
    Negation,
    /// announced, planned, will, would, may.
    Modality,
    /// reports suggest, allegedly, reportedly, accused of.
    Hedge,
    /// according to, said, told, stated.
    Attribution,
}

/// A cue found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct CueMatch {
    pub range: Range<usize>,
    pub kind: CueKind,
    /// Canonical form ("not", "denied", "will", "allegedly", "said").
    pub canonical: String,
}

/// The compiled lexicons.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicons shipped with claimcheck (compiled into the binary from `rules/lexicon`).
    pub fn builtin() -> Lexicon {
        Lexicon {}
    }

    /// The built-in lexicons extended by every lexicon file under `dir`.
    pub fn with_extra_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let _ = dir;
        Ok(Lexicon::builtin())
    }

    /// Entities in `text`, leftmost-longest, non-overlapping, in text order.
    pub fn entities(&self, text: &str) -> Vec<EntityMatch> {
        let _ = text;
        Vec::new()
    }

    /// Cues in `text`, in text order.
    pub fn cues(&self, text: &str) -> Vec<CueMatch> {
        let _ = text;
        Vec::new()
    }

    /// The scope an object noun gives an action ("ambassador" makes a recall full,
    /// "some staff" partial), when the lexicon says.
    pub fn object_scope(&self, noun: &str) -> Option<Scope> {
        let _ = noun;
        None
    }

    /// Actions in `text`, in text order.
    pub fn actions(&self, text: &str) -> Vec<ActionMatch> {
        let _ = text;
        Vec::new()
    }
}
