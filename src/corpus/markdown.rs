//! Markdown documents: optional front matter (`---` block of `key: value` lines), then the
//! text without markup (pulldown-cmark with source offsets), blocks separated by "\n\n".

use super::builder::TextBuilder;
use super::error::{Diagnostic, Level};
use super::meta::Meta;
use super::read::diagnostic_at;
use super::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// Front matter fields and where the body starts.
pub struct FrontMatter {
    pub meta: Meta,
    pub body_start: usize,
}

/// Reads a leading `---` … `---` block of `key: value` lines (only `source`, `published`,
/// `title`, `url` and `story` are used; other keys are ignored). `None` when the text has none.
pub fn front_matter(text: &str, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<FrontMatter> {
    let mut lines = text.split_inclusive('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut offset = text.find('\n')? + 1;
    let mut fields: Vec<(String, String, usize)> = Vec::new();
    for (i, line) in lines.enumerate() {
        offset += line.len();
        let content = line.trim_end();
        if content == "---" || content == "..." {
            let mut source = None;
            let mut published = None;
            let mut title = None;
            let mut url = None;
            let mut story = None;
            for (key, value, line_no) in fields {
                match key.as_str() {
                    "source" => source = Some(value),
                    "title" => title = Some(value),
                    "url" => url = Some(value),
                    "story" => story = Some(value),
                    "published" => published = Some((value, line_no)),
                    _ => {}
                }
            }
            let line_no = published.as_ref().map_or(1, |p| p.1);
            let meta = Meta::parsed(
                source,
                published.as_ref().map(|p| p.0.as_str()),
                title,
                url,
                |msg| {
                    diags.push(diagnostic_at(Level::Warning, path, line_no, 1, msg));
                },
            )
            .with_story(story);
            return Some(FrontMatter {
                meta,
                body_start: offset,
            });
        }
        if let Some((key, value)) = content.split_once(':') {
            let key = key.trim();
            if !key.is_empty() && !key.starts_with([' ', '\t', '#', '-']) {
                fields.push((
                    key.to_ascii_lowercase(),
                    unquote(value.trim()).to_string(),
                    i + 2,
                ));
            }
        }
    }
    None
}

/// A value without surrounding single or double quotes.
fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// Extracts the text of Markdown source `text[body_start..]`; map offsets index `text`.
pub fn extract(text: &str, body_start: usize) -> TextBuilder {
    let body = text.get(body_start..).unwrap_or("");
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out = TextBuilder::default();
    let mut skip = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let src = Span::new(body_start + range.start, body_start + range.end);
        let raw = text.get(src.start..src.end).unwrap_or("");
        match event {
            Event::Start(Tag::HtmlBlock) => {
                skip += 1;
                out.paragraph_break();
                comments(&mut out, raw, src.start);
            }
            Event::InlineHtml(_) if skip == 0 => comments(&mut out, raw, src.start),
            Event::Start(Tag::Image { .. } | Tag::CodeBlock(_) | Tag::FootnoteDefinition(_)) => {
                skip += 1;
                out.paragraph_break();
            }
            Event::End(
                TagEnd::Image | TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::FootnoteDefinition,
            ) => {
                skip = skip.saturating_sub(1);
                out.paragraph_break();
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableCell
                | Tag::List(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::List(_),
            )
            | Event::Rule => out.paragraph_break(),
            _ if skip > 0 => {}
            Event::Text(t) | Event::Code(t) => push_text(&mut out, &t, raw, src),
            Event::SoftBreak => out.replaced(" ", src),
            Event::HardBreak => out.line_break(src),
            _ => {}
        }
    }
    out
}

/// Notes the HTML comments of raw HTML at source offset `at` (for `claimcheck-ignore`).
fn comments(out: &mut TextBuilder, raw: &str, at: usize) {
    let mut from = 0;
    while let Some(open) = raw.get(from..).and_then(|r| r.find("<!--")) {
        let body_start = from + open + 4;
        let rest = raw.get(body_start..).unwrap_or("");
        let Some(close) = rest.find("-->") else {
            break;
        };
        let end = body_start + close + 3;
        out.comment(&rest[..close], Span::new(at + from + open, at + end));
        from = end;
    }
}

/// Appends a text event: verbatim when it appears as such in its source range (plain
/// text, an escape's character, code inside backticks), else (an entity) as a replacement.
fn push_text(out: &mut TextBuilder, t: &str, raw: &str, src: Span) {
    if raw == t {
        out.verbatim(t, src.start);
    } else if let Some(at) = raw
        .find(t)
        .filter(|_| !t.is_empty() && !raw.starts_with('&'))
    {
        out.verbatim(t, src.start + at);
    } else {
        out.replaced(t, src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_removed_and_offsets_kept() {
        let src = "# Big *news*\n\nA [link](http://x) and `code` &amp; more\ntext.\n";
        let b = extract(src, 0);
        assert_eq!(b.text, "Big news\n\nA link and code & more text.");
        let at = b.text.find("link").unwrap_or(0);
        let span = b.map.to_file(at..at + 4);
        assert_eq!(&src[span.start..span.end], "link");
        let amp = b.text.find('&').unwrap_or(0);
        let span = b.map.to_file(amp..amp + 1);
        assert_eq!(&src[span.start..span.end], "&amp;");
    }

    #[test]
    fn ignore_comments_cover_the_next_paragraph() {
        let src = "First.\n\n<!-- claimcheck-ignore quantity-mismatch -->\nSecond\nline.\n\nThird.\n\n```\n<!-- claimcheck-ignore -->\n```\n";
        let mut b = extract(src, 0);
        let found = b.take_suppressions();
        assert_eq!(found.len(), 1, "not the comment inside code: {found:?}");
        assert_eq!(found[0].rules, ["quantity-mismatch"]);
        assert_eq!(&b.text[found[0].text.clone()], "Second line.");
        let c = found[0].comment;
        assert_eq!(
            &src[c.start..c.end],
            "<!-- claimcheck-ignore quantity-mismatch -->"
        );
    }

    #[test]
    fn front_matter_fields() {
        let src = "---\nsource: \"The Daily\"\npublished: 2024-03\nauthor: x\n---\n# T\n";
        let mut diags = Vec::new();
        let fm = front_matter(src, Path::new("a.md"), &mut diags).expect("front matter");
        assert_eq!(fm.meta.source.as_deref(), Some("The Daily"));
        assert_eq!(
            fm.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03")
        );
        assert_eq!(&src[fm.body_start..], "# T\n");
        assert!(diags.is_empty());
    }
}
