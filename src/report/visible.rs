//! Escaping untrusted text (file names, quotes, sources) for reports read on a terminal,
//! in a CI log, a browser or an issue: control characters (newline, ESC, DEL, C1),
//! bidirectional controls (U+202E, which can make a path read backwards) and the line and
//! paragraph separators become visible `\u{..}` escapes ([`visible`]); a quote's line
//! breaks become spaces first ([`one_line`]); JSON output writes them as `\uXXXX`
//! escapes, which decode to the same text ([`json_safe`]).

use std::ops::Range;

/// True for a character that must not reach a report raw: controls other than tab, the
/// bidirectional formatting characters and the Unicode line and paragraph separators.
pub fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
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

/// True for a line break inside a quote (a sentence of a hard-wrapped text).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A quote on one line: each run of whitespace holding a line break becomes one space,
/// then the rest is made [`visible`].
pub fn one_line(s: &str) -> String {
    if !s.chars().any(is_hazard) {
        return s.to_string();
    }
    let mut flat = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(|c: char| c.is_whitespace()) {
        flat.push_str(&rest[..at]);
        let run_len = rest[at..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len() - at);
        let run = &rest[at..at + run_len];
        if run.chars().any(is_line_break) {
            flat.push(' ');
        } else {
            flat.push_str(run);
        }
        rest = &rest[at + run_len..];
    }
    flat.push_str(rest);
    visible(&flat)
}

/// Serialized JSON with every hazardous character that stands raw in it (DEL, C1
/// controls, bidirectional controls, line separators: `serde_json` escapes only the C0
/// controls) written as a `\uXXXX` escape. These characters can only stand inside
/// strings, so the JSON decodes to the same values.
pub fn json_safe(json: String) -> String {
    let raw = |c: char| is_hazard(c) && !matches!(c, '\n' | '\r' | '\t');
    if !json.chars().any(raw) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            // Every hazard is in the Basic Multilingual Plane: one escape each.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
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
        assert_eq!(
            visible("del\u{7f} nel\u{85} ls\u{2028}"),
            "del\\u{7f} nel\\u{85} ls\\u{2028}"
        );
        let r = visible_range(s, 4..7);
        assert_eq!(&visible(s)[r], "txt");
    }

    #[test]
    fn a_quote_loses_its_line_breaks_but_not_its_escapes() {
        assert_eq!(
            one_line("40 people\r\n   were hurt\u{2028}on\tMonday \u{1b}[2J."),
            "40 people were hurt on\tMonday \\u{1b}[2J."
        );
        assert_eq!(one_line("no  break"), "no  break");
    }

    #[test]
    fn json_keeps_its_values_and_loses_its_raw_hazards() {
        let value =
            serde_json::json!({"doc": "a\u{202E}b\u{7f}\u{85}\u{2029}\u{1b}\n", "n": [1, 2]});
        let text = json_safe(serde_json::to_string_pretty(&value).expect("json"));
        assert!(
            !text.contains(|c: char| is_hazard(c) && c != '\n'),
            "{text}"
        );
        assert!(text.contains("a\\u202eb\\u007f\\u0085\\u2029"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, value);
    }
}
