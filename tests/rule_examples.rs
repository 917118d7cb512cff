//! Every example in a built-in rule's documentation runs: each `"A" vs "B"` pair of its
//! `fires` text, made a corpus of two documents by two sources published the same day,
//! gives a finding of that rule; each pair of its `quiet` text gives none.

mod common;

use claimcheck::check::{self, Rule};
use claimcheck::pipeline;
use std::path::Path;

/// The `"A" vs "B"` pairs of an example text: pairs are separated by `;`, and words
/// outside quotes ("(two events)") are comments.
fn pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut quoted: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for c in text.chars() {
        match (&mut current, c) {
            (None, '"') => current = Some(String::new()),
            (Some(q), '"') => {
                quoted.push(std::mem::take(q));
                current = None;
            }
            (Some(q), c) => q.push(c),
            (None, ';') => {
                if let [a, b] = &quoted[..] {
                    out.push((a.clone(), b.clone()));
                }
                quoted.clear();
            }
            (None, _) => {}
        }
    }
    if let [a, b] = &quoted[..] {
        out.push((a.clone(), b.clone()));
    }
    out
}

/// An example's words as a sentence: a capital first letter and a full stop.
fn sentence(words: &str) -> String {
    let mut chars = words.trim().chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    let mut s = format!("{first}{}", chars.as_str());
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

/// The kinds of the findings of `rule` on a corpus of the two sentences.
fn findings(rule: &Rule, rules: &[Rule], a: &str, b: &str) -> usize {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).expect("write");
    };
    write("a.txt", &format!("{}\n", sentence(a)));
    write("b.txt", &format!("{}\n", sentence(b)));
    write(
        "corpus.toml",
        "[[document]]\npath = \"a.txt\"\nsource = \"First Wire\"\npublished = \"2026-03-10\"\n\n\
         [[document]]\npath = \"b.txt\"\nsource = \"Second Post\"\npublished = \"2026-03-10\"\n",
    );
    let analysis = pipeline::analyse(&[dir.path().to_path_buf()], common::knowledge());
    assert!(
        analysis.corpus.diagnostics.is_empty(),
        "{:?}",
        analysis.corpus.diagnostics
    );
    let (_, findings) = pipeline::check(&analysis, rules, common::knowledge());
    findings.iter().filter(|f| f.rule == rule.id).count()
}

#[test]
fn every_documented_example_fires_or_stays_quiet() {
    let rules = check::load(&[]).expect("built-in rules");
    let mut failures = Vec::new();
    for rule in rules
        .iter()
        .filter(|r| r.path.starts_with(Path::new("rules/checks")))
    {
        let fires = pairs(&rule.docs.fires);
        let quiet = pairs(&rule.docs.quiet);
        assert!(!fires.is_empty(), "{}: no \"A\" vs \"B\" in fires", rule.id);
        assert!(!quiet.is_empty(), "{}: no \"A\" vs \"B\" in quiet", rule.id);
        for (a, b) in &fires {
            if findings(rule, &rules, a, b) == 0 {
                failures.push(format!(
                    "{}: fires example gives no finding: {a:?} vs {b:?}",
                    rule.id
                ));
            }
        }
        for (a, b) in &quiet {
            if findings(rule, &rules, a, b) > 0 {
                failures.push(format!(
                    "{}: quiet example gives a finding: {a:?} vs {b:?}",
                    rule.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn example_texts_split_into_pairs() {
    assert_eq!(
        pairs("\"a b\" vs \"c\"; \"d\" vs \"e\" (why)"),
        vec![("a b".into(), "c".into()), ("d".into(), "e".into())]
    );
    assert_eq!(sentence("about 5 troops"), "About 5 troops.");
}
