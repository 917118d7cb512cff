//! The claimcheck binary: parses the command line and wires the library's stages.

use anyhow::Result;
use claimcheck::cli::{ClaimFormat, Cli, Command, CorpusArgs, LineFormat};
use claimcheck::corpus::Corpus;
use claimcheck::extract::{quantity::find_quantities, Lexicon};
use claimcheck::pipeline::{self, Analysis};
use claimcheck::report;
use clap::Parser;
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Loads the lexicons and reads the corpus, printing its diagnostics.
fn analyse(args: &CorpusArgs) -> Result<Analysis> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    let mut lexicon = Lexicon::builtin();
    for dir in &args.rules {
        lexicon = Lexicon::with_extra_dir(dir)?;
    }
    let analysis = pipeline::analyse(&args.paths, &lexicon);
    print_diagnostics(&analysis.corpus, args.quiet);
    Ok(analysis)
}

fn print_diagnostics(corpus: &Corpus, quiet: bool) {
    for d in &corpus.diagnostics {
        if !quiet || d.level == claimcheck::corpus::Level::Error {
            eprintln!("{d}");
        }
    }
    if corpus.documents.is_empty() {
        eprintln!(
            "error: the corpus is empty: no .txt, .md, .html, .htm or .jsonl document was read"
        );
    }
}

/// Exit status for a read corpus: 2 when something could not be read or nothing was.
fn input_status(corpus: &Corpus) -> Option<u8> {
    (corpus.has_errors() || corpus.documents.is_empty()).then_some(2)
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Check { corpus, .. } => {
            let analysis = analyse(&corpus)?;
            writeln!(out, "{{\"findings\": []}}")?;
            input_status(&analysis.corpus).unwrap_or(0)
        }
        Command::Claims { corpus, format } => {
            let a = analyse(&corpus)?;
            let docs = &a.corpus.documents;
            match format {
                ClaimFormat::Jsonl => {
                    for c in &a.claims {
                        writeln!(out, "{}", report::claims::claim_json(c, &docs[c.doc_index]))?;
                    }
                }
                ClaimFormat::Json => {
                    let all: Vec<_> = a
                        .claims
                        .iter()
                        .map(|c| report::claims::claim_json(c, &docs[c.doc_index]))
                        .collect();
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string_pretty(&serde_json::json!({"claims": all}))?
                    )?;
                }
                ClaimFormat::Text => {
                    for c in &a.claims {
                        writeln!(out, "{}", report::claims::claim_text(c, &docs[c.doc_index]))?;
                    }
                }
            }
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Quantities { corpus, format } => {
            let a = analyse(&corpus)?;
            for (i, doc) in a.corpus.documents.iter().enumerate() {
                for s in &a.sentences[i] {
                    let text = &doc.text[s.range.clone()];
                    for q in find_quantities(text) {
                        let range = s.range.start + q.range.start..s.range.start + q.range.end;
                        let span = doc.file_span(range.clone());
                        match format {
                            LineFormat::Jsonl => {
                                let value = match &q.value {
                                    claimcheck::extract::Value::Number(n) => serde_json::json!(n),
                                    claimcheck::extract::Value::Range(r) => serde_json::json!(r),
                                    claimcheck::extract::Value::Vague { .. } => continue,
                                };
                                let line = serde_json::json!({"doc": doc.id, "span": [span.start, span.end],
                                    "value": value, "unit": q.unit, "change": q.change, "approx": q.approx,
                                    "text": &doc.text[range]});
                                writeln!(out, "{line}")?;
                            }
                            LineFormat::Text => {
                                let lc = doc.line_col(span.start);
                                writeln!(
                                    out,
                                    "{}:{}:{}: {:?} {} {:?}",
                                    doc.id,
                                    lc.line,
                                    lc.column,
                                    &doc.text[range],
                                    serde_json::json!(q.change),
                                    q.unit
                                )?;
                            }
                        }
                    }
                }
            }
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Sentences { corpus, format } => {
            let a = analyse(&corpus)?;
            for (i, doc) in a.corpus.documents.iter().enumerate() {
                for s in &a.sentences[i] {
                    let span = doc.file_span(s.range.clone());
                    let text = &doc.text[s.range.clone()];
                    match format {
                        LineFormat::Jsonl => writeln!(
                            out,
                            "{}",
                            serde_json::json!({"doc": doc.id, "span": [span.start, span.end],
                            "paragraph": s.paragraph, "headline": s.headline, "text": text})
                        )?,
                        LineFormat::Text => {
                            let lc = doc.line_col(span.start);
                            let mark = if s.headline { " [headline]" } else { "" };
                            writeln!(
                                out,
                                "{}:{}:{} [{}..{}]{mark} {text}",
                                doc.id, lc.line, lc.column, span.start, span.end
                            )?
                        }
                    }
                }
            }
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Graph { .. } | Command::Rules { .. } | Command::Explain { .. } => {
            anyhow::bail!("not implemented yet")
        }
    };
    out.flush()?;
    Ok(code)
}
