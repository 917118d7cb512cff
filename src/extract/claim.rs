//! Assembling claims from a sentence's entities, actions, quantities, times and cues.

use super::lexicon::Lexicon;
use super::model::Claim;
use crate::corpus::{Document, Sentence};

/// The claims of one document.
pub fn extract_document(
    doc: &Document,
    doc_index: usize,
    sentences: &[Sentence],
    lexicon: &Lexicon,
) -> Vec<Claim> {
    let _ = (doc, doc_index, sentences, lexicon);
    Vec::new()
}
