//! Claims as Parquet (cargo feature `parquet`), for other engines (Spark, DataFusion,
//! DuckDB, pandas): one row a claim, with flat columns to query (document, story,
//! position, the actor, action, target and place names, the quantity and its unit, the
//! time, polarity) and two JSON columns, `document` and `record`, from which `check
//! --claims` reads each claim back exactly (as from a `claims --format jsonl` line).

use super::DocRecord;
use crate::corpus::read::diagnostic;
use crate::corpus::{Diagnostic, Document, Level};
use crate::extract::{Claim, Polarity, Value};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt64Array,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use std::path::Path;
use std::sync::Arc;

/// Claims written a batch (and a row group) at a time.
const ROWS_PER_BATCH: usize = 64 * 1024;

/// Why claims could not be written as Parquet.
#[derive(Debug, thiserror::Error)]
pub enum ParquetError {
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

fn schema() -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let count = |name: &str, nullable: bool| Field::new(name, DataType::UInt64, nullable);
    Arc::new(Schema::new(vec![
        text("doc", false),
        text("story", true),
        text("source", false),
        text("path", false),
        count("line_in_file", true),
        count("ordinal", false),
        count("span_start", false),
        count("span_end", false),
        Field::new("headline", DataType::Boolean, false),
        text("facet", true),
        text("actor", true),
        text("action", true),
        text("target", true),
        text("place", true),
        Field::new("quantity", DataType::Float64, true),
        Field::new("quantity_high", DataType::Float64, true),
        text("unit", true),
        text("quantity_text", true),
        text("time_text", true),
        text("polarity", false),
        Field::new("hedged", DataType::Boolean, false),
        text("document", false),
        text("record", false),
    ]))
}

/// The Parquet file of `claims` (each naming its document by index in `documents`).
pub fn write(claims: &[Claim], documents: &[Document]) -> Result<Vec<u8>, ParquetError> {
    let schema = schema();
    let mut out = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut out, schema.clone(), None)?;
    for chunk in claims.chunks(ROWS_PER_BATCH) {
        writer.write(&batch(&schema, chunk, documents)?)?;
    }
    writer.close()?;
    Ok(out)
}

fn batch(
    schema: &SchemaRef,
    claims: &[Claim],
    documents: &[Document],
) -> Result<RecordBatch, ParquetError> {
    let doc = |c: &Claim| &documents[c.doc_index as usize];
    let strings = |f: &dyn Fn(&Claim) -> Option<String>| -> ArrayRef {
        Arc::new(claims.iter().map(f).collect::<StringArray>())
    };
    let counts = |f: &dyn Fn(&Claim) -> Option<u64>| -> ArrayRef {
        Arc::new(claims.iter().map(f).collect::<UInt64Array>())
    };
    let flags = |f: &dyn Fn(&Claim) -> bool| -> ArrayRef {
        Arc::new(claims.iter().map(|c| Some(f(c))).collect::<BooleanArray>())
    };
    let numbers = |f: &dyn Fn(&Claim) -> Option<f64>| -> ArrayRef {
        Arc::new(claims.iter().map(f).collect::<Float64Array>())
    };
    let name = |m: Option<&crate::extract::Mention<crate::extract::Entity>>| {
        m.map(|m| m.value.name.to_string())
    };
    let low_high = |c: &Claim| match c.quantity.as_ref().map(|q| &q.value) {
        Some(Value::Number(n)) => (Some(*n), None),
        Some(Value::Range([a, b])) => (Some(*a), Some(*b)),
        Some(Value::Vague { range, .. }) => (range.map(|r| r[0]), range.map(|r| r[1])),
        None => (None, None),
    };
    let columns: Vec<ArrayRef> = vec![
        strings(&|c| Some(c.doc.to_string())),
        strings(&|c| doc(c).story.clone()),
        strings(&|c| Some(doc(c).source.clone())),
        strings(&|c| Some(doc(c).path.to_string_lossy().into_owned())),
        counts(&|c| doc(c).line_in_file.map(|l| l as u64)),
        counts(&|c| Some(c.ordinal as u64)),
        counts(&|c| Some(c.span.start as u64)),
        counts(&|c| Some(c.span.end as u64)),
        flags(&|c| c.headline),
        strings(&|c| {
            c.about
                .as_ref()
                .and_then(|a| serde_json::to_value(a.facet).ok())
                .and_then(|v| v.as_str().map(str::to_string))
        }),
        strings(&|c| name(c.actor.as_deref())),
        strings(&|c| c.action.as_ref().map(|a| a.value.name.to_string())),
        strings(&|c| name(c.target.as_deref())),
        strings(&|c| name(c.place.as_deref())),
        numbers(&|c| low_high(c).0),
        numbers(&|c| low_high(c).1),
        strings(&|c| {
            c.quantity
                .as_ref()
                .and_then(|q| q.unit.as_ref())
                .map(|u| u.to_string())
        }),
        strings(&|c| c.quantity.as_ref().map(|q| q.text.to_string())),
        strings(&|c| c.time.as_ref().map(|t| t.text.to_string())),
        strings(&|c| {
            Some(match c.polarity {
                Polarity::Positive => "positive".to_string(),
                Polarity::Negative => "negative".to_string(),
            })
        }),
        flags(&|c| c.hedged()),
        strings(&|c| Some(DocRecord::of(doc(c)).to_value().to_string())),
        strings(&|c| Some(super::claim_value(c).to_string())),
    ];
    Ok(RecordBatch::try_new(schema.clone(), columns)?)
}

/// True when the file starts as a Parquet file does (`PAR1`).
pub fn is_parquet(path: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| &magic == b"PAR1")
}

/// The claims of a Parquet file written by [`write`] with their documents' records, and
/// the errors met (a row that does not read is an error naming its row). A file that
/// makes the Parquet reader panic is an error too, never a crash.
pub fn read(path: &Path) -> (Vec<(DocRecord, Claim)>, Vec<Diagnostic>) {
    match std::panic::catch_unwind(|| read_unguarded(path)) {
        Ok(read) => read,
        Err(_) => (
            Vec::new(),
            vec![diagnostic(
                Level::Error,
                path,
                "not a readable Parquet file (the reader failed on it)",
            )],
        ),
    }
}

fn read_unguarded(path: &Path) -> (Vec<(DocRecord, Claim)>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let error = |message: String| diagnostic(Level::Error, path, message);
    let reader = std::fs::File::open(path)
        .map_err(|e| format!("cannot read: {e}"))
        .and_then(|f| {
            ParquetRecordBatchReaderBuilder::try_new(f)
                .and_then(|b| b.build())
                .map_err(|e| format!("not a readable Parquet file: {e}"))
        });
    let reader = match reader {
        Ok(r) => r,
        Err(e) => {
            diags.push(error(e));
            return (out, diags);
        }
    };
    let mut row = 0usize;
    for batch in reader {
        let batch = match batch {
            Ok(b) => b,
            Err(e) => {
                diags.push(error(format!("row {}: cannot read: {e}", row + 1)));
                break;
            }
        };
        let column = |name: &str| {
            batch
                .column_by_name(name)
                .and_then(|c| c.as_any().downcast_ref::<StringArray>())
                .cloned()
        };
        let (Some(documents), Some(records)) = (column("document"), column("record")) else {
            diags.push(error(
                "not a claims file of `claimcheck claims --format parquet` (no text columns \
                 `document` and `record`)"
                    .to_string(),
            ));
            break;
        };
        for i in 0..batch.num_rows() {
            row += 1;
            let parsed = if documents.is_null(i) || records.is_null(i) {
                Err(serde::de::Error::custom("`document` or `record` is empty"))
            } else {
                let d = serde_json::from_str::<DocRecord>(documents.value(i));
                let r = serde_json::from_str::<Claim>(records.value(i));
                d.and_then(|d| r.map(|r| (d, r)))
            };
            match parsed {
                Ok(pair) => out.push(pair),
                Err(e) => diags.push(error(format!(
                    "row {row}: not a claim of `claimcheck claims --format parquet`: {e}"
                ))),
            }
        }
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Knowledge;

    #[test]
    fn claims_read_back_exactly_and_damaged_files_never_panic() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mtwara-harbour");
        let a = crate::pipeline::analyse(&[root], &Knowledge::builtin());
        assert!(!a.claims.is_empty());
        let bytes = write(&a.claims, &a.corpus.documents).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.parquet");
        std::fs::write(&file, &bytes).unwrap();
        let (read_back, diags) = read(&file);
        assert!(diags.is_empty(), "{diags:?}");
        let claims: Vec<&Claim> = read_back.iter().map(|(_, c)| c).collect();
        assert_eq!(claims, a.claims.iter().collect::<Vec<_>>());
        let docs: Vec<DocRecord> = a.corpus.documents.iter().map(DocRecord::of).collect();
        assert!(read_back.iter().all(|(d, _)| docs.contains(d)));
        // Every 97th byte flipped, and cuts: errors or claims, never a panic.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        for at in (0..bytes.len()).step_by(97) {
            let mut bad = bytes.clone();
            bad[at] ^= 0x5a;
            std::fs::write(&file, &bad).unwrap();
            let _ = read(&file);
            std::fs::write(&file, &bytes[..at]).unwrap();
            let (_, diags) = read(&file);
            assert!(
                !diags.is_empty() || at == 0 || at >= bytes.len(),
                "cut at {at}"
            );
        }
        std::panic::set_hook(previous);
    }
}
