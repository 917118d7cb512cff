//! The entity, action and cue lexicons on fixture sentences: snapshots of every match and
//! targeted checks of the rules they follow.

mod common;

use claimcheck::extract::lexicon::{CueKind, Lexicon, VerbForm};
use claimcheck::extract::{EntityForm, Scope};
use std::fmt::Write as _;

fn fixture_sentences() -> Vec<String> {
    let text = std::fs::read_to_string(common::repo_path("tests/fixtures/lexicon/sentences.txt"))
        .expect("fixture readable");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Every match in `s`, one per line.
fn describe(lex: &Lexicon, s: &str) -> String {
    let mut out = format!("{s}\n");
    let text = |r: &std::ops::Range<usize>| s.get(r.clone()).unwrap_or("<bad range>").to_string();
    for m in lex.entities(s) {
        let _ = write!(
            out,
            "  entity {:?} = {} ({:?}, {:?})",
            text(&m.range),
            m.entity.name,
            m.entity.kind,
            m.form
        );
        if let Some(p) = &m.person {
            let _ = write!(out, " person={p}");
        }
        if let Some(r) = &m.role {
            let _ = write!(out, " role={r}");
        }
        if m.ambiguous {
            out.push_str(" ambiguous");
        }
        out.push('\n');
    }
    for m in lex.actions(s) {
        let _ = write!(
            out,
            "  action {:?} = {} ({:?}, {:?})",
            text(&m.range),
            m.action.name,
            m.action.class,
            m.form
        );
        if let Some(scope) = m.action.scope {
            let _ = write!(out, " scope={scope:?}");
        }
        if m.nominal {
            out.push_str(" nominal");
        }
        if !m.alternatives.is_empty() {
            let alts: Vec<&str> = m.alternatives.iter().map(|a| &*a.name).collect();
            let _ = write!(out, " or {}", alts.join(", "));
        }
        out.push('\n');
    }
    for m in lex.cues(s) {
        let _ = writeln!(
            out,
            "  cue {:?} = {:?} {}",
            text(&m.range),
            m.kind,
            m.canonical
        );
    }
    out
}

#[test]
fn fixture_matches_snapshot() {
    let lex = common::knowledge();
    let all: String = fixture_sentences()
        .iter()
        .map(|s| describe(lex, s))
        .collect::<Vec<_>>()
        .join("\n");
    common::snapshot_settings().bind(|| insta::assert_snapshot!("lexicon_fixture_matches", all));
}

fn entity_names(lex: &Lexicon, s: &str) -> Vec<String> {
    lex.entities(s)
        .into_iter()
        .map(|m| m.entity.name.to_string())
        .collect()
}

#[test]
fn names_are_case_sensitive_and_whole_words() {
    let lex = common::knowledge();
    assert_eq!(
        entity_names(lex, "They told us about the US."),
        ["United States"]
    );
    assert!(entity_names(lex, "a turkey, a chad and a china cup").is_empty());
    assert!(entity_names(lex, "Francesca and Malibu and Parisians").is_empty());
    assert_eq!(
        entity_names(lex, "Nigerians and Nigeriens"),
        ["Nigeria", "Niger"]
    );
    assert_eq!(
        entity_names(lex, "Guinea-Bissau, Guinea"),
        ["Guinea-Bissau", "Guinea"]
    );
}

#[test]
fn possessives_and_typographic_apostrophes_work() {
    let lex = common::knowledge();
    for s in [
        "France's army",
        "France’s army",
        "Côte d’Ivoire",
        "Cote d'Ivoire",
    ] {
        assert_eq!(lex.entities(s).len(), 1, "{s}");
    }
    let m = lex.entities("France’s foreign ministry said");
    assert_eq!(
        m.first().map(|m| (m.form, m.range.clone())),
        Some((EntityForm::Government, 0..27))
    );
    let cues = lex.cues("It didn’t and won't happen");
    assert_eq!(
        cues.iter().filter(|c| c.kind == CueKind::Negation).count(),
        2
    );
}

#[test]
fn leaders_capitals_and_governments_have_their_form() {
    let lex = common::knowledge();
    let forms = |s: &str| {
        lex.entities(s)
            .into_iter()
            .map(|m| (m.entity.name.to_string(), m.form))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        forms("Macron said"),
        [("France".to_string(), EntityForm::Leader)]
    );
    assert_eq!(
        forms("Moscow said"),
        [("Russia".to_string(), EntityForm::Capital)]
    );
    assert_eq!(
        forms("the Malian junta said"),
        [("Mali".to_string(), EntityForm::Government)]
    );
    assert_eq!(
        forms("the government of Mali said"),
        [("Mali".to_string(), EntityForm::Government)]
    );
    assert_eq!(
        forms("French forces left"),
        [("France".to_string(), EntityForm::Demonym)]
    );
    assert_eq!(
        forms("Downing Street said"),
        [("United Kingdom".to_string(), EntityForm::Government)]
    );
    // A country name before "ambassador" may be the host country: no leader folding.
    assert_eq!(
        forms("its Mali ambassador"),
        [("Mali".to_string(), EntityForm::Name)]
    );
    assert_eq!(
        forms("Mali's ambassador"),
        [("Mali".to_string(), EntityForm::Leader)]
    );
    assert_eq!(
        forms("the Mali embassy"),
        [("Mali".to_string(), EntityForm::Name)]
    );
    assert_eq!(
        forms("the Malian embassy"),
        [("Mali".to_string(), EntityForm::Government)]
    );
    assert_eq!(
        forms("the Mali government"),
        [("Mali".to_string(), EntityForm::Government)]
    );
    assert_eq!(
        forms("the NATO Secretary General"),
        [("NATO".to_string(), EntityForm::Leader)]
    );
}

#[test]
fn headlines_in_title_case_match_verbs_and_cues() {
    let lex = common::knowledge();
    let actions = lex.actions("France Recalls Ambassador, Will Withdraw Troops");
    let names: Vec<&str> = actions.iter().map(|a| &*a.action.name).collect();
    assert_eq!(names, ["recall", "withdraw"]);
    assert!(lex
        .cues("France Will Withdraw")
        .iter()
        .any(|c| &*c.canonical == "will"));
}

#[test]
fn verb_forms_and_nominalizations_are_told_apart() {
    let lex = common::knowledge();
    let first = |s: &str| lex.actions(s).into_iter().next().expect("an action");
    assert_eq!(first("France withdrew").form, VerbForm::Past);
    assert_eq!(first("troops were withdrawn").form, VerbForm::Participle);
    assert_eq!(first("France recalled").form, VerbForm::PastOrParticiple);
    assert_eq!(first("France is recalling").form, VerbForm::Gerund);
    let recall = first("the recall of the ambassador");
    assert!(recall.nominal);
    assert_eq!(recall.form, VerbForm::Noun);
    assert!(!first("France will recall its ambassador").nominal);
    assert!(first("in the fight against terror").nominal);
    assert!(lex.actions("the ruling junta").is_empty());
    assert!(lex.actions("they declined to comment").is_empty());
    // A verb of deciding or intending before "to" is a cue, not the action.
    let names: Vec<String> = lex
        .actions("France decided to withdraw and threatened to expel envoys")
        .into_iter()
        .map(|a| a.action.name.to_string())
        .collect();
    assert_eq!(names, ["withdraw", "expel"]);
}

#[test]
fn scope_comes_from_the_surface_or_a_modifier() {
    let lex = common::knowledge();
    let scope = |s: &str| {
        lex.actions(s)
            .into_iter()
            .next()
            .and_then(|a| a.action.scope)
    };
    assert_eq!(scope("a partial withdrawal"), Some(Scope::Partial));
    assert_eq!(scope("a complete withdrawal"), Some(Scope::Full));
    assert_eq!(scope("troops were fully withdrawn"), Some(Scope::Full));
    assert_eq!(scope("the drawdown"), Some(Scope::Partial));
    assert_eq!(scope("they scaled back"), Some(Scope::Partial));
    assert_eq!(scope("they severed ties"), Some(Scope::Full));
    assert_eq!(scope("they withdrew"), None);
    assert_eq!(scope("a complete military withdrawal"), Some(Scope::Full));
    assert_eq!(scope("a partial diplomatic drawdown"), Some(Scope::Partial));
    // Quantifiers belong to objects, not actions: no scope from "part of" here.
    assert_eq!(scope("part of the operation was suspended"), None);
}

#[test]
fn the_month_may_is_not_a_modal() {
    let lex = common::knowledge();
    let cues = lex.cues("In May they may leave.");
    assert_eq!(cues.len(), 1);
    assert_eq!(cues.first().map(|c| c.range.clone()), Some(12..15));
}

#[test]
fn extra_dir_extends_the_builtins_and_skips_other_loaders_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lexicon_dir = dir.path().join("lexicon");
    std::fs::create_dir(&lexicon_dir).expect("mkdir");
    std::fs::write(
        lexicon_dir.join("units.toml"),
        "[[unit]]\nunit = \"troops\"\nforms = [\"troops\"]\n",
    )
    .expect("write");
    std::fs::write(
        lexicon_dir.join("mine.toml"),
        "[armed_group]\n\"Example Front\" = { aliases = [\"EXF\"] }\n[hedge]\n\"purportedly\" = [\"so it is said\"]\n",
    )
    .expect("write");
    let lex = Lexicon::with_extra_dir(dir.path()).expect("loads");
    assert_eq!(
        entity_names(&lex, "EXF and France"),
        ["Example Front", "France"]
    );
    assert_eq!(
        lex.cues("so it is said").first().map(|c| c.kind),
        Some(CueKind::Hedge)
    );

    std::fs::write(
        lexicon_dir.join("zbad.toml"),
        "[country]\nAtlantis = { aliases = [\"X\" }\n",
    )
    .expect("write");
    let err = Lexicon::with_extra_dir(dir.path()).expect_err("malformed file");
    let msg = err.to_string();
    assert!(msg.contains("zbad.toml:2:"), "{msg}");
}

#[test]
fn a_missing_extra_dir_gives_the_builtins() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lex = Lexicon::with_extra_dir(dir.path()).expect("loads");
    assert_eq!(entity_names(&lex, "Mali"), ["Mali"]);
}

#[test]
fn regions_are_places_of_kind_other() {
    use claimcheck::extract::EntityKind;
    let lex = common::knowledge();
    let found: Vec<(String, EntityKind)> = lex
        .entities("European and African leaders met in the Sahel, by Lake Chad, not in the African Union.")
        .into_iter()
        .map(|m| (m.entity.name.to_string(), m.entity.kind))
        .collect();
    assert_eq!(
        found,
        [
            ("Europe".to_string(), EntityKind::Other),
            ("Africa".to_string(), EntityKind::Other),
            ("Sahel".to_string(), EntityKind::Other),
            ("Lake Chad".to_string(), EntityKind::Other),
            ("African Union".to_string(), EntityKind::Organisation),
        ]
    );
}

#[test]
fn names_in_capitals_match_but_acronym_lookalikes_do_not() {
    let lex = common::knowledge();
    assert_eq!(entity_names(lex, "PARIS – The talks ended."), ["France"]);
    assert_eq!(
        entity_names(lex, "FRANCE RECALLS ENVOY FROM BURKINA FASO"),
        ["France", "Burkina Faso"]
    );
    // "US" in capitals is a country, but capitals do not turn other words into names.
    assert_eq!(entity_names(lex, "TELL US MORE"), ["United States"]);
    assert!(entity_names(lex, "NEW MEXICO").is_empty());
}
