//! The whole `check` at scale, as the binary runs it (texts released as they are read,
//! quotes read again at the end), on a generated corpus: time per stage, documents and
//! megabytes per second, claims, and peak memory (the process's `VmHWM`).
//!
//! ```text
//! cargo bench --bench scale                                # 100 MB, all cores
//! CLAIMCHECK_SCALE=1GB cargo bench --bench scale           # 1 GB
//! CLAIMCHECK_SCALE_CORPUS=/path/to/corpus cargo bench --bench scale   # an existing corpus
//! ```
//!
//! `--jobs` is rayon's `RAYON_NUM_THREADS`. The generated corpus goes to a temporary
//! folder and is removed afterwards.

#[path = "support/generator.rs"]
mod generator;

use claimcheck::extract::Knowledge;
use claimcheck::report::{self, ReportFormat, ReportInput};
use claimcheck::{check, pipeline};
use std::path::PathBuf;
use std::time::Instant;

/// Peak resident memory of this process so far, in bytes (Linux), if known.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn corpus_size(path: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that does not name this bench skips it.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if args.iter().any(|a| !"scale".contains(a.as_str())) {
        return;
    }
    let temp = tempfile::tempdir().expect("a temporary folder");
    let root = match std::env::var_os("CLAIMCHECK_SCALE_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => {
            let wanted = std::env::var("CLAIMCHECK_SCALE").unwrap_or_else(|_| "100MB".into());
            let size = generator::parse_size(&wanted).expect("CLAIMCHECK_SCALE such as 100MB");
            let t = Instant::now();
            let stats = generator::write_corpus(temp.path(), 1, size, false).expect("corpus");
            eprintln!(
                "generated {} documents ({} MB of text) in {:.1} s",
                stats.documents,
                stats.bytes / 1_000_000,
                t.elapsed().as_secs_f64()
            );
            temp.path().to_path_buf()
        }
    };
    let bytes = corpus_size(&root);
    let before = peak_memory().unwrap_or(0);
    let lexicon = Knowledge::builtin();
    let rules = check::load(&[]).expect("built-in rules");

    let t = Instant::now();
    let mut analysis = pipeline::analyse_for_check(&[root], &lexicon, None);
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (graphs, mut findings) = pipeline::check(&analysis, &rules, &lexicon);
    let linked = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let warnings = pipeline::quote_findings(&mut analysis, &mut findings);
    let infos = pipeline::rule_infos(&rules);
    let agreeing = pipeline::agreeing_slots(&analysis, &graphs, &findings);
    let json = report::render(
        ReportFormat::Json,
        &ReportInput {
            findings: &findings,
            documents: &analysis.corpus.documents,
            rules: &infos,
            agreeing_slots: &agreeing,
            color: false,
        },
    );
    let reported = t.elapsed().as_secs_f64();
    let total = read + linked + reported;
    let peak = peak_memory().unwrap_or(0);
    let docs = analysis.corpus.documents.len();
    let claims = analysis.claims.len();
    let mb = bytes as f64 / 1e6;
    println!(
        "scale: {mb:.0} MB on disk, {docs} documents, {claims} claims, {} findings, {} slots, threads {}",
        findings.len(),
        graphs.iter().map(|g| g.graph.slots.len()).sum::<usize>(),
        rayon::current_num_threads()
    );
    println!(
        "scale: read+extract {read:.2} s, link+rules {linked:.2} s, quotes+report {reported:.2} s, total {total:.2} s"
    );
    println!(
        "scale: {:.0} documents/s, {:.1} MB/s, peak memory {:.0} MiB ({:.0} bytes per claim, {:.2} bytes per input byte; {:.0} MiB before reading)",
        docs as f64 / total,
        mb / total,
        peak as f64 / 1048576.0,
        (peak - before.min(peak)) as f64 / claims.max(1) as f64,
        peak as f64 / bytes.max(1) as f64,
        before as f64 / 1048576.0,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(json.len() > 2);
}
