//! A deterministic corpus generator for benchmarks and tests: many invented stories, each
//! covered by several invented outlets, with planted contradictions and agreeing
//! paraphrases, written as `.txt` files with `corpus.toml` manifests or as one JSON-lines
//! file. The same seed and size give byte-identical files.
//!
//! ```text
//! cargo run --release --example claimcheck_gen -- --size 10MB --out /work/bench-data/10mb
//! cargo run --release --example claimcheck_gen -- --size 1GB --out DIR --jsonl --seed 7
//! ```

#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;

struct Options {
    size: u64,
    out: PathBuf,
    jsonl: bool,
    seed: u64,
}

fn options() -> Result<Options, String> {
    let mut size = None;
    let mut out = None;
    let mut jsonl = false;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--size" => {
                size = Some(
                    args.next()
                        .and_then(|s| generator::parse_size(&s))
                        .ok_or("--size needs a size such as 10MB")?,
                )
            }
            "--out" => out = args.next().map(PathBuf::from),
            "--jsonl" => jsonl = true,
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--seed needs a number")?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Options {
        size: size.ok_or("--size SIZE (e.g. 10MB) is required")?,
        out: out.ok_or("--out DIR is required")?,
        jsonl,
        seed,
    })
}

fn main() {
    let opts = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "error: {e}\nusage: claimcheck_gen --size 10MB --out DIR [--jsonl] [--seed N]"
            );
            std::process::exit(2);
        }
    };
    match generator::write_corpus(&opts.out, opts.seed, opts.size, opts.jsonl) {
        Ok(s) => eprintln!(
            "wrote {} documents ({} bytes of text) over {} stories, {} with a planted \
             contradiction, to {}",
            s.documents,
            s.bytes,
            s.stories,
            s.planted,
            opts.out.display()
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
