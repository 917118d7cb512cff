//! Assembling claims from a sentence's entities, actions, quantities, times and cues.
//!
//! Every action word anchors one claim; a quantity with a unit that no action takes
//! anchors a claim of its own ("a French contingent of 2,400 troops"). Roles come from
//! word order (see [`roles`]); pronouns and "the move" resolve through [`discourse`].

mod about;
mod assemble;
mod discourse;
mod facts;
pub mod initiative;
mod roles;
pub mod theme;
mod vocab;
mod words;

use crate::corpus::{Document, Sentence};
use crate::extract::lexicon::Lexicon;
use crate::extract::model::Claim;

pub use discourse::Discourse;

/// The claims of one document, in text order.
pub fn extract_document(
    doc: &Document,
    doc_index: usize,
    sentences: &[Sentence],
    lexicon: &Lexicon,
) -> Vec<Claim> {
    let mut discourse = Discourse::default();
    let doc_id: crate::extract::model::Name = doc.id.as_str().into();
    let mut claims = Vec::new();
    for sentence in sentences {
        let Some(text) = doc.text.get(sentence.range.clone()) else {
            continue;
        };
        let facts = facts::Facts::read(text, doc.published, lexicon);
        let at = assemble::Place {
            doc,
            doc_id: &doc_id,
            doc_index,
            sentence,
            attribution: None,
        }
        .with_attribution(&facts);
        let keyed = assemble::assemble(&facts, &at, &mut discourse);
        let valued = about::value_claims(&facts, &at);
        for mut claim in keyed.into_iter().chain(valued) {
            claim.ordinal = u32::try_from(claims.len()).unwrap_or(u32::MAX);
            claims.push(claim);
        }
    }
    claims
}
