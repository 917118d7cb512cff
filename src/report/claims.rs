//! Claims as text, JSON or JSON lines (the shape `../shared/eval/README.md` fixes).

use super::listing::{ListFormat, VERSION};
use super::visible::{json_safe, visible};
use crate::claimfile::DocRecord;
use crate::corpus::{Document, Span};
use crate::extract::{Claim, Entity, Mention, Polarity, TimeValue, Value};
use serde_json::{json, Map, Value as Json};
use std::io::{self, Write};

/// `claimcheck claims`: every claim, as text lines, one JSON object (`version` and
/// `claims`) or JSON lines (each with its `version`).
#[derive(Clone, Copy, Debug)]
pub struct Claims<'a> {
    pub documents: &'a [Document],
    /// The claims; each names its document by index in `documents`.
    pub claims: &'a [Claim],
    pub format: ListFormat,
}

impl super::Reporter for Claims<'_> {
    fn report(&self, out: &mut dyn Write) -> io::Result<()> {
        let doc = |c: &Claim| &self.documents[c.doc_index as usize];
        match self.format {
            ListFormat::Jsonl => {
                for c in self.claims {
                    let mut line = claim_json(c, doc(c));
                    if let Some(o) = line.as_object_mut() {
                        o.insert("version".into(), VERSION.into());
                        // What `check --claims` reads the claim back from.
                        o.insert("document".into(), DocRecord::of(doc(c)).to_value());
                        o.insert("record".into(), crate::claimfile::claim_value(c));
                    }
                    writeln!(out, "{}", json_safe(line.to_string()))?;
                }
            }
            ListFormat::Json => {
                let all: Vec<Json> = self.claims.iter().map(|c| claim_json(c, doc(c))).collect();
                let value = json!({"version": VERSION, "claims": all});
                let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
                writeln!(out, "{}", json_safe(text))?;
            }
            ListFormat::Text => {
                for c in self.claims {
                    writeln!(out, "{}", claim_text(c, doc(c)))?;
                }
            }
        }
        Ok(())
    }
}

fn entity(m: Option<&Mention<Entity>>) -> Json {
    match m {
        Some(m) => {
            json!({"name": m.value.name, "kind": m.value.kind, "text": m.text, "span": span(m.span)})
        }
        None => Json::Null,
    }
}

fn span(s: Span) -> Json {
    json!([s.start, s.end])
}

/// The JSON object of one claim.
pub fn claim_json(claim: &Claim, doc: &Document) -> Json {
    let mut o = Map::new();
    o.insert("doc".into(), json!(claim.doc));
    o.insert("source".into(), json!(doc.source));
    o.insert("story".into(), json!(doc.story));
    o.insert("span".into(), span(claim.span));
    let lc = doc.line_col(claim.span.start);
    o.insert("line".into(), json!(lc.line));
    o.insert("column".into(), json!(lc.column));
    o.insert("quote".into(), json!(claim.quote(&doc.text)));
    o.insert("headline".into(), json!(claim.headline));
    o.insert("actor".into(), entity(claim.actor.as_deref()));
    o.insert(
        "action".into(),
        match &claim.action {
            Some(a) => json!({"name": a.value.name, "class": a.value.class, "scope": a.value.scope,
                              "code": a.value.code, "text": a.text, "span": span(a.span)}),
            None => Json::Null,
        },
    );
    o.insert("target".into(), entity(claim.target.as_deref()));
    o.insert("initiator".into(), entity(claim.initiator.as_deref()));
    o.insert(
        "theme".into(),
        match &claim.theme {
            Some(t) => json!({"name": t.value, "text": t.text, "span": span(t.span)}),
            None => Json::Null,
        },
    );
    o.insert("domain".into(), json!(claim.domain));
    o.insert(
        "duration".into(),
        match &claim.duration {
            Some(t) => json!({"value": t.value, "text": t.text, "span": span(t.span)}),
            None => Json::Null,
        },
    );
    o.insert("place".into(), entity(claim.place.as_deref()));
    if let Some(about) = &claim.about {
        o.insert(
            "about".into(),
            serde_json::to_value(about).unwrap_or(Json::Null),
        );
    }
    o.insert(
        "quantity".into(),
        match &claim.quantity {
            Some(q) => {
                let value = match &q.value {
                    Value::Number(n) => json!(n),
                    Value::Range(r) => json!(r),
                    Value::Vague { .. } => Json::Null,
                };
                let mut qo = json!({"value": value, "unit": q.unit, "change": q.change, "approx": q.approx,
                                    "counted": q.counted, "text": q.text, "span": span(q.span)});
                if let Value::Vague { vague, range } = &q.value {
                    qo["vague"] = json!(vague);
                    qo["range"] = json!(range);
                }
                qo
            }
            None => Json::Null,
        },
    );
    o.insert(
        "time".into(),
        match &claim.time {
            Some(t) => {
                let mut to = serde_json::to_value(&t.value).unwrap_or(Json::Null);
                if let TimeValue::Point { date: Some(d), .. } = &t.value {
                    to["year"] = json!(d.year);
                }
                to["resolved"] = json!(t.resolved);
                to["event_year"] = json!(t.event_year);
                to["text"] = json!(t.text);
                to["span"] = span(t.span);
                if let Some(c) = &t.clock {
                    to["clock"] = json!({
                        "minutes": c.minutes.0,
                        "text": c.text,
                        "span": span(c.span),
                    });
                }
                to
            }
            None => Json::Null,
        },
    );
    o.insert(
        "polarity".into(),
        json!(match claim.polarity {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }),
    );
    o.insert("negation".into(), json!(claim.negation));
    o.insert("modality".into(), json!(claim.modality));
    o.insert("hedged".into(), json!(claim.hedged()));
    o.insert("hedges".into(), json!(claim.hedges));
    o.insert("attribution".into(), json!(claim.attribution));
    Json::Object(o)
}

/// One line of text per claim: `doc:line:col actor action target @place qty time`, its
/// control and bidirectional characters made [`visible`].
pub fn claim_text(claim: &Claim, doc: &Document) -> String {
    let lc = doc.line_col(claim.span.start);
    let mut parts = vec![format!("{}:{}:{}", claim.doc, lc.line, lc.column)];
    let name = |m: Option<&Mention<Entity>>| m.map(|m| m.value.name.clone());
    parts.push(format!(
        "actor={}",
        name(claim.actor.as_deref()).unwrap_or_else(|| "-".into())
    ));
    parts.push(format!(
        "action={}",
        claim
            .action
            .as_ref()
            .map(|a| a.value.name.clone())
            .unwrap_or_else(|| "-".into())
    ));
    if let Some(t) = name(claim.target.as_deref()) {
        parts.push(format!("target={t}"));
    }
    if let Some(p) = name(claim.place.as_deref()) {
        parts.push(format!("place={p}"));
    }
    if let Some(q) = &claim.quantity {
        parts.push(format!("quantity=\"{}\"", q.text));
    }
    if let Some(t) = &claim.time {
        parts.push(format!("time=\"{}\"", t.text));
    }
    if claim.polarity == Polarity::Negative {
        parts.push("negative".into());
    }
    if claim.hedged() {
        parts.push("hedged".into());
    }
    visible(&parts.join(" "))
}
