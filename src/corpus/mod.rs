//! Loading a corpus: files and folders of articles into [`Document`]s with exact spans,
//! and splitting their text into [`Sentence`]s.

pub mod builder;
pub mod date;
pub mod document;
pub mod error;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod markdown;
pub mod meta;
pub mod read;
pub mod segment;
pub mod span;
pub mod walk;

pub use date::PartialDate;
pub use document::{Document, Format, OffsetMap, Suppression};
pub use error::{CorpusError, Diagnostic, Level};
pub use segment::{segment, Abbreviations, Sentence};
pub use span::{LineCol, Span};

use document::{default_source, line_starts};
use manifest::Manifests;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// What loading produced: the documents, in a deterministic order, and the warnings and
/// errors met on the way (loading goes on past bad files).
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    /// True when some diagnostic is an error (the exit status is then 2).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }
}

/// Loads every document under the given files and folders. Folders are walked
/// recursively in sorted order; documents come out sorted by (root order, id).
pub fn load(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    let mut manifests = Manifests::default();
    for root in paths {
        let inputs = walk::inputs(root, &mut manifests, &mut corpus.diagnostics);
        let jobs: Vec<(walk::Input, meta::Meta)> = inputs
            .into_iter()
            .map(|input| {
                let defaults = manifests.lookup(&input.path);
                (input, defaults)
            })
            .collect();
        let read: Vec<(Vec<Document>, Vec<Diagnostic>)> = jobs
            .par_iter()
            .map(|(input, defaults)| {
                let mut diags = Vec::new();
                let docs = load_file(input, defaults, &mut diags);
                (docs, diags)
            })
            .collect();
        let mut docs = Vec::new();
        for (file_docs, diags) in read {
            docs.extend(file_docs);
            corpus.diagnostics.extend(diags);
        }
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        corpus.documents.extend(docs);
    }
    corpus.diagnostics.extend(manifests.unused());
    corpus.diagnostics.extend(duplicate_ids(&corpus.documents));
    corpus
}

/// A warning for each document whose id an earlier document already has.
fn duplicate_ids(docs: &[Document]) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Document> = HashMap::new();
    let mut out = Vec::new();
    for doc in docs {
        match first.get(doc.id.as_str()) {
            Some(earlier) => {
                let message = format!(
                    "duplicate document id `{}` (also read from {})",
                    doc.id,
                    earlier.path.display()
                );
                out.push(match doc.line_in_file {
                    Some(line) => read::diagnostic_at(Level::Warning, &doc.path, line, 1, message),
                    None => read::diagnostic(Level::Warning, &doc.path, message),
                });
            }
            None => {
                first.insert(&doc.id, doc);
            }
        }
    }
    out
}

/// Reads one file into its documents (several for JSON lines).
fn load_file(
    input: &walk::Input,
    defaults: &meta::Meta,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    match std::fs::read(&input.path) {
        Ok(bytes) => documents_from_bytes(input, bytes, defaults, diags),
        Err(e) => {
            diags.push(read::diagnostic(
                Level::Error,
                &input.path,
                format!("cannot read: {e}"),
            ));
            Vec::new()
        }
    }
}

/// The documents of one input whose bytes are already in memory: what loading the file
/// at `input.path` gives, without touching the file system.
pub fn documents_from_bytes(
    input: &walk::Input,
    bytes: Vec<u8>,
    defaults: &meta::Meta,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let decoded = match read::check_bytes(&input.path, bytes, diags) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return Vec::new();
        }
    };
    let source = default_source(&input.id);
    let (own, built) = match input.format {
        Format::JsonLines => return jsonl::load(&input.path, &input.id, &decoded, defaults, diags),
        Format::Text => {
            let mut doc = text_document(input, decoded);
            defaults.clone().apply(&mut doc, &source);
            return vec![doc];
        }
        Format::Markdown => {
            let front = markdown::front_matter(&decoded.text, &input.path, diags);
            let start = front.as_ref().map_or(0, |f| f.body_start);
            (
                front.map(|f| f.meta).unwrap_or_default(),
                markdown::extract(&decoded.text, start),
            )
        }
        Format::Html => {
            // The page's <title> is a fallback: the manifest's title comes first.
            let (built, title) = html::extract(&decoded.text);
            (
                defaults.clone().or(&meta::Meta {
                    title,
                    ..Default::default()
                }),
                built,
            )
        }
    };
    if !built.text.chars().any(char::is_alphanumeric) {
        diags.push(read::diagnostic(
            Level::Warning,
            &input.path,
            "no article text found, skipped",
        ));
        return Vec::new();
    }
    let mut built = built;
    let found = built.take_suppressions();
    let mut doc = Document::plain(
        input.id.clone(),
        input.path.clone(),
        input.format,
        built.text,
    );
    doc.map = read::compose(&built.map, &decoded.map);
    doc.suppressions = found
        .into_iter()
        .map(|s| Suppression {
            rules: s.rules,
            span: doc.map.to_file(s.text),
            comment: decoded.map.to_file(s.comment.start..s.comment.end),
        })
        .collect();
    doc.line_starts = line_starts(&decoded.bytes);
    doc.raw = Some(decoded.bytes);
    own.or(defaults).apply(&mut doc, &source);
    vec![doc]
}

/// A plain-text document: the decoded file (lossy decoding keeps the raw bytes and map).
fn text_document(input: &walk::Input, decoded: read::Decoded) -> Document {
    if !decoded.altered() {
        return Document::plain(
            input.id.clone(),
            input.path.clone(),
            Format::Text,
            decoded.text,
        );
    }
    let mut doc = Document::plain(
        input.id.clone(),
        input.path.clone(),
        Format::Text,
        decoded.text,
    );
    doc.map = decoded.map;
    doc.line_starts = line_starts(&decoded.bytes);
    doc.raw = Some(decoded.bytes);
    doc
}
