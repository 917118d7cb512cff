//! The claimcheck binary: parses the command line and wires the library's stages.

mod cli;

use anyhow::Result;
use claimcheck::cache::{self, location::Location, Cache};
use claimcheck::check;
use claimcheck::config::Config;
use claimcheck::corpus::Corpus;
use claimcheck::extract::Knowledge;
use claimcheck::output;
use claimcheck::pipeline::{self, Analysis};
use claimcheck::report::baseline::Baseline;
use claimcheck::report::claims::Claims;
use claimcheck::report::listing::{Quantities, Sentences};
use claimcheck::report::rule_docs::{Explain, RulesTable};
use claimcheck::report::{
    Findings, Graphs, ReportFormat, ReportInput, Reporter, Statistics, TextOptions,
};
use clap::Parser;
use cli::{CheckArgs, Cli, Command, CorpusArgs, RuleSelect};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes and drops many small
/// values a sentence, and millions of claims stay alive; glibc's malloc spent about 15%
/// of a check's instructions and left its heap fragmented between the two.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Options of mimalloc v3 (`mi_option_e` in its `mimalloc.h`) that its Rust bindings do
/// not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// Memory the program frees goes back to the system at once, not 10 ms later (100 MB
/// corpus: 1.84 GB peak, 2.28 GB with the delay), and new memory comes in ordinary
/// pages, not transparent huge pages (each huge page given back and faulted in again
/// cost the kernel the zeroing of 2 MiB: 8.7 s of system time against 6.7 s). Set from
/// the environment instead (`MIMALLOC_ALLOW_THP=0`), huge pages would also stay out of
/// the first arena, made before `main`: 10 MB corpus, 262 MB peak against 295 MB.
fn tune_allocator() {
    // SAFETY: `mi_option_set` only stores an option value; the options exist in the
    // mimalloc version that libmimalloc-sys builds (v3, its default).
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0);
    }
}

fn main() -> ExitCode {
    tune_allocator();
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

/// The claim cache of a run (`check` and `baseline`), if it has one: `--no-cache`, then
/// `--cache-dir`, then the environment (`CLAIMCHECK_NO_CACHE`, `CLAIMCHECK_CACHE_DIR`),
/// then `.claimcheck_cache` in the current folder unless that is inside the corpus.
/// A cache that cannot be used is a warning, never an error.
fn open_cache(args: &CorpusArgs, folders: &[std::path::PathBuf]) -> Result<Option<Cache>> {
    let env_off =
        std::env::var_os("CLAIMCHECK_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0");
    let env_dir = std::env::var_os("CLAIMCHECK_CACHE_DIR")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from);
    if args.no_cache || (env_off && args.cache_dir.is_none()) {
        return Ok(None);
    }
    let explicit = args.cache_dir.clone().or(env_dir);
    let cwd = std::env::current_dir()?;
    let dir = match cache::location::choose(explicit.as_deref(), &cwd, &args.paths) {
        Location::Dir { path, .. } => path,
        Location::Off => return Ok(None),
        Location::InsideCorpus { path, corpus } => {
            if !args.quiet {
                eprintln!(
                    "warning: cache {}: inside the corpus folder {}, which is only read: \
                     running without a cache",
                    path.display(),
                    corpus.display()
                );
            }
            return Ok(None);
        }
    };
    match cache::key::salt(folders) {
        Ok(salt) => Ok(Some(Cache::new(&dir, salt))),
        Err(e) => {
            if !args.quiet {
                eprintln!("warning: cache: cannot read the claimcheck executable ({e}): running without a cache");
            }
            Ok(None)
        }
    }
}

/// Loads the knowledge (once for the run) and reads the corpus with it, printing its
/// diagnostics. With `lean`, the documents' texts are dropped once their claims are read
/// (for `check` and `baseline`), and the claim cache is used when the run has one.
fn analyse(args: &CorpusArgs, lean: bool) -> Result<(Analysis, Knowledge, Option<Cache>)> {
    claimcheck::corpus::limit::set_max_file_size(args.max_file_size);
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    let config = Config::discover(args.config.as_deref(), &std::env::current_dir()?)?;
    let folders: Vec<_> = args.rules.iter().chain(&config.rules).cloned().collect();
    let knowledge = Knowledge::with_extra_dirs(&folders)?;
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} ({elapsed})")
                .unwrap_or(ProgressStyle::default_bar()),
        );
        bar
    });
    let cache = if lean {
        open_cache(args, &folders)?
    } else {
        None
    };
    let mut analysis = if let Some(cache) = &cache {
        pipeline::analyse_cached(&args.paths, &knowledge, progress.as_ref(), cache)
    } else if lean {
        pipeline::analyse_for_check(&args.paths, &knowledge, progress.as_ref())
    } else {
        pipeline::analyse_with_progress(&args.paths, &knowledge, progress.as_ref())
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
    Ok((analysis, knowledge, cache))
}

/// Reads claims files (`check --claims`) instead of a corpus: the knowledge as for a
/// corpus (linking reads it), the claims and their documents' records, with diagnostics.
fn analyse_claims(args: &CorpusArgs) -> Result<(Analysis, Knowledge, Option<Cache>)> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    let config = Config::discover(args.config.as_deref(), &std::env::current_dir()?)?;
    let folders: Vec<_> = args.rules.iter().chain(&config.rules).cloned().collect();
    let knowledge = Knowledge::with_extra_dirs(&folders)?;
    let mut analysis = pipeline::claims::analyse_claim_files(&args.paths);
    pipeline::ignore(&mut analysis, &config.ignore_set());
    for d in &analysis.corpus.diagnostics {
        if !args.quiet || d.level == claimcheck::corpus::Level::Error {
            eprintln!("{d}");
        }
    }
    if analysis.claims.is_empty() {
        eprintln!("error: no claims were read from the claims files");
    }
    Ok((analysis, knowledge, None))
}

/// Links and checks the stories (see [`pipeline::check`]), quoting the findings with
/// `quote`; with a cache, only the stories whose documents or rules changed: the others'
/// findings and shared slots come from the cache (with `use_stories`, which needs
/// `quote`: not for the HTML report, whose agreeing quotes need every graph, nor for a
/// baseline, which quotes nothing). Stories are stored in the cache when quoted.
/// What a command wants of [`check_stories`].
#[derive(Clone, Copy)]
struct CheckWants {
    /// Fill the findings' quotes.
    quote: bool,
    /// Cached findings of whole stories may be used (the HTML report relinks all).
    use_stories: bool,
    /// The report lists the slots on which sources agree.
    agreeing: bool,
    quiet: bool,
}

fn check_stories(
    a: &mut Analysis,
    rules: &[check::Rule],
    knowledge: &Knowledge,
    cache: Option<&Cache>,
    wants: CheckWants,
) -> (
    Vec<pipeline::StoryGraph>,
    Vec<check::Finding>,
    Vec<pipeline::SharedSlots>,
) {
    let CheckWants {
        quote,
        use_stories,
        agreeing,
        quiet,
    } = wants;
    let plan = cache.map(|cache| pipeline::cached::plan(a, cache, rules, knowledge, use_stories));
    for d in plan.iter().flat_map(|p| &p.diagnostics) {
        eprintln!("{d}");
    }
    // Without a cache, a report that shows no agreeing slots keeps no graph.
    let (graphs, mut findings) = if plan.is_none() {
        pipeline::check_for_report(a, rules, knowledge, agreeing)
    } else {
        pipeline::check(a, rules, knowledge)
    };
    if quote {
        for d in pipeline::quote_findings(a, &mut findings) {
            eprintln!("{d}");
        }
    }
    let (Some(plan), Some(cache)) = (plan, cache) else {
        let shared = pipeline::shared_slots(a, &graphs);
        return (graphs, findings, shared);
    };
    let (findings, shared) = plan.finish(cache, a, &graphs, findings, quote);
    if !quiet {
        for w in cache.warnings() {
            eprintln!("warning: {w}");
        }
    }
    (graphs, findings, shared)
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
fn emit(out: &mut impl Write, file: Option<&Path>, report: &dyn Reporter) -> Result<()> {
    match file {
        Some(path) => {
            let mut bytes = Vec::new();
            report.report(&mut bytes)?;
            Ok(output::write_file(path, &bytes)?)
        }
        None => Ok(reader_gone_ok(report.report(out))?),
    }
}

/// A reader that closed standard output (`claimcheck check | head -1`) ends the output,
/// not the run: no error is printed and the exit status still tells whether there were
/// findings (ripgrep also stops quietly).
fn reader_gone_ok(written: io::Result<()>) -> io::Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes the claims of an analysis as Parquet (to a file, atomically, or to standard
/// output).
#[cfg(feature = "parquet")]
fn write_parquet(out: &mut impl Write, file: Option<&Path>, a: &Analysis) -> Result<()> {
    let bytes = claimcheck::claimfile::parquet::write(&a.claims, &a.corpus.documents)?;
    match file {
        Some(path) => Ok(output::write_file(path, &bytes)?),
        None => Ok(reader_gone_ok(out.write_all(&bytes))?),
    }
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: &mut impl Write, _: Option<&Path>, _: &Analysis) -> Result<()> {
    anyhow::bail!("--format parquet: this claimcheck was built without the `parquet` feature")
}

/// The width the text report wraps at: the terminal's when it is written to one.
fn text_width(to_terminal: bool) -> usize {
    to_terminal
        .then(|| console::Term::stdout().size_checked())
        .flatten()
        .map_or(claimcheck::report::text::DEFAULT_WIDTH, |(_, cols)| {
            usize::from(cols)
        })
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

/// `claimcheck check`: reads and checks the corpus, compares with the baseline, writes
/// the report; the exit status.
fn check_command(out: &mut impl Write, args: CheckArgs) -> Result<u8> {
    let CheckArgs {
        corpus,
        format,
        fail_on,
        baseline,
        output,
        select,
        statistics,
        exit_zero,
        color,
        claims,
    } = args;
    guard_output(output.as_deref(), &corpus, baseline.as_deref())?;
    let (config, rules) = setup(&corpus, &select)?;
    let fail_on = fail_on
        .or(config.fail_on)
        .unwrap_or(check::Severity::Warning);
    let (mut a, knowledge, cache) = if claims {
        analyse_claims(&corpus)?
    } else {
        analyse(&corpus, true)?
    };
    let use_stories = format != ReportFormat::Html || statistics;
    let (graphs, findings, shared) = check_stories(
        &mut a,
        &rules,
        &knowledge,
        cache.as_ref(),
        CheckWants {
            quote: true,
            use_stories,
            agreeing: !statistics && format.shows_agreeing_slots(),
            quiet: corpus.quiet,
        },
    );
    if cache.is_some() && format.reads_documents() && !statistics {
        for d in pipeline::restore_cited(&mut a, &findings) {
            eprintln!("{d}");
        }
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
    let mut agreeing = pipeline::agreeing_among(&shared, &findings);
    if format == ReportFormat::Html && !statistics {
        // Only the HTML report quotes the agreeing sources.
        for d in pipeline::agreeing_quotes(&mut a, &graphs, &mut agreeing) {
            eprintln!("{d}");
        }
    }
    let to_terminal = output.is_none() && io::stdout().is_terminal();
    let color = format == ReportFormat::Text
        && color.enabled(to_terminal, std::env::var_os("NO_COLOR").as_deref());
    let input = ReportInput {
        findings: &findings,
        documents: &a.corpus.documents,
        rules: &infos,
        agreeing_slots: &agreeing,
        color,
    };
    let text = TextOptions {
        color,
        width: text_width(to_terminal),
    };
    if statistics {
        emit(
            out,
            output.as_deref(),
            &Statistics {
                findings: &findings,
            },
        )?;
    } else {
        let report = Findings {
            format,
            input: &input,
            text,
        };
        emit(out, output.as_deref(), &report)?;
    }
    let failing = !exit_zero && findings.iter().any(|f| f.severity >= fail_on);
    let status = input_status(&a.corpus).unwrap_or(if failing { 1 } else { 0 });
    // The process ends with this command: freeing millions of claims and slots one by
    // one would only cost time.
    std::mem::forget((a, graphs, findings, knowledge));
    Ok(status)
}

/// `claimcheck claims`: the claims of a corpus as a listing or Parquet.
fn claims_command(
    out: &mut impl Write,
    corpus: CorpusArgs,
    format: cli::ClaimsFormat,
    output: Option<&Path>,
) -> Result<u8> {
    guard_output(output, &corpus, None)?;
    if format == cli::ClaimsFormat::Parquet && !cfg!(feature = "parquet") {
        anyhow::bail!(
            "--format parquet: this claimcheck was built without the `parquet` \
             feature (cargo install --features parquet)"
        );
    }
    let (a, _, _) = analyse(&corpus, false)?;
    match format.listing() {
        Some(format) => {
            let report = Claims {
                documents: &a.corpus.documents,
                claims: &a.claims,
                format,
            };
            emit(out, output, &report)?;
        }
        None => write_parquet(out, output, &a)?,
    }
    Ok(input_status(&a.corpus).unwrap_or(0))
}

/// `claimcheck init`: writes the commented configuration, unless it exists.
fn init_command(path: &Path, force: bool) -> Result<u8> {
    if path.exists() && !force {
        eprintln!(
            "error: {} exists; `claimcheck init --force` replaces it",
            path.display()
        );
        return Ok(2);
    }
    let rules = check::load(&[])?;
    output::write_file(path, claimcheck::config::template(&rules).as_bytes())?;
    eprintln!("wrote {}", path.display());
    Ok(0)
}

/// `claimcheck graph`: the claim graph of each story.
fn graph_command(
    out: &mut impl Write,
    corpus: CorpusArgs,
    format: claimcheck::report::GraphFormat,
    output: Option<&Path>,
    select: RuleSelect,
) -> Result<u8> {
    guard_output(output, &corpus, None)?;
    let (_, rules) = setup(&corpus, &select)?;
    let (a, knowledge, _) = analyse(&corpus, false)?;
    let (graphs, _) = pipeline::check(&a, &rules, &knowledge);
    let report = Graphs {
        graphs: &graphs,
        claims: &a.claims,
        documents: &a.corpus.documents,
        format,
    };
    emit(out, output, &report)?;
    Ok(input_status(&a.corpus).unwrap_or(0))
}

/// `claimcheck baseline`: records the findings in a baseline file.
fn baseline_command(corpus: CorpusArgs, output: &Path, select: RuleSelect) -> Result<u8> {
    guard_output(Some(output), &corpus, None)?;
    let (_, rules) = setup(&corpus, &select)?;
    let (mut a, knowledge, cache) = analyse(&corpus, true)?;
    let (_, findings, _) = check_stories(
        &mut a,
        &rules,
        &knowledge,
        cache.as_ref(),
        CheckWants {
            quote: false,
            use_stories: false,
            agreeing: false,
            quiet: corpus.quiet,
        },
    );
    let findings = suppress(findings, &a, corpus.quiet);
    if let Some(code) = input_status(&a.corpus) {
        return Ok(code);
    }
    Baseline::from_findings(&findings).save(output)?;
    if !corpus.quiet {
        eprintln!(
            "recorded {} findings in {}",
            findings.len(),
            output.display()
        );
    }
    Ok(0)
}

/// `claimcheck explain`: a rule's documentation.
fn explain_command(out: &mut impl Write, rule: &str, folders: &[std::path::PathBuf]) -> Result<u8> {
    let all = check::load(folders)?;
    let Some(r) = all.iter().find(|r| r.id == rule) else {
        let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
        eprintln!("error: no rule `{rule}`; the rules are: {}", ids.join(", "));
        return Ok(2);
    };
    emit(out, None, &Explain { rule: r })?;
    Ok(0)
}

/// Runs a command: each picks its reporter and hands it standard output (or its file).
fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Check(args) => check_command(&mut out, args)?,
        Command::Claims {
            corpus,
            format,
            output,
        } => claims_command(&mut out, corpus, format, output.as_deref())?,
        Command::Quantities { corpus, format } => {
            let (a, knowledge, _) = analyse(&corpus, false)?;
            let report = Quantities {
                documents: &a.corpus.documents,
                sentences: &a.sentences,
                units: knowledge.units(),
                format,
            };
            emit(&mut out, None, &report)?;
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Sentences { corpus, format } => {
            let (a, _, _) = analyse(&corpus, false)?;
            let report = Sentences {
                documents: &a.corpus.documents,
                sentences: &a.sentences,
                format,
            };
            emit(&mut out, None, &report)?;
            input_status(&a.corpus).unwrap_or(0)
        }
        Command::Init { path, force } => init_command(&path, force)?,
        Command::Graph {
            corpus,
            format,
            output,
            select,
        } => graph_command(&mut out, corpus, format, output.as_deref(), select)?,
        Command::Baseline {
            corpus,
            output,
            select,
        } => baseline_command(corpus, &output, select)?,
        Command::Rules { rules } => {
            let rules = check::load(&rules)?;
            emit(&mut out, None, &RulesTable { rules: &rules })?;
            0
        }
        Command::Explain { rule, rules } => explain_command(&mut out, &rule, &rules)?,
    };
    reader_gone_ok(out.flush())?;
    Ok(code)
}
