//! The unit and quantity-word lexicons (`rules/lexicon/units.toml`,
//! `rules/lexicon/quantity_words.toml`), compiled once into hash maps.

use crate::extract::lookup::{FastMap, FastSet, WordSet};
use crate::extract::model::{Change, Name};
use serde::Deserialize;
use std::collections::HashMap;

const BUILTIN_UNITS: &str = include_str!("../../../rules/lexicon/units.toml");
const BUILTIN_WORDS: &str = include_str!("../../../rules/lexicon/quantity_words.toml");

/// An error in a unit or quantity-word file.
#[derive(Debug, thiserror::Error)]
pub enum UnitsError {
    #[error("{file}: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
}

#[derive(Deserialize)]
struct UnitsFile {
    #[serde(default)]
    currency: Vec<CurrencyDef>,
    #[serde(default)]
    unit: Vec<UnitDef>,
    #[serde(default)]
    measurements: Vec<String>,
}

#[derive(Deserialize)]
struct CurrencyDef {
    unit: String,
    #[serde(default)]
    prefixes: Vec<String>,
    #[serde(default)]
    forms: Vec<String>,
}

#[derive(Deserialize)]
struct UnitDef {
    unit: String,
    forms: Vec<String>,
    measure: Option<String>,
    factor: Option<f64>,
}

#[derive(Deserialize, Default)]
struct WordsFile {
    #[serde(default)]
    approx: Vec<String>,
    #[serde(default)]
    at_most: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    up: Vec<String>,
    #[serde(default)]
    down: Vec<String>,
    #[serde(default)]
    particle_verbs: Vec<String>,
    #[serde(default)]
    score_words: Vec<String>,
    #[serde(default)]
    vague: HashMap<String, Vec<f64>>,
}

/// One normalized unit.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitInfo {
    /// Normalized unit ("troops", "dollars", "percent"), shared by every quantity in it.
    pub unit: Name,
    /// The class of things it counts or measures ("military personnel", "length").
    pub measure: Option<String>,
    pub currency: bool,
    /// What one of it is in the base unit of its measure (kilometres: 1000 metres).
    pub factor: Option<f64>,
}

/// Compiled units and quantity words.
#[derive(Debug, Default)]
pub struct Units {
    infos: Vec<UnitInfo>,
    /// Currency prefixes, longest first.
    prefixes: Vec<(String, usize)>,
    /// Currency prefixes by their first char, longest first.
    prefixes_by_char: FastMap<char, Vec<(String, usize)>>,
    /// Lowercase words that may open an amount (number words, first words of vague
    /// phrases, lettered currency prefixes).
    starters: WordSet,
    exact: FastMap<String, usize>,
    folded: FastMap<String, usize>,
    /// Most words in a unit form.
    pub(crate) max_words: usize,
    cues: FastMap<String, Change>,
    /// Most words in a cue phrase.
    pub(crate) max_cue_words: usize,
    particle_verbs: FastSet<String>,
    score_words: FastSet<String>,
    vague: FastMap<String, Option<[f64; 2]>>,
    /// First words of vague phrases.
    vague_starts: FastMap<String, Vec<String>>,
    /// Measures that are units of measurement rather than counted things.
    measurements: FastSet<String>,
}

impl Units {
    /// The units and words shipped in the binary (`rules/lexicon/`), compiled afresh:
    /// build them once and pass them on (they are part of the run's knowledge).
    pub fn shipped() -> Units {
        Units::with_files(&[], &[]).expect("built-in units.toml and quantity_words.toml are valid")
    }

    /// The built-in units extended by extra unit and word files (`None` to skip one).
    pub fn with_extra(
        units_toml: Option<(&str, &str)>,
        words_toml: Option<(&str, &str)>,
    ) -> Result<Units, UnitsError> {
        Units::with_files(units_toml.as_slice(), words_toml.as_slice())
    }

    /// The built-in units extended by unit files and quantity-word files, each given as
    /// (name, text), in order (later entries add forms and units to earlier ones).
    pub fn with_files(
        units_toml: &[(&str, &str)],
        words_toml: &[(&str, &str)],
    ) -> Result<Units, UnitsError> {
        let mut u = Units::with_number_words();
        u.add_units("units.toml", BUILTIN_UNITS)?;
        u.add_words("quantity_words.toml", BUILTIN_WORDS)?;
        for (name, text) in units_toml {
            u.add_units(name, text)?;
        }
        for (name, text) in words_toml {
            u.add_words(name, text)?;
        }
        Ok(u)
    }

    fn add_units(&mut self, file: &str, text: &str) -> Result<(), UnitsError> {
        let parsed: UnitsFile = toml::from_str(text).map_err(|source| UnitsError::Toml {
            file: file.to_string(),
            source,
        })?;
        self.measurements.extend(parsed.measurements);
        for c in parsed.currency {
            let idx = self.push_info(UnitInfo {
                unit: Name::from(c.unit),
                measure: Some("money".into()),
                currency: true,
                factor: None,
            });
            for p in c.prefixes {
                let letters: String = p.chars().take_while(|c| c.is_alphabetic()).collect();
                if !letters.is_empty() {
                    self.add_starter(letters.to_lowercase());
                }
                self.prefixes.push((p, idx));
            }
            for f in c.forms {
                self.add_form(&f, idx);
            }
        }
        for d in parsed.unit {
            let idx = self.push_info(UnitInfo {
                unit: Name::from(d.unit),
                measure: d.measure,
                currency: false,
                factor: d.factor,
            });
            for f in d.forms {
                self.add_form(&f, idx);
            }
        }
        self.prefixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        self.prefixes_by_char.clear();
        for (p, i) in &self.prefixes {
            if let Some(c) = p.chars().next() {
                self.prefixes_by_char
                    .entry(c)
                    .or_default()
                    .push((p.clone(), *i));
            }
        }
        Ok(())
    }

    /// No units yet; the words that open an amount written in words already known.
    fn with_number_words() -> Units {
        let mut u = Units::default();
        for w in crate::extract::number::amount_word_openers() {
            u.add_starter(w.to_string());
        }
        u
    }

    fn add_starter(&mut self, word: String) {
        self.starters.insert(word);
    }

    fn push_info(&mut self, info: UnitInfo) -> usize {
        if let Some(i) = self.infos.iter().position(|x| x.unit == info.unit) {
            return i;
        }
        self.infos.push(info);
        self.infos.len() - 1
    }

    fn add_form(&mut self, form: &str, idx: usize) {
        self.max_words = self.max_words.max(form.split_whitespace().count());
        self.exact.entry(form.to_string()).or_insert(idx);
        if form.chars().count() >= 3 {
            self.folded.entry(form.to_lowercase()).or_insert(idx);
        }
    }

    fn add_words(&mut self, file: &str, text: &str) -> Result<(), UnitsError> {
        let parsed: WordsFile = toml::from_str(text).map_err(|source| UnitsError::Toml {
            file: file.to_string(),
            source,
        })?;
        for (list, change) in [
            (&parsed.approx, Change::Approx),
            (&parsed.at_most, Change::AtMost),
            (&parsed.at_least, Change::AtLeast),
            (&parsed.up, Change::Up),
            (&parsed.down, Change::Down),
        ] {
            for phrase in list {
                let key = normalize_phrase(phrase);
                self.max_cue_words = self.max_cue_words.max(key.split(' ').count());
                self.cues.insert(key, change);
            }
        }
        self.particle_verbs
            .extend(parsed.particle_verbs.iter().map(|w| w.to_lowercase()));
        self.score_words
            .extend(parsed.score_words.iter().map(|w| w.to_lowercase()));
        for (phrase, range) in parsed.vague {
            let key = normalize_phrase(&phrase);
            let range = match range.as_slice() {
                [lo, hi] => Some([*lo, *hi]),
                _ => None,
            };
            if let Some(first) = key.split(' ').next() {
                self.add_starter(first.to_string());
                let starts = self.vague_starts.entry(first.to_string()).or_default();
                if !starts.contains(&key) {
                    starts.push(key.clone());
                    // longest phrase first
                    starts.sort_by_key(|s| std::cmp::Reverse(s.len()));
                }
            }
            self.vague.insert(key, range);
        }
        Ok(())
    }

    /// The unit a form names, matched exactly or, for forms of three letters or more
    /// written all in lower or all in upper case, in any case ("PER CENT"); a capitalized
    /// word matches only as listed ("National" is no unit).
    pub fn unit(&self, form: &str) -> Option<&UnitInfo> {
        let one_case =
            !form.chars().any(char::is_uppercase) || !form.chars().any(char::is_lowercase);
        self.exact
            .get(form)
            .or_else(|| {
                if one_case && form.chars().count() >= 3 {
                    self.folded.get(&form.to_lowercase())
                } else {
                    None
                }
            })
            .map(|&i| &self.infos[i])
    }

    /// The measure class of a normalized unit ("soldiers" and "troops" both count
    /// "military personnel"), for comparing counts.
    pub fn measure(&self, unit: &str) -> Option<&str> {
        self.infos
            .iter()
            .find(|i| &*i.unit == unit)
            .and_then(|i| i.measure.as_deref())
    }

    /// The unit of a normalized unit name.
    pub fn info(&self, unit: &str) -> Option<&UnitInfo> {
        self.infos.iter().find(|i| &*i.unit == unit)
    }

    /// A unit of measurement (metres, percent, dollars, hours), not a counted thing.
    pub fn is_measurement(&self, unit: &str) -> bool {
        self.info(unit).is_some_and(|i| {
            i.currency
                || i.factor.is_some()
                || i.measure
                    .as_ref()
                    .is_some_and(|m| self.measurements.contains(m))
        })
    }

    /// A value in `unit` converted to the base unit of its measure, with the measure.
    pub fn to_base(&self, value: f64, unit: &str) -> Option<(f64, &str)> {
        let i = self.info(unit)?;
        Some((value * i.factor?, i.measure.as_deref()?))
    }

    /// The currency prefix at the start of `text` and its length in bytes.
    pub fn currency_prefix(&self, text: &str) -> Option<(&UnitInfo, usize)> {
        let first = text.chars().next()?;
        self.prefixes_by_char
            .get(&first)?
            .iter()
            .find(|(p, _)| text.starts_with(p.as_str()))
            .map(|(p, i)| (&self.infos[*i], p.len()))
    }

    /// True for a lowercase word that may open an amount: a number word ("two", "a",
    /// "half"), the first word of a vague amount or the letters of a currency prefix.
    pub fn starts_amount(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// The change a lowercase cue phrase (words joined by single spaces) signals.
    pub fn cue(&self, phrase: &str) -> Option<Change> {
        self.cues.get(phrase).copied()
    }

    /// True for a verb whose "up" or "down" is a particle ("gave up").
    pub fn particle_verb(&self, word: &str) -> bool {
        self.particle_verbs.contains(word)
    }

    /// True for a word around "A-B" that makes it a score ("won", "defeat", "ruling").
    pub fn score_word(&self, word: &str) -> bool {
        self.score_words.contains(word)
    }

    /// Vague phrases starting with this lowercase word, longest first.
    pub fn vague_phrases(&self, first_word: &str) -> &[String] {
        self.vague_starts
            .get(first_word)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// The implied range of a vague phrase.
    pub fn vague_range(&self, phrase: &str) -> Option<Option<[f64; 2]>> {
        self.vague.get(phrase).copied()
    }
}

fn normalize_phrase(p: &str) -> String {
    p.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_starters_include_number_words_vague_words_and_currency_letters() {
        let u = Units::shipped();
        for w in [
            "two", "ninety", "a", "an", "half", "minus", "million", "dozens", "several", "usd",
        ] {
            assert!(u.starts_amount(w), "{w}");
        }
        for w in [
            "the",
            "troops",
            "tw",
            "twos",
            "",
            "usd2",
            "é",
            "averyveryverylongwordthatisnothingatall",
        ] {
            assert!(!u.starts_amount(w), "{w}");
        }
    }

    #[test]
    fn builtin_units_load_and_normalize() {
        let u = Units::shipped();
        assert_eq!(&*u.unit("%").unwrap().unit, "percent");
        assert_eq!(&*u.unit("PER CENT").unwrap().unit, "percent");
        assert!(u.unit("National").is_none());
        assert_eq!(
            u.unit("soldiers").unwrap().measure.as_deref(),
            Some("military personnel")
        );
        assert_eq!(&*u.unit("troops").unwrap().unit, "troops");
        assert_eq!(&*u.unit("soldier").unwrap().unit, "soldiers");
        assert_eq!(u.measure("soldiers"), u.measure("troops"));
        assert_eq!(&*u.unit("km").unwrap().unit, "kilometres");
        assert!(u.unit("M").is_none());
        assert_eq!(u.currency_prefix("US$5").unwrap().1, 3);
        assert_eq!(&*u.currency_prefix("$5").unwrap().0.unit, "dollars");
        assert_eq!(u.cue("more than"), Some(Change::AtLeast));
        assert_eq!(u.cue("fell"), Some(Change::Down));
        assert_eq!(u.vague_range("hundreds"), Some(Some([100.0, 1000.0])));
        assert_eq!(u.vague_range("a number of"), Some(None));
        assert!(u.vague_phrases("a").iter().any(|p| p == "a handful of"));
    }

    #[test]
    fn extra_files_extend_the_builtin() {
        let extra = "[[unit]]\nunit = \"camels\"\nforms = [\"camels\", \"dromedaries\"]\nmeasure = \"animals\"\n";
        let u = Units::with_extra(Some(("extra.toml", extra)), None).unwrap();
        assert_eq!(&*u.unit("dromedaries").unwrap().unit, "camels");
        assert!(Units::with_extra(Some(("bad.toml", "[[unit]]\nunit = 3")), None).is_err());
    }
}
