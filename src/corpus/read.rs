//! Reading a file's bytes: binary, compressed and UTF-16 detection, lossy UTF-8 decoding
//! with an exact map back to the bytes, and the diagnostics these raise.

use super::document::OffsetMap;
use super::error::{Diagnostic, Level};
use super::sniff::{sniff, utf16_to_utf8, Kind};
use super::span::Span;
use std::path::Path;

/// A file's bytes and their text: `map` takes text offsets to byte offsets (identity
/// when the file is clean UTF-8 without a byte-order mark).
pub struct Decoded {
    pub bytes: Vec<u8>,
    pub text: String,
    pub map: OffsetMap,
}

impl Decoded {
    /// True when the text is not the bytes verbatim.
    pub fn altered(&self) -> bool {
        !self.map.pieces.is_empty()
    }
}

/// A diagnostic about a whole file or one byte offset of it.
pub fn diagnostic(level: Level, path: &Path, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        level,
        path: path.to_path_buf(),
        line: None,
        column: None,
        offset: None,
        message: message.into(),
    }
}

/// A diagnostic at a 1-based line and column.
pub fn diagnostic_at(
    level: Level,
    path: &Path,
    line: usize,
    column: usize,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic {
        line: Some(line),
        column: Some(column),
        ..diagnostic(level, path, message)
    }
}

pub use super::span::line_col_in as line_col;

/// Reads a file. `Err` holds the diagnostic when the file is skipped (unreadable: an
/// error; binary or empty: a warning); warnings about a file that was read go to `diags`.
pub fn read(path: &Path, diags: &mut Vec<Diagnostic>) -> Result<Decoded, Diagnostic> {
    let bytes = super::limit::read(path)
        .map_err(|e| diagnostic(Level::Error, path, format!("cannot read: {e}")))?
        .ok_or_else(|| diagnostic(Level::Error, path, super::limit::too_large("file")))?;
    check_bytes(path, bytes, diags)
}

/// The checks and decoding of [`read`] on bytes already in memory (`path` names them in
/// diagnostics).
pub fn check_bytes(
    path: &Path,
    bytes: Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Decoded, Diagnostic> {
    if let Some(d) = skipped_kind(path, &bytes, false) {
        return Err(d);
    }
    let bytes = match sniff(&bytes) {
        Some(Kind::Utf16 { big_endian, bom }) => {
            let (text, bad) = utf16_to_utf8(&bytes, big_endian, bom);
            let order = if big_endian { "big" } else { "little" };
            let message =
                format!("UTF-16 ({order}-endian) text, decoded; byte spans index its UTF-8 text");
            diags.push(diagnostic(Level::Note, path, message));
            if let Some(at) = bad {
                let message =
                    "invalid UTF-16, read lossily (unpaired surrogates replaced by U+FFFD)";
                let mut d = diagnostic(Level::Warning, path, message);
                d.offset = Some(at);
                diags.push(d);
            }
            text.into_bytes()
        }
        _ => bytes,
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let mut d = diagnostic(Level::Warning, path, "binary file (NUL byte), skipped");
        d.offset = Some(nul);
        return Err(d);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(diagnostic(Level::Warning, path, "empty file, skipped"));
    }
    let decoded = decode(bytes);
    if let Some(first) = first_invalid(&decoded.bytes) {
        let mut d = diagnostic(
            Level::Warning,
            path,
            "invalid UTF-8, read lossily (invalid bytes replaced by U+FFFD)",
        );
        d.offset = Some(first);
        diags.push(d);
    }
    Ok(decoded)
}

/// The warning for a file skipped for what its first bytes say it is: compressed, UTF-32,
/// or (in `json_lines`, which are UTF-8 by definition) UTF-16.
pub fn skipped_kind(path: &Path, bytes: &[u8], json_lines: bool) -> Option<Diagnostic> {
    let message = match sniff(bytes)? {
        Kind::Compressed(name) => {
            format!("compressed file ({name}), skipped: decompress it to read it")
        }
        Kind::Utf32 => "UTF-32 text, skipped: convert it to UTF-8".to_string(),
        Kind::Utf16 { .. } if json_lines => {
            "UTF-16 text, skipped: JSON lines are read as UTF-8 only; convert it".to_string()
        }
        Kind::Utf16 { .. } => return None,
    };
    Some(diagnostic(Level::Warning, path, message))
}

/// Byte offset of the first invalid UTF-8 sequence, if any.
fn first_invalid(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
}

/// Decodes bytes lossily: each invalid run becomes one U+FFFD mapped onto that run; a
/// leading byte-order mark is dropped.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    if bom == 0 {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let text = text.to_string();
            return Decoded {
                bytes,
                text,
                map: OffsetMap::identity(),
            };
        }
    }
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::default();
    let mut file = bom;
    for chunk in bytes[bom..].utf8_chunks() {
        let valid = chunk.valid();
        if !valid.is_empty() {
            map.push(text.len(), valid.len(), Span::new(file, file + valid.len()));
            text.push_str(valid);
            file += valid.len();
        }
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            map.push(
                text.len(),
                '\u{FFFD}'.len_utf8(),
                Span::new(file, file + invalid.len()),
            );
            text.push('\u{FFFD}');
            file += invalid.len();
        }
    }
    if map.pieces.is_empty() {
        // A file holding only a byte-order mark.
        map.push(0, 0, Span::new(bom, bom));
    }
    Decoded { bytes, text, map }
}

/// Composes `outer` (extracted text to decoded text) with `inner` (decoded text to file).
pub fn compose(outer: &OffsetMap, inner: &OffsetMap) -> OffsetMap {
    if inner.pieces.is_empty() {
        return outer.clone();
    }
    let mut map = OffsetMap::default();
    for p in &outer.pieces {
        let verbatim = p.file.len() == p.len;
        if !verbatim {
            let file = inner.to_file(p.file.start..p.file.end);
            map.push(p.text, p.len, file);
            continue;
        }
        // Split a verbatim piece along the inner pieces it crosses.
        let (mid_start, mid_end) = (p.file.start, p.file.end);
        let first = inner
            .pieces
            .partition_point(|q| q.text + q.len <= mid_start);
        let mut covered = mid_start;
        for q in inner.pieces[first..]
            .iter()
            .take_while(|q| q.text < mid_end)
        {
            let lo = q.text.max(mid_start);
            let hi = (q.text + q.len).min(mid_end);
            if hi <= lo {
                continue;
            }
            let text_at = p.text + (lo - mid_start);
            if q.file.len() == q.len {
                let f = q.file.start + (lo - q.text);
                map.push(text_at, hi - lo, Span::new(f, f + (hi - lo)));
            } else {
                map.push(text_at, hi - lo, q.file);
            }
            covered = hi;
        }
        if covered < mid_end {
            let file = inner.to_file(covered..mid_end);
            map.push(p.text + (covered - mid_start), mid_end - covered, file);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_decoding_maps_replacements_onto_invalid_bytes() {
        let d = decode(b"ab\xE2\x82cd".to_vec()); // a truncated three-byte sequence
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert_eq!(d.map.to_file(0..2), Span::new(0, 2));
        assert_eq!(d.map.to_file(2..5), Span::new(2, 4));
        assert_eq!(d.map.to_file(5..7), Span::new(4, 6));
    }

    #[test]
    fn bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFhi".to_vec());
        assert_eq!(d.text, "hi");
        assert_eq!(d.map.to_file(0..2), Span::new(3, 5));
    }

    #[test]
    fn compose_splits_verbatim_pieces() {
        let inner = decode(b"x\xFFyz".to_vec()).map; // "x\u{FFFD}yz"
        let mut outer = OffsetMap::default();
        outer.push(0, 6, Span::new(0, 6)); // the whole decoded text
        let m = compose(&outer, &inner);
        assert_eq!(m.to_file(0..6), Span::new(0, 4));
        assert_eq!(m.to_file(4..5), Span::new(2, 3));
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("ab\ncé d", 6), (2, 3));
    }
}
