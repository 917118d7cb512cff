//! The SARIF contract code scanning relies on, through the binary on a copy of the example
//! corpus: paths relative to the `SRCROOT` base, `informationUri` and each rule's `helpUri`
//! (a section of docs/rules.md in the repository of Cargo.toml) with its help text, and
//! `partialFingerprints` that are the baseline's fingerprints and do not move with lines.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn claimcheck(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

/// The SARIF log of `articles/` in `dir`.
fn sarif(dir: &Path) -> serde_json::Value {
    claimcheck(
        dir,
        &[
            "check",
            "-q",
            "articles/",
            "--format",
            "sarif",
            "-o",
            "out.sarif",
            "--exit-zero",
        ],
    );
    json(&dir.join("out.sarif"))
}

fn fingerprints(run: &serde_json::Value) -> BTreeSet<String> {
    run["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .expect("a claimcheck/v1 fingerprint")
                .to_string()
        })
        .collect()
}

#[test]
fn sarif_paths_help_and_fingerprints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    for entry in std::fs::read_dir(common::repo_path("examples/mtwara-harbour")).expect("example") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), articles.join(entry.file_name())).expect("copy");
    }
    let log = sarif(dir.path());
    let run = &log["runs"][0];

    // The tool and its rules point at the repository named in Cargo.toml.
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert!(!repository.is_empty());
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["informationUri"], repository);
    let page = std::fs::read_to_string(common::repo_path("docs/rules.md")).expect("rules page");
    let rules = driver["rules"].as_array().expect("rules");
    assert!(rules.len() >= 6);
    for rule in rules {
        let id = rule["id"].as_str().expect("id");
        assert_eq!(
            rule["helpUri"],
            format!("{repository}/blob/main/docs/rules.md#{id}")
        );
        assert!(
            page.contains(&format!("\n## {id}\n")),
            "docs/rules.md: {id}"
        );
        let text = rule["help"]["text"].as_str().expect("help text");
        let summary = rule["shortDescription"]["text"].as_str().expect("summary");
        assert!(text.contains(summary.trim_end_matches('.')), "{id}: {text}");
        assert!(!rule["help"]["markdown"]
            .as_str()
            .expect("help markdown")
            .is_empty());
    }

    // Every location is a path relative to SRCROOT (the folder claimcheck ran in).
    assert!(run["originalUriBaseIds"]["SRCROOT"].is_object());
    let results = run["results"].as_array().expect("results");
    assert!(results.len() >= 3);
    for r in results {
        let locations = r["locations"]
            .as_array()
            .into_iter()
            .chain(r["relatedLocations"].as_array())
            .flatten();
        for l in locations {
            let artifact = &l["physicalLocation"]["artifactLocation"];
            assert_eq!(artifact["uriBaseId"], "SRCROOT");
            let uri = artifact["uri"].as_str().expect("uri");
            assert!(uri.starts_with("articles/"), "{uri}");
            assert!(dir.path().join(uri).is_file(), "{uri}");
        }
    }

    // The fingerprints are the baseline's.
    claimcheck(
        dir.path(),
        &["baseline", "-q", "articles/", "-o", "base.json"],
    );
    let baseline: BTreeSet<String> = json(&dir.path().join("base.json"))["findings"]
        .as_array()
        .expect("baseline findings")
        .iter()
        .map(|f| f["fingerprint"].as_str().expect("fingerprint").to_string())
        .collect();
    assert_eq!(fingerprints(run), baseline);

    // Lines added above the claims move the results, not their fingerprints.
    let line_of = |run: &serde_json::Value, file: &str| -> Vec<u64> {
        run["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| &r["locations"][0]["physicalLocation"])
            .filter(|p| p["artifactLocation"]["uri"] == file)
            .map(|p| p["region"]["startLine"].as_u64().expect("startLine"))
            .collect()
    };
    let file = "articles/001-coastline-post.txt";
    let before = line_of(run, file);
    assert!(!before.is_empty(), "a result in {file}");
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("\n\n\n{text}")).expect("write");
    let moved = sarif(dir.path());
    let after = line_of(&moved["runs"][0], file);
    assert_eq!(
        after,
        before.iter().map(|l| l + 3).collect::<Vec<_>>(),
        "results move with their lines"
    );
    assert_eq!(fingerprints(&moved["runs"][0]), baseline);
}
