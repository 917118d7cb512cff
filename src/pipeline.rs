//! The run through the stages: load the corpus, segment, extract claims (in parallel,
//! in a deterministic order), for the commands to link, check and report.

use crate::corpus::{self, Corpus, Sentence};
use crate::extract::{claim::extract_document, Claim, Lexicon};
use rayon::prelude::*;
use std::path::PathBuf;

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
    let corpus = corpus::load(paths);
    let per_doc: Vec<(Vec<Sentence>, Vec<Claim>)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(i, doc)| {
            let sentences = corpus::segment(&doc.text);
            let claims = extract_document(doc, i, &sentences, lexicon);
            (sentences, claims)
        })
        .collect();
    let mut sentences = Vec::with_capacity(per_doc.len());
    let mut claims = Vec::new();
    for (s, c) in per_doc {
        sentences.push(s);
        claims.extend(c);
    }
    Analysis {
        corpus,
        sentences,
        claims,
    }
}
