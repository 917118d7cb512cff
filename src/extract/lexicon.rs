//! The run's knowledge ([`Knowledge`]) loaded from `rules/lexicon/` and the `--rules`
//! folders: entities, actions and cues compiled here into aho-corasick automata and hash
//! maps, and the tables with loaders of their own (units, families, themes, initiative
//! words, abbreviations, the English layer), each built once per run.

mod actions;
pub(crate) mod data;
mod entities;
mod inflect;
pub mod link_model;
pub(crate) mod matcher;
#[cfg(test)]
mod tests;

use super::claim::initiative::Initiative;
use super::claim::theme::Themes;
use super::cues::CueIndex;
use super::english::English;
use super::family::Families;
use super::model::{Action, Entity, EntityForm, Name, Scope};
use super::quantity::{Units, UnitsError};
use crate::corpus::Abbreviations;
use actions::ActionIndex;
use entities::EntityIndex;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// An error in a lexicon file, naming the file and position.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
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

/// Everything claimcheck knows of words, built once per run from `rules/lexicon/` (the
/// copy compiled into the binary) and the `lexicon/` folders of the `--rules` folders,
/// and passed by reference through extraction, linking and checking: entities, actions
/// and cues, units and quantity words, action families, themes, initiative words,
/// abbreviations and the English layer. Cheap to clone: the tables are shared.
#[derive(Clone, Debug)]
pub struct Knowledge {
    compiled: Arc<Compiled>,
    tables: Arc<Tables>,
}

/// The former name of [`Knowledge`], from when it held only the entity, action and cue
/// lexicons.
pub type Lexicon = Knowledge;

/// The tables with loaders of their own.
#[derive(Debug)]
struct Tables {
    units: Units,
    families: Families,
    themes: Themes,
    initiative: Initiative,
    abbreviations: Abbreviations,
    english: English,
    places: crate::extract::english::Places,
    link_model: link_model::LinkModel,
}

/// The files of a `lexicon/` folder that the tables' own loaders read, beside the
/// entity, action and cue files.
#[derive(Default)]
struct ExtraFiles {
    units: Vec<(String, String)>,
    quantity_words: Vec<(String, String)>,
    families: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    initiative: Vec<(String, String)>,
    abbreviations: Vec<(String, String)>,
}

impl ExtraFiles {
    /// Reads the files of `dir` (a `lexicon/` folder) named as the shipped ones are.
    fn read(&mut self, dir: &Path) -> Result<(), LexiconError> {
        let lists = [
            ("units.toml", &mut self.units),
            ("quantity_words.toml", &mut self.quantity_words),
            ("families.toml", &mut self.families),
            ("themes.toml", &mut self.themes),
            ("initiative.toml", &mut self.initiative),
            ("abbreviations.txt", &mut self.abbreviations),
        ];
        for (name, list) in lists {
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
                path: path.display().to_string(),
                source,
            })?;
            list.push((path.display().to_string(), text));
        }
        Ok(())
    }
}

/// The texts of a list of files.
fn texts(files: &[(String, String)]) -> Vec<&str> {
    files.iter().map(|(_, text)| text.as_str()).collect()
}

/// The (name, text) pairs of a list of files.
fn named(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect()
}

/// An error in one of `files`, naming them.
fn invalid(files: &[(String, String)], message: impl std::fmt::Display) -> LexiconError {
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    LexiconError::Invalid {
        path: paths.join(", "),
        message: message.to_string(),
    }
}

impl Tables {
    /// The shipped tables extended by `extra`.
    fn build(extra: &ExtraFiles) -> Result<Tables, LexiconError> {
        let units = Units::with_files(&named(&extra.units), &named(&extra.quantity_words))
            .map_err(|e| match e {
                UnitsError::Toml { file, source } => LexiconError::Invalid {
                    path: file,
                    message: source.to_string(),
                },
            })?;
        let families = Families::with_extra(&texts(&extra.families))
            .map_err(|e| invalid(&extra.families, e))?;
        let themes =
            Themes::with_extra(&texts(&extra.themes)).map_err(|e| invalid(&extra.themes, e))?;
        let initiative = Initiative::with_extra(&texts(&extra.initiative))
            .map_err(|e| invalid(&extra.initiative, e))?;
        let mut abbreviations = Abbreviations::shipped();
        for (_, text) in &extra.abbreviations {
            abbreviations.extend(text);
        }
        Ok(Tables {
            units,
            families,
            themes,
            initiative,
            abbreviations,
            english: English::shipped(),
            places: crate::extract::english::Places::shipped(),
            link_model: link_model::LinkModel::shipped(),
        })
    }
}

impl Knowledge {
    /// The knowledge shipped with claimcheck (compiled into the binary from
    /// `rules/lexicon`), built afresh on every call: a run builds it once (with
    /// [`Knowledge::with_extra_dirs`]) and passes it on.
    pub fn builtin() -> Knowledge {
        Knowledge::with_extra_dirs(&[])
            .unwrap_or_else(|e| panic!("built-in lexicon is invalid: {e}"))
    }

    /// The shipped knowledge extended by every `*.toml` file in `dir/lexicon/` (see
    /// [`Knowledge::with_extra_dirs`]).
    pub fn with_extra_dir(dir: &Path) -> Result<Knowledge, LexiconError> {
        Knowledge::with_extra_dirs(std::slice::from_ref(&dir.to_path_buf()))
    }

    /// The shipped knowledge extended by the `lexicon/` folder of every given rules
    /// folder, in order (later files add to and override earlier ones): entity, action
    /// and cue tables in any `*.toml` file holding them, and the files named as the
    /// shipped ones for units (`units.toml`, `quantity_words.toml`), families
    /// (`families.toml`), themes (`themes.toml`), initiative words (`initiative.toml`)
    /// and abbreviations (`abbreviations.txt`).
    pub fn with_extra_dirs(dirs: &[std::path::PathBuf]) -> Result<Knowledge, LexiconError> {
        let mut sources = data::builtin_sources();
        let mut extra = ExtraFiles::default();
        for dir in dirs {
            let dir = dir.join("lexicon");
            sources.extend(data::read_extra_dir(&dir)?);
            if dir.is_dir() {
                extra.read(&dir)?;
            }
        }
        Ok(Knowledge {
            compiled: Arc::new(Compiled::from_sources(&sources)?),
            tables: Arc::new(Tables::build(&extra)?),
        })
    }

    /// The general English layer (lemmas, parts of speech, concepts, function words).
    pub fn english(&self) -> &English {
        &self.tables.english
    }

    /// Place knowledge: what places and parts are part of (WordNet).
    pub fn places(&self) -> &crate::extract::english::Places {
        &self.tables.places
    }

    /// Whether the place named `inner` lies within the place named `outer`
    /// (case-insensitive): by WordNet's part-of links ("Nassau" in "the Bahamas"), or as
    /// the capital of that country in the entity lexicon (`countries.toml`).
    pub fn place_within(&self, inner: &str, outer: &str) -> bool {
        let bare = |s: &str| {
            let s = s.trim();
            s.strip_prefix("the ")
                .or_else(|| s.strip_prefix("The "))
                .unwrap_or(s)
                .to_string()
        };
        let (inner, outer) = (bare(inner), bare(outer));
        let whole = |text: &str, form: EntityForm| -> Option<Name> {
            self.entities(text)
                .into_iter()
                .find(|m| m.range == (0..text.len()) && m.form == form)
                .map(|m| m.entity.name)
        };
        // "the UK" is WordNet's "United Kingdom": the entity lexicon's canonical name.
        let canonical =
            |s: &str| whole(s, EntityForm::Name).map_or(s.to_string(), |n| n.to_string());
        let places = self.places();
        if places.within(&inner, &outer) || places.within(&canonical(&inner), &canonical(&outer)) {
            return true;
        }
        match (
            whole(&inner, EntityForm::Capital),
            whole(&outer, EntityForm::Name),
        ) {
            (Some(country), Some(named)) => country == named,
            (Some(country), None) => country.eq_ignore_ascii_case(&outer),
            _ => false,
        }
    }

    /// The weights that link value claims by meaning (`rules/link_model.toml`).
    pub fn link_model(&self) -> &link_model::LinkModel {
        &self.tables.link_model
    }

    /// Units and quantity words.
    pub fn units(&self) -> &Units {
        &self.tables.units
    }

    /// Action families.
    pub fn families(&self) -> &Families {
        &self.tables.families
    }

    /// Theme nouns and domain words.
    pub fn themes(&self) -> &Themes {
        &self.tables.themes
    }

    /// Causative and volitional cue words.
    pub fn initiative(&self) -> &Initiative {
        &self.tables.initiative
    }

    /// Abbreviations and sentence starters for segmentation.
    pub fn abbreviations(&self) -> &Abbreviations {
        &self.tables.abbreviations
    }

    /// Entities in `text`, leftmost-longest, non-overlapping, in text order.
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

/// The shipped knowledge, built once for the unit tests of the crate.
#[cfg(test)]
pub(crate) fn for_tests() -> &'static Knowledge {
    static KNOWLEDGE: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
    KNOWLEDGE.get_or_init(Knowledge::builtin)
}
