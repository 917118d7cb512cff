//! One self-contained HTML page for fact-checkers: findings grouped by story, per finding a
//! card titled in plain English with the sides in columns (agreeing sources together),
//! each source linked to its article when the manifest gives a `url`, dates, quotes with
//! the values marked; the slots that agree with their quotes; filters by kind and
//! severity; a print stylesheet. No network resources.

use super::visible::{one_line, visible};
use super::{file_location, kinds, split_quote, story_title, AgreeingSlot, ReportInput};
use crate::check::{Evidence, Finding, Severity};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values; control and bidirectional
/// characters become visible escapes (a browser would apply U+202E, not show it).
pub fn escape(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --error: #b3261e; --warning: #9a6700; --info: #1f5fa8; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; color: #1f2328; background: #fff; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
.summary { color: var(--muted); margin: 0 0 1rem; }
#filters { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: 1rem; }
#filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .75rem .5rem; }
#filters label { margin-right: .75rem; white-space: nowrap; }
#shown { color: var(--muted); align-self: center; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding h2 { font-size: 1.15rem; margin: .25rem 0; }
.badge { display: inline-block; font-size: .8rem; font-weight: 600; padding: 0 .5rem; border-radius: 1rem; color: #fff; background: var(--info); }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.kind, .rule, .confidence, .fingerprint, .meta { color: var(--muted); font-size: .9rem; }
.message { margin: .25rem 0 .5rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: .75rem; }
.side { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; background: #f6f8fa; }
.side h3 { font-size: 1rem; margin: 0 0 .25rem; }
.side ul { list-style: none; margin: 0; padding: 0; }
.claim + .claim { border-top: 1px dashed var(--line); margin-top: .5rem; padding-top: .5rem; }
blockquote { margin: .25rem 0 0; }
mark { background: #fff3a3; padding: 0 .1em; font-weight: 600; }
.fingerprint { margin: .5rem 0 0; }
ul.agreements { list-style: none; padding: 0; }
.agreement { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; margin: 0 0 .75rem; }
.agreement h4 { margin: 0; font-size: 1rem; }
.agreement ul { list-style: none; margin: .25rem 0 0; padding: 0; }
.slot { color: var(--muted); font-size: .85rem; margin: 0; }
a.source { color: inherit; }
@media print {
  #filters, #shown { display: none; }
  .finding[hidden] { display: block !important; }
  .finding { break-inside: avoid; }
  .side { background: none; }
  mark { background: none; text-decoration: underline; }
  body { max-width: none; font-size: 11pt; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var shown = document.getElementById('shown');
  function allowed(name) {
    return boxes.filter(function (b) { return b.dataset.filter === name; })
      .filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; });
  }
  function apply() {
    var kinds = allowed('kind');
    var severities = allowed('severity');
    var count = 0;
    cards.forEach(function (card) {
      var visible = kinds.indexOf(card.dataset.kind) !== -1 && severities.indexOf(card.dataset.severity) !== -1;
      card.hidden = !visible;
      if (visible) { count += 1; }
    });
    if (shown) { shown.textContent = 'showing ' + count + ' of ' + cards.length; }
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
"#;

fn claim_html(out: &mut String, input: &ReportInput, ev: &Evidence) {
    let loc = file_location(ev, input.document(&ev.doc), ev.span);
    let at = match loc.column {
        Some(c) => format!("{}:{}:{}", loc.path, loc.line, c),
        None => format!("{}:{}", loc.path, loc.line),
    };
    let date = match &ev.published {
        Some(d) => format!("<time datetime=\"{d}\">{d}</time>"),
        None => "date unknown".to_string(),
    };
    let (before, value, after) = split_quote(ev, input.document(&ev.doc));
    // A quote's line breaks are spaces (its other controls escaped).
    let part = |s: &str| escape(&one_line(s));
    let quote = if value.is_empty() {
        part(before)
    } else {
        format!(
            "{}<mark>{}</mark>{}",
            part(before),
            part(value),
            part(after)
        )
    };
    let mut flags = String::new();
    if ev.headline {
        flags.push_str(" · headline");
    }
    if ev.hedged {
        flags.push_str(" · hedged");
    }
    let source = match input
        .document(&ev.doc)
        .and_then(|d| web_url(d.url.as_deref()))
    {
        Some(url) => format!(
            "<a class=\"source\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            escape(url),
            escape(&ev.source)
        ),
        None => format!("<span class=\"source\">{}</span>", escape(&ev.source)),
    };
    let _ = write!(
        out,
        "<li class=\"claim\"><div class=\"meta\">{source} · {date} · <code class=\"location\">{}</code>{flags}</div><blockquote>{quote}</blockquote></li>",
        escape(&at),
    );
}

/// An article's address when it is a web address (`http` or `https`): other schemes
/// (`javascript:`, `file:`) are not linked.
pub fn web_url(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    (matches!(scheme.as_str(), "http" | "https") && !url.contains(char::is_whitespace))
        .then_some(url)
}

/// The slots where the sources agree, each titled in plain English with the agreeing
/// quotes (or a line saying there are none).
fn agreeing_html(out: &mut String, input: &ReportInput, slots: &[&AgreeingSlot]) {
    if slots.is_empty() {
        out.push_str("<p>No slot with two or more agreeing sources.</p>\n");
        return;
    }
    out.push_str("<ul class=\"agreements\">\n");
    for slot in slots {
        let title = slot.title();
        let _ = write!(
            out,
            "<li class=\"agreement\"><h4>{}</h4>{}",
            escape(&title),
            slot_line(&title, &slot.label)
        );
        if !slot.claims.is_empty() {
            out.push_str("<ul>");
            for ev in &slot.claims {
                claim_html(out, input, ev);
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// Findings and agreements grouped by story: one section a story.
fn stories_html(out: &mut String, input: &ReportInput) {
    out.push_str("<main>\n");
    if input.findings.is_empty() {
        out.push_str("<p>No contradictions found.</p>\n");
    }
    for group in input.story_groups() {
        let title = story_title(group.story);
        let _ = writeln!(
            out,
            "<section class=\"story\" data-story=\"{}\">\n<h2 class=\"section\">{}</h2>",
            escape(group.story.unwrap_or("")),
            escape(&title)
        );
        if group.findings.is_empty() {
            out.push_str("<p>No contradictions found.</p>\n");
        }
        for (n, f) in &group.findings {
            finding_html(out, input, *n, f);
        }
        out.push_str("<section class=\"agreeing\">\n<h3>Where the sources agree</h3>\n");
        agreeing_html(out, input, &group.agreeing);
        out.push_str("</section>\n</section>\n");
    }
    out.push_str("</main>\n");
}

/// The slot's label under its plain-English title, when they differ.
fn slot_line(title: &str, label: &str) -> String {
    if title == label {
        String::new()
    } else {
        format!("<p class=\"slot\">slot: <code>{}</code></p>", escape(label))
    }
}

fn finding_html(out: &mut String, input: &ReportInput, n: usize, f: &Finding) {
    let sev = f.severity.as_str();
    let title = super::plain::slot_title(&f.slot, &f.slot_key);
    let _ = write!(
        out,
        "<article class=\"finding {sev}\" id=\"finding-{n}\" data-kind=\"{kind}\" data-severity=\"{sev}\">\n<header><span class=\"badge {sev}\">{sev}</span> <span class=\"kind\">{kind}</span> · <code class=\"rule\">{rule}</code><h2>{title}</h2>{slot}</header>\n<p class=\"message\">{message}</p>\n",
        kind = escape(f.kind.as_str()),
        rule = escape(&f.rule),
        title = escape(&title),
        slot = slot_line(&title, &f.slot),
        message = escape(&f.message),
    );
    let mut confidence = format!("confidence {:.2}", f.confidence);
    if !f.notes.is_empty() {
        confidence.push_str(": ");
        confidence.push_str(&f.notes.join("; "));
    }
    let _ = writeln!(out, "<p class=\"confidence\">{}</p>", escape(&confidence));
    out.push_str("<div class=\"sides\">\n");
    for side in &f.sides {
        let _ = write!(
            out,
            "<section class=\"side\" data-side=\"{s}\"><h3>Side {s}: <span class=\"value\">{v}</span></h3><ul>",
            s = escape(&side.side),
            v = escape(&side.value)
        );
        for ev in &side.claims {
            claim_html(out, input, ev);
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<p class=\"fingerprint\">fingerprint <code>{}</code></p>\n</article>",
        f.fingerprint()
    );
}

fn checkbox(out: &mut String, filter: &str, value: &str, count: usize) {
    let _ = write!(
        out,
        "<label><input type=\"checkbox\" data-filter=\"{filter}\" value=\"{v}\" checked> {v} ({count})</label>",
        v = escape(value)
    );
}

/// The HTML page.
pub fn render(input: &ReportInput) -> String {
    let summary = input.summary();
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>claimcheck report</title>\n<style>",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>claimcheck report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>\n</header>",
        escape(&summary.line())
    );

    if !input.findings.is_empty() {
        out.push_str(
            "<form id=\"filters\" aria-label=\"Filter findings\">\n<fieldset><legend>Kind</legend>",
        );
        for kind in kinds(input.findings) {
            checkbox(
                &mut out,
                "kind",
                kind,
                input
                    .findings
                    .iter()
                    .filter(|f| f.kind.as_str() == kind)
                    .count(),
            );
        }
        out.push_str("</fieldset>\n<fieldset><legend>Severity</legend>");
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            checkbox(
                &mut out,
                "severity",
                sev.as_str(),
                input.findings.iter().filter(|f| f.severity == sev).count(),
            );
        }
        out.push_str("</fieldset>\n<p id=\"shown\" aria-live=\"polite\"></p>\n</form>\n");
    }

    if input.has_stories() {
        stories_html(&mut out, input);
    } else {
        out.push_str("<main>\n<h2 class=\"section\">Contradictions</h2>\n");
        if input.findings.is_empty() {
            out.push_str("<p>No contradictions found.</p>\n");
        }
        for (i, f) in input.findings.iter().enumerate() {
            finding_html(&mut out, input, i + 1, f);
        }
        out.push_str("</main>\n<section id=\"agreeing\">\n<h2>Where the sources agree</h2>\n");
        let all: Vec<&AgreeingSlot> = input.agreeing().collect();
        agreeing_html(&mut out, input, &all);
        out.push_str("</section>\n");
    }
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<b>\"R&D\"</b> 'x'"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;x&#39;"
        );
        assert_eq!(
            escape("a\u{202e}b\n<\u{1b}>"),
            "a\\u{202e}b\\n&lt;\\u{1b}&gt;"
        );
    }
}
