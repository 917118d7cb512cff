//! Building extracted text (Markdown, HTML) piece by piece together with its map back to
//! the source: verbatim runs, replaced runs (entities, collapsed whitespace) and
//! paragraph breaks mapped onto the gap between blocks.

use super::document::OffsetMap;
use super::span::Span;
use std::ops::Range;

/// A `claimcheck-ignore` comment met while building, and the text of the block after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSuppression {
    /// The rule ids named; empty for every rule.
    pub rules: Vec<String>,
    /// The range of the built text the comment covers.
    pub text: Range<usize>,
    /// The comment's source span.
    pub comment: Span,
}

/// The rules of a comment's body (between `<!--` and `-->`) when it is a
/// `claimcheck-ignore` comment: the ids it names, separated by spaces or commas.
pub fn ignore_rules(body: &str) -> Option<Vec<String>> {
    let rest = body.trim().strip_prefix("claimcheck-ignore")?;
    if !rest.is_empty() && !rest.starts_with(|c: char| c.is_whitespace() || c == ',') {
        return None;
    }
    Some(
        rest.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// Extracted text and its map to source offsets.
#[derive(Default)]
pub struct TextBuilder {
    pub text: String,
    pub map: OffsetMap,
    /// A paragraph break is due before the next content.
    pending_break: bool,
    /// A line break is due before the next content (when no paragraph break is).
    pending_line: Option<Span>,
    /// Source offset just past the last content pushed.
    last_end: usize,
    /// Ignore comments waiting for the next block's text (rules, comment span).
    waiting: Vec<(Vec<String>, Span)>,
    /// Ignore comments whose block is being built (rules, comment span, text start).
    open: Vec<(Vec<String>, Span, usize)>,
    /// Ignore comments whose block is complete.
    suppressions: Vec<TextSuppression>,
}

impl TextBuilder {
    /// Asks for a paragraph break ("\n\n") before the next content.
    pub fn paragraph_break(&mut self) {
        if !self.text.is_empty() {
            self.pending_break = true;
        }
        self.close_open_blocks();
    }

    /// Notes a comment of the source at `comment` with body `body`: a `claimcheck-ignore`
    /// comment covers the next block of text.
    pub fn comment(&mut self, body: &str, comment: Span) {
        if let Some(rules) = ignore_rules(body) {
            self.waiting.push((rules, comment));
        }
    }

    /// The ignore comments met, each with the text of the block it covers (empty when no
    /// text followed it).
    pub fn take_suppressions(&mut self) -> Vec<TextSuppression> {
        self.close_open_blocks();
        let end = self.text.len();
        for (rules, comment) in self.waiting.drain(..) {
            self.suppressions.push(TextSuppression {
                rules,
                text: end..end,
                comment,
            });
        }
        std::mem::take(&mut self.suppressions)
    }

    fn close_open_blocks(&mut self) {
        let end = self.text.len();
        for (rules, comment, start) in self.open.drain(..) {
            self.suppressions.push(TextSuppression {
                rules,
                text: start..end,
                comment,
            });
        }
    }

    /// Asks for a line break ("\n") before the next content, mapped to `src`.
    pub fn line_break(&mut self, src: Span) {
        if !self.text.is_empty() && !self.pending_break {
            self.pending_line = Some(src);
        }
    }

    /// True when the text so far ends in whitespace or a break is pending (or it is empty).
    pub fn at_space(&self) -> bool {
        self.pending_break
            || self.pending_line.is_some()
            || self
                .text
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
    }

    fn flush_breaks(&mut self, next_start: usize) {
        if self.pending_break {
            let gap = Span::new(self.last_end, next_start.max(self.last_end));
            if gap.len() == 2 {
                // Two pieces, so that the break never passes for verbatim text.
                self.map.push(self.text.len(), 1, gap);
                self.map
                    .push(self.text.len() + 1, 1, Span::new(gap.end, gap.end));
            } else {
                self.map.push(self.text.len(), 2, gap);
            }
            self.text.push_str("\n\n");
        } else if let Some(src) = self.pending_line {
            self.map.push(self.text.len(), 1, src);
            self.text.push('\n');
        }
        self.pending_break = false;
        self.pending_line = None;
        let start = self.text.len();
        for (rules, comment) in self.waiting.drain(..) {
            self.open.push((rules, comment, start));
        }
    }

    /// Appends text copied verbatim from source offset `src_start`.
    pub fn verbatim(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        self.flush_breaks(src_start);
        self.map.push(
            self.text.len(),
            s.len(),
            Span::new(src_start, src_start + s.len()),
        );
        self.text.push_str(s);
        self.last_end = src_start + s.len();
    }

    /// Appends text that stands for the source bytes `src` (a decoded entity, a space for
    /// a run of whitespace).
    pub fn replaced(&mut self, s: &str, src: Span) {
        if s.is_empty() {
            return;
        }
        self.flush_breaks(src.start);
        self.map.push(self.text.len(), s.len(), src);
        self.text.push_str(s);
        self.last_end = src.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_map_to_gaps() {
        // source: "<p>Hi</p><p>Yo &amp; me</p>"
        let mut b = TextBuilder::default();
        b.paragraph_break();
        b.verbatim("Hi", 3);
        b.paragraph_break();
        b.verbatim("Yo ", 12);
        b.replaced("&", Span::new(15, 20));
        b.verbatim(" me", 20);
        assert_eq!(b.text, "Hi\n\nYo & me");
        assert_eq!(b.map.to_file(0..2), Span::new(3, 5));
        assert_eq!(b.map.to_file(4..11), Span::new(12, 23));
        assert_eq!(b.map.to_file(7..8), Span::new(15, 20));
    }

    #[test]
    fn an_ignore_comment_covers_the_next_block() {
        let mut b = TextBuilder::default();
        b.verbatim("One.", 0);
        b.paragraph_break();
        b.comment(" claimcheck-ignore a-rule, b-rule ", Span::new(10, 50));
        b.comment(" an ordinary comment ", Span::new(50, 80));
        b.paragraph_break();
        b.verbatim("Two.", 90);
        b.line_break(Span::new(94, 95));
        b.verbatim("Still two.", 95);
        b.paragraph_break();
        b.verbatim("Three.", 110);
        b.comment("claimcheck-ignore", Span::new(120, 140));
        let found = b.take_suppressions();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].rules, ["a-rule", "b-rule"]);
        assert_eq!(&b.text[found[0].text.clone()], "Two.\nStill two.");
        assert!(found[1].rules.is_empty());
        assert!(found[1].text.is_empty(), "nothing after the last comment");
        assert_eq!(ignore_rules("claimcheck-ignored"), None);
        assert_eq!(ignore_rules(" other "), None);
    }
}
