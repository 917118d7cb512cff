//! Throughput of the per-document stages on one thread: sentence segmentation, number /
//! quantity / time parsing and claim extraction, on 2 MB of generated articles.

#[path = "support/docs.rs"]
mod docs;
#[path = "support/generator.rs"]
mod generator;

use claimcheck::corpus::Sentence;
use claimcheck::extract::claim::extract_document;
use claimcheck::extract::quantity::find_quantities;
use claimcheck::extract::time::find_times;
use claimcheck::extract::Knowledge;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

const SIZE: u64 = 2_000_000;

fn stages(c: &mut Criterion) {
    let docs = docs::documents(SIZE);
    let bytes = docs::bytes(&docs);
    let lexicon = Knowledge::builtin();
    let sentences: Vec<Vec<Sentence>> = docs
        .iter()
        .map(|d| lexicon.abbreviations().segment(&d.text))
        .collect();
    let mut group = c.benchmark_group("extract");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes));

    group.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| lexicon.abbreviations().segment(black_box(&d.text)).len())
                .sum();
            black_box(n)
        })
    });

    group.bench_function("quantities+times", |b| {
        b.iter(|| {
            let mut n = 0;
            for (doc, sents) in docs.iter().zip(&sentences) {
                for s in sents {
                    let Some(text) = doc.text.get(s.range.clone()) else {
                        continue;
                    };
                    n += find_quantities(black_box(text), lexicon.units()).len();
                    n += find_times(black_box(text), doc.published, lexicon.units()).len();
                }
            }
            black_box(n)
        })
    });

    group.bench_function("claims (segmented)", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&sentences)
                .enumerate()
                .map(|(i, (d, s))| extract_document(d, i, s, &lexicon).len())
                .sum();
            black_box(n)
        })
    });

    group.bench_function("segment+claims", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    extract_document(d, i, &lexicon.abbreviations().segment(&d.text), &lexicon)
                        .len()
                })
                .sum();
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
