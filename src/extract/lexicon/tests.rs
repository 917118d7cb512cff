//! Unit tests of the lexicon internals: every data file loads, checks and resolves.

use super::data::{builtin_sources, code_is_well_formed, LexiconFile, Merged, Source};
use super::inflect::{noun_forms, verb_forms};
use super::*;
use crate::extract::model::EntityKind;
use std::collections::HashMap;

fn merged() -> Merged {
    Merged::from_sources(&builtin_sources()).expect("built-in lexicon loads")
}

/// `text` is matched as one entity covering all of it, named `name`.
fn resolves_to(lex: &Lexicon, text: &str, name: &str) -> bool {
    let found = lex.entities(text);
    found.len() == 1
        && found
            .first()
            .is_some_and(|m| m.range == (0..text.len()) && &*m.entity.name == name)
}

#[test]
fn no_canonical_name_is_defined_twice_across_files() {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut dups = Vec::new();
    for source in builtin_sources() {
        let file: LexiconFile = toml::from_str(&source.text).expect("parses");
        let names = file
            .country
            .keys()
            .chain(file.organisation.keys())
            .chain(file.armed_group.keys())
            .cloned()
            .chain(file.action.iter().map(|a| format!("action {}", a.name)))
            .chain(file.person.keys().map(|p| format!("person {p}")));
        for name in names {
            if let Some(other) = seen.insert(name.clone(), source.path.clone()) {
                dups.push(format!("{name} in {other} and {}", source.path));
            }
        }
    }
    assert!(dups.is_empty(), "duplicates: {dups:?}");
}

#[test]
fn there_is_every_sovereign_country() {
    let merged = merged();
    let countries = merged
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .count();
    // 193 UN members, 2 observers, and territories.
    assert!(countries >= 195, "only {countries} countries");
}

#[test]
fn every_entity_surface_resolves_to_its_entity() {
    let lex = super::for_tests();
    let merged = merged();
    let mut failures = Vec::new();
    for def in &merged.entities {
        let surfaces = std::iter::once(&def.name)
            .chain(&def.aliases)
            .chain(&def.ambiguous_aliases)
            .chain(&def.demonyms)
            .chain(&def.capitals)
            .chain(&def.ambiguous_capitals);
        for surface in surfaces {
            if !resolves_to(lex, surface, &def.name) {
                failures.push(format!(
                    "{surface:?} -> {:?} (expected {})",
                    lex.entities(surface),
                    def.name
                ));
            }
        }
    }
    for (surface, entity) in &merged.institutions {
        if !resolves_to(lex, surface, entity) {
            failures.push(format!(
                "institution {surface:?} -> {:?}",
                lex.entities(surface)
            ));
        }
    }
    for person in &merged.people {
        for surface in std::iter::once(&person.name)
            .chain(&person.aliases)
            .chain(&person.surname)
        {
            let found = lex.entities(surface);
            let ok = resolves_to(lex, surface, &person.entity)
                && found.first().is_some_and(|m| {
                    m.form == EntityForm::Leader && m.person.as_ref() == Some(&person.name)
                });
            if !ok {
                failures.push(format!("person {surface:?} -> {found:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_action_surface_resolves_to_its_action() {
    let lex = super::for_tests();
    let merged = merged();
    let mut failures = Vec::new();
    for entry in &merged.actions {
        let verbs = entry
            .verbs
            .iter()
            .chain(&entry.partial_verbs)
            .chain(&entry.full_verbs);
        let mut surfaces: Vec<String> = verbs
            .flat_map(|v| verb_forms(v, &merged.irregular))
            .map(|(f, _)| f)
            .collect();
        let nouns = entry
            .nouns
            .iter()
            .chain(&entry.partial_nouns)
            .chain(&entry.full_nouns);
        surfaces.extend(nouns.flat_map(|n| noun_forms(n)));
        for surface in surfaces {
            let found = lex.actions(&surface);
            let ok = found.len() == 1
                && found.first().is_some_and(|m| {
                    m.range == (0..surface.len())
                        && (*m.action.name == *entry.name
                            || m.alternatives.iter().any(|a| *a.name == *entry.name))
                });
            if !ok {
                failures.push(format!(
                    "{surface:?} -> {:?} (expected {})",
                    found, entry.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_action_has_a_class_and_a_well_formed_code() {
    for entry in &merged().actions {
        if let Some(code) = &entry.code {
            assert!(code_is_well_formed(code), "{}: {code}", entry.name);
        }
        assert!(
            !entry.verbs.is_empty() || !entry.nouns.is_empty(),
            "{} has no words",
            entry.name
        );
    }
    assert!(code_is_well_formed("CAMEO:1614"));
    assert!(code_is_well_formed("PLOVER:RETREAT"));
    assert!(!code_is_well_formed("CAMEO:16a"));
    assert!(!code_is_well_formed("cameo:161"));
    assert!(!code_is_well_formed("PLOVER:"));
}

#[test]
fn every_cue_surface_resolves_to_its_cue() {
    let lex = super::for_tests();
    let merged = merged();
    let mut failures = Vec::new();
    for (kind, canonical, forms) in &merged.cues.entries {
        for form in forms {
            // Clitics only match after a word.
            let text = if form.starts_with('\'') || form.starts_with("n'") {
                format!("do{form}")
            } else {
                form.clone()
            };
            let found = lex.cues(&text);
            let ok = found.len() == 1
                && found.first().is_some_and(|m| {
                    m.kind == *kind && *m.canonical == **canonical && m.range.end == text.len()
                });
            if !ok {
                failures.push(format!(
                    "{text:?} -> {found:?} (expected {kind:?} {canonical})"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn object_scopes_come_from_modifiers_and_the_object_table() {
    let lex = super::for_tests();
    assert_eq!(lex.object_scope("ambassador"), Some(Scope::Full));
    assert_eq!(lex.object_scope("its Ambassadors"), Some(Scope::Full));
    assert_eq!(lex.object_scope("some staff"), Some(Scope::Partial));
    assert_eq!(lex.object_scope("part of its troops"), Some(Scope::Partial));
    assert_eq!(
        lex.object_scope("non-essential  staff"),
        Some(Scope::Partial)
    );
    assert_eq!(lex.object_scope("all of its diplomats"), Some(Scope::Full));
    assert_eq!(lex.object_scope("the remaining troops"), Some(Scope::Full));
    assert_eq!(
        lex.object_scope("about half of its soldiers"),
        Some(Scope::Partial)
    );
    assert_eq!(lex.object_scope("all its soldiers"), Some(Scope::Full));
    assert_eq!(lex.object_scope("troops"), None);
    assert_eq!(lex.object_scope(""), None);
}

#[test]
fn a_malformed_file_is_a_syntax_error_with_its_position() {
    let bad = Source {
        path: "extra/lexicon/bad.toml".into(),
        text: "[country]\nAtlantis = { demonyms = [\"Atlantean\" }\n".into(),
    };
    let mut sources = builtin_sources();
    sources.push(bad);
    match Merged::from_sources(&sources) {
        Err(LexiconError::Syntax {
            path, line, column, ..
        }) => {
            assert_eq!(path, "extra/lexicon/bad.toml");
            assert_eq!(line, 2);
            assert!(column > 1, "column {column}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn unknown_fields_and_references_are_positioned_errors() {
    let cases = [
        ("[country]\nAtlantis = { demonym = [\"Atlantean\"] }\n", 2),
        ("[[action]]\nname = \"x\"\nclass = \"military\"\ncode = \"CAMEO:x1\"\nverbs = [\"x\"]\n", 4),
        ("[person]\n\"A B\" = { entity = \"Atlantis\", role = \"King\" }\n", 2),
        ("[[action]]\nname = \"y\"\nclass = \"naval\"\n", 3),
        ("[irregular]\ngo = [\"went\"]\n", 2),
    ];
    for (text, want_line) in cases {
        let mut sources = builtin_sources();
        sources.push(Source {
            path: "x.toml".into(),
            text: text.into(),
        });
        match Merged::from_sources(&sources) {
            Err(LexiconError::Syntax { line, .. }) => assert_eq!(line, want_line, "{text}"),
            other => panic!("{text}: expected a syntax error, got {other:?}"),
        }
    }
}

#[test]
fn extra_files_add_entries_and_aliases() {
    let mut sources = builtin_sources();
    sources.push(Source {
        path: "extra.toml".into(),
        text: "[country]\nFrance = { aliases = [\"Hexagone\"] }\n[armed_group]\n\"Example Brigade\" = { aliases = [\"XB\"] }\n[[action]]\nname = \"recall\"\nclass = \"diplomatic\"\nverbs = [\"bring home\"]\n".into(),
    });
    let compiled = Compiled::from_sources(&sources).expect("loads");
    let lex = Lexicon {
        compiled: Arc::new(compiled),
        tables: Arc::clone(&super::for_tests().tables),
    };
    assert!(resolves_to(&lex, "Hexagone", "France"));
    assert!(resolves_to(&lex, "France", "France"));
    assert!(resolves_to(&lex, "XB", "Example Brigade"));
    let found = lex.actions("brought home");
    assert_eq!(found.first().map(|m| &*m.action.name), Some("recall"));
}

#[test]
fn phrase_lists_find_the_longest_phrase_either_side_ignoring_case() {
    use super::matcher::PhraseList;
    let list = PhraseList::new(
        [
            "Minister",
            "Foreign Minister",
            "foreign",
            "government",
            "Government of",
            "É",
        ]
        .map(String::from)
        .to_vec(),
    );
    let text = "France's FOREIGN MINISTER met the government of Mali";
    assert_eq!(list.after(text, 8), Some(25));
    assert_eq!(list.after(text, 27), None, "no space before");
    assert_eq!(list.after(text, 29), None, "\"the\" is no phrase");
    assert_eq!(list.after(text, 33), Some(47));
    assert_eq!(list.before(text, 26), Some(9));
    assert_eq!(list.before(text, 25), None, "no space after");
    assert_eq!(list.after("x Ministers", 1), None, "whole words only");
    assert_eq!(list.after("x É", 1), Some(4));
    let with_empty = PhraseList::new(vec![String::new()]);
    assert_eq!(with_empty.after("a -", 1), Some(2));
    assert_eq!(with_empty.after("a b", 1), None);
}
