//! Suppressions written in the corpus: `<!-- claimcheck-ignore [RULE-ID ...] -->` before a
//! block of a Markdown or HTML file hides the findings of those rules with a claim there.

use super::Finding;
use crate::corpus::{Document, Suppression};
use std::collections::HashMap;

/// A suppression that hid no finding, with the document it is written in.
#[derive(Clone, Copy, Debug)]
pub struct Unused<'a> {
    pub doc: &'a Document,
    pub suppression: &'a Suppression,
}

impl Unused<'_> {
    /// "FILE:L:C: claimcheck-ignore [RULES] suppresses nothing".
    pub fn message(&self) -> String {
        let at = self.doc.line_col(self.suppression.comment.start);
        let path = self.doc.path.to_string_lossy().replace('\\', "/");
        let path = if path.is_empty() {
            self.doc.id.clone()
        } else {
            path
        };
        let rules: String = self
            .suppression
            .rules
            .iter()
            .map(|r| format!(" {r}"))
            .collect();
        format!(
            "{path}:{}:{}: claimcheck-ignore{rules} suppresses nothing",
            at.line, at.column
        )
    }
}

/// The findings no suppression hides, and the suppressions that hid none. A finding is
/// hidden when one of its claims starts inside a block that a suppression of its document
/// covers for its rule.
pub fn apply<'a>(findings: Vec<Finding>, docs: &'a [Document]) -> (Vec<Finding>, Vec<Unused<'a>>) {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if !d.suppressions.is_empty() {
            by_id.entry(d.id.as_str()).or_default().push(i);
        }
    }
    if by_id.is_empty() {
        return (findings, Vec::new());
    }
    let mut used: Vec<Vec<bool>> = docs
        .iter()
        .map(|d| vec![false; d.suppressions.len()])
        .collect();
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let mut hidden = false;
        for ev in f.sides.iter().flat_map(|s| &s.claims) {
            for &di in by_id.get(ev.doc.as_str()).into_iter().flatten() {
                for (si, s) in docs[di].suppressions.iter().enumerate() {
                    let inside = s.span.start <= ev.span.start && ev.span.start < s.span.end;
                    if inside && s.covers_rule(&f.rule) {
                        used[di][si] = true;
                        hidden = true;
                    }
                }
            }
        }
        if !hidden {
            kept.push(f);
        }
    }
    let unused = docs
        .iter()
        .zip(&used)
        .flat_map(|(doc, used)| {
            doc.suppressions
                .iter()
                .zip(used)
                .filter(|(_, &u)| !u)
                .map(move |(suppression, _)| Unused { doc, suppression })
        })
        .collect();
    (kept, unused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Evidence, Severity, Side};
    use crate::corpus::{Format, Span};

    fn evidence(doc: &str, at: usize) -> Evidence {
        Evidence {
            doc: doc.into(),
            source: doc.into(),
            published: None,
            span: Span::new(at, at + 5),
            line: 1,
            column: 1,
            quote: "quote".into(),
            value_span: Span::new(at, at + 1),
            value_text: "q".into(),
            headline: false,
            hedged: false,
            claim: None,
        }
    }

    fn finding(rule: &str, a: Evidence, b: Evidence) -> Finding {
        let side = |name: &str, ev| Side {
            side: name.into(),
            value: name.into(),
            compared: None,
            claims: vec![ev],
        };
        Finding {
            rule: rule.into(),
            story: None,
            kind: crate::check::Kind::named("quantity").expect("a kind"),
            severity: Severity::Error,
            message: String::new(),
            slot: rule.into(),
            slot_key: rule.into(),
            confidence: 1.0,
            notes: Vec::new(),
            sides: vec![side("a", a), side("b", b)],
        }
    }

    #[test]
    fn hides_covered_rules_and_reports_the_unused() {
        let text = "x\n".repeat(100);
        let mut md = Document::plain("a.md", "c/a.md".into(), Format::Markdown, text.clone());
        let covers = |rules: &[&str], span: Span, comment: Span| Suppression {
            rules: rules.iter().map(|r| r.to_string()).collect(),
            span,
            comment,
        };
        md.suppressions = vec![
            covers(&["r1"], Span::new(20, 40), Span::new(10, 18)),
            covers(&[], Span::new(60, 80), Span::new(50, 58)),
            covers(&["r1", "r2"], Span::new(90, 95), Span::new(84, 88)),
        ];
        let txt = Document::plain("b.txt", "c/b.txt".into(), Format::Text, text);
        let docs = vec![md, txt];
        let findings = vec![
            finding("r1", evidence("a.md", 22), evidence("b.txt", 22)),
            finding("r2", evidence("a.md", 22), evidence("b.txt", 0)),
            finding("r3", evidence("b.txt", 62), evidence("a.md", 70)),
            finding("r2", evidence("b.txt", 92), evidence("a.md", 0)),
        ];
        let (kept, unused) = apply(findings, &docs);
        let rules: Vec<&str> = kept.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(
            rules,
            ["r2", "r2"],
            "r2 is not covered at 22; b.txt has none"
        );
        assert_eq!(unused.len(), 1);
        assert_eq!(
            unused[0].message(),
            "c/a.md:43:1: claimcheck-ignore r1 r2 suppresses nothing"
        );
    }
}
