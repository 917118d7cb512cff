//! Every rule kind on fixtures of our own: `<kind>-fires*` folders must give a finding of
//! that kind at warning or above, `<kind>-quiet-*` folders must give none; the text report
//! of each is snapshotted.

mod common;

use claimcheck::check::{self, Severity};
use claimcheck::pipeline;
use claimcheck::report::{self, ReportFormat, ReportInput};
use std::path::PathBuf;

fn fixture_dirs() -> Vec<PathBuf> {
    let root = PathBuf::from("tests/fixtures/check");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

const KINDS: [&str; 7] = [
    "action-scope",
    "location",
    "quantity",
    "duration",
    "polarity",
    "actor",
    "date",
];

#[test]
fn every_fixture_fires_or_stays_quiet_as_its_name_says() {
    let rules = check::load(&[]).unwrap();
    let lexicon = common::knowledge();
    let infos = pipeline::rule_infos(&rules);
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let kind = KINDS
            .iter()
            .find(|k| name.starts_with(&format!("{k}-")))
            .expect("fixture named after a kind");
        let analysis = pipeline::analyse(std::slice::from_ref(&dir), lexicon);
        assert!(
            analysis.corpus.diagnostics.is_empty(),
            "{name}: {:?}",
            analysis.corpus.diagnostics
        );
        let (graphs, findings) = pipeline::check(&analysis, &rules, common::knowledge());
        let agreeing = pipeline::agreeing_slots(&analysis, &graphs, &findings);
        let input = ReportInput {
            findings: &findings,
            documents: &analysis.corpus.documents,
            rules: &infos,
            agreeing_slots: &agreeing,
            color: false,
        };
        let text = report::render(ReportFormat::Text, &input);
        common::snapshot_settings().bind(|| insta::assert_snapshot!(format!("check_{name}"), text));
        let flagged: Vec<_> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        let of_kind = flagged.iter().filter(|f| f.kind.as_str() == *kind).count();
        if name.contains("-fires") && of_kind == 0 {
            failures.push(format!("{name}: expected a {kind} finding, got none"));
        }
        if name.contains("-quiet") && !flagged.is_empty() {
            let got: Vec<_> = flagged
                .iter()
                .map(|f| format!("{} ({})", f.rule, f.message))
                .collect();
            failures.push(format!("{name}: expected no finding, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
