//! Knowledge added in a `--rules` folder's `lexicon/` reaches every stage of a run: a
//! unit of length read and converted through linking and checking, an abbreviation in
//! segmentation, families, themes and initiative words in the loaded knowledge.

mod common;

use claimcheck::extract::Knowledge;
use std::path::Path;

/// A unit no shipped file knows, of length, with its factor to metres.
const FURLONGS: &str = "[[unit]]\nunit = \"furlongs\"\nforms = [\"furlong\", \"furlongs\"]\n\
                        measure = \"length\"\nfactor = 201.168\n";

/// Two articles of one story giving the length of a wall, one in furlongs.
fn wall_story(dir: &Path, kilometres: &str) {
    common::write_file(
        dir,
        "story/a.txt",
        b"The new border wall is 40 furlongs long, the ministry said on Monday.\n",
    );
    let other = format!(
        "The new border wall is {kilometres} kilometres long, the ministry said on Monday.\n"
    );
    common::write_file(dir, "story/b.txt", other.as_bytes());
}

#[test]
fn a_unit_added_in_rules_is_read_converted_and_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    wall_story(dir.path(), "20");
    common::write_file(dir.path(), "r/lexicon/units.toml", FURLONGS.as_bytes());

    // Without the unit, furlongs are things counted: no length to compare.
    let (status, stdout, _) = common::run_in(dir.path(), &["check", "story", "-q"]);
    assert_eq!(status, 0, "{stdout}");
    assert!(!stdout.contains("quantity-mismatch"), "{stdout}");

    // With it, 40 furlongs (8.05 km) are a length, and 20 km disagree.
    let (status, stdout, stderr) =
        common::run_in(dir.path(), &["check", "story", "-q", "--rules", "r"]);
    assert_eq!(status, 1, "{stdout}{stderr}");
    assert!(stdout.contains("quantity-mismatch"), "{stdout}");
    assert!(stdout.contains("40 furlongs"), "{stdout}");

    // 8 km is the same length once converted: no finding.
    wall_story(dir.path(), "8");
    let (status, stdout, stderr) =
        common::run_in(dir.path(), &["check", "story", "-q", "--rules", "r"]);
    assert_eq!(status, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("quantity-mismatch"), "{stdout}");
}

#[test]
fn an_abbreviation_added_in_rules_keeps_a_sentence_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::write_file(
        dir.path(),
        "a.txt",
        b"The mass was said by Msgr. Rossi in the cathedral.\n",
    );
    let (_, plain, _) = common::run_in(dir.path(), &["sentences", "a.txt"]);
    assert_eq!(plain.lines().count(), 2, "{plain}");
    common::write_file(
        dir.path(),
        "r/lexicon/abbreviations.txt",
        b"[title]\nMsgr.\n",
    );
    let (_, extended, _) = common::run_in(dir.path(), &["sentences", "a.txt", "--rules", "r"]);
    assert_eq!(extended.lines().count(), 1, "{extended}");
}

#[test]
fn families_themes_and_initiative_words_in_rules_extend_the_shipped_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files: [(&str, &[u8]); 3] = [
        (
            "lexicon/families.toml",
            b"[[family]]\nname = \"moor\"\nonce = true\nactions = [\"dock\", \"moor\"]\n",
        ),
        (
            "lexicon/themes.toml",
            b"[[theme]]\nname = \"tugboat\"\ndomain = \"maritime\"\nforms = [\"tugboat\", \"tugboats\"]\n",
        ),
        ("lexicon/initiative.toml", b"causative = [\"coaxed\"]\n"),
    ];
    for (rel, bytes) in files {
        common::write_file(dir.path(), rel, bytes);
    }
    let shipped = common::knowledge();
    let extended = Knowledge::with_extra_dir(dir.path()).expect("loads");
    assert_eq!(shipped.families().family("dock"), "dock");
    assert_eq!(extended.families().family("dock"), "moor");
    assert!(extended.families().is_once("moor"));
    assert_eq!(extended.families().family("recall"), "withdraw");
    assert!(shipped.themes().find("two tugboats").is_empty());
    assert_eq!(extended.themes().find("two tugboats").len(), 1);
    assert!(!shipped.initiative().is_causative("coaxed"));
    assert!(extended.initiative().is_causative("coaxed"));

    common::write_file(dir.path(), "lexicon/units.toml", b"[[unit]]\nunit = 3\n");
    let err = Knowledge::with_extra_dir(dir.path()).expect_err("malformed units");
    assert!(err.to_string().contains("units.toml"), "{err}");
}
