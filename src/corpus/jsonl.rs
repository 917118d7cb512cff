//! JSON-lines documents: one object a line with `id`, `text` and optional metadata; spans
//! index the decoded `text` value of each line.

use super::document::{default_source, Document, Format};
use super::error::{Diagnostic, Level};
use super::meta::Meta;
use super::read::{diagnostic_at, Decoded};
use serde::Deserialize;
use std::path::Path;

/// One line's object; other keys are ignored.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Reads every line of a JSON-lines file; bad lines become error diagnostics and the
/// other lines are still read. `file_id` names the file in fallback ids (`file:line`);
/// `defaults` is the file's manifest entry.
pub fn load(
    path: &Path,
    file_id: &str,
    decoded: &Decoded,
    defaults: &Meta,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let mut docs = Vec::new();
    for (index, line) in decoded.text.split('\n').enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                // serde_json appends "at line 1 column N"; the diagnostic gives the position.
                let text = e.to_string();
                let reason = text
                    .rsplit_once(" at line ")
                    .map_or(text.as_str(), |(r, _)| r);
                let message = format!("malformed JSON line: {reason}");
                diags.push(diagnostic_at(
                    Level::Error,
                    path,
                    line_no,
                    e.column().max(1),
                    message,
                ));
                continue;
            }
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{file_id}:{line_no}"),
        };
        if record.text.trim().is_empty() {
            diags.push(diagnostic_at(
                Level::Warning,
                path,
                line_no,
                1,
                format!("document `{id}` has an empty `text`"),
            ));
        }
        let mut doc = Document::plain(id, path.to_path_buf(), Format::JsonLines, record.text);
        doc.line_in_file = Some(line_no);
        let own = Meta::parsed(
            record.source,
            record.published.as_deref(),
            record.title,
            record.url,
            |msg| {
                diags.push(diagnostic_at(Level::Warning, path, line_no, 1, msg));
            },
        );
        own.or(defaults).apply(&mut doc, &default_source(file_id));
        docs.push(doc);
    }
    docs
}
