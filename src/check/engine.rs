//! Running rules over the claim slots: each kind proposes values per claim, the engine
//! groups agreeing claims into sides, keeps cross-source conflicts, weighs confidence
//! and writes the finding with its evidence.

use super::finding::{Compared, Evidence, Finding, Severity, Side};
use super::rule::Rule;
use crate::corpus::{Document, Span};
use crate::extract::{Claim, Knowledge};
use crate::link::{ClaimGraph, EdgeReason, Slot};
use rayon::prelude::*;

/// What rules see of the corpus.
pub struct Context<'a> {
    pub claims: &'a [Claim],
    pub docs: &'a [Document],
    /// The run's knowledge (families, units ...).
    pub knowledge: &'a Knowledge,
}

/// One claim's value as a kind reads it.
#[derive(Clone, Debug)]
pub struct Reading<V> {
    pub claim: usize,
    pub value: V,
    /// What to show for the value ("approximately 5,000 troops").
    pub display: String,
    /// The value's own span, to underline.
    pub span: Span,
    /// The value, typed as the kind compares it.
    pub compared: Compared,
}

/// Claims grouped by agreeing values.
#[derive(Clone, Debug)]
pub struct Group<V> {
    pub members: Vec<Reading<V>>,
}

/// Groups readings greedily: a reading joins the first group all of whose members it is
/// compatible with. Groups compatible with every other group are dropped (they take no
/// side), and the rest are returned only when two conflicting groups span two documents.
///
/// `compatible` need not be transitive, so the greedy grouping depends on the order of
/// the readings: they are first put in an order of their content and metadata (date,
/// source, value, position in the document), never of document names or corpus order, so
/// that renaming or reordering files gives the same sides, values and fingerprints.
pub fn conflicting_groups<V: Clone>(
    ctx: &Context,
    mut readings: Vec<Reading<V>>,
    compatible: impl Fn(&Reading<V>, &Reading<V>) -> bool,
) -> Vec<Group<V>> {
    readings.sort_by_cached_key(|r| {
        let claim = &ctx.claims[r.claim];
        let doc = ctx.docs.get(claim.doc_index as usize);
        (
            doc.and_then(|d| d.published),
            doc.map(|d| d.source.clone()),
            r.display.clone(),
            claim.headline,
            claim.sentence,
            r.span,
            // Identical content in two documents: the order no longer matters.
            r.claim,
        )
    });
    let mut groups: Vec<Group<V>> = Vec::new();
    for r in readings {
        match groups
            .iter_mut()
            .find(|g| g.members.iter().all(|m| compatible(m, &r)))
        {
            Some(g) => g.members.push(r),
            None => groups.push(Group { members: vec![r] }),
        }
    }
    // A reading that agrees with every reading of another side as well as with its own
    // ("almost a week" beside "nine days" and beside "six days") is evidence for neither:
    // it leaves the finding.
    let bridges: Vec<Vec<bool>> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            g.members
                .iter()
                .map(|m| {
                    groups
                        .iter()
                        .enumerate()
                        .any(|(j, other)| i != j && other.members.iter().all(|o| compatible(o, m)))
                })
                .collect()
        })
        .collect();
    for (g, bridge) in groups.iter_mut().zip(bridges) {
        let mut flags = bridge.into_iter();
        g.members.retain(|_| !flags.next().unwrap_or(false));
    }
    groups.retain(|g| !g.members.is_empty());
    let conflict = |a: &Group<V>, b: &Group<V>| {
        a.members.iter().any(|x| {
            b.members.iter().any(|y| {
                !compatible(x, y) && ctx.claims[x.claim].doc_index != ctx.claims[y.claim].doc_index
            })
        })
    };
    let keep: Vec<bool> = (0..groups.len())
        .map(|i| (0..groups.len()).any(|j| i != j && conflict(&groups[i], &groups[j])))
        .collect();
    groups
        .into_iter()
        .zip(keep)
        .filter_map(|(g, k)| k.then_some(g))
        .collect()
}

/// One claim of a side: claim index, value span, value as written.
pub type Member = (usize, Span, String);

/// One side of a [`Draft`]: its value to display and typed, and its claims.
pub struct DraftSide {
    pub value: String,
    pub compared: Compared,
    pub members: Vec<Member>,
}

/// A kind's verdict on a slot: the sides (already grouped), each with a display value.
pub struct Draft {
    pub sides: Vec<DraftSide>,
    /// A message template that says better than the rule's what the sources disagree on
    /// in this slot (`{slot}` and `{sides}` as in the rule's).
    pub message: Option<String>,
}

impl Draft {
    pub fn from_groups<V>(groups: Vec<Group<V>>) -> Option<Draft> {
        (groups.len() >= 2).then(|| Draft {
            message: None,
            sides: groups
                .into_iter()
                .filter_map(|g| {
                    let first = g.members.first()?;
                    Some(DraftSide {
                        value: first.display.clone(),
                        compared: first.compared.clone(),
                        members: g
                            .members
                            .into_iter()
                            .map(|m| (m.claim, m.span, m.display))
                            .collect(),
                    })
                })
                .collect(),
        })
    }
}

/// In a slot linked by meaning, keeps the sides that some link joins directly to another
/// side: a cluster can chain two facts through a claim like both, and values that were
/// never compared directly are not set against each other.
fn linked_sides(slot: &Slot, draft: Draft) -> Option<Draft> {
    if slot.links.is_empty() {
        return Some(draft);
    }
    let side_of = |claim: usize| {
        draft
            .sides
            .iter()
            .position(|side| side.members.iter().any(|m| m.0 == claim))
    };
    let mut keep = vec![false; draft.sides.len()];
    for link in &slot.links {
        if let (Some(a), Some(b)) = (side_of(link.a), side_of(link.b)) {
            if a != b {
                keep[a] = true;
                keep[b] = true;
            }
        }
    }
    let message = draft.message;
    let sides: Vec<_> = draft
        .sides
        .into_iter()
        .zip(keep)
        .filter_map(|(side, k)| k.then_some(side))
        .collect();
    (sides.len() >= 2).then_some(Draft { sides, message })
}

fn draft(rule: &Rule, ctx: &Context, slot: &Slot) -> Option<Draft> {
    (rule.kind.info().check)(rule, ctx, slot)
}

/// Runs every enabled rule over every slot shared by two documents. Findings come out
/// sorted by (first document, first span, rule), whatever the thread count; conflicts
/// and agreements are recorded on the graph.
pub fn run(rules: &[Rule], graph: &mut ClaimGraph, ctx: &Context) -> Vec<Finding> {
    let shared: Vec<usize> = graph.shared_slots(ctx.claims).map(|(i, _)| i).collect();
    let results: Vec<(usize, Finding, Vec<Vec<usize>>)> = shared
        .par_iter()
        .flat_map_iter(|&si| {
            let slot = &graph.slots[si];
            rules
                .iter()
                .filter(|r| r.enabled && r.kind.applies(slot.key.facet))
                .filter_map(|rule| {
                    let d = linked_sides(slot, draft(rule, ctx, slot)?)?;
                    let members = d
                        .sides
                        .iter()
                        .map(|s| s.members.iter().map(|x| x.0).collect())
                        .collect();
                    Some((si, finding(rule, ctx, slot, d), members))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // A fact linked both by lexicon keys and by meaning gives one finding: the keyed one.
    let keyed: Vec<(String, ValueSides)> = results
        .iter()
        .filter(|(si, _, _)| graph.slots[*si].links.is_empty())
        .map(|(_, f, _)| (f.rule.clone(), value_sides(f)))
        .collect();
    let results: Vec<_> = results
        .into_iter()
        .filter(|(si, f, _)| graph.slots[*si].links.is_empty() || !repeats(f, &keyed))
        .collect();
    let mut findings = Vec::with_capacity(results.len());
    for (si, f, sides) in results {
        for (i, a) in sides.iter().enumerate() {
            for pair in a.windows(2) {
                graph.mark(si, pair[0], pair[1], EdgeReason::Agrees);
            }
            for b in &sides[i + 1..] {
                if let (Some(&x), Some(&y)) = (a.first(), b.first()) {
                    graph.mark(si, x, y, EdgeReason::Conflicts);
                }
            }
        }
        findings.push(f);
    }
    findings.sort_by_key(order_key);
    findings
}

/// The values of each side of a finding: (document, value start).
type ValueSides = Vec<Vec<(String, usize)>>;

/// The [`ValueSides`] of a finding.
fn value_sides(f: &Finding) -> ValueSides {
    f.sides
        .iter()
        .map(|s| {
            s.claims
                .iter()
                .map(|e| (e.doc.clone(), e.value_span.start))
                .collect()
        })
        .collect()
}

/// A finding of the same rule already sets two of these values against each other.
fn repeats(f: &Finding, keyed: &[(String, ValueSides)]) -> bool {
    let mine = value_sides(f);
    keyed
        .iter()
        .filter(|(rule, _)| *rule == f.rule)
        .any(|(_, theirs)| {
            let hit = |side: &Vec<(String, usize)>| {
                theirs
                    .iter()
                    .position(|t| side.iter().any(|v| t.contains(v)))
            };
            let hits: Vec<Option<usize>> = mine.iter().map(hit).collect();
            hits.iter()
                .flatten()
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                >= 2
        })
}

fn order_key(f: &Finding) -> (String, usize, String, String) {
    let first = f.sides.first().and_then(|s| s.claims.first());
    (
        first.map(|e| e.doc.clone()).unwrap_or_default(),
        first.map_or(0, |e| e.span.start),
        f.rule.clone(),
        f.slot_key.clone(),
    )
}

fn evidence(ctx: &Context, claim: usize, value_span: Span, value_text: String) -> Evidence {
    let c = &ctx.claims[claim];
    let doc = &ctx.docs[c.doc_index as usize];
    let mut ev = Evidence {
        doc: c.doc.to_string(),
        source: doc.source.clone(),
        published: doc.published,
        span: c.sentence,
        line: 0,
        column: 0,
        quote: String::new(),
        value_span,
        value_text,
        headline: c.headline,
        hedged: c.hedged() || c.attribution.is_some(),
        claim: Some(claim),
    };
    if doc.released.is_none() {
        quote_evidence(&mut ev, c, doc);
    }
    ev
}

/// Fills the quote, line and column of a piece of evidence from its claim's document
/// (whose text must be present).
pub fn quote_evidence(ev: &mut Evidence, claim: &Claim, doc: &Document) {
    let lc = doc.line_col(claim.sentence.start);
    ev.line = lc.line;
    ev.column = lc.column;
    ev.quote = claim.quote(&doc.text).to_string();
}

fn finding(rule: &Rule, ctx: &Context, slot: &Slot, draft: Draft) -> Finding {
    let labels = ["a", "b", "c", "d", "e", "f", "g", "h"];
    let template = draft
        .message
        .clone()
        .unwrap_or_else(|| rule.message.clone());
    let side_claims: Vec<Vec<usize>> = draft
        .sides
        .iter()
        .map(|s| s.members.iter().map(|x| x.0).collect())
        .collect();
    let sides: Vec<Side> = draft
        .sides
        .into_iter()
        .enumerate()
        .map(|(i, s)| Side {
            side: labels
                .get(i)
                .map_or_else(|| format!("s{i}"), |s| s.to_string()),
            value: s.value,
            compared: Some(s.compared),
            claims: s
                .members
                .into_iter()
                .map(|(c, span, text)| evidence(ctx, c, span, text))
                .collect(),
        })
        .collect();
    let (confidence, notes) = confidence(ctx, slot, &sides, &side_claims);
    let mut severity = rule.severity;
    if confidence < 0.6 {
        severity = severity.lowered();
    }
    if confidence < 0.35 {
        severity = severity.lowered();
    }
    let message = render_message(&template, &slot.label, &sides);
    Finding {
        rule: rule.id.clone(),
        story: None,
        kind: rule.kind,
        severity,
        message,
        slot: slot.label.clone(),
        slot_key: serde_json::to_string(&slot.key).unwrap_or_default(),
        confidence,
        notes,
        sides,
    }
}

/// Confidence in [0, 1] and why it was lowered.
fn confidence(
    ctx: &Context,
    slot: &Slot,
    sides: &[Side],
    side_claims: &[Vec<usize>],
) -> (f64, Vec<String>) {
    let mut c: f64 = 1.0;
    let mut notes = Vec::new();
    for (side, members) in sides.iter().zip(side_claims) {
        if members.iter().all(|&i| ctx.claims[i].hedged()) {
            c *= 0.7;
            notes.push(format!(
                "side {} is only hedged (reportedly, allegedly ...)",
                side.side
            ));
        } else if members.iter().all(|&i| ctx.claims[i].attribution.is_some()) {
            c *= 0.9;
            notes.push(format!("side {} is only attributed to a source", side.side));
        }
        if side.claims.iter().all(|e| e.headline) {
            c *= 0.8;
            notes.push(format!("side {} stands only in a headline", side.side));
        }
    }
    // One article gives values on two sides: it reports a dispute (an accusation and a
    // denial, two officials' figures) rather than contradicting another article.
    let docs_of = |members: &Vec<usize>| -> std::collections::BTreeSet<usize> {
        members
            .iter()
            .map(|&i| ctx.claims[i].doc_index as usize)
            .collect()
    };
    let side_docs: Vec<_> = side_claims.iter().map(docs_of).collect();
    let reported = side_docs
        .iter()
        .enumerate()
        .any(|(i, a)| side_docs[i + 1..].iter().any(|b| !a.is_disjoint(b)));
    if reported {
        c *= 0.4;
        notes.push("one article gives values on both sides (a dispute it reports)".into());
    }
    let inferred = slot
        .claims
        .iter()
        .filter(|&&i| ctx.claims[i].actor_inferred || ctx.claims[i].place_inferred)
        .count();
    if inferred > 0 {
        c *= 0.85;
        notes.push("an actor or place was resolved from earlier sentences".into());
    }
    if slot.unknown_time {
        c *= 0.9;
        notes.push("some claims give no time".into());
    }
    ((c * 100.0).round() / 100.0, notes)
}

fn sources(side: &Side) -> String {
    let mut names: Vec<&str> = side.claims.iter().map(|e| e.source.as_str()).collect();
    names.dedup();
    let mut unique = Vec::new();
    for n in names {
        if !unique.contains(&n) {
            unique.push(n);
        }
    }
    unique.join(", ")
}

/// Fills a message template.
pub fn render_message(template: &str, slot: &str, sides: &[Side]) -> String {
    let said: Vec<String> = sides
        .iter()
        .map(|s| {
            let src = sources(s);
            let verb = if src.contains(", ") { "say" } else { "says" };
            format!("{src} {verb} {}", s.value)
        })
        .collect();
    let mut out = template
        .replace("{slot}", slot)
        .replace("{sides}", &said.join("; "));
    for (i, s) in sides.iter().enumerate().take(2) {
        let p = if i == 0 { "a" } else { "b" };
        out = out
            .replace(&format!("{{{p}.value}}"), &s.value)
            .replace(&format!("{{{p}.sources}}"), &sources(s));
    }
    out
}

/// The lowest severity that the findings reach, for exit codes.
pub fn worst(findings: &[Finding]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, Format};

    /// `n` copies of one claim of our own, each in a document of its own.
    fn claims(n: usize) -> (Vec<Claim>, Vec<Document>) {
        let text = "The storm killed 12 people.";
        let doc = Document::plain("t", "t.txt".into(), Format::Text, text.to_string());
        let knowledge = crate::extract::lexicon::for_tests();
        let sentences = knowledge.abbreviations().segment(text);
        let one = crate::extract::claim::extract_document(&doc, 0, &sentences, knowledge)
            .into_iter()
            .next()
            .expect("a claim");
        let claims = (0..n)
            .map(|i| {
                let mut c = one.clone();
                c.doc_index = i as u32;
                c
            })
            .collect();
        (claims, vec![doc; n])
    }

    fn reading(claim: usize, value: f64) -> Reading<f64> {
        Reading {
            claim,
            value,
            display: value.to_string(),
            span: Span::default(),
            compared: Compared::Actor {
                name: value.to_string(),
                relation: None,
            },
        }
    }

    #[test]
    fn a_value_that_agrees_with_both_sides_is_on_neither() {
        let (claims, docs) = claims(3);
        let ctx = Context {
            claims: &claims,
            docs: &docs,
            knowledge: crate::extract::lexicon::for_tests(),
        };
        // 7 is within 2 of 6 and of 9; 6 and 9 are not.
        let close = |a: &Reading<f64>, b: &Reading<f64>| (a.value - b.value).abs() <= 2.0;
        let groups = conflicting_groups(
            &ctx,
            vec![reading(0, 9.0), reading(1, 7.0), reading(2, 6.0)],
            close,
        );
        let values: Vec<Vec<f64>> = groups
            .iter()
            .map(|g| g.members.iter().map(|m| m.value).collect())
            .collect();
        assert_eq!(values.len(), 2, "{values:?}");
        assert!(values.iter().all(|g| !g.contains(&7.0)), "{values:?}");
    }
}
