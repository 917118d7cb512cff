//! Linking time against the number of claims: 10k, 100k and 1M synthetic claims built
//! directly (no text), over 200 actors, 200 places, a handful of actions and 36 years,
//! so the number of slots grows with the corpus as it does for real news.

use claimcheck::corpus::{PartialDate, Span};
use claimcheck::extract::{
    Action, ActionClass, Change, Claim, Entity, EntityKind, Granularity, Knowledge, Mention,
    Polarity, Quantity, Time, TimeValue, Value,
};
use claimcheck::link;
use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use std::hint::black_box;
use std::time::Duration;

const ACTIONS: &[(&str, ActionClass, &str)] = &[
    ("deploy", ActionClass::Military, "military"),
    ("withdraw", ActionClass::Military, "military"),
    ("expel", ActionClass::Diplomatic, "diplomatic"),
    ("recall", ActionClass::Diplomatic, "diplomatic"),
    ("sanction", ActionClass::Economic, "economic"),
];

/// A cheap deterministic mixer (SplitMix64 step).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn entity(name: &str) -> Mention<Entity> {
    Mention {
        value: Entity {
            name: name.into(),
            kind: EntityKind::Country,
        },
        text: "".into(),
        span: Span::new(0, 0),
    }
}

/// `n` claims, ten to a document, in corpus order.
fn synthetic_claims(n: usize) -> Vec<Claim> {
    let names: Vec<String> = (0..200).map(|i| format!("Country{i:03}")).collect();
    (0..n)
        .map(|i| {
            let r = mix(i as u64);
            let actor = &names[(r % 200) as usize];
            let place = &names[((r >> 8) % 200) as usize];
            let (action, class, domain) = ACTIONS[((r >> 16) % ACTIONS.len() as u64) as usize];
            let year = 1990 + ((r >> 24) % 36) as i32;
            let quantity = (r >> 32).is_multiple_of(2);
            Claim {
                doc: "".into(),
                doc_index: (i / 10) as u32,
                ordinal: (i % 10) as u32,
                span: Span::new(0, 0),
                sentence: Span::new(0, 0),
                sentence_range: 0..0,
                headline: false,
                actor: Some(Box::new(entity(actor))),
                action: Some(Box::new(Mention {
                    value: Action {
                        name: action.into(),
                        class,
                        scope: None,
                        code: None,
                    },
                    text: "".into(),
                    span: Span::new(0, 0),
                })),
                target: Some(Box::new(entity(place))),
                place: None,
                theme: None,
                about: None,
                domain: Some(domain.into()),
                initiator: None,
                quantity: quantity.then(|| {
                    Box::new(Quantity {
                        value: Value::Number(((r >> 40) % 100 * 100) as f64),
                        unit: Some("troops".into()),
                        change: Change::Exact,
                        approx: false,
                        counted: None,
                        text: "".into(),
                        span: Span::new(0, 0),
                    })
                }),
                time: Some(Box::new(Time {
                    value: TimeValue::Point {
                        date: Some(PartialDate::year(year)),
                        weekday: None,
                        month: None,
                        granularity: Granularity::Year,
                    },
                    resolved: true,
                    event_year: false,
                    text: "".into(),
                    span: Span::new(0, 0),
                    clock: None,
                })),
                duration: None,
                place_inferred: false,
                actor_inferred: false,
                polarity: Polarity::Positive,
                negation: None,
                modality: None,
                hedges: Box::default(),
                attribution: None,
            }
        })
        .collect()
}

fn linking(c: &mut Criterion) {
    let mut group = c.benchmark_group("link");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let knowledge = Knowledge::builtin();
    for n in [10_000, 100_000, 1_000_000] {
        let claims = synthetic_claims(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &claims, |b, claims| {
            b.iter(|| {
                let g = link::build(black_box(claims), &knowledge);
                black_box(g.slots.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, linking);

/// A figure of this process from `/proc/self/status` ("VmRSS", "VmHWM"), in KiB.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// `LINK_ONCE=N cargo bench --bench link`: links N synthetic claims once and prints the
/// time and the memory linking took (peak and kept), for profiling and memory figures.
fn link_once(n: usize) {
    let claims = synthetic_claims(n);
    let knowledge = Knowledge::builtin();
    let (rss, hwm) = (status_kib("VmRSS"), status_kib("VmHWM"));
    let start = std::time::Instant::now();
    let table = link::KeyTable::new(&knowledge);
    let records: Vec<link::LinkRecord> = claims.par_iter().map(|c| table.record(c)).collect();
    let recorded = start.elapsed();
    let g = link::ClaimGraph::from_records(table, &records);
    let took = start.elapsed();
    let (rss_after, hwm_after) = (status_kib("VmRSS"), status_kib("VmHWM"));
    println!(
        "{n} claims: {} slots, {} nodes, {} edges in {:.3} s (records {:.3} s); memory before \
         {} MiB (peak {} MiB), peak while linking +{} MiB, kept +{} MiB (records included)",
        g.slots.len(),
        g.graph.node_count(),
        g.graph.edge_count(),
        took.as_secs_f64(),
        recorded.as_secs_f64(),
        rss / 1024,
        hwm / 1024,
        hwm_after.saturating_sub(rss) / 1024,
        rss_after.saturating_sub(rss) / 1024,
    );
}

fn main() {
    if let Some(n) = std::env::var("LINK_ONCE").ok().and_then(|n| n.parse().ok()) {
        link_once(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
