//! The JSON outputs against the JSON Schemas in `schemas/`: the JSON and JSON-lines
//! reports (of the example and of the two-story fixture) and the claims outputs, each
//! validated with Python's `jsonschema` (tests/requirements.txt).

mod common;

use std::path::Path;
use std::process::Command;

fn claimcheck(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(common::repo_path(""))
        .args(args)
        .output()
        .expect("run claimcheck");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Validates `file` against `schema`; false when python3 or jsonschema is missing (and
/// CI does not require them).
fn validate(schema: &str, file: &Path, lines: bool) -> bool {
    let mut cmd = Command::new("python3");
    cmd.arg(common::repo_path("tests/validate_schemas.py"))
        .arg(common::repo_path("schemas"))
        .arg(schema)
        .arg(file);
    if lines {
        cmd.arg("--lines");
    }
    match cmd.output() {
        Ok(o) if o.status.success() => true,
        Ok(o) if o.status.code() == Some(3) && !common::required() => {
            eprintln!("skipped: python3 has no jsonschema (pip install jsonschema)");
            false
        }
        Ok(o) => panic!(
            "{} does not validate against {schema}:\n{}",
            file.display(),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) if !common::required() => {
            eprintln!("skipped: no python3");
            false
        }
        Err(e) => panic!("python3 is needed to validate the schemas: {e}"),
    }
}

#[test]
fn every_json_output_validates_against_its_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[&str], bool, &str); 6] = [
        (
            "report.schema.json",
            &["check", "-q", "-f", "json", "examples/mtwara-harbour"],
            false,
            "example.json",
        ),
        (
            "report.schema.json",
            &["check", "-q", "-f", "json", "tests/fixtures/stories"],
            false,
            "stories.json",
        ),
        (
            "finding.schema.json",
            &["check", "-q", "-f", "jsonl", "examples/mtwara-harbour"],
            true,
            "example.jsonl",
        ),
        (
            "finding.schema.json",
            &["check", "-q", "-f", "jsonl", "tests/fixtures/stories"],
            true,
            "stories.jsonl",
        ),
        (
            "claims.schema.json",
            &["claims", "-q", "-f", "json", "examples/mtwara-harbour"],
            false,
            "claims.json",
        ),
        (
            "claim.schema.json",
            &["claims", "-q", "-f", "jsonl", "tests/fixtures/stories"],
            true,
            "claims.jsonl",
        ),
    ];
    for (schema, args, lines, name) in cases {
        let out = claimcheck(args);
        assert!(!out.is_empty(), "{args:?} printed nothing");
        let file = dir.path().join(name);
        std::fs::write(&file, out).expect("write output");
        if !validate(schema, &file, lines) {
            return;
        }
    }
}
