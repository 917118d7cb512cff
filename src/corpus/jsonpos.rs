//! Where a JSON line's `text` value sits in its line: the column of its first character
//! and the escapes inside it, so that an offset of the decoded text gives the column of
//! the file (`\u00e9` is six columns of the file, one character of the text).

/// The position of a JSON line's `text` value in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPos {
    /// Characters of the line before the value's first character (after its quote).
    pub prefix_chars: usize,
    /// Each escape of the value: (text offset of the character it decodes to, its length
    /// in the file in characters).
    pub escapes: Vec<(usize, usize)>,
}

impl JsonPos {
    /// The 1-based column in the file of byte `offset` of the decoded `text`.
    pub fn column(&self, text: &str, offset: usize) -> usize {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let extra: usize = self
            .escapes
            .iter()
            .take_while(|(at, _)| *at < offset)
            .map(|(_, raw)| raw - 1)
            .sum();
        1 + self.prefix_chars + text[..offset].chars().count() + extra
    }
}

/// Finds the top-level `"text"` string of a JSON object line (already parsed, so valid).
pub fn locate(line: &str) -> Option<JsonPos> {
    let b = line.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(b, i)?;
        let key: String = serde_json::from_str(&line[i..key_end]).ok()?;
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key == "text" && b.get(i) == Some(&b'"') {
            return Some(escapes(line, i));
        }
        i = skip_ws(b, value_end(b, i)?);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The offset just past the string starting with the quote at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The offset just past the value starting at `i`.
fn value_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match b.get(i)? {
            b'"' => i = string_end(b, i)?,
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' if depth > 0 => {
                depth -= 1;
                i += 1;
            }
            b',' | b'}' | b']' if depth == 0 => return Some(i),
            _ => i += 1,
        }
        if depth == 0
            && b.get(i - 1)
                .is_some_and(|c| matches!(c, b'"' | b'}' | b']'))
        {
            return Some(i);
        }
    }
}

/// The position of the string value whose opening quote is at byte `quote`.
fn escapes(line: &str, quote: usize) -> JsonPos {
    let prefix_chars = line[..=quote].chars().count();
    let mut escapes = Vec::new();
    let mut text_len = 0;
    let mut chars = line[quote + 1..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => {
                let kind = chars.next().unwrap_or('\\');
                if kind != 'u' {
                    escapes.push((text_len, 2));
                    text_len += 1; // \n, \t, \", \\, \/, \b, \f, \r: one byte
                    continue;
                }
                let hex: String = chars.by_ref().take(4).collect();
                let unit = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                let mut raw = 6;
                let code = if (0xD800..0xDC00).contains(&unit) {
                    // A surrogate pair: the second half follows as another \uXXXX.
                    let low: String = chars.by_ref().take(6).collect();
                    raw = 12;
                    let low = u32::from_str_radix(low.get(2..).unwrap_or(""), 16).unwrap_or(0);
                    0x10000 + ((unit - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF)
                } else {
                    unit
                };
                escapes.push((text_len, raw));
                text_len += char::from_u32(code).map_or(3, char::len_utf8);
            }
            c => text_len += c.len_utf8(),
        }
    }
    JsonPos {
        prefix_chars,
        escapes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_the_key_before_and_the_escapes_inside() {
        let line = r#"{"id": "a", "meta": {"x": [1, "}"]}, "text": "Caf\u00e9 \"Nord\" opened."}"#;
        let pos = locate(line).expect("found");
        let text = "Café \"Nord\" opened.";
        let raw_start = line.find("Caf").expect("start");
        assert_eq!(pos.column(text, 0), raw_start + 1);
        let opened = text.find("opened").expect("word");
        assert_eq!(
            pos.column(text, opened),
            line.find("opened").expect("raw") + 1
        );
    }

    #[test]
    fn a_surrogate_pair_is_twelve_columns() {
        let line = r#"{"text": "\ud83d\ude00 ok"}"#;
        let pos = locate(line).expect("found");
        let text = "\u{1F600} ok";
        assert_eq!(
            pos.column(text, text.find("ok").expect("ok")),
            line.find("ok").expect("raw") + 1
        );
    }
}
