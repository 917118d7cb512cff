//! A `claimcheck.toml` through the binary, on a copy of the example corpus: a disabled
//! rule's findings are gone, severities change, and `fail_on` sets the exit status; the
//! file is found from the working directory upward, or given with `--config`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run claimcheck")
}

/// (rule, severity) of every finding of a JSON report.
fn found(out: &Output) -> Vec<(String, String)> {
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("rule"), s("severity"))
        })
        .collect()
}

fn copy_example(into: &Path) {
    std::fs::create_dir(into).expect("corpus dir");
    for entry in std::fs::read_dir(common::repo_path("examples/mtwara-harbour")).expect("example") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, into.join(path.file_name().expect("name"))).expect("copy");
    }
}

#[test]
fn config_disables_rules_sets_severities_and_fail_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("project");
    let corpus = root.join("corpus");
    std::fs::create_dir(&root).expect("project dir");
    copy_example(&corpus);
    let args = ["check", ".", "--format", "json"];

    // No configuration: the example's findings, errors, exit 1.
    let before = found(&claimcheck(&corpus, &args));
    assert!(before.iter().any(|(r, _)| r == "quantity-mismatch"));
    assert!(before.iter().any(|(r, _)| r == "polarity-mismatch"));

    std::fs::write(
        root.join("claimcheck.toml"),
        "disabled = [\"quantity-mismatch\"]\nfail_on = \"error\"\n\n[severity]\n\"polarity-mismatch\" = \"warning\"\n\"action-scope-mismatch\" = \"warning\"\n\"date-mismatch\" = \"warning\"\n",
    )
    .expect("write config");
    // Found from the corpus folder upward.
    let out = claimcheck(&corpus, &args);
    let after = found(&out);
    assert!(
        after.iter().all(|(r, _)| r != "quantity-mismatch"),
        "disabled rule gone: {after:?}"
    );
    let rest: Vec<_> = before
        .iter()
        .filter(|(r, _)| r != "quantity-mismatch")
        .map(|(r, _)| (r.clone(), "warning".to_string()))
        .collect();
    assert_eq!(after, rest, "the other findings stay, as warnings");
    assert_eq!(
        out.status.code(),
        Some(0),
        "only warnings, fail_on error: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // --fail-on on the command line wins over the file.
    let out = claimcheck(
        &corpus,
        &["check", ".", "--format", "json", "--fail-on", "warning"],
    );
    assert_eq!(out.status.code(), Some(1));

    // The same file given with --config from a folder outside the project.
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("dir");
    let config = root.join("claimcheck.toml");
    let corpus_arg = corpus.to_string_lossy().to_string();
    let config_arg = config.to_string_lossy().to_string();
    let out = claimcheck(
        &elsewhere,
        &[
            "check",
            &corpus_arg,
            "--format",
            "json",
            "--config",
            &config_arg,
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(found(&out), rest);

    // An unknown key is a configuration error: exit 2, naming the file.
    std::fs::write(&config, "disabled = []\nfail_when = \"error\"\n").expect("write config");
    let out = claimcheck(&corpus, &args);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("claimcheck.toml:2:"), "{err}");
}
