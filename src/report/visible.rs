//! Escaping untrusted text (file names, quotes, sources) for reports read on a terminal
//! or in a CI log: control characters (newline, ESC) and bidirectional controls (U+202E,
//! which can make a path read backwards) become visible `\u{..}` escapes.

use std::ops::Range;

/// True for a character that must not reach a report raw: controls other than tab, and
/// the bidirectional formatting characters.
pub fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every hazardous character escaped (`\n`, `\r`, else `\u{..}`).
pub fn visible(s: &str) -> String {
    if !s.chars().any(is_hazard) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_hazard(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The range of `visible(s)` that `range` of `s` becomes.
pub fn visible_range(s: &str, range: Range<usize>) -> Range<usize> {
    let at = |i: usize| visible(s.get(..i).unwrap_or(s)).len();
    at(range.start)..at(range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_ranges_follow() {
        let s = "a\u{202E}txt.exe\nb\u{1b}[31m";
        assert_eq!(visible(s), "a\\u{202e}txt.exe\\nb\\u{1b}[31m");
        assert_eq!(visible("tab\tok é"), "tab\tok é");
        let r = visible_range(s, 4..7);
        assert_eq!(&visible(s)[r], "txt");
    }
}
