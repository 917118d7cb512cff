//! A Markdown report to paste into an issue or a pull request: a summary table, then per
//! finding its message and a table of the sides with the conflicting values in bold.

use super::visible::{one_line, visible};
use super::{file_location, split_quote, ReportInput};
use crate::check::Finding;

/// Escapes text for a Markdown table cell: control and bidirectional characters become
/// visible escapes (a line break `\n`), markup characters get a backslash, `|` too, `<`
/// and `&` become entities.
pub fn escape(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

fn finding_section(input: &ReportInput, n: usize, f: &Finding, heading: &str) -> String {
    let mut out = format!("{heading} {}. `{}`: {}\n\n", n, f.rule, escape(&f.slot));
    out.push_str(&format!(
        "**{}** ({}) · confidence {:.2}\n\n",
        f.severity,
        escape(f.kind.as_str()),
        f.confidence
    ));
    out.push_str(&escape(&f.message));
    out.push_str("\n\n");
    for note in &f.notes {
        out.push_str(&format!("- {}\n", escape(note)));
    }
    if !f.notes.is_empty() {
        out.push('\n');
    }
    out.push_str(
        "| side | value | source | date | quote | location |\n|---|---|---|---|---|---|\n",
    );
    for side in &f.sides {
        for ev in &side.claims {
            let (before, value, after) = split_quote(ev, input.document(&ev.doc));
            // A quote's line breaks are spaces (its other controls escaped).
            let part = |s: &str| escape(&one_line(s));
            let quote = if value.is_empty() {
                part(before)
            } else {
                format!("{}**{}**{}", part(before), part(value), part(after))
            };
            let loc = file_location(ev, input.document(&ev.doc), ev.span);
            let at = match loc.column {
                Some(c) => format!("{}:{}:{}", loc.path, loc.line, c),
                None => format!("{}:{}", loc.path, loc.line),
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | `{}` |\n",
                escape(&side.side),
                escape(&side.value),
                escape(&ev.source),
                ev.published
                    .map_or_else(|| "unknown".to_string(), |d| d.to_string()),
                quote,
                visible(&at).replace('`', "'").replace('|', "\\|")
            ));
        }
    }
    out
}

/// The Markdown report.
pub fn render(input: &ReportInput) -> String {
    let s = input.summary();
    let mut out = String::from("## claimcheck report\n\n");
    out.push_str(&format!("{}\n\n", s.line()));
    out.push_str("| severity | findings |\n|---|---|\n");
    out.push_str(&format!(
        "| error | {} |\n| warning | {} |\n| info | {} |\n\n",
        s.errors, s.warnings, s.info
    ));
    if input.findings.is_empty() {
        out.push_str("No contradictions found.\n");
    }
    if !input.has_stories() {
        for (i, f) in input.findings.iter().enumerate() {
            out.push_str(&finding_section(input, i + 1, f, "###"));
            out.push('\n');
        }
        let agreeing: Vec<_> = input.agreeing().collect();
        if !agreeing.is_empty() {
            out.push_str("### Where the sources agree\n\n");
            for slot in agreeing {
                out.push_str(&format!("- {}\n", escape(&slot.label)));
            }
        }
        return out;
    }
    // Several stories (or one named): a section each, findings and agreements inside.
    for group in input.story_groups() {
        out.push_str(&format!(
            "### {}\n\n",
            escape(&super::story_title(group.story))
        ));
        for (n, f) in &group.findings {
            out.push_str(&finding_section(input, *n, f, "####"));
            out.push('\n');
        }
        if !group.agreeing.is_empty() {
            out.push_str("#### Where the sources agree\n\n");
            for slot in &group.agreeing {
                out.push_str(&format!("- {}\n", escape(&slot.label)));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_markup() {
        assert_eq!(
            escape("a|b *c* <d> & e\nf"),
            "a\\|b \\*c\\* &lt;d&gt; &amp; e\\\\nf"
        );
        assert_eq!(escape("x\u{202e}y\u{1b}"), "x\\\\u{202e}y\\\\u{1b}");
    }
}
