//! JSON-lines documents: one object a line with `id`, `text` and optional metadata; spans
//! index the decoded `text` value of each line.

use super::document::{default_source, Document, Format};
use super::error::{Diagnostic, Level};
use super::meta::Meta;
use super::read::{decode, diagnostic, diagnostic_at, Decoded};
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One line's object; other keys are ignored.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    source: Option<String>,
    /// Any JSON value: one that is not a string is warned of and ignored (the document
    /// is still read).
    published: Option<serde_json::Value>,
    title: Option<String>,
    url: Option<String>,
    /// The story: a string (or a number, read as its digits); another value is warned
    /// of and ignored.
    story: Option<serde_json::Value>,
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
    load_lines(path, file_id, &decoded.text, 1, defaults, diags)
}

/// [`load`] on a run of whole lines of the file, the first of which is line `first_line`
/// (a large file is read a run of lines at a time).
pub fn load_lines(
    path: &Path,
    file_id: &str,
    text: &str,
    first_line: usize,
    defaults: &Meta,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    text.split('\n')
        .enumerate()
        .filter_map(|(index, line)| {
            line_document(path, file_id, first_line + index, line, defaults, diags)
        })
        .collect()
}

/// The document of line `line_no` (`None` for a blank or malformed line).
pub fn line_document(
    path: &Path,
    file_id: &str,
    line_no: usize,
    line: &str,
    defaults: &Meta,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    if line.trim().is_empty() {
        return None;
    }
    // An object only: serde would also read a struct from an array of its fields in
    // order (`["id", "text", ...]`), a form nobody writes on purpose.
    let start = line.trim_start();
    if !start.starts_with('{') {
        let column = line[..line.len() - start.len()].chars().count() + 1;
        diags.push(diagnostic_at(
            Level::Error,
            path,
            line_no,
            column,
            "malformed JSON line: expected an object such as {\"id\": \"a1\", \"text\": \"...\"}"
                .to_string(),
        ));
        return None;
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
            return None;
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
    doc.json_pos = super::jsonpos::locate(line);
    let published = match record.published {
        Some(serde_json::Value::String(p)) => Some(p),
        None | Some(serde_json::Value::Null) => None,
        Some(other) => {
            diags.push(diagnostic_at(
                Level::Warning,
                path,
                line_no,
                1,
                format!(
                    "`published` value {other} is not a string such as \"2024-03-01\"; ignored"
                ),
            ));
            None
        }
    };
    let story = match record.story {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        None | Some(serde_json::Value::Null) => None,
        Some(other) => {
            diags.push(diagnostic_at(
                Level::Warning,
                path,
                line_no,
                1,
                format!("`story` value {other} is not a string; ignored"),
            ));
            None
        }
    };
    let own = Meta::parsed(
        record.source,
        published.as_deref(),
        record.title,
        record.url,
        |msg| {
            diags.push(diagnostic_at(Level::Warning, path, line_no, 1, msg));
        },
    )
    .with_story(story);
    own.or(defaults).apply(&mut doc, &default_source(file_id));
    Some(doc)
}

/// Reads a JSON-lines file a run of whole lines (about `batch_bytes`) at a time, handing
/// each run's documents to `each`, so that a large file never sits in memory whole.
/// The checks of [`super::read::check_bytes`] apply to each run: a NUL byte stops the
/// reading there (the runs before it were read), invalid UTF-8 is warned of once, at
/// its first file offset.
pub fn read_in_batches(
    path: &Path,
    file_id: &str,
    defaults: &Meta,
    batch_bytes: usize,
    diags: &mut Vec<Diagnostic>,
    mut each: impl FnMut(Vec<Document>),
) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            diags.push(diagnostic(Level::Error, path, format!("cannot read: {e}")));
            return;
        }
    };
    // A stream (a FIFO, a device) may never end: it is not read past a line too long.
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let (mut offset, mut first_line) = (0usize, 1usize);
    let (mut any_text, mut warned_utf8) = (false, false);
    let limit = super::limit::max_file_size();
    loop {
        let mut batch = Vec::with_capacity(batch_bytes.saturating_add(4096).min(1 << 26));
        // A line over the limit ends the batch before it; it is skipped after the batch.
        let mut oversized = false;
        while batch.len() < batch_bytes {
            let before = batch.len();
            match reader
                .by_ref()
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut batch)
            {
                Ok(0) => break,
                Ok(n) if n as u64 > limit && batch.last() != Some(&b'\n') => {
                    batch.truncate(before);
                    oversized = true;
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    let mut d = diagnostic(Level::Error, path, format!("cannot read: {e}"));
                    d.offset = Some(offset + batch.len());
                    diags.push(d);
                    return;
                }
            }
        }
        if batch.is_empty() && !oversized {
            break;
        }
        if offset == 0 {
            if let Some(d) = super::read::skipped_kind(path, &batch, true) {
                diags.push(d);
                return;
            }
        }
        if let Some(nul) = batch.iter().position(|&b| b == 0) {
            let mut d = diagnostic(Level::Warning, path, "binary file (NUL byte), skipped");
            d.offset = Some(offset + nul);
            diags.push(d);
            return;
        }
        any_text |= !batch.iter().all(u8::is_ascii_whitespace);
        if !warned_utf8 {
            if let Err(e) = std::str::from_utf8(&batch) {
                let mut d = diagnostic(
                    Level::Warning,
                    path,
                    "invalid UTF-8, read lossily (invalid bytes replaced by U+FFFD)",
                );
                d.offset = Some(offset + e.valid_up_to());
                diags.push(d);
                warned_utf8 = true;
            }
        }
        let lines = batch.iter().filter(|&&b| b == b'\n').count();
        let len = batch.len();
        let text = decode_at(batch, offset);
        each(load_lines(
            path, file_id, &text, first_line, defaults, diags,
        ));
        offset += len;
        first_line += lines;
        if oversized {
            let mut d = diagnostic_at(
                Level::Error,
                path,
                first_line,
                1,
                super::limit::too_large("line"),
            );
            d.offset = Some(offset);
            diags.push(d);
            if !regular {
                return;
            }
            match skip_line(&mut reader) {
                Ok(skipped) => offset += skipped,
                Err(e) => {
                    let mut d = diagnostic(Level::Error, path, format!("cannot read: {e}"));
                    d.offset = Some(offset);
                    diags.push(d);
                    return;
                }
            }
            first_line += 1;
            any_text = true;
        }
    }
    if !any_text {
        diags.push(diagnostic(Level::Warning, path, "empty file, skipped"));
    }
}

/// Reads past the rest of a line (its `\n` included) without keeping it; returns how
/// many bytes were skipped (only in a regular file, whose end is certain).
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = buf.iter().position(|&b| b == b'\n') {
            reader.consume(i + 1);
            return Ok(skipped + i + 1);
        }
        let n = buf.len();
        reader.consume(n);
        skipped += n;
    }
}

/// Bytes at file offset `offset` decoded as [`super::read::decode`] decodes the whole
/// file: a byte-order mark is dropped only at the start of the file.
fn decode_at(bytes: Vec<u8>, offset: usize) -> String {
    if offset == 0 {
        return decode(bytes).text;
    }
    let mut guarded = Vec::with_capacity(bytes.len() + 1);
    guarded.push(b'\n');
    guarded.extend_from_slice(&bytes);
    let mut text = decode(guarded).text;
    text.remove(0);
    text
}

/// The documents of some lines of a JSON-lines file read again (`wanted`: line numbers),
/// reading the file a line at a time; `None` for a line that no longer gives a document.
pub fn reread_lines(path: &Path, file_id: &str, wanted: &[usize]) -> Vec<Option<Document>> {
    let mut out = vec![None; wanted.len()];
    let Ok(file) = std::fs::File::open(path) else {
        return out;
    };
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&i| wanted[i]);
    let mut reader = BufReader::new(file);
    let (mut line_no, mut offset, mut next) = (1usize, 0usize, 0usize);
    let mut line = Vec::new();
    while next < order.len() {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                while next < order.len() && wanted[order[next]] == line_no {
                    let body = line.strip_suffix(b"\n").unwrap_or(&line).to_vec();
                    let text = decode_at(body, offset);
                    out[order[next]] = line_document(
                        path,
                        file_id,
                        line_no,
                        &text,
                        &Meta::default(),
                        &mut Vec::new(),
                    );
                    next += 1;
                }
                line_no += 1;
                offset += n;
            }
        }
    }
    out
}
