//! Command-line interface: the subcommands and their options (clap derive).

use crate::check::Severity;
use crate::report::ReportFormat;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  claimcheck check examples/sahel-crisis
  claimcheck check corpus/ --format json > findings.json
  claimcheck check corpus/ --fail-on error --baseline claimcheck.baseline.json
  claimcheck claims article.txt --format jsonl
  claimcheck quantities news.jsonl --format jsonl
  claimcheck sentences article.md
  claimcheck graph corpus/ --format dot | dot -Tsvg > graph.svg
  claimcheck explain quantity-mismatch

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
    /// Files and folders to read (.txt, .md, .html, .htm, .jsonl); folders are walked.
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report contradictions between sources.
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// The lowest severity that makes the exit status 1 [default: warning, or the config's].
        #[arg(long, value_enum)]
        fail_on: Option<Severity>,
        /// Write the report to this file (through a temporary file renamed at the end)
        /// instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Report (and fail on) only findings not recorded in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
    },
    /// Record today's findings in a baseline file, for `check --baseline`.
    Baseline {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Where to write the baseline.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
    },
    /// Print the structured claims read from the corpus.
    Claims {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = ClaimFormat::Text)]
        format: ClaimFormat,
    },
    /// Print every quantity mention.
    Quantities {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = LineFormat::Text)]
        format: LineFormat,
    },
    /// Print the sentences with their spans (to debug a corpus).
    Sentences {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, short = 'f', value_enum, default_value_t = LineFormat::Text)]
        format: LineFormat,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ClaimFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LineFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Json,
}
