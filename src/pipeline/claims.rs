//! Checking from claims files instead of a corpus (`check --claims`): the claims that
//! `claimcheck claims --format jsonl` (or `parquet`) wrote for shards of a corpus, put together in the
//! order a single run over the same paths gives them, so that extraction can map over
//! shards and one check reduces.

use super::{permute, Analysis};
use crate::claimfile::DocRecord;
use crate::corpus::{self, read::diagnostic, Corpus, Diagnostic, Document, Level};
use crate::extract::Claim;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// Reads claims files (in the order given) into an analysis with the documents' texts
/// released: quotes are read again from the documents' paths. Documents with
/// `claimcheck-ignore` comments are read again at once, for their comments.
pub fn analyse_claim_files(paths: &[PathBuf]) -> Analysis {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut suppressed: Vec<usize> = Vec::new();
    let mut index: HashMap<(PathBuf, Option<usize>, String), usize> = HashMap::new();
    let mut claims: Vec<Claim> = Vec::new();
    for path in paths {
        let (records, diags) = crate::claimfile::read(path);
        diagnostics.extend(diags);
        for (record, claim) in records {
            let key = (record.path.clone(), record.line_in_file, record.id.clone());
            let d = match index.get(&key) {
                Some(&d) => d,
                None => {
                    let Some(doc) = record.to_document() else {
                        diagnostics.push(bad_hash(path, &record));
                        continue;
                    };
                    if record.suppressions {
                        suppressed.push(documents.len());
                    }
                    index.insert(key, documents.len());
                    documents.push(doc);
                    documents.len() - 1
                }
            };
            claims.push(Claim {
                doc_index: u32::try_from(d).unwrap_or(u32::MAX),
                ..claim
            });
        }
    }
    // Documents that name no story join the story of the run when there is only one.
    let named: BTreeSet<&String> = documents.iter().filter_map(|d| d.story.as_ref()).collect();
    if let (1, Some(only)) = (named.len(), named.first().map(|s| (*s).clone())) {
        for d in documents.iter_mut().filter(|d| d.story.is_none()) {
            d.story = Some(only.clone());
        }
    }
    diagnostics.extend(restore_suppressed(&mut documents, &suppressed));
    // The order of a run over the corpus (see `read_claims`).
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by_cached_key(|&i| {
        let d = &documents[i];
        (
            d.story.clone(),
            d.id.clone(),
            d.path.clone(),
            d.line_in_file,
        )
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let documents = permute(documents, &order);
    let ids: Vec<crate::extract::Name> = documents.iter().map(|d| d.id.as_str().into()).collect();
    for c in &mut claims {
        c.doc_index = new_index[c.doc_index as usize] as u32;
        c.doc = ids[c.doc_index as usize].clone();
    }
    claims.sort_by_key(|c| (c.doc_index, c.ordinal));
    Analysis {
        sentences: vec![Vec::new(); documents.len()],
        corpus: Corpus {
            documents,
            diagnostics,
        },
        claims,
        cached: Vec::new(),
    }
}

fn bad_hash(path: &std::path::Path, record: &DocRecord) -> Diagnostic {
    diagnostic(
        Level::Error,
        path,
        format!(
            "document `{}`: `text_hash` is not 16 hex digits: its claims are left out",
            record.id
        ),
    )
}

/// Reads again the documents with `claimcheck-ignore` comments (which keep their texts
/// during a check); a warning for each that is gone or changed.
fn restore_suppressed(documents: &mut [Document], which: &[usize]) -> Vec<Diagnostic> {
    let docs: Vec<&Document> = which.iter().map(|&d| &documents[d]).collect();
    let fresh = corpus::reread(&docs);
    let mut warnings = Vec::new();
    for (&d, fresh) in which.iter().zip(fresh) {
        let doc = &mut documents[d];
        match fresh {
            Some(f) => {
                doc.suppressions = f.suppressions.clone();
                doc.restore_text(f);
            }
            None => warnings.push(diagnostic(
                Level::Warning,
                &doc.path,
                format!(
                    "`{}` is gone or changed since its claims were written: its \
                     claimcheck-ignore comments are not applied",
                    doc.id
                ),
            )),
        }
    }
    warnings
}
