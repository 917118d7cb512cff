//! The whole `check` (read, segment, extract, link, rules) on a generated corpus written
//! to a temporary folder, with the default thread pool (all cores).

#[path = "support/generator.rs"]
mod generator;

use claimcheck::check;
use claimcheck::extract::Knowledge;
use claimcheck::pipeline;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

const SIZE: u64 = 5_000_000;

fn whole_check(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temporary folder: {e}"),
    };
    let stats = match generator::write_corpus(dir.path(), 1, SIZE, false) {
        Ok(s) => s,
        Err(e) => panic!("cannot write the corpus: {e}"),
    };
    let lexicon = Knowledge::builtin();
    let rules = match check::load(&[]) {
        Ok(r) => r,
        Err(e) => panic!("built-in rules: {e}"),
    };
    let paths = vec![dir.path().to_path_buf()];
    let run = || {
        let analysis = pipeline::analyse(&paths, &lexicon);
        let (_, findings) = pipeline::check(&analysis, &rules, &lexicon);
        (analysis.corpus.documents.len(), findings.len())
    };
    let (docs, findings) = run();
    eprintln!(
        "check corpus: {} documents, {} bytes, {findings} findings ({} documents read)",
        stats.documents, stats.bytes, docs
    );

    let mut group = c.benchmark_group("check");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(stats.bytes));
    group.bench_function("5MB corpus (bytes)", |b| b.iter(|| black_box(run())));
    group.throughput(Throughput::Elements(stats.documents as u64));
    group.bench_function("5MB corpus (documents)", |b| b.iter(|| black_box(run())));
    group.finish();
}

criterion_group!(benches, whole_check);
criterion_main!(benches);
