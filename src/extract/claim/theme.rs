//! Themes: the nouns an action acts on ("ambassador", "troops") and the domain words
//! ("diplomatic", "military"), loaded from `rules/lexicon/themes.toml`.

use crate::extract::model::{Name, Scope};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

const BUILTIN: &str = include_str!("../../../rules/lexicon/themes.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    theme: Vec<ThemeEntry>,
    #[serde(default)]
    domains: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeEntry {
    name: String,
    domain: String,
    #[serde(default)]
    scope: Option<Scope>,
    forms: Vec<String>,
}

/// What a matched word is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeHit {
    /// A theme noun: canonical name, domain, scope it gives.
    Theme {
        name: Name,
        domain: Name,
        scope: Option<Scope>,
    },
    /// A domain word ("diplomatic").
    Domain(Name),
}

/// A theme or domain word found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeMatch {
    pub range: Range<usize>,
    pub hit: ThemeHit,
}

/// The compiled theme lexicon.
#[derive(Debug)]
pub struct Themes {
    automaton: AhoCorasick,
    hits: Vec<ThemeHit>,
}

/// An error in a themes file.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ThemeError(pub String);

impl Themes {
    /// The themes shipped in the binary (`rules/lexicon/themes.toml`), compiled afresh:
    /// build them once and pass them on.
    pub fn shipped() -> Themes {
        Themes::with_extra(&[]).expect("built-in themes.toml is valid")
    }

    /// The built-in themes extended by more themes files, in order.
    pub fn with_extra(extra: &[&str]) -> Result<Themes, ThemeError> {
        let mut files = vec![BUILTIN];
        files.extend_from_slice(extra);
        Themes::parse(&files)
    }

    /// Compiles one or more themes files (later files add to earlier ones).
    pub fn parse(files: &[&str]) -> Result<Themes, ThemeError> {
        let mut patterns = Vec::new();
        let mut hits = Vec::new();
        for text in files {
            let file: ThemeFile = toml::from_str(text).map_err(|e| ThemeError(e.to_string()))?;
            for t in file.theme {
                let name = Name::from(t.name);
                let domain = Name::from(t.domain);
                for form in t.forms {
                    patterns.push(form.to_lowercase());
                    hits.push(ThemeHit::Theme {
                        name: name.clone(),
                        domain: domain.clone(),
                        scope: t.scope,
                    });
                }
            }
            for (domain, words) in file.domains {
                let domain = Name::from(domain);
                for w in words {
                    patterns.push(w.to_lowercase());
                    hits.push(ThemeHit::Domain(domain.clone()));
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| ThemeError(e.to_string()))?;
        Ok(Themes { automaton, hits })
    }

    /// Whole-word theme and domain matches in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<ThemeMatch> {
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        self.automaton
            .find_iter(text)
            .filter(|m| {
                let before = m.start() == 0 || !is_word(bytes[m.start() - 1]);
                let after = m.end() >= bytes.len() || !is_word(bytes[m.end()]);
                before && after
            })
            .map(|m| ThemeMatch {
                range: m.start()..m.end(),
                hit: self.hits[m.pattern().as_usize()].clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_themes_and_domains_as_whole_words() {
        let found = Themes::shipped()
            .find("It recalled its Ambassador and some diplomatic staff, not embassyx.");
        let names: Vec<_> = found
            .iter()
            .map(|m| match &m.hit {
                ThemeHit::Theme { name, .. } => format!("theme:{name}"),
                ThemeHit::Domain(d) => format!("domain:{d}"),
            })
            .collect();
        assert_eq!(names, ["theme:ambassador", "theme:diplomatic staff"]);
    }
}
