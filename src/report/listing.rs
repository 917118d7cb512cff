//! The listings of `claimcheck quantities` and `claimcheck sentences`, in the listing
//! formats every listing command takes: text lines, one JSON object, JSON lines.

use super::visible::{json_safe, visible};
use crate::corpus::{Document, Sentence};
use crate::extract::quantity::{find_quantities, QuantityMatch, Units};
use crate::extract::{Change, Value};
use serde_json::{json, Value as Json};

/// The version of the listing and claims JSON shapes (the `version` field).
pub use super::json::VERSION;

/// The formats of the listing commands (`claims`, `quantities`, `sentences`): lines for
/// people, one JSON object holding the list, or one JSON object a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Jsonl,
}

/// `claimcheck quantities`: every quantity mention of the documents.
#[derive(Clone, Copy, Debug)]
pub struct Quantities<'a> {
    pub documents: &'a [Document],
    /// Each document's sentences, index for index.
    pub sentences: &'a [Vec<Sentence>],
    /// The units that read the quantities.
    pub units: &'a Units,
    pub format: ListFormat,
}

impl super::Reporter for Quantities<'_> {
    fn report(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(
            quantities(self.documents, self.sentences, self.units, self.format).as_bytes(),
        )
    }
}

/// `claimcheck sentences`: every sentence of the documents with its span.
#[derive(Clone, Copy, Debug)]
pub struct Sentences<'a> {
    pub documents: &'a [Document],
    /// Each document's sentences, index for index.
    pub sentences: &'a [Vec<Sentence>],
    pub format: ListFormat,
}

impl super::Reporter for Sentences<'_> {
    fn report(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(sentences(self.documents, self.sentences, self.format).as_bytes())
    }
}

/// A number as written by a person: no `.0` for a whole number, thousands grouped.
pub fn number(n: f64) -> String {
    if !(n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15) {
        return format!("{n}");
    }
    let digits = (n.abs() as i64).to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A quantity's value for people: "12", "10 to 20", "dozens".
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Number(n) => number(*n),
        Value::Range([a, b]) => format!("{} to {}", number(*a), number(*b)),
        Value::Vague { vague, .. } => vague.clone(),
    }
}

/// How a change reads ("at least"), `None` for an exact value.
pub fn change_text(c: Change) -> Option<&'static str> {
    match c {
        Change::Exact => None,
        Change::Approx => Some("about"),
        Change::AtLeast => Some("at least"),
        Change::AtMost => Some("at most"),
        Change::Up => Some("up by"),
        Change::Down => Some("down by"),
        #[allow(unreachable_patterns)]
        _ => Some("changed"),
    }
}

/// Writes items in a listing format: text lines as they are (their untrusted parts made
/// [`visible`]), JSON (control and bidirectional characters as escapes) as `{"version", KEY:
/// [...]}`, JSON lines one object a line.
fn listing(format: ListFormat, key: &str, items: Vec<(String, Json)>) -> String {
    match format {
        ListFormat::Text => items.into_iter().map(|(t, _)| t + "\n").collect(),
        ListFormat::Jsonl => items
            .into_iter()
            .map(|(_, j)| json_safe(j.to_string()) + "\n")
            .collect(),
        ListFormat::Json => {
            let all: Vec<Json> = items.into_iter().map(|(_, j)| j).collect();
            let mut doc = serde_json::Map::new();
            doc.insert("version".into(), json!(VERSION));
            doc.insert(key.into(), Json::Array(all));
            json_safe(serde_json::to_string_pretty(&Json::Object(doc)).unwrap_or_default()) + "\n"
        }
    }
}

/// One quantity as a text line and a JSON object (`None` for a quantity without a number,
/// which the JSON formats leave out).
fn quantity(doc: &Document, at: usize, q: &QuantityMatch) -> (String, Option<Json>) {
    let range = at + q.range.start..at + q.range.end;
    let span = doc.file_span(range.clone());
    let written = doc.text.get(range).unwrap_or("");
    let lc = doc.line_col(span.start);
    let mut value = value_text(&q.value);
    if let Some(c) = change_text(q.change).filter(|_| !matches!(q.value, Value::Vague { .. })) {
        value = format!("{c} {value}");
    }
    if let Some(unit) = &q.unit {
        value = format!("{value} {unit}");
    }
    let approx = if q.approx && q.change != Change::Approx {
        " (approximate)"
    } else {
        ""
    };
    let text = format!(
        "{}:{}:{}: {} = {value}{approx}",
        visible(&doc.id),
        lc.line,
        lc.column,
        visible(written)
    );
    let number = match &q.value {
        Value::Number(n) => Some(json!(n)),
        Value::Range(r) => Some(json!(r)),
        Value::Vague { .. } => None,
    };
    let json = number.map(|value| {
        json!({"doc": doc.id, "span": [span.start, span.end], "value": value,
            "unit": q.unit, "change": q.change, "approx": q.approx, "text": written})
    });
    (text, json)
}

/// Every quantity mention of the documents (whose sentences are given, index for index).
pub fn quantities(
    docs: &[Document],
    sentences: &[Vec<Sentence>],
    units: &Units,
    format: ListFormat,
) -> String {
    let mut items = Vec::new();
    for (doc, doc_sentences) in docs.iter().zip(sentences) {
        for s in doc_sentences {
            let text = doc.text.get(s.range.clone()).unwrap_or("");
            for q in find_quantities(text, units) {
                let (line, json) = quantity(doc, s.range.start, &q);
                match (format, json) {
                    (ListFormat::Text, _) => items.push((line, Json::Null)),
                    (_, Some(j)) => items.push((line, j)),
                    (_, None) => {}
                }
            }
        }
    }
    listing(format, "quantities", items)
}

/// Every sentence of the documents with its span.
pub fn sentences(docs: &[Document], sentences: &[Vec<Sentence>], format: ListFormat) -> String {
    let mut items = Vec::new();
    for (doc, doc_sentences) in docs.iter().zip(sentences) {
        for s in doc_sentences {
            let span = doc.file_span(s.range.clone());
            let text = doc.text.get(s.range.clone()).unwrap_or("");
            let lc = doc.line_col(span.start);
            let mark = if s.headline { " [headline]" } else { "" };
            let line = format!(
                "{}:{}:{} [{}..{}]{mark} {}",
                visible(&doc.id),
                lc.line,
                lc.column,
                span.start,
                span.end,
                visible(text)
            );
            let j = json!({"doc": doc.id, "span": [span.start, span.end],
                "paragraph": s.paragraph, "headline": s.headline, "text": text});
            items.push((line, j));
        }
    }
    listing(format, "sentences", items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(1_200_000.0), "1,200,000");
        assert_eq!(number(-3000.0), "-3,000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(value_text(&Value::Range([10.0, 20.0])), "10 to 20");
    }
}
