//! HTML documents: the article text (title, headings, paragraphs, list items, block
//! quotes) with script, style, nav, footer, header and aside dropped and entities decoded.
//! A small tokenizer of our own walks the source so every piece keeps its byte offsets;
//! named entities outside a common few are decoded by html5ever (through scraper).

use super::builder::TextBuilder;
use super::span::Span;
use std::collections::HashMap;

/// Elements whose whole content is dropped.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "nav"
            | "footer"
            | "header"
            | "aside"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "figure"
            | "object"
    )
}

/// Elements whose text is the article text.
fn is_captured(name: &str) -> bool {
    matches!(
        name,
        "title" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li" | "blockquote" | "pre"
    )
}

/// Elements that begin or end a block (a paragraph break in the text).
fn is_block(name: &str) -> bool {
    is_captured(name)
        || matches!(
            name,
            "html"
                | "head"
                | "body"
                | "div"
                | "section"
                | "article"
                | "main"
                | "ul"
                | "ol"
                | "dl"
                | "dt"
                | "dd"
                | "table"
                | "tr"
                | "td"
                | "th"
                | "hr"
                | "figcaption"
                | "address"
        )
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "xmp" | "iframe" | "noembed" | "noframes"
    )
}

/// Deepest element nesting tracked; deeper elements still count but are not remembered.
const MAX_DEPTH: usize = 256;

/// Extracts the article text of an HTML source, and the text of its `<title>`. When no
/// title, heading, paragraph or list item holds text, the text of every block outside
/// dropped elements is taken.
pub fn extract(src: &str) -> (TextBuilder, Option<String>) {
    let mut entities = EntityCache::default();
    let (out, title) = Extractor::new(src, false, &mut entities).run();
    if out.text.chars().any(char::is_alphanumeric) {
        return (out, title);
    }
    Extractor::new(src, true, &mut entities).run()
}

struct Extractor<'a> {
    src: &'a str,
    capture_all: bool,
    entities: &'a mut EntityCache,
    out: TextBuilder,
    /// Open captured elements (innermost last).
    captured: Vec<String>,
    /// Open dropped elements.
    dropped: Vec<String>,
    /// Captured or dropped elements opened past [`MAX_DEPTH`].
    overflow: usize,
    /// Where the text of an open `<title>` starts, and the first title's text.
    title_start: Option<usize>,
    title: Option<String>,
}

impl<'a> Extractor<'a> {
    fn new(src: &'a str, capture_all: bool, entities: &'a mut EntityCache) -> Self {
        Extractor {
            src,
            capture_all,
            entities,
            out: TextBuilder::default(),
            captured: Vec::new(),
            dropped: Vec::new(),
            overflow: 0,
            title_start: None,
            title: None,
        }
    }

    fn capturing(&self) -> bool {
        self.dropped.is_empty()
            && (self.capture_all || !self.captured.is_empty() || self.overflow > 0)
    }

    fn run(mut self) -> (TextBuilder, Option<String>) {
        let bytes = self.src.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            // Text runs to the next '<'; a '<' that starts no markup is text itself.
            let mut from = pos;
            if bytes[pos] == b'<' {
                if let Some(next) = self.markup(pos) {
                    pos = next;
                    continue;
                }
                from = pos + 1;
            }
            let end = self.src[from..]
                .find('<')
                .map_or(self.src.len(), |i| from + i);
            if self.capturing() {
                self.text(pos, end);
            }
            pos = end;
        }
        (self.out, self.title)
    }

    /// Handles the markup starting at `pos` (`<`); returns where it ends, or `None` when
    /// the `<` is plain text.
    fn markup(&mut self, pos: usize) -> Option<usize> {
        let rest = &self.src[pos..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment
                .find("-->")
                .map_or(self.src.len(), |i| pos + 4 + i + 3);
            if let Some(close) = comment.find("-->") {
                self.out.comment(&comment[..close], Span::new(pos, end));
            }
            return Some(end);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return Some(rest.find('>').map_or(self.src.len(), |i| pos + i + 1));
        }
        let closing = rest.starts_with("</");
        let name_start = pos + if closing { 2 } else { 1 };
        let name_len = self.src[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))?;
        if name_len == 0 || !self.src[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name = self.src[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = tag_end(self.src, name_start + name_len);
        let self_closing = self.src[..tag_end].ends_with("/>");
        let tag = Span::new(pos, tag_end);
        if closing {
            self.end_tag(&name);
        } else {
            self.start_tag(&name, tag, self_closing);
            if is_raw_text(&name) && !self_closing {
                let close = format!("</{name}");
                let after = find_ascii_ci(&self.src[tag_end..], &close)
                    .map_or(self.src.len(), |i| tag_end + i);
                if !is_dropped(&name) && self.capturing() {
                    self.text(tag_end, after);
                }
                return Some(after);
            }
        }
        Some(tag_end)
    }

    fn start_tag(&mut self, name: &str, tag: Span, self_closing: bool) {
        if name == "br" {
            if self.capturing() {
                self.out.line_break(tag);
            }
            return;
        }
        if is_block(name) {
            self.out.paragraph_break();
            // A new block closes an open paragraph (`<p>a<p>b`).
            if self.captured.last().is_some_and(|n| n == "p") && name != "title" {
                self.captured.pop();
            }
        }
        if self_closing || is_void(name) {
            return;
        }
        if name == "title" && self.title.is_none() {
            self.title_start = Some(self.out.text.len());
        }
        let stack = if is_dropped(name) {
            &mut self.dropped
        } else if is_captured(name) {
            &mut self.captured
        } else {
            return;
        };
        if stack.len() < MAX_DEPTH {
            stack.push(name.to_string());
        } else {
            self.overflow += 1;
        }
    }

    fn end_tag(&mut self, name: &str) {
        if name == "title" {
            if let Some(start) = self.title_start.take() {
                let title = self.out.text.get(start..).unwrap_or("").trim();
                self.title = (!title.is_empty()).then(|| title.to_string());
            }
        }
        if is_block(name) {
            self.out.paragraph_break();
        }
        let stack = if is_dropped(name) {
            &mut self.dropped
        } else if is_captured(name) {
            &mut self.captured
        } else {
            return;
        };
        if self.overflow > 0 && stack.len() >= MAX_DEPTH {
            self.overflow -= 1;
        } else if let Some(i) = stack.iter().rposition(|n| n == name) {
            stack.truncate(i);
        }
    }

    /// Appends the source text `start..end`: whitespace runs become one space, entities
    /// are decoded, everything else is verbatim.
    fn text(&mut self, start: usize, end: usize) {
        let s = &self.src[start..end];
        let mut run_start = 0;
        let mut i = 0;
        while let Some(c) = s[i..].chars().next() {
            if c.is_ascii_whitespace() {
                self.out.verbatim(&s[run_start..i], start + run_start);
                let ws_end = s[i..]
                    .find(|c: char| !c.is_ascii_whitespace())
                    .map_or(s.len(), |j| i + j);
                if !self.out.at_space() {
                    let ws = &s[i..ws_end];
                    if ws == " " {
                        self.out.verbatim(" ", start + i);
                    } else {
                        self.out.replaced(" ", Span::new(start + i, start + ws_end));
                    }
                }
                i = ws_end;
                run_start = i;
            } else if c == '&' {
                match entity(&s[i..])
                    .and_then(|len| self.entities.decode(&s[i..i + len]).map(|d| (len, d)))
                {
                    Some((len, decoded)) => {
                        self.out.verbatim(&s[run_start..i], start + run_start);
                        self.out
                            .replaced(&decoded, Span::new(start + i, start + i + len));
                        i += len;
                        run_start = i;
                    }
                    None => i += 1,
                }
            } else {
                i += c.len_utf8();
            }
        }
        self.out.verbatim(&s[run_start..], start + run_start);
    }
}

/// Elements without content or end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The offset just past the `>` ending a tag whose attributes start at `from`
/// (quoted attribute values may hold `>`).
fn tag_end(src: &str, from: usize) -> usize {
    let bytes = src.as_bytes();
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    src.len()
}

/// Finds an ASCII needle case-insensitively.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The length of an entity reference (`&name;`, `&#123;`, `&#x1f;`) at the start of `s`.
fn entity(s: &str) -> Option<usize> {
    let body = s.get(1..)?;
    let semi = body.get(..body.len().min(34))?.find(';')?;
    let name = &body[..semi];
    let ok = if let Some(num) = name.strip_prefix('#') {
        match num.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
            None => !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()),
        }
    } else {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
    };
    ok.then_some(semi + 2)
}

/// Decoded entities, by reference text.
#[derive(Default)]
struct EntityCache {
    known: HashMap<String, Option<String>>,
}

impl EntityCache {
    /// The text an entity reference stands for; `None` for an unknown name.
    fn decode(&mut self, reference: &str) -> Option<String> {
        let name = reference.get(1..reference.len().saturating_sub(1))?;
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            let c = code
                .and_then(char::from_u32)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{FFFD}');
            return Some(c.to_string());
        }
        let common = match name {
            "amp" => Some("&"),
            "lt" => Some("<"),
            "gt" => Some(">"),
            "quot" => Some("\""),
            "apos" => Some("'"),
            "nbsp" => Some("\u{a0}"),
            "mdash" => Some("—"),
            "ndash" => Some("–"),
            "hellip" => Some("…"),
            "lsquo" => Some("‘"),
            "rsquo" => Some("’"),
            "ldquo" => Some("“"),
            "rdquo" => Some("”"),
            _ => None,
        };
        if let Some(c) = common {
            return Some(c.to_string());
        }
        self.known
            .entry(reference.to_string())
            .or_insert_with(|| {
                let html = scraper::Html::parse_fragment(reference);
                let decoded: String = html.root_element().text().collect();
                (!decoded.is_empty() && decoded != reference).then_some(decoded)
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote<'s>(src: &'s str, b: &TextBuilder, needle: &str) -> &'s str {
        let at = b.text.find(needle).unwrap_or(0);
        let span = b.map.to_file(at..at + needle.len());
        &src[span.start..span.end]
    }

    #[test]
    fn article_text_with_offsets() {
        let src = "<html><head><title>Storm &amp; Flood</title><style>p{}</style></head><body>\
                   <nav><a>Home</a></nav><h1>Rain</h1><p>It   rained\n <b>a lot</b> &eacute;t&#233;.</p>\
                   <script>var x = '<p>';</script><ul><li>One</li></ul><footer>(c)</footer></body></html>";
        let (b, title) = extract(src);
        assert_eq!(title.as_deref(), Some("Storm & Flood"));
        assert_eq!(
            b.text,
            "Storm & Flood\n\nRain\n\nIt rained a lot été.\n\nOne"
        );
        assert_eq!(quote(src, &b, "&"), "&amp;");
        assert_eq!(quote(src, &b, "rained a lot"), "rained\n <b>a lot");
        assert_eq!(quote(src, &b, "été."), "&eacute;t&#233;.");
    }

    #[test]
    fn unclosed_paragraphs_and_stray_brackets() {
        let src = "<p>a < b<p>c &bogus; d<br>e";
        let (b, _) = extract(src);
        assert_eq!(b.text, "a < b\n\nc &bogus; d\ne");
    }

    #[test]
    fn ignore_comments_cover_the_next_block() {
        let src = "<p>One.</p>\n<!-- claimcheck-ignore --><p>Two <b>and</b> more.</p><p>Three.</p><!--x-->";
        let (mut b, _) = extract(src);
        let found = b.take_suppressions();
        assert_eq!(found.len(), 1);
        assert!(found[0].rules.is_empty());
        assert_eq!(&b.text[found[0].text.clone()], "Two and more.");
        let span = b.map.to_file(found[0].text.clone());
        assert_eq!(&src[span.start..span.end], "Two <b>and</b> more.");
    }

    #[test]
    fn falls_back_to_all_blocks() {
        let (b, _) = extract("<div>Only a div.</div><nav>menu</nav>");
        assert_eq!(b.text, "Only a div.");
    }
}
