//! The run through the stages: load the corpus, segment, extract claims (in parallel,
//! in a deterministic order), for the commands to link, check and report.

pub mod cached;
pub mod claims;

use crate::cache::Cache;
use crate::check::{self, Evidence, Finding, Rule};
use crate::corpus::{self, Corpus, Diagnostic, Document, Level, Sentence};
use crate::extract::{claim::extract_document, Claim, Knowledge, Lexicon};
use crate::link::{self, ClaimGraph};
use crate::report::{AgreeingSlot, RuleInfo};
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::path::PathBuf;

/// How many files are read (in parallel) before their documents are extracted.
const FILES_PER_CHUNK: usize = 256;

/// A read corpus with its sentences and claims.
#[derive(Debug)]
pub struct Analysis {
    pub corpus: Corpus,
    /// Sentences of each document, index for index with `corpus.documents` (empty when
    /// the texts were released).
    pub sentences: Vec<Vec<Sentence>>,
    /// Every claim, ordered by (document, position). Documents are ordered by story
    /// first, so the claims of a story are one run ([`stories`]).
    pub claims: Vec<Claim>,
    /// Each document's cache keys, index for index with `corpus.documents`, when the run
    /// uses a cache ([`analyse_cached`]); empty otherwise.
    pub cached: Vec<cached::DocCache>,
}

/// One story's claims: its name and the range of `Analysis::claims` they fill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    pub name: Option<String>,
    pub claims: Range<usize>,
}

/// One story checked: its claims and their graph (whose claim indices count from
/// `story.claims.start`).
#[derive(Debug)]
pub struct StoryGraph {
    pub story: Story,
    pub graph: ClaimGraph,
}

/// The stories of an analysis in order (by name; the documents that name none first),
/// each with the run of claims it holds. A corpus without stories is one story, `None`.
pub fn stories(analysis: &Analysis) -> Vec<Story> {
    let docs = &analysis.corpus.documents;
    let mut out: Vec<Story> = Vec::new();
    for (i, c) in analysis.claims.iter().enumerate() {
        let name = docs
            .get(c.doc_index as usize)
            .and_then(|d| d.story.as_ref());
        match out.last_mut() {
            Some(last) if last.name.as_ref() == name => last.claims.end = i + 1,
            _ => out.push(Story {
                name: name.cloned(),
                claims: i..i + 1,
            }),
        }
    }
    out
}

/// Loads the corpus and reads every claim.
pub fn analyse(paths: &[PathBuf], lexicon: &Lexicon) -> Analysis {
    analyse_with_progress(paths, lexicon, None)
}

/// [`analyse`], advancing a progress bar by one per document read.
pub fn analyse_with_progress(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    progress: Option<&ProgressBar>,
) -> Analysis {
    read_claims(paths, lexicon, progress, true, None)
}

/// [`analyse_with_progress`] for a check: each document's text is dropped as soon as
/// its claims are read ([`crate::corpus::Document::release_text`]), so that memory holds
/// claims, not the corpus; [`quote_findings`] reads the documents that findings cite
/// again.
pub fn analyse_for_check(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    progress: Option<&ProgressBar>,
) -> Analysis {
    read_claims(paths, lexicon, progress, false, None)
}

/// [`analyse_for_check`] with a claim cache: a document whose claims the cache holds is
/// not extracted (its claims are loaded later, and only when its story is checked again:
/// [`cached::plan`]); the claims of the others are extracted and stored.
pub fn analyse_cached(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    progress: Option<&ProgressBar>,
    cache: &Cache,
) -> Analysis {
    read_claims(paths, lexicon, progress, false, Some(cache))
}

/// Reads the files a chunk at a time, extracts each chunk's documents in parallel and
/// keeps (or releases) their texts; then puts documents and claims in their final order,
/// which does not depend on the order of the paths or on the thread count.
fn read_claims(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    progress: Option<&ProgressBar>,
    keep_text: bool,
    cache: Option<&Cache>,
) -> Analysis {
    if let Some(p) = progress {
        p.set_message("documents read");
    }
    let mut documents: Vec<Document> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut sentences: Vec<Vec<Sentence>> = Vec::new();
    // The claims of each chunk, put together once all are read: one vector of the exact
    // size, not one grown by doubling (whose every growth held the old and the new copy
    // of millions of claims at once, and whose spare capacity stayed).
    let mut chunks: Vec<Vec<Claim>> = Vec::new();
    let mut doc_cache: Vec<cached::DocCache> = Vec::new();
    let mut diagnostics = corpus::read_in_chunks(paths, FILES_PER_CHUNK, |root, mut docs| {
        if let Some(p) = progress {
            p.inc_length(docs.len() as u64);
        }
        let base = documents.len();
        let per_doc: Vec<(Vec<Sentence>, Vec<Claim>, Option<cached::DocCache>)> = docs
            .par_iter_mut()
            .enumerate()
            .map(|(j, doc)| {
                let entry = cache.map(|c| cached::DocCache::of(c, doc));
                let (found, claims) = match (&entry, cache) {
                    (Some(e), Some(_)) if e.deferred => (Vec::new(), Vec::new()),
                    _ => {
                        let found = lexicon.abbreviations().segment(&doc.text);
                        let claims = extract_document(doc, base + j, &found, lexicon);
                        if let (Some(e), Some(c)) = (&entry, cache) {
                            c.store_claims(e.claims, &claims);
                        }
                        (found, claims)
                    }
                };
                if let Some(p) = progress {
                    p.inc(1);
                }
                if keep_text {
                    (found, claims, entry)
                } else {
                    doc.release_text();
                    (Vec::new(), claims, entry)
                }
            })
            .collect();
        let mut chunk = Vec::with_capacity(per_doc.iter().map(|(_, c, _)| c.len()).sum());
        for (s, c, e) in per_doc {
            sentences.push(s);
            chunk.extend(c);
            doc_cache.extend(e);
        }
        chunks.push(chunk);
        roots.extend(std::iter::repeat_n(root, docs.len()));
        documents.extend(docs);
    });
    let mut claims: Vec<Claim> = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
    for chunk in chunks {
        claims.extend(chunk);
    }
    // Documents that name no story join the story of the run when there is only one
    // (an article given with `-` or by path next to a story's folder).
    let named: BTreeSet<&String> = documents.iter().filter_map(|d| d.story.as_ref()).collect();
    if let (1, Some(only)) = (named.len(), named.first().map(|s| (*s).clone())) {
        for d in documents.iter_mut().filter(|d| d.story.is_none()) {
            d.story = Some(only.clone());
        }
    }
    // Duplicate ids are told in (root, id) order, as `corpus::load` gives documents.
    let mut by_root: Vec<usize> = (0..documents.len()).collect();
    by_root.sort_by(|&a, &b| (roots[a], &documents[a].id).cmp(&(roots[b], &documents[b].id)));
    diagnostics.extend(corpus::duplicate_ids(
        by_root.iter().map(|&i| &documents[i]),
    ));
    // The same documents give the same output whatever order the paths were given in;
    // a story's documents come together, so that its claims are one run.
    let key = |d: &Document| {
        (
            d.story.clone(),
            d.id.clone(),
            d.path.clone(),
            d.line_in_file,
        )
    };
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by_cached_key(|&i| key(&documents[i]));
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let documents = permute(documents, &order);
    let sentences = permute(sentences, &order);
    let doc_cache = if doc_cache.is_empty() {
        doc_cache
    } else {
        permute(doc_cache, &order)
    };
    for c in &mut claims {
        c.doc_index = new_index[c.doc_index as usize] as u32;
    }
    // Files are mostly walked in id order already: then nothing moves.
    if !claims.is_sorted_by_key(|c| (c.doc_index, c.ordinal)) {
        claims.par_sort_unstable_by_key(|c| (c.doc_index, c.ordinal));
    }
    Analysis {
        corpus: Corpus {
            documents,
            diagnostics,
        },
        sentences,
        claims,
        cached: doc_cache,
    }
}

/// The items in the order `order` gives (`order[k]` is the index of the `k`th item).
fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// Fills the quotes and lines of the findings' evidence whose documents were released
/// during the check, reading those documents (only those) again. A document whose file
/// changed since gets a warning (returned), and its evidence keeps an empty quote.
pub fn quote_findings(analysis: &mut Analysis, findings: &mut [Finding]) -> Vec<Diagnostic> {
    let cited: BTreeSet<usize> = findings
        .iter()
        .flat_map(|f| f.sides.iter().flat_map(|s| &s.claims))
        .filter_map(|e| e.claim)
        .collect();
    let warnings = restore_texts(analysis, &cited);
    for ev in findings
        .iter_mut()
        .flat_map(|f| f.sides.iter_mut().flat_map(|s| &mut s.claims))
    {
        fill_quote(analysis, ev);
    }
    warnings
}

/// Reads again the released documents that findings cite (by id), for reports that read
/// documents beyond the findings' quotes ([`crate::report::ReportFormat::reads_documents`])
/// when the findings came from the cache; a warning for each that changed since.
pub fn restore_cited(analysis: &mut Analysis, findings: &[Finding]) -> Vec<Diagnostic> {
    let ids: HashSet<&str> = findings
        .iter()
        .flat_map(|f| f.sides.iter().flat_map(|s| &s.claims))
        .map(|e| e.doc.as_str())
        .collect();
    let cited: BTreeSet<usize> = (analysis.corpus.documents.iter().enumerate())
        .filter(|(_, d)| d.released.is_some() && ids.contains(d.id.as_str()))
        .map(|(i, _)| i)
        .collect();
    restore_documents(analysis, cited)
}

/// Reads again the released documents of the claims given (by index), restoring their
/// texts; a warning for each that changed since it was checked.
fn restore_texts(analysis: &mut Analysis, claims: &BTreeSet<usize>) -> Vec<Diagnostic> {
    let cited: BTreeSet<usize> = claims
        .iter()
        .filter_map(|&c| analysis.claims.get(c).map(|c| c.doc_index as usize))
        .filter(|&d| analysis.corpus.documents[d].released.is_some())
        .collect();
    restore_documents(analysis, cited)
}

/// Reads again the released documents given (by index), restoring their texts.
fn restore_documents(analysis: &mut Analysis, cited: BTreeSet<usize>) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    if cited.is_empty() {
        return warnings;
    }
    let docs: Vec<&Document> = cited
        .iter()
        .map(|&d| &analysis.corpus.documents[d])
        .collect();
    let fresh = corpus::reread(&docs);
    for (&d, fresh) in cited.iter().zip(fresh) {
        let doc = &mut analysis.corpus.documents[d];
        match fresh {
            Some(f) => doc.restore_text(f),
            None => warnings.push(corpus::read::diagnostic(
                Level::Warning,
                &doc.path,
                format!(
                    "`{}` changed while it was checked: its quotes are left out",
                    doc.id
                ),
            )),
        }
    }
    warnings
}

/// Fills an evidence's empty quote, line and column from its claim's document, when
/// that document's text is there.
fn fill_quote(analysis: &Analysis, ev: &mut Evidence) {
    let Some(claim) = ev.claim.and_then(|c| analysis.claims.get(c)) else {
        return;
    };
    let doc = &analysis.corpus.documents[claim.doc_index as usize];
    if ev.quote.is_empty() && doc.released.is_none() {
        check::engine::quote_evidence(ev, claim, doc);
    }
}

/// Links the claims into slots and runs the rules, story by story (claims of two
/// stories are never linked): each story's graph (with agreements and conflicts marked)
/// and the findings, story after story, each naming its story.
pub fn check(
    analysis: &Analysis,
    rules: &[Rule],
    knowledge: &Knowledge,
) -> (Vec<StoryGraph>, Vec<Finding>) {
    check_stories(analysis, rules, knowledge, |graph, _| graph)
}

/// [`check`] for a report: each story's graph keeps only its slots shared by several
/// documents ([`ClaimGraph::into_shared`]), all that [`agreeing_slots`] and
/// [`agreeing_quotes`] read, or nothing when the report shows no agreeing slots
/// (`agreeing` false), so that memory does not hold every story's whole graph.
pub fn check_for_report(
    analysis: &Analysis,
    rules: &[Rule],
    knowledge: &Knowledge,
    agreeing: bool,
) -> (Vec<StoryGraph>, Vec<Finding>) {
    check_stories(analysis, rules, knowledge, |graph, claims| {
        if agreeing {
            graph.into_shared(claims)
        } else {
            ClaimGraph::default()
        }
    })
}

/// Links and checks each story, keeping of its graph what `keep` returns.
fn check_stories(
    analysis: &Analysis,
    rules: &[Rule],
    knowledge: &Knowledge,
    keep: impl Fn(ClaimGraph, &[Claim]) -> ClaimGraph + Sync,
) -> (Vec<StoryGraph>, Vec<Finding>) {
    // Stories are independent: they are linked and checked in parallel, and their
    // graphs and findings kept in story order (the result does not depend on thread count).
    let per_story: Vec<(StoryGraph, Vec<Finding>)> = stories(analysis)
        .into_par_iter()
        .map(|story| {
            let claims = &analysis.claims[story.claims.clone()];
            let mut graph = link::build(claims, knowledge);
            let ctx = check::Context {
                claims,
                docs: &analysis.corpus.documents,
                knowledge,
            };
            let mut findings = Vec::new();
            for mut f in check::run(rules, &mut graph, &ctx) {
                f.story = story.name.clone();
                for ev in f.sides.iter_mut().flat_map(|s| &mut s.claims) {
                    ev.claim = ev.claim.map(|c| c + story.claims.start);
                }
                findings.push(f);
            }
            let graph = keep(graph, claims);
            (StoryGraph { story, graph }, findings)
        })
        .collect();
    let mut graphs = Vec::with_capacity(per_story.len());
    let mut findings = Vec::new();
    for (graph, story_findings) in per_story {
        graphs.push(graph);
        findings.extend(story_findings);
    }
    (graphs, findings)
}

/// The slots shared by several documents in which no rule found a conflict, with their
/// stories, in story order; one entry a label (slots of one label are one entry). Their
/// claims are left empty: [`agreeing_quotes`] fills them.
pub fn agreeing_slots(
    analysis: &Analysis,
    graphs: &[StoryGraph],
    findings: &[Finding],
) -> Vec<AgreeingSlot> {
    agreeing_among(&shared_slots(analysis, graphs), findings)
}

/// One story's slots shared by several documents: (label, key as JSON), one a label, by
/// label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedSlots {
    pub story: Option<String>,
    pub slots: Vec<(String, String)>,
}

/// The shared slots of each story graph, in story order.
pub fn shared_slots(analysis: &Analysis, graphs: &[StoryGraph]) -> Vec<SharedSlots> {
    graphs
        .iter()
        .map(|g| {
            let claims = &analysis.claims[g.story.claims.clone()];
            let mut slots: Vec<(&str, &link::SlotKey)> = g
                .graph
                .shared_slots(claims)
                .map(|(_, s)| (s.label.as_str(), &s.key))
                .collect();
            // A stable sort: the first slot of each label is kept, as the graph gives them.
            slots.sort_by(|a, b| a.0.cmp(b.0));
            slots.dedup_by(|a, b| a.0 == b.0);
            SharedSlots {
                story: g.story.name.clone(),
                slots: slots
                    .into_iter()
                    .map(|(label, key)| {
                        (
                            label.to_string(),
                            serde_json::to_string(key).unwrap_or_default(),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The shared slots in which no finding is, as agreeing slots (claims left empty).
pub fn agreeing_among(shared: &[SharedSlots], findings: &[Finding]) -> Vec<AgreeingSlot> {
    let conflicting: HashSet<(Option<&str>, &str)> = findings
        .iter()
        .map(|f| (f.story.as_deref(), f.slot.as_str()))
        .collect();
    let mut out = Vec::new();
    for s in shared {
        let story = s.story.as_deref();
        out.extend(
            s.slots
                .iter()
                .filter(|(label, _)| !conflicting.contains(&(story, label.as_str())))
                .map(|(label, key)| AgreeingSlot {
                    story: s.story.clone(),
                    label: label.clone(),
                    key: key.clone(),
                    claims: Vec::new(),
                }),
        );
    }
    out
}

/// Fills each agreeing slot's claims (the first claim of each document in the slots of
/// its label), quoted with the value they agree on, reading again the documents whose
/// texts were released; a document changed since gives a warning (returned) and no quote.
pub fn agreeing_quotes(
    analysis: &mut Analysis,
    graphs: &[StoryGraph],
    slots: &mut [AgreeingSlot],
) -> Vec<Diagnostic> {
    for g in graphs {
        let base = g.story.claims.start;
        let claims = &analysis.claims[g.story.claims.clone()];
        for (_, slot) in g.graph.shared_slots(claims) {
            let Some(agreeing) = slots
                .iter_mut()
                .find(|a| a.story == g.story.name && a.label == slot.label)
            else {
                continue;
            };
            for &c in &slot.claims {
                let claim = &claims[c];
                if agreeing.claims.iter().any(|e| *e.doc == *claim.doc) {
                    continue;
                }
                let doc = &analysis.corpus.documents[claim.doc_index as usize];
                agreeing
                    .claims
                    .push(agreeing_evidence(claim, base + c, doc, slot.key.facet));
            }
        }
    }
    let cited: BTreeSet<usize> = slots
        .iter()
        .flat_map(|s| &s.claims)
        .filter_map(|e| e.claim)
        .collect();
    let warnings = restore_texts(analysis, &cited);
    for ev in slots.iter_mut().flat_map(|s| &mut s.claims) {
        fill_quote(analysis, ev);
    }
    warnings
}

/// Evidence of a claim that agrees: its sentence, and the words of the value its slot
/// compares (by the slot's facet).
fn agreeing_evidence(claim: &Claim, index: usize, doc: &Document, facet: link::Facet) -> Evidence {
    let value = match facet {
        link::Facet::Quantity => claim
            .quantity
            .as_ref()
            .map(|q| (q.span, q.text.to_string())),
        link::Facet::Date => claim.time.as_ref().map(|t| (t.span, t.text.to_string())),
        link::Facet::Duration => claim
            .duration
            .as_ref()
            .or(claim.time.as_ref())
            .map(|t| (t.span, t.text.to_string())),
        link::Facet::Event | link::Facet::Statement => {
            claim.action.as_ref().map(|a| (a.span, a.text.to_string()))
        }
        link::Facet::Location => claim.place.as_ref().map(|p| (p.span, p.text.to_string())),
    };
    let (value_span, value_text) = value.unwrap_or((corpus::Span::new(0, 0), String::new()));
    Evidence {
        doc: claim.doc.to_string(),
        source: doc.source.clone(),
        published: doc.published,
        span: claim.sentence,
        line: 0,
        column: 0,
        quote: String::new(),
        value_span,
        value_text,
        headline: claim.headline,
        hedged: claim.hedged() || claim.attribution.is_some(),
        claim: Some(index),
    }
}

/// A `--select` or `--ignore` name that is neither a rule id nor a rule kind.
#[derive(Debug, thiserror::Error)]
#[error("`{name}` is neither a rule id nor a rule kind; the rules are: {known}")]
pub struct SelectError {
    pub name: String,
    /// The rule ids and kinds there are, comma-separated.
    pub known: String,
}

/// Turns off the rules that `select` (when not empty) does not name and those `ignore`
/// names; each name is a rule id or a rule kind.
pub fn select_rules(
    rules: &mut [Rule],
    select: &[String],
    ignore: &[String],
) -> Result<(), SelectError> {
    for name in select.iter().chain(ignore) {
        if !rules
            .iter()
            .any(|r| r.id == *name || r.kind.as_str() == name)
        {
            let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
            let mut kinds: Vec<&str> = rules.iter().map(|r| r.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            return Err(SelectError {
                name: name.clone(),
                known: format!("{}; the kinds: {}", ids.join(", "), kinds.join(", ")),
            });
        }
    }
    for rule in rules.iter_mut() {
        let named = |n: &String| *n == rule.id || n == rule.kind.as_str();
        if (!select.is_empty() && !select.iter().any(named)) || ignore.iter().any(named) {
            rule.enabled = false;
        }
    }
    Ok(())
}

/// What reports need to know of the rules.
pub fn rule_infos(rules: &[Rule]) -> Vec<RuleInfo> {
    rules.iter().map(RuleInfo::of).collect()
}

/// Drops the documents (and their sentences and claims) whose id an ignore pattern matches.
pub fn ignore(analysis: &mut Analysis, patterns: &globset::GlobSet) {
    if patterns.is_empty() {
        return;
    }
    let keep: Vec<bool> = analysis
        .corpus
        .documents
        .iter()
        .map(|d| !patterns.is_match(&d.id))
        .collect();
    let mut new_index = Vec::with_capacity(keep.len());
    let mut next = 0;
    for &k in &keep {
        new_index.push(next);
        next += usize::from(k);
    }
    let mut i = 0;
    analysis.corpus.documents.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    let mut i = 0;
    analysis.sentences.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    let mut i = 0;
    analysis.cached.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    analysis.claims.retain(|c| keep[c.doc_index as usize]);
    for c in &mut analysis.claims {
        c.doc_index = new_index[c.doc_index as usize] as u32;
    }
}
