//! The claim graph as Graphviz DOT (one cluster per slot) or JSON.

use super::graph::ClaimGraph;
use crate::corpus::Document;
use crate::extract::Claim;
use petgraph::visit::EdgeRef;
use serde_json::json;
use std::fmt::Write;

/// A DOT string's text: line breaks as spaces, other control and bidirectional characters
/// as visible escapes (a file name or quote must not reach a viewer raw), then DOT's own
/// escapes.
fn dot_escape(s: &str) -> String {
    crate::report::visible::visible(&s.replace('\n', " "))
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

fn quote<'d>(claim: &Claim, docs: &'d [Document]) -> &'d str {
    docs.get(claim.doc_index as usize)
        .map_or("", |d| claim.quote(&d.text))
}

fn short(claim: &Claim, docs: &[Document]) -> String {
    let quote = quote(claim, docs);
    let q: String = quote.chars().take(70).collect();
    if q.len() < quote.len() {
        format!("{q}…")
    } else {
        q
    }
}

/// DOT: one cluster per slot shared by two or more documents, edges labelled with their reason.
pub fn dot(graph: &ClaimGraph, claims: &[Claim], docs: &[Document]) -> String {
    let mut out = String::from("graph claims {\n  node [shape=box, fontsize=10];\n");
    for (si, slot) in graph.shared_slots(claims) {
        let _ = writeln!(
            out,
            "  subgraph cluster_{si} {{\n    label=\"{}\";",
            dot_escape(&slot.label)
        );
        for (pos, &c) in slot.claims.iter().enumerate() {
            let Some(node) = graph.node(si, pos) else {
                continue;
            };
            let claim = &claims[c];
            let _ = writeln!(
                out,
                "    n{} [label=\"{}\\n{}\"];",
                node.index(),
                dot_escape(&claim.doc),
                dot_escape(&short(claim, docs))
            );
        }
        out.push_str("  }\n");
        for node in graph.slot_nodes(si) {
            for e in graph.graph.edges(node).filter(|e| e.source() == node) {
                let _ = writeln!(
                    out,
                    "  n{} -- n{} [label=\"{}\"];",
                    e.source().index(),
                    e.target().index(),
                    e.weight().as_str()
                );
            }
        }
    }
    out.push_str("}\n");
    out
}

/// JSON: every slot with its key, label and claims, and the edges between them.
pub fn json(graph: &ClaimGraph, claims: &[Claim], docs: &[Document]) -> serde_json::Value {
    let slots: Vec<_> = graph
        .slots
        .iter()
        .enumerate()
        .map(|(si, slot)| {
            let members: Vec<_> = slot
                .claims
                .iter()
                .map(|&c| {
                    let claim = &claims[c];
                    let source = docs.get(claim.doc_index as usize).map(|d| d.source.as_str()).unwrap_or_default();
                    json!({"doc": claim.doc, "source": source, "span": [claim.span.start, claim.span.end], "quote": quote(claim, docs)})
                })
                .collect();
            let edges: Vec<_> = graph
                .slot_nodes(si)
                .flat_map(|n| graph.graph.edges(n).filter(move |e| e.source() == n))
                .map(|e| {
                    let pos = |n| graph.position(si, n).unwrap_or(usize::MAX);
                    json!({"from": pos(e.source()), "to": pos(e.target()), "reason": e.weight().as_str()})
                })
                .collect();
            let mut o = json!({"label": slot.label, "key": slot.key, "unknown_time": slot.unknown_time, "claims": members, "edges": edges});
            if !slot.links.is_empty() {
                // Why claims linked by meaning were compared: positions in `claims`, the
                // score and the words that made it.
                let pos = |c: usize| slot.claims.iter().position(|&x| x == c).unwrap_or(usize::MAX);
                o["links"] = slot
                    .links
                    .iter()
                    .map(|l| json!({"from": pos(l.a), "to": pos(l.b), "score": l.score, "words": l.words}))
                    .collect();
            }
            o
        })
        .collect();
    json!({"slots": slots})
}

#[cfg(test)]
mod tests {
    use super::dot_escape;

    #[test]
    fn dot_strings_hold_no_raw_control_or_bidirectional_characters() {
        let escaped = dot_escape("evil\u{202E}txt.\x1b[31m \"a\"\nb");
        assert!(
            !escaped.chars().any(crate::report::visible::is_hazard),
            "{escaped}"
        );
        assert_eq!(escaped, "evil\\\\u{202e}txt.\\\\u{1b}[31m \\\"a\\\" b");
    }
}
