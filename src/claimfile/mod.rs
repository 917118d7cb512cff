//! Claims as bytes and files: the one place claims are serialized and read back — the
//! cache's entries, the `record` and `document` fields of `claims --format jsonl` that
//! `check --claims` reads ([`jsonl`]), and the Arrow columns of `claims --format
//! parquet` (`parquet`, cargo feature `parquet`). Floats round-trip exactly (serde_json's
//! `float_roundtrip`), so claims read back give the same findings as the claims written.

pub mod jsonl;
#[cfg(feature = "parquet")]
pub mod parquet;

use crate::corpus::{Document, Format, PartialDate};
use crate::extract::Claim;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A document's claims as JSON (every field of [`Claim`]).
pub fn to_json(claims: &[Claim]) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(claims)
}

/// Claims written by [`to_json`].
pub fn from_json(bytes: &[u8]) -> serde_json::Result<Vec<Claim>> {
    serde_json::from_slice(bytes)
}

/// One claim as a JSON value (every field of [`Claim`]): the `record` of a claims line.
pub fn claim_value(claim: &Claim) -> serde_json::Value {
    serde_json::to_value(claim).unwrap_or(serde_json::Value::Null)
}

/// What a check needs to know of a claim's document when it reads claims instead of the
/// corpus: where it is (to quote it), its metadata, and a hash of its text (to know
/// whether the file read again for quotes is still the same).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    pub id: String,
    pub path: PathBuf,
    pub format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_in_file: Option<usize>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// [`Document::hash_text`], 16 hex digits.
    pub text_hash: String,
    /// The document has `claimcheck-ignore` comments (it is read again for them).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suppressions: bool,
}

impl DocRecord {
    /// The record of a document read from the corpus.
    pub fn of(doc: &Document) -> DocRecord {
        DocRecord {
            id: doc.id.clone(),
            path: doc.path.clone(),
            format: doc.format,
            line_in_file: doc.line_in_file,
            source: doc.source.clone(),
            published: doc.published,
            title: doc.title.clone(),
            url: doc.url.clone(),
            story: doc.story.clone(),
            text_hash: format!("{:016x}", doc.released.unwrap_or_else(|| doc.hash_text())),
            suppressions: !doc.suppressions.is_empty(),
        }
    }

    /// The document, its text released (read again from `path` when quoted), or `None`
    /// when the text hash is not 16 hex digits.
    pub fn to_document(&self) -> Option<Document> {
        let hash = u64::from_str_radix(&self.text_hash, 16).ok()?;
        let mut doc = Document::plain(
            self.id.clone(),
            self.path.clone(),
            self.format,
            String::new(),
        );
        doc.line_in_file = self.line_in_file;
        doc.source = self.source.clone();
        doc.published = self.published;
        doc.title = self.title.clone();
        doc.url = self.url.clone();
        doc.story = self.story.clone();
        doc.line_starts = Vec::new();
        doc.released = Some(hash);
        Some(doc)
    }

    /// The record as a JSON value: the `document` of a claims line.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// The claims of a claims file (JSON lines, or Parquet with the `parquet` feature) with
/// their documents' records, and the errors met.
pub fn read(path: &std::path::Path) -> (Vec<(DocRecord, Claim)>, Vec<crate::corpus::Diagnostic>) {
    #[cfg(feature = "parquet")]
    if parquet::is_parquet(path) {
        return parquet::read(path);
    }
    #[cfg(not(feature = "parquet"))]
    if starts_with(path, b"PAR1") {
        let d = crate::corpus::read::diagnostic(
            crate::corpus::Level::Error,
            path,
            "a Parquet file: this claimcheck was built without the `parquet` feature \
             (cargo install --features parquet)",
        );
        return (Vec::new(), vec![d]);
    }
    jsonl::read(path)
}

#[cfg(not(feature = "parquet"))]
fn starts_with(path: &std::path::Path, magic: &[u8]) -> bool {
    use std::io::Read;
    let mut head = vec![0u8; magic.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == magic)
}
