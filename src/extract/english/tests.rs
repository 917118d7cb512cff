//! Unit tests of the English layer, on words and sentences of their own.

use super::*;

fn en() -> &'static English {
    crate::extract::lexicon::for_tests().english()
}

#[test]
fn builtin_tables_parse_strictly() {
    let en = English::parse(
        data::LEMMAS,
        data::IRREGULAR,
        data::CONCEPTS,
        data::STOPWORDS,
    )
    .expect("every line of every table parses");
    assert!(en.concept_count() > 50_000);
    assert!(en.index.len() > 80_000);
}

#[test]
fn malformed_lines_are_errors() {
    let bad_lemma = English::parse("kill\tq:1:0\n", "", "n\t00000001\tthing\t\n", "");
    assert_eq!(bad_lemma.unwrap_err().file, "lemmas.tsv");
    let out_of_range = English::parse("kill\tv:1:7\n", "", "n\t00000001\tthing\t\n", "");
    assert!(out_of_range.is_err());
    let bad_concept = English::parse("", "", "n\tx\tthing\t\n", "");
    assert_eq!(bad_concept.unwrap_err().line, 1);
    let bad_irregular = English::parse("", "slew\tv\tslay\n", "", "");
    assert_eq!(bad_irregular.unwrap_err().file, "irregular.tsv");
    let bad_stop = English::parse("", "", "", "two words\n");
    assert_eq!(bad_stop.unwrap_err().file, "stopwords.txt");
    let fine = English::parse(
        "# comment\n\nslay\tv:1:0\n",
        "slew\tv\tslay\n",
        "v\t00000001\tslay\t\n",
        "of\n",
    )
    .unwrap();
    assert_eq!(fine.lemma("Slew"), "slay");
    assert!(fine.is_stop("Of"));
}

#[test]
fn lemmas_of_inflected_words() {
    let cases = [
        ("killed", "kill"),
        ("trapped", "trap"),
        ("waiting", "wait"),
        ("miners", "miner"),
        ("died", "die"),
        ("feet", "foot"),
        ("tugboats", "tugboat"),
        ("was", "be"),
        ("children", "child"),
        ("Rescuers", "rescuer"),
        ("boxes", "box"),
        ("buses", "bus"),
        ("hoping", "hope"),
        ("singing", "sing"),
        ("hoped", "hope"),
        ("needed", "need"),
        ("went", "go"),
        ("bigger", "big"),
        ("flooded", "flood"),
        ("wounded", "wound"),
        ("burning", "burn"),
        ("does", "do"),
        ("found", "find"),
        ("rose", "rise"),
        ("Explosions", "explosion"),
    ];
    for (word, lemma) in cases {
        assert_eq!(en().lemma(word), lemma, "lemma of {word}");
    }
    // WordNet lists "people" as a noun of its own.
    assert_eq!(en().lemma("people"), "people");
}

#[test]
fn lemmas_of_words_that_are_lemmas_or_unknown() {
    assert_eq!(
        en().lemma("evening"),
        "evening",
        "not a form of the verb 'even'"
    );
    assert_eq!(en().lemma("bed"), "bed");
    assert_eq!(en().lemma("news"), "news");
    // Irregular readings yield to a word that is a more frequent lemma itself.
    assert_eq!(en().lemma("ground"), "ground");
    assert_eq!(en().lemma("wedding"), "wedding");
    assert_eq!(en().lemma("Zorbflax"), "zorbflax");
    assert!(matches!(en().lemma("zorbflax"), Cow::Borrowed(_)));
    assert!(matches!(en().lemma("harbour"), Cow::Borrowed(_)));
    assert!(matches!(en().lemma("ferries"), Cow::Borrowed(_)));
}

#[test]
fn lemma_as_a_given_part_of_speech() {
    assert_eq!(
        en().lemma_as("waiting", Pos::Noun).as_deref(),
        Some("waiting")
    );
    assert_eq!(en().lemma_as("waiting", Pos::Verb).as_deref(), Some("wait"));
    assert_eq!(en().lemma_as("geese", Pos::Noun).as_deref(), Some("goose"));
    assert_eq!(en().lemma_as("quickly", Pos::Noun), None);
    assert_eq!(en().lemma_as("fastest", Pos::Adj).as_deref(), Some("fast"));
}

#[test]
fn parts_of_speech() {
    let kill = en().pos("kill");
    assert!(kill.is_noun() && kill.is_verb() && !kill.is_adv());
    assert!(en().pos("quickly").is_adv());
    assert!(en().pos("Harbour").is_noun());
    assert!(en().pos("qwxz").is_empty());
    assert_eq!(kill.iter().collect::<Vec<_>>(), vec![Pos::Noun, Pos::Verb]);
}

#[test]
fn concepts_are_sorted_and_unique() {
    let c = en().concepts("storm");
    assert!(!c.is_empty());
    assert!(c.windows(2).all(|w| w[0] < w[1]));
    assert!(en().concepts("qwxz").is_empty());
    let first = en().concepts_as("storm", Pos::Noun)[0];
    let info = en().concept(first).unwrap();
    assert_eq!(info.pos, Pos::Noun);
    assert_eq!(info.head, "storm");
}

#[test]
fn related_pairs() {
    let pairs = [
        ("blast", "explosion"),
        ("tug", "tugboat"),
        ("kill", "die"),
        ("explosion", "explode"),
        ("death", "die"),
        ("soldier", "troops"),
        ("fire", "blaze"),
        ("quickly", "quick"),
        ("rescuers", "rescuer"),
        ("store", "keep"),
        ("chat", "converse"),
    ];
    for (a, b) in pairs {
        assert!(en().related(a, b), "{a} / {b} should be related");
        assert!(en().related(b, a), "{b} / {a} should be related");
    }
}

#[test]
fn one_thing_in_other_words() {
    for (a, b) in [
        ("quake", "earthquake"),
        ("tug", "tugboat"),
        ("quakes", "earthquake"),
    ] {
        assert!(en().same_thing(a, b), "{a} / {b} name one thing");
        assert!(en().same_thing(b, a), "{b} / {a} name one thing");
    }
    // Only a rare sense in common (baseball's "bag"), verbs of broad senses, or a kind
    // and its kind (a blast is one kind of explosion): not one thing.
    for (a, b) in [("bag", "base"), ("save", "recover"), ("blast", "explosion")] {
        assert!(!en().same_thing(a, b), "{a} / {b} are not one thing");
    }
}

#[test]
fn a_noun_names_the_act_of_its_verb() {
    assert!(en().names_act_of("explosion", "explode"));
    assert!(en().names_act_of("explosion", "exploded"));
    assert!(en().names_act_of("collapse", "collapsed"));
    assert!(!en().names_act_of("explosion", "kill"));
    assert!(!en().names_act_of("canal", "dig"));
}

#[test]
fn unrelated_pairs() {
    let pairs = [
        ("injure", "kill"),
        ("dead", "injured"),
        ("ship", "storm"),
        ("rescue", "flood"),
        // Two kinds of one broad verb ("move") are no kinds of each other.
        ("sail", "wedge"),
        ("qwxz", "qwxz"),
    ];
    for (a, b) in pairs {
        assert!(!en().related(a, b), "{a} / {b} should not be related");
    }
}

#[test]
fn broader_terms() {
    let tugboat = en().concepts_as("tugboat", Pos::Noun)[0];
    let up1 = en().broader(tugboat, 1);
    assert_eq!(up1, en().hypernyms(tugboat));
    let up4: Vec<&str> = en()
        .broader(tugboat, 4)
        .iter()
        .map(|&c| en().concept(c).unwrap().head)
        .collect();
    assert!(up4.contains(&"boat"), "{up4:?}");
    assert!(up4.len() > up1.len());
    assert!(en().broader(tugboat, 0).is_empty());
    let verb = en().concepts_as("kill", Pos::Verb)[0];
    assert!(en().broader(verb, 3).is_empty());
}

#[test]
fn stop_words() {
    for w in [
        "the", "The", "of", "was", "they", "although", "into", "couldn't",
    ] {
        assert!(en().is_stop(w), "{w}");
    }
    for w in ["ferry", "harbour", "killed", "seven", "storm"] {
        assert!(!en().is_stop(w), "{w}");
    }
}

/// Timing, not correctness: `cargo test --release --lib english -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing() {
    let t = std::time::Instant::now();
    let en = English::parse(
        data::LEMMAS,
        data::IRREGULAR,
        data::CONCEPTS,
        data::STOPWORDS,
    )
    .unwrap();
    let parse = t.elapsed();
    let text = "Seven miners were trapped and two died after the blast; rescuers waiting at the \
                pit said the Explosion killed workers whose families gathered in the evening";
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let rounds = 200_000;
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for w in &words {
            n += en.lemma(std::hint::black_box(w)).len();
            n += en.is_stop(std::hint::black_box(w)) as usize;
        }
    }
    let per_word = t.elapsed().as_nanos() as f64 / (rounds * words.len()) as f64;
    println!("parse {parse:?}; lemma+is_stop {per_word:.0} ns/word ({n})");
}

#[test]
fn hyphenated_compounds_are_read_as_wordnet_writes_them() {
    let en = en();
    // Written solid in WordNet.
    assert_eq!(en.lemma("take-off"), "takeoff");
    // Written open, as a phrasal verb.
    assert_eq!(en.lemma("step-down"), "step-down");
    assert_eq!(en.lemma("break-through"), "breakthrough");
    assert_eq!(en.lemma("run-aground"), "run_aground");
    // Unknown compounds stay as they are.
    assert_eq!(en.lemma("round-the-clock"), "round-the-clock");
}

#[test]
fn phrasal_verbs_are_lemmas_and_synonyms_of_their_one_word_verbs() {
    let en = en();
    assert!(en.pos("step_down").is_verb());
    assert!(en.synonyms("step_down", "resign"));
    assert!(en.synonyms("call_off", "cancel"));
    // Prepositions are not particles: "signed in 2019" is no phrasal verb.
    assert!(en.pos("sign_in").is_empty());
}

#[test]
fn events_are_verbs_and_nouns_of_acts_and_happenings() {
    let en = en();
    for word in [
        "search",
        "attack",
        "explosion",
        "rescue",
        "resign",
        "run_aground",
    ] {
        assert!(en.is_event(word), "{word}");
    }
    for word in ["jet", "canal", "port", "dawn", "ship", "glorptak"] {
        assert!(!en.is_event(word), "{word}");
    }
}
