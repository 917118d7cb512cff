//! The claim cache through the binary: the same report with and without it, whatever
//! is in it (bit flips, truncation, entries of another key), only the changed document
//! and story redone, a cache folder that cannot be written, `--no-cache`, and the default
//! folder never inside the corpus.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Two stories (`a`, `b`), each the example corpus.
fn corpus(root: &Path) -> PathBuf {
    let news = root.join("news");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mtwara-harbour");
    for story in ["a", "b"] {
        let dir = news.join(story);
        fs::create_dir_all(&dir).unwrap();
        for e in fs::read_dir(&example).unwrap() {
            let e = e.unwrap();
            fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
    }
    news
}

/// Runs claimcheck in `cwd` with the environment's cache settings removed: (status,
/// stdout, stderr).
fn run(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CLAIMCHECK_NO_CACHE")
        .env_remove("CLAIMCHECK_CACHE_DIR")
        .output()
        .expect("run claimcheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The report of `check` over `news` with `extra` options.
fn check(cwd: &Path, news: &Path, extra: &[&str]) -> (i32, String, String) {
    let news = news.to_str().unwrap();
    let mut args = vec!["check", news, "--format", "json"];
    args.extend(extra);
    run(cwd, &args)
}

/// Asserts two runs gave the same status, report and messages (without printing whole
/// reports when they differ).
#[track_caller]
fn same(a: &(i32, String, String), b: &(i32, String, String), what: &str) {
    assert_eq!(a.0, b.0, "{what}: status");
    assert_eq!(a.2, b.2, "{what}: standard error");
    if a.1 != b.1 {
        let line = a.1.lines().zip(b.1.lines()).position(|(x, y)| x != y);
        panic!("{what}: the reports differ (first at line {line:?})");
    }
}

/// The files under `dir` (recursively), sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn entries(cache: &Path, kind: &str) -> Vec<PathBuf> {
    files(&cache.join("v1").join(kind))
}

#[test]
fn a_second_run_gives_the_same_report_and_redoes_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let news = corpus(dir.path());
    let cache = dir.path().join("cache");
    let cache_arg = cache.to_str().unwrap();
    let plain = check(dir.path(), &news, &["--no-cache"]);
    assert!(plain.1.contains("quantity-mismatch"), "{}", plain.2);
    let first = check(dir.path(), &news, &["--cache-dir", cache_arg]);
    same(&first, &plain, "first run");
    // Two stories of four documents each (the copies differ by their ids).
    assert_eq!(entries(&cache, "claims").len(), 8);
    assert_eq!(entries(&cache, "stories").len(), 2);
    let second = check(dir.path(), &news, &["--cache-dir", cache_arg]);
    same(&second, &plain, "second run");
    for jobs in ["1", "2"] {
        for format in ["text", "sarif", "markdown", "html", "github"] {
            let args = ["--format", format, "--jobs", jobs];
            let without = check(dir.path(), &news, &[&args[..], &["--no-cache"]].concat());
            let with = check(
                dir.path(),
                &news,
                &[&args[..], &["--cache-dir", cache_arg]].concat(),
            );
            same(&with, &without, &format!("--format {format} --jobs {jobs}"));
        }
    }

    // One article of story b changes: its claims and story b are redone, nothing else.
    let changed = news.join("b/004-regional-ledger.txt");
    let text = fs::read_to_string(&changed).unwrap();
    fs::write(&changed, text.replace("1,800 soldiers", "2,700 soldiers")).unwrap();
    let before: Vec<PathBuf> = entries(&cache, "claims");
    let stories_before = entries(&cache, "stories");
    let third = check(dir.path(), &news, &["--cache-dir", cache_arg]);
    same(
        &third,
        &check(dir.path(), &news, &["--no-cache"]),
        "after a change",
    );
    assert_ne!(third.1, plain.1);
    let after = entries(&cache, "claims");
    assert_eq!(
        after.len(),
        before.len() + 1,
        "one document extracted again"
    );
    assert!(before.iter().all(|p| after.contains(p)));
    assert_eq!(entries(&cache, "stories").len(), stories_before.len() + 1);
}

/// Damages the bytes of the `i`th entry.
type Damage = fn(&mut Vec<u8>, usize);

#[test]
fn damaged_or_misplaced_entries_are_rebuilt_never_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let news = corpus(dir.path());
    let cache = dir.path().join("cache");
    let cache_arg = cache.to_str().unwrap();
    let plain = check(dir.path(), &news, &["--no-cache"]);
    same(
        &check(dir.path(), &news, &["--cache-dir", cache_arg]),
        &plain,
        "first",
    );
    let all: Vec<PathBuf> = [entries(&cache, "claims"), entries(&cache, "stories")].concat();
    let originals: Vec<Vec<u8>> = all.iter().map(|p| fs::read(p).unwrap()).collect();
    let damages: [(&str, Damage); 4] = [
        ("a flipped bit in the payload", |b, i| {
            let at = b.len() - 1 - (i * 7) % (b.len() / 2);
            b[at] ^= 0x10;
        }),
        ("a flipped bit in the header", |b, i| {
            b[(i * 5) % 48] ^= 0x01
        }),
        ("truncated", |b, _| b.truncate(b.len() * 2 / 3)),
        ("emptied", |b, _| b.clear()),
    ];
    for (what, damage) in damages {
        for (i, (path, bytes)) in all.iter().zip(&originals).enumerate() {
            let mut bad = bytes.clone();
            damage(&mut bad, i);
            fs::write(path, bad).unwrap();
        }
        same(
            &check(dir.path(), &news, &["--cache-dir", cache_arg]),
            &plain,
            what,
        );
        // The damaged entries were written again, whole.
        for (path, bytes) in all.iter().zip(&originals) {
            assert_eq!(
                &fs::read(path).unwrap(),
                bytes,
                "{what}: {}",
                path.display()
            );
        }
    }
    // Entries under each other's names (as another version's or rules' would be).
    let claims = entries(&cache, "claims");
    let first = fs::read(&claims[0]).unwrap();
    for pair in claims.windows(2) {
        fs::copy(&pair[1], &pair[0]).unwrap();
    }
    fs::write(claims.last().unwrap(), first).unwrap();
    for story in entries(&cache, "stories") {
        fs::remove_file(story).unwrap();
    }
    same(
        &check(dir.path(), &news, &["--cache-dir", cache_arg]),
        &plain,
        "misplaced",
    );
}

#[test]
fn other_rules_or_lexicons_make_other_entries() {
    let dir = tempfile::tempdir().unwrap();
    let news = corpus(dir.path());
    let cache = dir.path().join("cache");
    let cache_arg = cache.to_str().unwrap();
    check(dir.path(), &news, &["--cache-dir", cache_arg]);
    let claims = entries(&cache, "claims").len();
    let stories = entries(&cache, "stories").len();
    // A lexicon entry in a --rules folder: every key changes, so nothing is reused.
    let rules = dir.path().join("more");
    fs::create_dir_all(rules.join("lexicon")).unwrap();
    fs::write(
        rules.join("lexicon/extra.toml"),
        "[organisation]\n\"Rovuma Patrol\" = { aliases = [\"RP\"] }\n",
    )
    .unwrap();
    let rules_arg = rules.to_str().unwrap();
    let with_rules = check(
        dir.path(),
        &news,
        &["--cache-dir", cache_arg, "--rules", rules_arg],
    );
    same(
        &with_rules,
        &check(dir.path(), &news, &["--no-cache", "--rules", rules_arg]),
        "--rules",
    );
    assert_eq!(entries(&cache, "claims").len(), 2 * claims);
    assert_eq!(entries(&cache, "stories").len(), 2 * stories);
    // Selecting rules changes the stories' keys only.
    let selected = check(
        dir.path(),
        &news,
        &["--cache-dir", cache_arg, "--select", "date"],
    );
    same(
        &selected,
        &check(dir.path(), &news, &["--no-cache", "--select", "date"]),
        "--select",
    );
    assert_eq!(entries(&cache, "claims").len(), 2 * claims);
    assert_eq!(entries(&cache, "stories").len(), 3 * stories);
}

#[test]
fn a_cache_that_cannot_be_written_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let news = corpus(dir.path());
    let plain = check(dir.path(), &news, &["--no-cache"]);
    // A folder below a file cannot be made, even by root.
    fs::write(dir.path().join("file"), "not a folder").unwrap();
    let (status, out, err) = check(dir.path(), &news, &["--cache-dir", "file/cache"]);
    assert_eq!((status, &out), (plain.0, &plain.1));
    assert!(
        err.contains("warning: cache") && err.contains("cannot write"),
        "{err}"
    );
    assert_eq!(err.matches("warning: cache").count(), 1, "{err}");
    let (_, _, quiet) = check(dir.path(), &news, &["--cache-dir", "file/cache", "--quiet"]);
    assert!(!quiet.contains("warning"), "{quiet}");
}

#[test]
fn the_default_cache_is_in_the_current_folder_and_never_in_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let news = corpus(dir.path());
    let default = dir.path().join(".claimcheck_cache");
    let plain = check(dir.path(), &news, &["--no-cache"]);
    assert!(!default.exists(), "--no-cache writes nothing");
    same(&check(dir.path(), &news, &[]), &plain, "default cache");
    assert!(default.join("CACHEDIR.TAG").is_file());
    assert_eq!(
        fs::read_to_string(default.join(".gitignore"))
            .unwrap()
            .trim_start_matches("# Created by claimcheck.\n"),
        "*\n"
    );
    // Run from inside the corpus: no cache at all.
    let before = files(&news);
    let (status, _, _) = run(&news.join("a"), &["check", "..", "--format", "json"]);
    assert_eq!(status, plain.0);
    let (status, _, err) = run(&news, &["check", ".", "--cache-dir", "a/cache"]);
    assert_eq!(status, plain.0);
    assert!(err.contains("inside the corpus folder"), "{err}");
    assert_eq!(files(&news), before, "nothing written in the corpus");
}
