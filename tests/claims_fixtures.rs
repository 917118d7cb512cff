//! The claims read from fixture sentences of our own, one file per construction (active
//! and passive voice, coordinated verbs, relative and appositive clauses, reported speech
//! and hedges, anaphora, headlines, nominalizations), snapshotted one line per keyed claim.

mod common;

use claimcheck::extract::{Claim, Entity, Mention};
use claimcheck::pipeline;
use std::path::PathBuf;

fn name(m: Option<&Mention<Entity>>) -> String {
    m.map_or_else(|| "-".to_string(), |m| m.value.name.to_string())
}

fn line(c: &Claim) -> String {
    let action = c.action.as_ref().map_or_else(
        || "-".to_string(),
        |a| match a.value.scope {
            Some(s) => format!("{}[{s:?}]", a.value.name),
            None => a.value.name.to_string(),
        },
    );
    let mut parts = vec![
        format!("actor={}", name(c.actor.as_deref())),
        format!("action={action}"),
        format!("target={}", name(c.target.as_deref())),
        format!("place={}", name(c.place.as_deref())),
    ];
    if let Some(q) = &c.quantity {
        parts.push(format!("quantity={:?} {:?} {:?}", q.text, q.unit, q.change));
    }
    if let Some(t) = &c.time {
        parts.push(format!("time={:?}", t.text));
    }
    if let Some(d) = &c.duration {
        parts.push(format!("duration={:?}", d.text));
    }
    if let Some(i) = &c.initiator {
        parts.push(format!("initiator={}", i.value.name));
    }
    if let Some(n) = &c.negation {
        parts.push(format!("negated-by={:?}", n.text));
    }
    if let Some(m) = &c.modality {
        parts.push(format!("modality={:?}", m.text));
    }
    if c.hedged() {
        parts.push("hedged".into());
    }
    if c.headline {
        parts.push("headline".into());
    }
    parts.join(" ")
}

fn claims_of(file: &str) -> Vec<String> {
    let path = PathBuf::from("tests/fixtures/claims").join(file);
    let analysis = pipeline::analyse(&[path], common::knowledge());
    assert!(
        analysis.corpus.diagnostics.is_empty(),
        "{:?}",
        analysis.corpus.diagnostics
    );
    // The value claims of the general pass (every quantity, date and statement, linked by
    // meaning) are left out: these fixtures are about the constructions of the keyed
    // claims.
    analysis
        .claims
        .iter()
        .filter(|c| c.about.is_none())
        .map(line)
        .collect()
}

fn snapshot(file: &str) -> Vec<String> {
    let lines = claims_of(file);
    let name = format!("claims_{}", file.trim_end_matches(".txt"));
    common::snapshot_settings().bind(|| insta::assert_snapshot!(name, lines.join("\n")));
    lines
}

fn has(lines: &[String], parts: &[&str]) -> bool {
    lines.iter().any(|l| parts.iter().all(|p| l.contains(p)))
}

#[test]
fn active_voice() {
    let l = snapshot("active.txt");
    assert!(
        has(
            &l,
            &[
                "actor=Argentina",
                "action=expel",
                "target=Chile",
                "quantity=\"three Chilean diplomats\""
            ]
        ),
        "{l:#?}"
    );
    assert!(
        has(
            &l,
            &["actor=Kenya", "action=recall[Full]", "place=Ethiopia"]
        ),
        "{l:#?}"
    );
}

#[test]
fn passive_voice() {
    let l = snapshot("passive.txt");
    assert!(
        has(
            &l,
            &["actor=Ethiopia", "action=arrest", "target=United Kingdom"]
        ),
        "{l:#?}"
    );
    assert!(has(&l, &["action=arrest", "place=Belarus"]), "{l:#?}");
}

#[test]
fn coordinated_verbs_share_their_subject() {
    let l = snapshot("coordinated.txt");
    assert!(has(&l, &["actor=Poland", "action=suspend"]), "{l:#?}");
    assert!(has(&l, &["actor=Poland", "action=close"]), "{l:#?}");
    assert!(
        has(&l, &["actor=Japan", "action=summon", "target=China"]),
        "{l:#?}"
    );
}

#[test]
fn relative_and_appositive_clauses() {
    let l = snapshot("relative.txt");
    assert!(
        has(
            &l,
            &[
                "actor=Nigeria",
                "action=deploy",
                "place=Niger",
                "quantity=\"1,200 soldiers\""
            ]
        ),
        "{l:#?}"
    );
    assert!(has(&l, &["action=release", "actor=Venezuela"]), "{l:#?}");
}

#[test]
fn reported_speech_hedges_and_negation() {
    let l = snapshot("reported.txt");
    assert!(
        has(
            &l,
            &["actor=Pakistan", "action=withdraw", "initiator=Pakistan"]
        ),
        "{l:#?}"
    );
    assert!(
        has(&l, &["actor=Ghana", "action=close", "negated-by=\"not\""]),
        "{l:#?}"
    );
    assert!(has(&l, &["hedged"]), "{l:#?}");
}

#[test]
fn anaphora_resolves_to_the_last_actor() {
    let l = snapshot("anaphora.txt");
    assert!(has(&l, &["actor=Germany", "action=evacuate"]), "{l:#?}");
    assert!(
        has(&l, &["actor=Brazil", "action=send", "place=Chile"]),
        "{l:#?}"
    );
}

#[test]
fn headlines_are_read_too() {
    let l = snapshot("headline.txt");
    assert!(
        has(&l, &["actor=Italy", "action=recall[Full]", "headline"]),
        "{l:#?}"
    );
    assert!(
        has(&l, &["actor=Italy", "action=recall[Full]", "place=Egypt"]),
        "{l:#?}"
    );
}

#[test]
fn nominalizations_take_their_owner_as_actor() {
    let l = snapshot("nominal.txt");
    assert!(
        has(&l, &["actor=France", "action=withdraw", "place=Niger"]),
        "{l:#?}"
    );
    assert!(has(&l, &["actor=Turkey", "action=expel"]), "{l:#?}");
    assert!(has(&l, &["action=withdraw[Partial]"]), "{l:#?}");
}
