//! Command-line interface of the binary: the subcommands and their options (clap derive).
//! Private to the binary; the library's API does not depend on it.

use claimcheck::check::Severity;
use claimcheck::report::ReportFormat;
pub use claimcheck::report::{GraphFormat, ListFormat};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  claimcheck check examples/mtwara-harbour
  claimcheck check examples/mtwara-harbour --format json > findings.json
  claimcheck baseline examples/mtwara-harbour -o claimcheck.baseline.json
  claimcheck check examples/mtwara-harbour --fail-on error --baseline claimcheck.baseline.json
  claimcheck check examples/mtwara-harbour --select quantity,date --statistics
  claimcheck check examples/mtwara-harbour --cache-dir /tmp/claimcheck-cache
  claimcheck check - examples/mtwara-harbour < examples/mtwara-harbour/001-coastline-post.txt
  claimcheck claims examples/mtwara-harbour/002-indian-ocean-wire.md --format jsonl
  claimcheck claims examples/mtwara-harbour --format jsonl -o shard.jsonl
  claimcheck check --claims shard.jsonl
  claimcheck quantities examples/mtwara-harbour --format json
  claimcheck sentences examples/mtwara-harbour/004-regional-ledger.txt
  claimcheck graph examples/mtwara-harbour --format dot | dot -Tsvg > graph.svg
  claimcheck explain quantity-mismatch
  claimcheck init

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage, config, input or
internal error.";

/// Finds where news sources contradict each other.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by the commands that read a corpus.
#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// Files and folders to read (.txt, .md, .html, .htm, .jsonl); folders are walked;
    /// `-` reads one plain-text article from standard input.
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Extra lexicon and rule files: a folder with `lexicon/` and/or `checks/`.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// The configuration file (default: the nearest claimcheck.toml upward).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The largest file (or JSON line) read, in bytes (suffixes K, M, G); larger ones are
    /// skipped with an error.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// No progress bar and no warnings on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// The claim cache folder of `check` and `baseline` [default: .claimcheck_cache in
    /// the current folder, unless that is inside the corpus; env: CLAIMCHECK_CACHE_DIR].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the claim cache (env: CLAIMCHECK_NO_CACHE=1).
    #[arg(long, conflicts_with = "cache_dir")]
    pub no_cache: bool,
}

/// Which rules run: `--select` and `--ignore`, each a list of rule ids or kinds.
#[derive(Debug, Default, clap::Args)]
pub struct RuleSelect {
    /// Run only these rules: ids (quantity-mismatch) or kinds (quantity), comma-separated.
    #[arg(long, value_name = "RULE|KIND", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules: ids or kinds, comma-separated (after --select).
    #[arg(long, value_name = "RULE|KIND", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

/// When the text report uses colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set (to anything but the empty string).
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (`tty`) or not, given NO_COLOR.
    pub fn enabled(self, tty: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// The formats of `claimcheck claims`: the listing formats, and Parquet (one row a
/// claim, for other engines; needs the `parquet` cargo feature).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    /// One readable line a claim.
    Text,
    /// One JSON object holding the claims.
    Json,
    /// One JSON object a line, which `check --claims` reads back.
    Jsonl,
    /// One row a claim, for other engines and `check --claims` (needs the `parquet`
    /// cargo feature; use with -o FILE).
    Parquet,
}

impl ClaimsFormat {
    /// The listing format, for all but Parquet.
    pub fn listing(self) -> Option<ListFormat> {
        match self {
            ClaimsFormat::Text => Some(ListFormat::Text),
            ClaimsFormat::Json => Some(ListFormat::Json),
            ClaimsFormat::Jsonl => Some(ListFormat::Jsonl),
            ClaimsFormat::Parquet => None,
        }
    }
}

/// A size in bytes: digits with an optional K, M or G suffix (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, c)) if c.eq_ignore_ascii_case(&'k') => (&t[..i], 10),
        Some((i, c)) if c.eq_ignore_ascii_case(&'m') => (&t[..i], 20),
        Some((i, c)) if c.eq_ignore_ascii_case(&'g') => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size such as 500000, 512K, 64M or 1G"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is not a size between 1 byte and 16 EiB"))
}

/// The options of `claimcheck check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The lowest severity that makes the exit status 1 [default: warning, or the config's].
    #[arg(long, value_enum)]
    pub fail_on: Option<Severity>,
    /// Write the report to this file (through a temporary file renamed at the end)
    /// instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report (and fail on) only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    #[command(flatten)]
    pub select: RuleSelect,
    /// Print how many findings each rule has, instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Exit 0 even when there are findings (input and usage errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Colour the text report: auto (a terminal, without NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// PATHS are claims files (`claimcheck claims --format jsonl` of shards of a corpus):
    /// link and check their claims together, quoting from the documents' recorded paths.
    #[arg(long)]
    pub claims: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report contradictions between sources.
    Check(CheckArgs),
    /// Write a commented claimcheck.toml (the configuration) in the current folder.
    Init {
        /// Where to write it.
        #[arg(default_value = "claimcheck.toml", value_name = "FILE")]
        path: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Record today's findings in a baseline file, for `check --baseline`.
    Baseline {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Where to write the baseline.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        select: RuleSelect,
    },
    /// Print the structured claims read from the corpus (`--format jsonl` or `parquet`
    /// for `check --claims`).
    Claims {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = ClaimsFormat::Text)]
        format: ClaimsFormat,
        /// Write the claims to this file (through a temporary file renamed at the end)
        /// instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print every quantity mention.
    Quantities {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print the sentences with their spans (to debug a corpus).
    Sentences {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print the claim graph.
    Graph {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = GraphFormat::Json)]
        format: GraphFormat,
        /// Write the graph to this file (through a temporary file renamed at the end).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        select: RuleSelect,
    },
    /// List the rules.
    Rules {
        /// Extra rule folders.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Print a rule's documentation.
    Explain {
        /// The rule id, for example quantity-mismatch.
        rule: String,
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
}
