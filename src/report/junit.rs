//! JUnit XML for CI test views: one failing test case per finding (class = rule id,
//! name = slot), or one passing "no contradictions" case.

use super::visible::{one_line, visible};
use super::{source_and_date, ReportInput};
use crate::check::Finding;

/// Escapes text for XML content and attribute values. Control characters other than tab
/// and line breaks (which XML 1.0 cannot carry, or a terminal would obey) and
/// bidirectional controls become visible `\u{..}` escapes, the non-characters U+FFFE and
/// U+FFFF become U+FFFD; tabs and line breaks become character references so that they
/// survive attribute normalization. Untrusted text is made [`visible`] (names) or
/// [`one_line`] (quotes) before it gets here, so its line breaks never reach this.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if super::visible::is_hazard(c) => out.push_str(&visible(c.encode_utf8(&mut [0; 4]))),
            c => out.push(c),
        }
    }
    out
}

/// Escapes element text: like [`escape`] but keeps line breaks readable.
fn escape_text(s: &str) -> String {
    escape(s).replace("&#10;", "\n")
}

fn evidence_text(f: &Finding) -> String {
    let mut text = format!(
        "{}\nslot: {}\nconfidence: {:.2}\n",
        visible(&f.message),
        visible(&f.slot),
        f.confidence
    );
    for note in &f.notes {
        text.push_str(&format!("note: {}\n", visible(note)));
    }
    for side in &f.sides {
        for ev in &side.claims {
            text.push_str(&format!(
                "{} ({}): {} at {}:{}:{}: {}\n",
                visible(&side.side),
                visible(&side.value),
                visible(&source_and_date(ev)),
                visible(&ev.doc),
                ev.line,
                ev.column,
                one_line(&ev.quote)
            ));
        }
    }
    text
}

/// The JUnit XML document.
pub fn render(input: &ReportInput) -> String {
    let n = input.findings.len();
    let tests = n.max(1);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"claimcheck\" tests=\"{tests}\" failures=\"{n}\" errors=\"0\">\n"
    ));
    out.push_str(&format!(
        "  <testsuite name=\"claimcheck\" tests=\"{tests}\" failures=\"{n}\" errors=\"0\" skipped=\"0\">\n"
    ));
    for f in input.findings {
        out.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{}\">\n",
            escape(&visible(&f.rule)),
            escape(&visible(&f.slot))
        ));
        out.push_str(&format!(
            "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
            escape(&visible(&f.message)),
            f.severity.as_str(),
            escape_text(&evidence_text(f))
        ));
        out.push_str("    </testcase>\n");
    }
    if n == 0 {
        out.push_str("    <testcase classname=\"claimcheck\" name=\"no contradictions\"/>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\\u{1}&#10;"
        );
        assert_eq!(
            escape("\u{1b}[2J \u{202e}\u{ffff}"),
            "\\u{1b}[2J \\u{202e}\u{fffd}"
        );
    }
}
