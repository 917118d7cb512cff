//! Word wrapping of a quote for the text report: rows no wider than a width (in terminal
//! columns), words never cut, the conflicting value kept on one row, and where on its
//! row the value stands (to underline it).

use super::visible::visible;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// A quote laid out in rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrapped {
    /// The rows, whitespace between words made one space, hazards escaped.
    pub rows: Vec<String>,
    /// The value: its row, and its first column and width in that row (terminal columns).
    pub value: Option<(usize, usize, usize)>,
}

/// Text with whitespace runs made one space and hazardous characters escaped.
fn flat(s: &str) -> String {
    visible(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Lays `quote` out in rows of at most `width` columns (a word or value wider than that
/// gets a row of its own). `value` is a byte range of `quote`; the words it touches
/// stay together on one row.
pub fn wrap(quote: &str, value: Option<Range<usize>>, width: usize) -> Wrapped {
    let width = width.max(1);
    // Words as byte ranges.
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in quote.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..quote.len());
    }
    let value = value.filter(|r| {
        !r.is_empty()
            && r.end <= quote.len()
            && quote.is_char_boundary(r.start)
            && quote.is_char_boundary(r.end)
    });
    // Units: words, except that the words the value touches make one unit.
    let touches = |w: &Range<usize>| {
        value
            .as_ref()
            .is_some_and(|r| w.end > r.start && w.start < r.end)
    };
    let mut units: Vec<(Range<usize>, bool)> = Vec::new();
    for w in words {
        match units.last_mut() {
            Some((last, true)) if touches(&w) => last.end = w.end,
            _ => {
                let t = touches(&w);
                units.push((w, t));
            }
        }
    }
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    let mut at = None;
    for (range, holds_value) in units {
        let text = flat(&quote[range.clone()]);
        let w = text.width();
        if !row.is_empty() && row.width() + 1 + w > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        if let (true, Some(r)) = (holds_value, &value) {
            // The unit's first word touches the value: what comes before it is part of
            // that word, with no space in it.
            let lead = flat(&quote[range.start..r.start.max(range.start)]).width();
            let shown = flat(&quote[r.clone()]).width();
            at = Some((rows.len(), row.width() + lead, shown.max(1)));
        }
        row.push_str(&text);
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    Wrapped { rows, value: at }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fit_and_words_are_whole() {
        let q = "The harbour authority said on Friday that forty-two vessels had been held at anchor outside the breakwater.";
        let w = wrap(q, None, 30);
        assert!(w.rows.iter().all(|r| r.width() <= 30), "{:?}", w.rows);
        assert_eq!(w.rows.join(" "), q, "no word is lost or cut");
    }

    #[test]
    fn the_value_stays_on_one_row_and_is_placed() {
        let q = "Officials counted   about\n1,200 fishing boats in the bay.";
        let start = q.find("about").unwrap_or(0);
        let end = q.find(" fishing").unwrap_or(0);
        let w = wrap(q, Some(start..end), 20);
        let (row, col, width) = w.value.expect("value placed");
        assert_eq!(&w.rows[row][col..col + width], "about 1,200");
        let glued = "A (3,000-strong) force.";
        let s = glued.find("3,000").unwrap_or(0);
        let w = wrap(glued, Some(s..s + 5), 100);
        let (row, col, width) = w.value.expect("value placed");
        assert_eq!(&w.rows[row][col..col + width], "3,000");
    }

    #[test]
    fn a_word_wider_than_the_width_gets_its_own_row() {
        let w = wrap("see https://example.invalid/a/very/long/path now", None, 10);
        assert_eq!(
            w.rows,
            ["see", "https://example.invalid/a/very/long/path", "now"]
        );
    }
}
