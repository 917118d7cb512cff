//! Generated articles as claimcheck documents, in memory, for the benchmarks.
#![allow(dead_code)]

use super::generator;
use claimcheck::corpus::{Document, Format, PartialDate};
use std::path::PathBuf;

/// About `size` bytes of generated articles (seed 1) as plain-text documents.
pub fn documents(size: u64) -> Vec<Document> {
    let mut docs = Vec::new();
    let made = generator::for_each_doc(1, size, |i, d| {
        let id = format!("{i:07}.txt");
        let mut doc = Document::plain(id.clone(), PathBuf::from(id), Format::Text, d.text);
        doc.source = d.source;
        doc.published = PartialDate::parse(&d.published);
        doc.title = Some(d.title);
        docs.push(doc);
        Ok(())
    });
    if let Err(e) = made {
        panic!("generating in memory cannot fail: {e}");
    }
    docs
}

/// Total text bytes of the documents.
pub fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}
