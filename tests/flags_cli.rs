//! The flags a ruff or Vale user expects, through the binary: --select/--ignore,
//! --statistics, --exit-zero, --color and NO_COLOR, `-` for standard input, `init`, the
//! listing formats, `baseline -q`, `--version`, `--help` examples, config positions, a
//! reader that closes the pipe.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const EXAMPLE: &str = "examples/mtwara-harbour";

fn run_in(dir: &Path, args: &[&str], envs: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run claimcheck");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(input);
    child.wait_with_output().expect("claimcheck output")
}

fn run(args: &[&str]) -> Output {
    run_in(&common::repo_path(""), args, &[], None)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn findings(out: &Output) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON: {e}\n{}", stderr(out)));
    report["findings"].as_array().expect("findings").clone()
}

#[test]
fn select_and_ignore_take_rule_ids_and_kinds() {
    let all = findings(&run(&["check", EXAMPLE, "-f", "json"]));
    assert!(all.iter().any(|f| f["type"] != "quantity"), "{all:#?}");
    let quantity = findings(&run(&[
        "check", EXAMPLE, "-f", "json", "--select", "quantity",
    ]));
    assert!(!quantity.is_empty());
    assert!(quantity.iter().all(|f| f["type"] == "quantity"));
    let two = findings(&run(&[
        "check",
        EXAMPLE,
        "-f",
        "json",
        "--select",
        "quantity-mismatch,date",
    ]));
    assert!(two
        .iter()
        .all(|f| f["rule"] == "quantity-mismatch" || f["type"] == "date"));
    let ignored = findings(&run(&[
        "check",
        EXAMPLE,
        "-f",
        "json",
        "--ignore",
        "quantity-mismatch",
    ]));
    assert_eq!(ignored.len(), all.len() - quantity.len());
    let bad = run(&["check", EXAMPLE, "--ignore", "no-such-rule"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("`no-such-rule` is neither a rule id nor a rule kind"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let all = findings(&run(&["check", EXAMPLE, "-f", "json"]));
    let out = run(&["check", EXAMPLE, "--statistics"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let total: usize = text
        .lines()
        .find(|l| l.ends_with(" total"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a total line");
    assert_eq!(total, all.len());
    let quantities = all
        .iter()
        .filter(|f| f["rule"] == "quantity-mismatch")
        .count();
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == [
                    quantities.to_string().as_str(),
                    "quantity-mismatch",
                    "quantity"
                ]),
        "{text}"
    );
}

#[test]
fn exit_zero_passes_with_findings() {
    assert_eq!(run(&["check", "-q", EXAMPLE]).status.code(), Some(1));
    assert_eq!(
        run(&["check", "-q", EXAMPLE, "--exit-zero"]).status.code(),
        Some(0)
    );
    // An input error is still an error.
    assert_eq!(
        run(&["check", "-q", "no/such/path", "--exit-zero"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn color_is_chosen_by_flag_and_no_color() {
    let repo = common::repo_path("");
    let ansi = |out: &Output| stdout(out).contains('\u{1b}');
    assert!(ansi(&run(&["check", EXAMPLE, "--color", "always"])));
    assert!(!ansi(&run(&["check", EXAMPLE, "--color", "never"])));
    // Not a terminal: auto is plain.
    assert!(!ansi(&run(&["check", EXAMPLE])));
    // An explicit --color always wins over NO_COLOR; auto gives way to it.
    let with_no_color = |args: &[&str]| run_in(&repo, args, &[("NO_COLOR", "1")], None);
    assert!(ansi(&with_no_color(&["check", EXAMPLE, "--color=always"])));
    assert!(!ansi(&with_no_color(&["check", EXAMPLE, "--color=auto"])));
    assert!(!ansi(&run(&[
        "check", EXAMPLE, "--color", "always", "-f", "json"
    ])));
}

#[test]
fn a_dash_reads_one_article_from_standard_input() {
    let repo = common::repo_path("");
    let article = "Officials said that Tanzania sent 900 troops to the border region on Monday.\n";
    let out = run_in(
        &repo,
        &["check", "-f", "json", "-", EXAMPLE],
        &[],
        Some(article),
    );
    let all = findings(&out);
    let from_stdin: Vec<_> = all
        .iter()
        .filter(|f| {
            f["claims"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c["doc"] == "stdin"))
        })
        .collect();
    assert!(!from_stdin.is_empty(), "{all:#?}\n{}", stderr(&out));
    // It joins the only story of the run.
    assert!(from_stdin.iter().all(|f| f["story"] == "mtwara-harbour"));
    let sentences = run_in(&repo, &["sentences", "-"], &[], Some(article));
    assert!(
        stdout(&sentences).starts_with("stdin:1:1 [0..76] Officials said"),
        "{}",
        stdout(&sentences)
    );
}

#[test]
fn init_writes_a_commented_config_that_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run_in(dir.path(), &["init"], &[], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = dir.path().join("claimcheck.toml");
    let text = std::fs::read_to_string(&path).expect("claimcheck.toml written");
    assert!(text.lines().all(|l| l.is_empty() || l.starts_with('#')));
    assert!(text.contains("# [params.quantity-mismatch]"));
    assert!(text.contains("#   polarity-mismatch (polarity, "));
    // Every commented setting, uncommented, is a valid configuration.
    let uncommented: String = text
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| {
            l.starts_with('[') || l.split_once(" = ").is_some_and(|(k, _)| !k.contains(' '))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let config = claimcheck::config::Config::parse(&path, &uncommented).expect("parses");
    let mut rules = claimcheck::check::load(&[]).expect("rules");
    config.apply(&mut rules).expect("applies");
    // A second init refuses to replace it, unless forced.
    assert_eq!(
        run_in(dir.path(), &["init"], &[], None).status.code(),
        Some(2)
    );
    assert_eq!(
        run_in(dir.path(), &["init", "--force"], &[], None)
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn listing_commands_take_the_same_formats() {
    let doc = "examples/mtwara-harbour/001-coastline-post.txt";
    let text = stdout(&run(&["quantities", doc]));
    assert!(
        text.contains(":11:42: 3,000 troops = about 3,000 troops\n"),
        "{text}"
    );
    assert!(!text.contains("Some(") && !text.contains("None"), "{text}");
    for command in ["claims", "quantities", "sentences"] {
        let json: serde_json::Value =
            serde_json::from_slice(&run(&[command, doc, "-f", "json"]).stdout)
                .unwrap_or_else(|e| panic!("{command} -f json: {e}"));
        assert_eq!(json["version"], "1", "{command}");
        let key = command;
        let items = json[key].as_array().expect("a list").len();
        let lines = stdout(&run(&[command, doc, "-f", "jsonl"])).lines().count();
        assert_eq!(
            items, lines,
            "{command}: json and jsonl list the same items"
        );
        assert!(items > 0);
    }
}

#[test]
fn baseline_quiet_prints_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("base.json");
    let file = file.to_str().expect("utf-8 path");
    let out = run(&["baseline", "-q", EXAMPLE, "-o", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let loud = run(&["baseline", EXAMPLE, "-o", file]);
    assert!(stderr(&loud).starts_with("recorded "));
}

#[test]
fn version_and_help_examples() {
    let version = stdout(&run(&["--version"]));
    assert_eq!(
        version.trim(),
        format!("claimcheck {}", env!("CARGO_PKG_VERSION"))
    );
    let help = stdout(&run(&["--help"]));
    let paths: Vec<&str> = help
        .split_whitespace()
        .filter(|w| w.starts_with("examples/"))
        .collect();
    assert!(paths.len() >= 5, "{help}");
    for p in paths {
        assert!(
            common::repo_path(p).exists(),
            "--help names {p}, which does not exist"
        );
    }
}

#[test]
fn config_errors_name_the_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "fail_on = \"error\"\n\n[severity]\n\"quantity-mismatch\" = \"info\"\n  \"no-such-rule\" = \"info\"\n",
    )
    .expect("write config");
    std::fs::write(dir.path().join("a.txt"), "Some 30 people left.\n").expect("write");
    let out = run_in(dir.path(), &["check", "a.txt"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("claimcheck.toml:5:4: rule `no-such-rule`: no such rule"),
        "{}",
        stderr(&out)
    );
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "[params.quantity-mismatch]\ntolerance = 0.1\nspeed = 3\n",
    )
    .expect("write config");
    let out = run_in(dir.path(), &["check", "a.txt"], &[], None);
    assert!(
        stderr(&out).contains("claimcheck.toml:3:1: unknown parameter `speed`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rules_are_listed_in_aligned_columns() {
    let text = stdout(&run(&["rules"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 6);
    // Each column starts at the same place on every line.
    let starts = |l: &str| -> Vec<usize> {
        let mut out = Vec::new();
        let mut prev = ' ';
        for (i, c) in l.char_indices().take(50) {
            if c != ' ' && prev == ' ' && l[..i].ends_with("  ") {
                out.push(i);
            }
            prev = c;
        }
        out.into_iter().take(3).collect()
    };
    let first = starts(lines[0]);
    assert_eq!(first.len(), 3, "{text}");
    for l in &lines {
        assert_eq!(starts(l), first, "{text}");
    }
}

/// Every example of `--help` runs, in order, in a copy of `examples/` (the `claimcheck`
/// part of a pipeline; output redirections dropped, an input redirection kept): none is
/// a usage or input error.
#[test]
fn every_help_example_runs() {
    let help = stdout(&run(&["--help"]));
    let examples: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Examples:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    assert!(examples.len() >= 10, "{help}");
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &common::repo_path("examples/mtwara-harbour"),
        &dir.path().join("examples/mtwara-harbour"),
    );
    for line in examples {
        let command = line.split(" | ").next().unwrap_or(line);
        let (command, input) = match command.split_once(" < ") {
            Some((c, file)) => (c, Some(file.trim())),
            None => (command, None),
        };
        let command = command.split(" > ").next().unwrap_or(command);
        let args: Vec<&str> = command
            .strip_prefix("claimcheck ")
            .unwrap_or_else(|| panic!("an example runs claimcheck: {line}"))
            .split_whitespace()
            .collect();
        let stdin = input.map(|f| std::fs::read_to_string(dir.path().join(f)).expect("input file"));
        let out = run_in(dir.path(), &args, &[], stdin.as_deref());
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "`{line}` failed: {}",
            stderr(&out)
        );
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy");
        }
    }
}

/// `claimcheck ... | head -1`: a reader that closes the pipe before claimcheck writes ends
/// the output quietly; the exit status is the command's own (1: findings; 0 for a
/// listing), not an error.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    for (args, status) in [
        (&["check", EXAMPLE][..], 1),
        (&["check", EXAMPLE, "--format", "github"][..], 1),
        (&["quantities", EXAMPLE][..], 0),
        (&["rules"][..], 0),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .current_dir(common::repo_path(""))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run claimcheck");
        // The reader goes away before claimcheck has read the corpus.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("claimcheck output");
        assert!(
            !stderr(&out).contains("Broken pipe"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(
            out.status.code(),
            Some(status),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}
