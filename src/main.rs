//! The claimcheck binary: parses the command line and wires the library's stages.

use anyhow::Result;
use claimcheck::check;
use claimcheck::cli::{Cli, Command, CorpusArgs, GraphFormat, ListFormat, RuleSelect};
use claimcheck::config::Config;
use claimcheck::corpus::Corpus;
use claimcheck::extract::Lexicon;
use claimcheck::link::export;
use claimcheck::output;
use claimcheck::pipeline::{self, Analysis};
use claimcheck::report;
use claimcheck::report::baseline::Baseline;
use claimcheck::report::{ReportFormat, ReportInput};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    if let Err(e) = output::cleanup_on_signals() {
        eprintln!("warning: temporary files may be left behind on interrupt: {e}");
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// An error with its causes, each once: the library's errors already show their source.
fn message(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text = format!("{text}: {cause}");
        }
    }
    text
}

/// The configuration and the rules it adjusts, narrowed by `--select` and `--ignore`.
fn setup(args: &CorpusArgs, select: &RuleSelect) -> Result<(Config, Vec<check::Rule>)> {
    let config = Config::discover(args.config.as_deref(), &std::env::current_dir()?)?;
    let folders: Vec<_> = args.rules.iter().chain(&config.rules).cloned().collect();
    let mut rules = check::load(&folders)?;
    config.apply(&mut rules)?;
    pipeline::select_rules(&mut rules, &select.select, &select.ignore)?;
    Ok((config, rules))
}

/// Loads the lexicons and reads the corpus, printing its diagnostics. With `lean`, the
/// documents' texts are dropped once their claims are read (for `check` and `baseline`).
fn analyse(args: &CorpusArgs, lean: bool) -> Result<Analysis> {
    claimcheck::corpus::limit::set_max_file_size(args.max_file_size);
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    let config = Config::discover(args.config.as_deref(), &std::env::current_dir()?)?;
    let folders: Vec<_> = args.rules.iter().chain(&config.rules).cloned().collect();
    let lexicon = Lexicon::with_extra_dirs(&folders)?;
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} ({elapsed})")
                .unwrap_or(ProgressStyle::default_bar()),
        );
        bar
    });
    let mut analysis = if lean {
        pipeline::analyse_for_check(&args.paths, &lexicon, progress.as_ref())
    } else {
        pipeline::analyse_with_progress(&args.paths, &lexicon, progress.as_ref())
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
        eprintln!(
            "{} documents, {} claims",
            analysis.corpus.documents.len(),
            analysis.claims.len()
        );
    }
    pipeline::ignore(&mut analysis, &config.ignore_set());
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

/// The findings the corpus's `claimcheck-ignore` comments leave, warning of the comments
/// that hide nothing.
fn suppress(findings: Vec<check::Finding>, a: &Analysis, quiet: bool) -> Vec<check::Finding> {
    let (kept, unused) = check::suppress::apply(findings, &a.corpus.documents);
    if !quiet {
        for u in unused {
            eprintln!("warning: {}", u.message());
        }
    }
    kept
}

/// Exit status for a read corpus: 2 when something could not be read or nothing was.
fn input_status(corpus: &Corpus) -> Option<u8> {
    (corpus.has_errors() || corpus.documents.is_empty()).then_some(2)
}

/// Writes a report to standard output, or to a file through a temporary file renamed at
/// the end, so that an interrupted run never leaves half a file.
fn emit(out: &mut impl Write, file: Option<&Path>, text: &str) -> Result<()> {
    match file {
        Some(path) => Ok(output::write_file(path, text.as_bytes())?),
        None => Ok(out.write_all(text.as_bytes())?),
    }
}

/// Refuses, before anything is read, an output file that the run reads: a corpus file,
/// a manifest, the configuration or the baseline.
fn guard_output(file: Option<&Path>, args: &CorpusArgs, also: Option<&Path>) -> Result<()> {
    let Some(file) = file else {
        return Ok(());
    };
    let mut inputs = claimcheck::corpus::walk::files(&args.paths);
    inputs.extend(args.config.iter().cloned());
    inputs.extend(also.map(Path::to_path_buf));
    Ok(output::check_not_input(file, &inputs)?)
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Check {
            corpus,
            format,
            fail_on,
            baseline,
            output,
            select,
            statistics,
            exit_zero,
            color,
        } => {
            guard_output(output.as_deref(), &corpus, baseline.as_deref())?;
            let (config, rules) = setup(&corpus, &select)?;
            let fail_on = fail_on
                .or(config.fail_on)
                .unwrap_or(check::Severity::Warning);
            let mut a = analyse(&corpus, true)?;
            let (graphs, mut findings) = pipeline::check(&a, &rules);
            for d in pipeline::quote_findings(&mut a, &mut findings) {
                eprintln!("{d}");
            }
            let mut findings = suppress(findings, &a, corpus.quiet);
            if let Some(path) = &baseline {
                let recorded = Baseline::load(path)?;
                let comparison = recorded.compare(&findings);
                if !corpus.quiet {
                    eprintln!(
                        "baseline {}: {} new, {} still present, {} fixed",
                        path.display(),
                        comparison.new.len(),
                        comparison.still_present.len(),
                        comparison.fixed.len()
                    );
                    for fixed in &comparison.fixed {
                        eprintln!(
                            "fixed: [{}] {} ({})",
                            fixed.rule,
                            fixed.slot,
                            fixed.values.join(" vs ")
                        );
                    }
                }
                findings = comparison.new.into_iter().cloned().collect();
            }
            let infos = pipeline::rule_infos(&rules);
            let agreeing = pipeline::agreeing_slots(&a, &graphs, &findings);
            let input = ReportInput {
                findings: &findings,
                documents: &a.corpus.documents,
                rules: &infos,
                agreeing_slots: &agreeing,
                color: format == ReportFormat::Text
                    && color.enabled(
                        output.is_none() && io::stdout().is_terminal(),
                        std::env::var_os("NO_COLOR").as_deref(),
                    ),
            };
            let text = if statistics {
                report::statistics(&findings)
            } else {
                report::render(format, &input)
            };
            emit(&mut out, output.as_deref(), &text)?;
            let failing = !exit_zero && findings.iter().any(|f| f.severity >= fail_on);
            let status = input_status(&a.corpus).unwrap_or(if failing { 1 } else { 0 });
            // The process ends with this command: freeing millions of claims and slots
            // one by one would only cost time.
            std::mem::forget((a, graphs, findings));
            status
        }
        Command::Claims { corpus, format } => {
            let a = analyse(&corpus, false)?;
            let docs = &a.corpus.documents;
            match format {
                ListFormat::Jsonl => {
                    for c in &a.claims {
                        let mut line = report::claims::claim_json(c, &docs[c.doc_index]);
                        if let Some(o) = line.as_object_mut() {
                            o.insert("version".into(), report::json::VERSION.into());
                        }
                        writeln!(out, "{line}")?;
                    }
                }
                ListFormat::Json => {
                    let all: Vec<_> = a
                        .claims
                        .iter()
                        .map(|c| report::claims::claim_json(c, &docs[c.doc_index]))
                        .collect();
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string_pretty(&serde_json::json!({
                            "version": report::listing::VERSION,
                            "claims": all
                        }))?
                    )?;
                }
                ListFormat::Text => {
                    for c in &a.claims {
                        writeln!(out, "{}", report::claims::claim_text(c, &docs[c.doc_index]))?;
                    }
                }
            }
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Quantities { corpus, format } => {
            let a = analyse(&corpus, false)?;
            let text = report::listing::quantities(&a.corpus.documents, &a.sentences, format);
            out.write_all(text.as_bytes())?;
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Sentences { corpus, format } => {
            let a = analyse(&corpus, false)?;
            let text = report::listing::sentences(&a.corpus.documents, &a.sentences, format);
            out.write_all(text.as_bytes())?;
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Init { path, force } => {
            if path.exists() && !force {
                eprintln!(
                    "error: {} exists; `claimcheck init --force` replaces it",
                    path.display()
                );
                return Ok(2);
            }
            let rules = check::load(&[])?;
            output::write_file(&path, claimcheck::config::template(&rules).as_bytes())?;
            eprintln!("wrote {}", path.display());
            0
        }
        Command::Graph {
            corpus,
            format,
            output,
            select,
        } => {
            guard_output(output.as_deref(), &corpus, None)?;
            let (_, rules) = setup(&corpus, &select)?;
            let a = analyse(&corpus, false)?;
            let (graphs, _) = pipeline::check(&a, &rules);
            let docs = &a.corpus.documents;
            let text = match format {
                // One graph a story (Graphviz reads several graphs from one file).
                GraphFormat::Dot => graphs
                    .iter()
                    .map(|g| export::dot(&g.graph, &a.claims[g.story.claims.clone()], docs))
                    .collect::<String>(),
                GraphFormat::Json => {
                    let mut each: Vec<serde_json::Value> = graphs
                        .iter()
                        .map(|g| export::json(&g.graph, &a.claims[g.story.claims.clone()], docs))
                        .collect();
                    // One story: its graph, as ever; several: a graph each, named.
                    let value = if each.len() <= 1 {
                        each.pop()
                            .unwrap_or_else(|| export::json(&Default::default(), &[], docs))
                    } else {
                        serde_json::json!({"stories": graphs.iter().zip(each).map(|(g, graph)| {
                            serde_json::json!({"story": g.story.name, "graph": graph})
                        }).collect::<Vec<_>>()})
                    };
                    serde_json::to_string_pretty(&value)? + "\n"
                }
            };
            emit(&mut out, output.as_deref(), &text)?;
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Baseline {
            corpus,
            output,
            select,
        } => {
            guard_output(Some(&output), &corpus, None)?;
            let (_, rules) = setup(&corpus, &select)?;
            let a = analyse(&corpus, true)?;
            let (_, findings) = pipeline::check(&a, &rules);
            let findings = suppress(findings, &a, corpus.quiet);
            if let Some(code) = input_status(&a.corpus) {
                return Ok(code);
            }
            Baseline::from_findings(&findings).save(&output)?;
            if !corpus.quiet {
                eprintln!(
                    "recorded {} findings in {}",
                    findings.len(),
                    output.display()
                );
            }
            0
        }
        Command::Rules { rules } => {
            out.write_all(report::rules_table(&check::load(&rules)?).as_bytes())?;
            0
        }
        Command::Explain { rule, rules } => {
            let all = check::load(&rules)?;
            let Some(r) = all.iter().find(|r| r.id == rule) else {
                let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
                eprintln!("error: no rule `{rule}`; the rules are: {}", ids.join(", "));
                return Ok(2);
            };
            writeln!(
                out,
                "{} ({}, kind {}, severity {})\n",
                r.id,
                r.name,
                r.kind.as_str(),
                r.severity
            )?;
            writeln!(out, "{}\n\n{}\n", r.docs.summary, r.docs.description.trim())?;
            writeln!(
                out,
                "Fires:\n  {}\n\nMust not fire:\n  {}",
                r.docs.fires, r.docs.quiet
            )?;
            writeln!(out, "\nDefined in {}", r.path.display())?;
            0
        }
    };
    out.flush()?;
    Ok(code)
}
