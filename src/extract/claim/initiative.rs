//! Causative and volitional cue words (`rules/lexicon/initiative.toml`): who set an event
//! in motion.

use crate::extract::family::lower_key;
use crate::extract::lookup::WordSet;
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../../rules/lexicon/initiative.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InitiativeFile {
    #[serde(default)]
    causative: Vec<String>,
    #[serde(default)]
    volitional: Vec<String>,
}

/// The compiled word sets.
#[derive(Debug)]
pub struct Initiative {
    causative: WordSet,
    volitional: WordSet,
}

impl Initiative {
    /// The word sets shipped in the binary (`rules/lexicon/initiative.toml`), compiled
    /// afresh: build them once and pass them on.
    pub fn shipped() -> Initiative {
        Initiative::with_extra(&[]).expect("built-in initiative.toml is valid")
    }

    /// The built-in word sets extended by more initiative files.
    pub fn with_extra(extra: &[&str]) -> Result<Initiative, toml::de::Error> {
        let mut sets = Initiative {
            causative: WordSet::default(),
            volitional: WordSet::default(),
        };
        for text in std::iter::once(&BUILTIN).chain(extra) {
            let file: InitiativeFile = toml::from_str(text)?;
            for w in file.causative {
                sets.causative.insert(w.to_lowercase());
            }
            for w in file.volitional {
                sets.volitional.insert(w.to_lowercase());
            }
        }
        Ok(sets)
    }

    pub fn is_causative(&self, word: &str) -> bool {
        self.causative.contains(&lower_key(word))
    }

    pub fn is_volitional(&self, word: &str) -> bool {
        self.volitional.contains(&lower_key(word))
    }
}
