//! Lexicons loaded from `rules/lexicon/`: entities, actions and cues, compiled once into
//! aho-corasick automata and hash maps (units and abbreviations have their own loaders).

mod actions;
pub(crate) mod data;
mod entities;
mod inflect;
pub(crate) mod matcher;
#[cfg(test)]
mod tests;

use super::cues::CueIndex;
use super::model::{Action, Entity, EntityForm, Name, Scope};
use actions::ActionIndex;
use entities::EntityIndex;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

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
    /// Byte range in the searched text (title, possessive and government noun included
    /// when they were folded in: "President Macron", "the French government").
    pub range: Range<usize>,
    pub entity: Entity,
    pub form: EntityForm,
    /// For a leader: the person's canonical name ("Emmanuel Macron"), when known.
    pub person: Option<String>,
    /// For a leader: the role ("President", "Foreign Minister"), from the lexicon or the
    /// title as written.
    pub role: Option<String>,
    /// The surface is also a common word or another place ("Chad", "Georgia", "Jordan"):
    /// weigh it lower when the context does not confirm it.
    pub ambiguous: bool,
}

/// The grammatical form an action was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// "recall", "pull out".
    Base,
    /// "recalls".
    ThirdPerson,
    /// "withdrew".
    Past,
    /// "withdrawn".
    Participle,
    /// "recalled": past tense or participle (the assembler tells which).
    PastOrParticiple,
    /// "recalling".
    Gerund,
    /// A nominalization: "withdrawal", "the recall of", "coup".
    Noun,
}

/// An action found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionMatch {
    /// Byte range, including a scope modifier directly before it ("partial withdrawal").
    pub range: Range<usize>,
    /// The canonical action; its `scope` is the surface's or the modifier's when they say.
    pub action: Action,
    /// A nominalization ("the recall of") rather than a verb.
    pub nominal: bool,
    pub form: VerbForm,
    /// Other canonical actions the same words can mean ("struck": strike, hit), least
    /// likely last.
    pub alternatives: Vec<Action>,
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
    pub canonical: Name,
}

/// Everything compiled from a set of lexicon files.
#[derive(Debug)]
struct Compiled {
    entities: EntityIndex,
    actions: ActionIndex,
    cues: CueIndex,
}

impl Compiled {
    fn from_sources(sources: &[data::Source]) -> Result<Compiled, LexiconError> {
        let merged = data::Merged::from_sources(sources)?;
        Ok(Compiled {
            entities: EntityIndex::build(&merged)?,
            actions: ActionIndex::build(&merged)?,
            cues: CueIndex::build(&merged.cues),
        })
    }
}

/// The compiled lexicons. Cheap to clone: the automata are shared.
#[derive(Clone, Debug)]
pub struct Lexicon {
    compiled: Arc<Compiled>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::builtin()
    }
}

static BUILTIN: OnceLock<Arc<Compiled>> = OnceLock::new();

impl Lexicon {
    /// The lexicons shipped with claimcheck (compiled into the binary from `rules/lexicon`),
    /// built once per process.
    pub fn builtin() -> Lexicon {
        let compiled = BUILTIN.get_or_init(|| {
            let compiled = Compiled::from_sources(&data::builtin_sources());
            // The built-in files are checked by the test suite; a failure here is a bug.
            Arc::new(compiled.unwrap_or_else(|e| panic!("built-in lexicon is invalid: {e}")))
        });
        Lexicon {
            compiled: Arc::clone(compiled),
        }
    }

    /// The built-in lexicons extended by every `*.toml` file in `dir/lexicon/` (files
    /// holding none of this lexicon's tables, such as `units.toml`, are left to their
    /// own loaders).
    pub fn with_extra_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        Lexicon::with_extra_dirs(std::slice::from_ref(&dir.to_path_buf()))
    }

    /// The built-in lexicons extended by the `lexicon/` folder of every given rules folder,
    /// in order (later files add to and override earlier ones).
    pub fn with_extra_dirs(dirs: &[std::path::PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut extra = Vec::new();
        for dir in dirs {
            extra.extend(data::read_extra_dir(&dir.join("lexicon"))?);
        }
        if extra.is_empty() {
            return Ok(Lexicon::builtin());
        }
        let mut sources = data::builtin_sources();
        sources.extend(extra);
        Ok(Lexicon {
            compiled: Arc::new(Compiled::from_sources(&sources)?),
        })
    }

    /// Entities in `text`, leftmost-longest, non-overlapping, in text order.
    /// The general English layer (lemmas, parts of speech, concepts, function words).
    pub fn english(&self) -> &'static super::english::English {
        super::english::English::builtin()
    }

    pub fn entities(&self, text: &str) -> Vec<EntityMatch> {
        self.compiled.entities.find(text)
    }

    /// Cues in `text`, in text order.
    pub fn cues(&self, text: &str) -> Vec<CueMatch> {
        self.compiled.cues.find(text)
    }

    /// The scope an object noun gives an action ("ambassador" makes a recall full,
    /// "some staff" partial), when the lexicon says.
    pub fn object_scope(&self, noun: &str) -> Option<Scope> {
        self.compiled.actions.object_scope(noun)
    }

    /// Actions in `text`, in text order.
    pub fn actions(&self, text: &str) -> Vec<ActionMatch> {
        self.compiled.actions.find(text)
    }

    /// The canonical entity called `name`, if the lexicon knows it.
    pub fn entity(&self, name: &str) -> Option<&Entity> {
        self.compiled.entities.by_name(name)
    }

    /// The canonical action called `name`, if the lexicon knows it.
    pub fn action(&self, name: &str) -> Option<&Action> {
        self.compiled.actions.by_name(name)
    }
}
