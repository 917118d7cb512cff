//! Checking with the cache: which stories are checked again and which take their
//! findings from the cache, loading (or extracting again) the claims of the first only,
//! then storing what was checked and putting the findings back in story order.

use super::{Analysis, SharedSlots, StoryGraph};
use crate::cache::{key, Cache, Key, StoryEntry};
use crate::check::{Finding, Rule};
use crate::corpus::{self, Diagnostic, Document, Level};
use crate::extract::{claim::extract_document, Claim, Lexicon};
use rayon::prelude::*;
use std::ops::Range;

/// A document's keys in the cache, and whether its claims are still there to be loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocCache {
    /// The key of its claims ([`key::claims`]).
    pub claims: Key,
    /// Its fingerprint for its story's key ([`key::document`]).
    pub document: Key,
    /// Its claims were not extracted: the cache has them ([`plan`] loads them when the
    /// story is checked again).
    pub deferred: bool,
}

impl DocCache {
    /// The keys of a document just read (its text still there).
    pub fn of(cache: &Cache, doc: &Document) -> DocCache {
        let claims = key::claims(cache.salt(), doc);
        DocCache {
            claims,
            document: key::document(claims, doc),
            deferred: cache.has_claims(claims),
        }
    }
}

/// One story of the run: its key, and its entry when the cache had one.
#[derive(Debug)]
struct Planned {
    name: Option<String>,
    key: Key,
    hit: Option<StoryEntry>,
}

/// The stories of a run with a cache, once [`plan`] has put in the analysis the claims of
/// those to check again.
#[derive(Debug)]
pub struct Plan {
    stories: Vec<Planned>,
    /// Warnings met (a document changed while it was checked).
    pub diagnostics: Vec<Diagnostic>,
}

/// Decides, story by story, whether the cache holds its findings (only with
/// `use_stories`: the HTML report quotes agreeing claims, which needs every story's
/// graph); for the stories it does not, puts their documents' claims in the analysis,
/// loaded from the cache or, when an entry is missing or does not check out, extracted
/// again from the file (and stored). The claims of stories whose findings come from the
/// cache are left out, so that [`super::check`] skips them.
pub fn plan(
    analysis: &mut Analysis,
    cache: &Cache,
    rules: &[Rule],
    lexicon: &Lexicon,
    use_stories: bool,
) -> Plan {
    let rules_key = key::rules(rules);
    let docs = &analysis.corpus.documents;
    let mut runs: Vec<(Option<String>, Range<usize>)> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        match runs.last_mut() {
            Some((name, r)) if *name == d.story => r.end = i + 1,
            _ => runs.push((d.story.clone(), i..i + 1)),
        }
    }
    let stories: Vec<(Planned, Range<usize>)> = runs
        .into_par_iter()
        .map(|(name, range)| {
            let key = key::story(
                cache.salt(),
                rules_key,
                name.as_deref(),
                analysis.cached[range.clone()].iter().map(|c| c.document),
            );
            let hit = if use_stories {
                cache.load_story(key).ok()
            } else {
                None
            };
            (Planned { name, key, hit }, range)
        })
        .collect();
    let mut from_cache = vec![false; docs.len()];
    let mut load: Vec<usize> = Vec::new();
    for (p, range) in &stories {
        if p.hit.is_some() {
            from_cache[range.clone()].iter_mut().for_each(|h| *h = true);
        } else {
            load.extend(range.clone().filter(|&d| analysis.cached[d].deferred));
        }
    }
    let diagnostics = load_claims(analysis, cache, lexicon, &load);
    analysis
        .claims
        .retain(|c| !from_cache[c.doc_index as usize]);
    Plan {
        stories: stories.into_iter().map(|(p, _)| p).collect(),
        diagnostics,
    }
}

/// Puts in the analysis the claims of the deferred documents `load`, from the cache or
/// extracted again; returns the warnings for documents that changed since they were read.
fn load_claims(
    analysis: &mut Analysis,
    cache: &Cache,
    lexicon: &Lexicon,
    load: &[usize],
) -> Vec<Diagnostic> {
    let docs = &analysis.corpus.documents;
    let cached = &analysis.cached;
    let loaded: Vec<(usize, Option<Vec<Claim>>)> = load
        .par_iter()
        .map(|&d| {
            let claims = cache.load_claims(cached[d].claims).ok();
            (d, claims.map(|c| adopt(c, d, docs[d].id.as_str().into())))
        })
        .collect();
    let mut claims = Vec::new();
    let mut again = Vec::new();
    for (d, c) in loaded {
        match c {
            Some(c) => claims.extend(c),
            None => again.push(d),
        }
    }
    // Entries that were missing or did not check out: the documents are read again.
    let mut diagnostics = Vec::new();
    if !again.is_empty() {
        let stale: Vec<&Document> = again.iter().map(|&d| &docs[d]).collect();
        let fresh = corpus::reread(&stale);
        let extracted: Vec<Result<Vec<Claim>, Diagnostic>> = again
            .par_iter()
            .zip(fresh)
            .map(|(&d, fresh)| match fresh {
                Some(fresh) => {
                    // The file gives the text; the corpus (manifest, front matter) the rest.
                    let mut doc = docs[d].clone();
                    doc.restore_text(fresh);
                    let found = lexicon.abbreviations().segment(&doc.text);
                    let c = extract_document(&doc, d, &found, lexicon);
                    cache.store_claims(cached[d].claims, &c);
                    Ok(c)
                }
                None => Err(corpus::read::diagnostic(
                    Level::Warning,
                    &docs[d].path,
                    format!(
                        "`{}` changed while it was checked: its claims are left out",
                        docs[d].id
                    ),
                )),
            })
            .collect();
        for e in extracted {
            match e {
                Ok(c) => claims.extend(c),
                Err(w) => diagnostics.push(w),
            }
        }
    }
    for &d in load {
        analysis.cached[d].deferred = false;
    }
    analysis.claims.extend(claims);
    analysis
        .claims
        .par_sort_unstable_by_key(|c| (c.doc_index, c.ordinal));
    diagnostics
}

/// Claims read from the cache, made the claims of document `index` (whose id they share).
fn adopt(mut claims: Vec<Claim>, index: usize, id: crate::extract::Name) -> Vec<Claim> {
    for c in &mut claims {
        c.doc_index = u32::try_from(index).unwrap_or(u32::MAX);
        c.doc = id.clone();
    }
    claims
}

impl Plan {
    /// How many stories take their findings from the cache, of how many.
    pub fn hits(&self) -> (usize, usize) {
        let hits = self.stories.iter().filter(|s| s.hit.is_some()).count();
        (hits, self.stories.len())
    }

    /// Stores the stories checked in this run (with `store`: their findings are quoted),
    /// with their shared slots, and returns every story's findings and shared slots in story order: the cached
    /// ones with those just found. A story whose findings lack a quote (a document changed
    /// during the run) is not stored.
    pub fn finish(
        self,
        cache: &Cache,
        analysis: &Analysis,
        graphs: &[StoryGraph],
        findings: Vec<Finding>,
        store: bool,
    ) -> (Vec<Finding>, Vec<SharedSlots>) {
        let mut live_slots = super::shared_slots(analysis, graphs).into_iter().peekable();
        let mut live = findings.into_iter().peekable();
        let mut all_findings = Vec::new();
        let mut all_slots = Vec::new();
        for story in self.stories {
            let (findings, slots) = match story.hit {
                Some(entry) => (entry.findings, entry.shared_slots),
                None => {
                    let mut mine = Vec::new();
                    while let Some(f) = live.next_if(|f| f.story == story.name) {
                        mine.push(f);
                    }
                    let slots = live_slots
                        .next_if(|s| s.story == story.name)
                        .map(|s| s.slots)
                        .unwrap_or_default();
                    let entry = StoryEntry {
                        findings: mine,
                        shared_slots: slots,
                    };
                    let quoted = entry
                        .findings
                        .iter()
                        .flat_map(|f| f.sides.iter().flat_map(|s| &s.claims))
                        .all(|e| !e.quote.is_empty());
                    if store && quoted {
                        cache.store_story(story.key, &entry);
                    }
                    (entry.findings, entry.shared_slots)
                }
            };
            all_findings.extend(findings);
            all_slots.push(SharedSlots {
                story: story.name,
                slots,
            });
        }
        // Every finding names a story of the plan (stories are the documents' own).
        all_findings.extend(live);
        (all_findings, all_slots)
    }
}
