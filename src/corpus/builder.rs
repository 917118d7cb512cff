//! Building extracted text (Markdown, HTML) piece by piece together with its map back to
//! the source: verbatim runs, replaced runs (entities, collapsed whitespace) and
//! paragraph breaks mapped onto the gap between blocks.

use super::document::OffsetMap;
use super::span::Span;

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
}

impl TextBuilder {
    /// Asks for a paragraph break ("\n\n") before the next content.
    pub fn paragraph_break(&mut self) {
        if !self.text.is_empty() {
            self.pending_break = true;
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
}
