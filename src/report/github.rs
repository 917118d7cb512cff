//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
//! finding at its first claim, naming every side's claims in the message.

use super::visible::{one_line, visible};
use super::{file_location, source_and_date, ReportInput};
use crate::check::{Finding, Severity};

/// Escapes a command's message (data): `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn annotation(input: &ReportInput, f: &Finding) -> String {
    let claims: Vec<_> = f
        .sides
        .iter()
        .flat_map(|s| s.claims.iter().map(move |ev| (s, ev)))
        .collect();
    // Names and quotes are escaped (ESC, U+202E; a quote's line breaks are spaces); the
    // lines between them are kept.
    let mut message = visible(&f.message);
    message.push_str(&format!("\nslot: {}", visible(&f.slot)));
    for (side, ev) in &claims {
        let loc = file_location(ev, input.document(&ev.doc), ev.span);
        message.push_str(&format!(
            "\n{}: {} ({}) at {}:{}: {}",
            side.side,
            visible(&side.value),
            visible(&source_and_date(ev)),
            visible(&loc.path),
            loc.line,
            one_line(&ev.quote)
        ));
    }
    let mut props = Vec::new();
    if let Some((_, ev)) = claims.first() {
        let loc = file_location(ev, input.document(&ev.doc), ev.span);
        props.push(format!("file={}", escape_property(&visible(&loc.path))));
        props.push(format!("line={}", loc.line));
        if let Some(c) = loc.column {
            props.push(format!("col={c}"));
        }
        props.push(format!("endLine={}", loc.end_line));
        if let Some(c) = loc.end_column {
            props.push(format!("endColumn={c}"));
        }
    }
    props.push(format!(
        "title={}",
        escape_property(&visible(&format!("{}: {}", f.rule, f.slot)))
    ));
    format!(
        "::{} {}::{}",
        command(f.severity),
        props.join(","),
        escape_data(&message)
    )
}

/// One workflow command per finding, then a `::notice` with the summary line.
pub fn render(input: &ReportInput) -> String {
    let mut out = String::new();
    for f in input.findings {
        out.push_str(&annotation(input, f));
        out.push('\n');
    }
    out.push_str(&format!(
        "::notice title=claimcheck::{}\n",
        escape_data(&input.summary().line())
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(
            escape_data("100% sure\r\nnext: a,b"),
            "100%25 sure%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
