//! The run through the stages: load the corpus, segment, extract claims (in parallel,
//! in a deterministic order), for the commands to link, check and report.

use crate::check::{self, Finding, Rule};
use crate::corpus::{self, Corpus, Sentence};
use crate::extract::{claim::extract_document, Claim, Lexicon};
use crate::link::{self, ClaimGraph};
use crate::report::RuleInfo;
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;

/// How many documents are extracted (in parallel) before their claims join the list.
const DOCUMENTS_PER_CHUNK: usize = 256;

/// A read corpus with its sentences and claims.
#[derive(Debug)]
pub struct Analysis {
    pub corpus: Corpus,
    /// Sentences of each document, index for index with `corpus.documents`.
    pub sentences: Vec<Vec<Sentence>>,
    /// Every claim, ordered by (document, position).
    pub claims: Vec<Claim>,
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
    let mut corpus = corpus::load(paths);
    // The same documents give the same output whatever order the paths were given in.
    corpus
        .documents
        .sort_by(|a, b| (&a.id, &a.path, a.line_in_file).cmp(&(&b.id, &b.path, b.line_in_file)));
    if let Some(p) = progress {
        p.set_length(corpus.documents.len() as u64);
        p.set_message("documents read");
    }
    // Documents go through in chunks so that the per-document vectors of only one chunk
    // are alive beside the flat list of claims (their memory is reused by the next chunk).
    let mut sentences = Vec::with_capacity(corpus.documents.len());
    let mut claims = Vec::new();
    for (c, chunk) in corpus.documents.chunks(DOCUMENTS_PER_CHUNK).enumerate() {
        let base = c * DOCUMENTS_PER_CHUNK;
        let per_doc: Vec<(Vec<Sentence>, Vec<Claim>)> = chunk
            .par_iter()
            .enumerate()
            .map(|(j, doc)| {
                let sentences = corpus::segment(&doc.text);
                let claims = extract_document(doc, base + j, &sentences, lexicon);
                if let Some(p) = progress {
                    p.inc(1);
                }
                (sentences, claims)
            })
            .collect();
        claims.reserve(per_doc.iter().map(|(_, c)| c.len()).sum());
        for (s, c) in per_doc {
            sentences.push(s);
            claims.extend(c);
        }
    }
    Analysis {
        corpus,
        sentences,
        claims,
    }
}

/// Links the claims into slots and runs the rules: the graph (with agreements and
/// conflicts marked) and the findings.
pub fn check(analysis: &Analysis, rules: &[Rule]) -> (ClaimGraph, Vec<Finding>) {
    let mut graph = link::build(&analysis.claims);
    let ctx = check::Context {
        claims: &analysis.claims,
        docs: &analysis.corpus.documents,
    };
    let findings = check::run(rules, &mut graph, &ctx);
    (graph, findings)
}

/// Labels of slots shared by several documents in which no rule found a conflict.
pub fn agreeing_slots(
    analysis: &Analysis,
    graph: &ClaimGraph,
    findings: &[Finding],
) -> Vec<String> {
    let conflicting: HashSet<&str> = findings.iter().map(|f| f.slot.as_str()).collect();
    let mut labels: Vec<String> = graph
        .shared_slots(&analysis.claims)
        .map(|(_, s)| s.label.as_str())
        .filter(|l| !conflicting.contains(l))
        .map(str::to_string)
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

/// What reports need to know of the rules.
pub fn rule_infos(rules: &[Rule]) -> Vec<RuleInfo> {
    rules
        .iter()
        .map(|r| RuleInfo {
            id: r.id.clone(),
            name: r.name.clone(),
            kind: r.kind.as_str().to_string(),
            severity: r.severity,
            summary: r.docs.summary.clone(),
            description: r.docs.description.trim().to_string(),
        })
        .collect()
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
    analysis.claims.retain(|c| keep[c.doc_index]);
    for c in &mut analysis.claims {
        c.doc_index = new_index[c.doc_index];
    }
}
