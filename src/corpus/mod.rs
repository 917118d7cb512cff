//! Loading a corpus: files and folders of articles into [`Document`]s with exact spans,
//! and splitting their text into [`Sentence`]s.

pub mod builder;
pub mod date;
pub mod document;
pub mod error;
pub mod html;
pub mod jsonl;
pub mod jsonpos;
pub mod limit;
pub mod manifest;
pub mod markdown;
pub mod meta;
pub mod read;
pub mod segment;
pub mod sniff;
pub mod span;
pub mod walk;

pub use date::PartialDate;
pub use document::{Document, Format, OffsetMap, Suppression};
pub use error::{CorpusError, Diagnostic, Level};
pub use segment::{Abbreviations, Sentence};
pub use span::{LineCol, Span};

use document::{default_source, line_starts};
use manifest::Manifests;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
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
    let mut per_root: Vec<Vec<Document>> = vec![Vec::new(); paths.len()];
    let mut diagnostics = read_in_chunks(paths, usize::MAX, |root, docs| {
        per_root[root].extend(docs);
    });
    let mut documents = Vec::new();
    for mut docs in per_root {
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        documents.extend(docs);
    }
    diagnostics.extend(duplicate_ids(&documents));
    Corpus {
        documents,
        diagnostics,
    }
}

/// How many bytes of a JSON-lines file are read at a time.
const JSONL_BATCH_BYTES: usize = 8 << 20;

/// Reads every document under the given files and folders, `files_per_chunk` files at a
/// time (read in parallel), and hands each chunk's documents to `each` with the index of
/// their root, in input order, so that a caller can process and drop them before the
/// next chunk is read. Returns the warnings and errors met (reading goes on past bad
/// files), in a deterministic order; duplicate ids are the caller's to look for
/// ([`duplicate_ids`]), as only it keeps every document.
pub fn read_in_chunks(
    paths: &[PathBuf],
    files_per_chunk: usize,
    mut each: impl FnMut(usize, Vec<Document>),
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut manifests = Manifests::default();
    for (r, root) in paths.iter().enumerate() {
        let inputs = walk::inputs(root, &mut manifests, &mut diagnostics);
        let jobs: Vec<(walk::Input, meta::Meta)> = inputs
            .into_iter()
            .map(|input| {
                let mut defaults = manifests.lookup(&input.path);
                defaults.story = defaults.story.or_else(|| input.story.clone());
                (input, defaults)
            })
            .collect();
        let mut read_diags = Vec::new();
        // Files are read a chunk at a time in parallel; a JSON-lines file, which may hold
        // a whole corpus, is read on its own a run of lines at a time.
        let mut rest = jobs.as_slice();
        while !rest.is_empty() {
            if let Some(((input, defaults), after)) = rest
                .split_first()
                .filter(|(j, _)| j.0.format == Format::JsonLines)
            {
                jsonl::read_in_batches(
                    &input.path,
                    &input.id,
                    defaults,
                    JSONL_BATCH_BYTES,
                    &mut read_diags,
                    |docs| each(r, docs),
                );
                rest = after;
                continue;
            }
            let take = rest
                .iter()
                .take(files_per_chunk.max(1))
                .take_while(|j| j.0.format != Format::JsonLines)
                .count();
            let (chunk, after) = rest.split_at(take);
            let read: Vec<(Vec<Document>, Vec<Diagnostic>)> = chunk
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
                read_diags.extend(diags);
            }
            each(r, docs);
            rest = after;
        }
        diagnostics.extend(read_diags);
    }
    diagnostics.extend(manifests.unused());
    diagnostics
}

/// Reads documents again from their files, for documents whose text was released
/// ([`Document::release_text`]) after their claims were read: each file is read once,
/// in parallel. An entry is `None` when its file no longer gives the same text.
pub fn reread(docs: &[&Document]) -> Vec<Option<Document>> {
    let mut by_path: BTreeMap<&std::path::Path, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_path.entry(d.path.as_path()).or_default().push(i);
    }
    let files: Vec<(&std::path::Path, Vec<usize>)> = by_path.into_iter().collect();
    let read: Vec<Vec<(usize, Option<Document>)>> = files
        .par_iter()
        .map(|(path, wanted)| {
            let first = docs[wanted[0]];
            let same = |old: &Document, d: &Document| {
                d.line_in_file == old.line_in_file && Some(d.hash_text()) == old.released
            };
            if first.format == Format::JsonLines {
                let lines: Vec<usize> = wanted
                    .iter()
                    .map(|&i| docs[i].line_in_file.unwrap_or(0))
                    .collect();
                let fresh = jsonl::reread_lines(path, &first.id, &lines);
                return wanted
                    .iter()
                    .zip(fresh)
                    .map(|(&i, d)| (i, d.filter(|d| same(docs[i], d))))
                    .collect();
            }
            let input = walk::Input {
                path: path.to_path_buf(),
                id: first.id.clone(),
                format: first.format,
                story: None,
            };
            let fresh = match limit::read(path) {
                Ok(Some(bytes)) => {
                    documents_from_bytes(&input, bytes, &meta::Meta::default(), &mut Vec::new())
                }
                Ok(None) | Err(_) => Vec::new(),
            };
            wanted
                .iter()
                .map(|&i| (i, fresh.iter().find(|d| same(docs[i], d)).cloned()))
                .collect()
        })
        .collect();
    let mut out = vec![None; docs.len()];
    for (i, d) in read.into_iter().flatten() {
        out[i] = d;
    }
    out
}

/// A warning for each document whose id an earlier document already has.
pub fn duplicate_ids<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Vec<Diagnostic> {
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
    match limit::read(&input.path) {
        Ok(Some(bytes)) => documents_from_bytes(input, bytes, defaults, diags),
        Ok(None) => {
            diags.push(read::diagnostic(
                Level::Error,
                &input.path,
                limit::too_large("file"),
            ));
            Vec::new()
        }
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
    if input.format == Format::JsonLines {
        if let Some(d) = read::skipped_kind(&input.path, &bytes, true) {
            diags.push(d);
            return Vec::new();
        }
    }
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
