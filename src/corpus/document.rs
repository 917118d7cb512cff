//! A loaded document: metadata, extracted text, and the map from text back to file bytes.

use super::date::PartialDate;
use super::span::{LineCol, Span};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::PathBuf;

/// The input format of a document, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
}

/// One piece of the text-to-file map: `len` bytes of extracted text starting at `text`
/// came from file bytes `file.start..file.end`. When the piece is verbatim,
/// `file.len() == len`; a decoded entity or a replaced invalid byte maps a short piece of
/// text onto a longer (or shorter) stretch of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: usize,
    pub len: usize,
    pub file: Span,
}

/// Maps byte offsets in a document's extracted text to byte offsets in its file.
/// Pieces are sorted by `text` offset and do not overlap. An empty map is the identity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pub pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The identity map: the text is the file.
    pub fn identity() -> Self {
        OffsetMap::default()
    }

    /// Adds a piece; pieces must be pushed in text order. Adjacent verbatim pieces merge.
    pub fn push(&mut self, text: usize, len: usize, file: Span) {
        if let Some(last) = self.pieces.last_mut() {
            let verbatim = |p: &Piece| p.file.len() == p.len;
            if last.text + last.len == text
                && last.file.end == file.start
                && verbatim(last)
                && file.len() == len
            {
                last.len += len;
                last.file.end = file.end;
                return;
            }
        }
        self.pieces.push(Piece { text, len, file });
    }

    fn locate(&self, offset: usize, at_end: bool) -> usize {
        if self.pieces.is_empty() {
            return offset;
        }
        // Last piece starting at or before offset (for an end offset, strictly before).
        let idx = self.pieces.partition_point(|p| {
            if at_end {
                p.text < offset
            } else {
                p.text <= offset
            }
        });
        if idx == 0 {
            return self.pieces[0].file.start;
        }
        let p = &self.pieces[idx - 1];
        let within = offset - p.text;
        if p.file.len() == p.len {
            p.file.start + within.min(p.len)
        } else if within == 0 {
            p.file.start
        } else if within >= p.len || at_end {
            p.file.end
        } else {
            p.file.start
        }
    }

    /// The file span of a range of extracted text.
    pub fn to_file(&self, range: Range<usize>) -> Span {
        let start = self.locate(range.start, false);
        let end = self.locate(range.end, true).max(start);
        Span::new(start, end)
    }
}

/// A document of the corpus.
#[derive(Clone, Debug)]
pub struct Document {
    /// Path relative to the root it was found under, or the `id` of a JSON line.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// 1-based line of the file for a JSON-lines document, else `None`.
    pub line_in_file: Option<usize>,
    pub format: Format,
    /// The outlet: from the manifest or front matter, else the file name.
    pub source: String,
    pub published: Option<PartialDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The story: named by the document (manifest entry, front matter, JSON line), else
    /// the folder holding its `corpus.toml`; `None` for a document of no story (all such
    /// documents are checked together).
    pub story: Option<String>,
    /// For a JSON-lines document, where its `text` value sits in its line (for columns).
    pub json_pos: Option<super::jsonpos::JsonPos>,
    /// The article text without markup; extraction runs on this.
    pub text: String,
    /// From `text` offsets to file offsets.
    pub map: OffsetMap,
    /// Byte offsets of line starts in the file (or JSON `text` value) that spans index.
    pub line_starts: Vec<usize>,
    /// The file bytes spans index, kept only when they differ from `text`
    /// (markup, decoded entities, invalid UTF-8); `None` means `text` is the file.
    pub raw: Option<Vec<u8>>,
    /// `<!-- claimcheck-ignore ... -->` comments of a Markdown or HTML file.
    pub suppressions: Vec<Suppression>,
    /// Set by [`Document::release_text`]: the hash of the text that was dropped, to know
    /// the text read again ([`crate::corpus::reread`]) for the same.
    pub released: Option<u64>,
}

/// A `<!-- claimcheck-ignore [RULE-ID ...] -->` comment: findings of those rules (of every
/// rule when none is named) whose claims lie in the block after it are not reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The rule ids named; empty for every rule.
    pub rules: Vec<String>,
    /// The file span of the block the comment covers (empty when no text follows it).
    pub span: Span,
    /// The file span of the comment itself.
    pub comment: Span,
}

impl Suppression {
    /// True when the comment covers findings of rule `rule`.
    pub fn covers_rule(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

impl Document {
    /// A document whose file is exactly its text (plain UTF-8 text, a JSON `text` value).
    pub fn plain(id: impl Into<String>, path: PathBuf, format: Format, text: String) -> Self {
        let id = id.into();
        let line_starts = line_starts(text.as_bytes());
        Document {
            source: default_source(&id),
            id,
            path,
            line_in_file: None,
            json_pos: None,
            format,
            text,
            map: OffsetMap::identity(),
            line_starts,
            raw: None,
            suppressions: Vec::new(),
            published: None,
            title: None,
            url: None,
            story: None,
            released: None,
        }
    }

    /// Drops the text, the file bytes and the maps (keeping the metadata and
    /// suppressions) once the document's claims are read; a large corpus then holds only
    /// claims. The text can be read again from the file with [`crate::corpus::reread`].
    /// A document with suppression comments keeps its text: their warnings need its lines.
    /// Standard input cannot be read again: a document read from it keeps its text too.
    pub fn release_text(&mut self) {
        if !self.suppressions.is_empty() || self.path.as_os_str() == super::walk::STDIN {
            return;
        }
        self.released = Some(self.hash_text());
        self.text = String::new();
        self.raw = None;
        self.map = OffsetMap::identity();
        self.line_starts = Vec::new();
        self.json_pos = None;
    }

    /// A hash of the text, the same in every run.
    pub fn hash_text(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        self.text.hash(&mut h);
        h.finish()
    }

    /// Puts back what [`Document::release_text`] dropped, from the same document read
    /// again.
    pub fn restore_text(&mut self, fresh: Document) {
        self.text = fresh.text;
        self.raw = fresh.raw;
        self.map = fresh.map;
        self.line_starts = fresh.line_starts;
        self.json_pos = fresh.json_pos;
        self.released = None;
    }

    /// The file span of a range of `text`.
    pub fn file_span(&self, range: Range<usize>) -> Span {
        self.map.to_file(range)
    }

    /// The bytes the spans index (the file, or the JSON `text` value).
    pub fn file_bytes(&self) -> &[u8] {
        self.raw.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// The exact file bytes of a span, decoded lossily.
    pub fn file_quote(&self, span: Span) -> String {
        let bytes = self.file_bytes();
        let end = span.end.min(bytes.len());
        let start = span.start.min(end);
        String::from_utf8_lossy(&bytes[start..end]).into_owned()
    }

    /// 1-based line and column (in characters) of a file offset; for a JSON-lines
    /// document, of the file, not of its decoded `text` value. A UTF-8 byte-order mark
    /// takes no column (as in editors, and as a UTF-16 file's).
    pub fn line_col(&self, offset: usize) -> LineCol {
        if let Some(line) = self.line_in_file {
            // Its line of the file; the column of the text there when it was found.
            let column = self
                .json_pos
                .as_ref()
                .map_or(1, |pos| pos.column(&self.text, offset));
            return LineCol { line, column };
        }
        let line_idx = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_idx).copied().unwrap_or(0);
        let bytes = self.file_bytes();
        let end = offset.min(bytes.len());
        let start = if line_start == 0 && bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            line_start
        }
        .min(end);
        let column = String::from_utf8_lossy(&bytes[start..end]).chars().count() + 1;
        LineCol {
            line: line_idx + 1,
            column,
        }
    }
}

/// The default source of a document: its file name without folders and extension.
pub fn default_source(id: &str) -> String {
    let name = id.rsplit(['/', '\\']).next().unwrap_or(id);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// Offsets at which lines start (0, and every byte after a `\n`).
pub fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_and_line_col() {
        let doc = Document::plain(
            "a/b.txt",
            "a/b.txt".into(),
            Format::Text,
            "one\ntwé three\n".into(),
        );
        assert_eq!(doc.file_span(4..7), Span::new(4, 7));
        assert_eq!(doc.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(doc.line_col(9), LineCol { line: 2, column: 5 });
        assert_eq!(doc.source, "b");
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let doc = Document::plain(
            "a.txt",
            "a.txt".into(),
            Format::Text,
            "\u{FEFF}Ab cd.\nEf.\n".into(),
        );
        assert_eq!(doc.line_col(3), LineCol { line: 1, column: 1 });
        assert_eq!(doc.line_col(6), LineCol { line: 1, column: 4 });
        assert_eq!(doc.line_col(10), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn map_through_a_decoded_entity() {
        // file: "a &amp; b" -> text: "a & b"
        let mut map = OffsetMap::default();
        map.push(0, 2, Span::new(0, 2));
        map.push(2, 1, Span::new(2, 7));
        map.push(3, 2, Span::new(7, 9));
        assert_eq!(map.to_file(0..5), Span::new(0, 9));
        assert_eq!(map.to_file(2..3), Span::new(2, 7));
        assert_eq!(map.to_file(4..5), Span::new(8, 9));
    }
}
