//! Reading `claimcheck claims --format jsonl` files back: each line's `document` and
//! `record` fields (the other fields are for people and other tools). A line that is
//! not such a claim is an error at its line and column; the others are read.

use super::DocRecord;
use crate::corpus::read::{diagnostic, diagnostic_at};
use crate::corpus::{Diagnostic, Level};
use crate::extract::Claim;
use serde::Deserialize;
use std::io::BufRead;
use std::path::Path;

#[derive(Deserialize)]
struct Line {
    document: DocRecord,
    record: Claim,
}

/// The claims of a claims file with their documents' records, and the errors met.
pub fn read(path: &Path) -> (Vec<(DocRecord, Claim)>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            diags.push(diagnostic(Level::Error, path, format!("cannot read: {e}")));
            return (out, diags);
        }
    };
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                diags.push(diagnostic_at(
                    Level::Error,
                    path,
                    i + 1,
                    1,
                    format!("cannot read: {e}"),
                ));
                break;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Line>(&line) {
            Ok(l) => out.push((l.document, l.record)),
            Err(e) => {
                // The position is the diagnostic's: serde's own (line 1 of the line) goes.
                let what = e.to_string();
                let what = what.split(" at line ").next().unwrap_or_default();
                diags.push(diagnostic_at(
                    Level::Error,
                    path,
                    i + 1,
                    e.column().max(1),
                    format!(
                        "not a claim line of `claimcheck claims --format jsonl` \
                         (with its `document` and `record`): {what}"
                    ),
                ));
            }
        }
    }
    (out, diags)
}
