//! Polarity, modality, hedging and attribution cues: the cue words of `rules/lexicon/cues.toml`
//! compiled into one case-insensitive automaton.

use super::lexicon::data::CueDefs;
use super::lexicon::matcher::Matcher;
use super::lexicon::{CueKind, CueMatch};
use super::model::Name;
use std::collections::HashSet;

#[derive(Clone, Debug)]
struct Payload {
    kind: CueKind,
    canonical: usize,
    /// Match only as written (lower-case "may", not the month "May").
    exact: Option<String>,
}

/// The compiled cue lexicon.
#[derive(Debug)]
pub struct CueIndex {
    canonicals: Vec<Name>,
    matcher: Matcher<Payload>,
}

impl CueIndex {
    pub(crate) fn build(defs: &CueDefs) -> CueIndex {
        let exact: HashSet<&str> = defs.exact_case.iter().map(String::as_str).collect();
        let mut canonicals = Vec::new();
        let mut entries = Vec::new();
        for (kind, canonical, forms) in &defs.entries {
            let index = canonicals.len();
            canonicals.push(Name::from(canonical.as_str()));
            for form in forms {
                let payload = Payload {
                    kind: *kind,
                    canonical: index,
                    exact: exact.contains(form.as_str()).then(|| form.clone()),
                };
                entries.push((form.clone(), payload));
            }
        }
        CueIndex {
            canonicals,
            matcher: Matcher::new(entries, true),
        }
    }

    /// Cues in `text`, in text order.
    pub fn find(&self, text: &str) -> Vec<CueMatch> {
        self.matcher
            .find(text)
            .into_iter()
            .filter(|hit| {
                hit.value
                    .exact
                    .as_ref()
                    .is_none_or(|form| text.get(hit.range.clone()) == Some(form.as_str()))
            })
            .filter_map(|hit| {
                Some(CueMatch {
                    range: hit.range.clone(),
                    kind: hit.value.kind,
                    canonical: self.canonicals.get(hit.value.canonical)?.clone(),
                })
            })
            .collect()
    }
}
