//! Causative and volitional cue words (`rules/lexicon/initiative.toml`): who set an event
//! in motion.

use crate::extract::family::lower_key;
use crate::extract::lookup::WordSet;
use serde::Deserialize;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../../rules/lexicon/initiative.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InitiativeFile {
    causative: Vec<String>,
    volitional: Vec<String>,
}

/// The compiled word sets.
#[derive(Debug)]
pub struct Initiative {
    causative: WordSet,
    volitional: WordSet,
}

impl Initiative {
    /// The built-in word sets.
    pub fn builtin() -> &'static Initiative {
        static SETS: OnceLock<Initiative> = OnceLock::new();
        SETS.get_or_init(|| {
            let file: InitiativeFile =
                toml::from_str(BUILTIN).expect("built-in initiative.toml is valid");
            let lower = |v: Vec<String>| v.into_iter().map(|w| w.to_lowercase()).collect();
            Initiative {
                causative: lower(file.causative),
                volitional: lower(file.volitional),
            }
        })
    }

    pub fn is_causative(&self, word: &str) -> bool {
        self.causative.contains(&lower_key(word))
    }

    pub fn is_volitional(&self, word: &str) -> bool {
        self.volitional.contains(&lower_key(word))
    }
}
