//! claimcheck: reads news articles, extracts structured claims, links equivalent claims
//! across sources and reports where the sources contradict each other.
//!
//! Pipeline stages, one module each: [`corpus`] (documents, spans, sentences),
//! [`extract`] (nom parsers from sentences to claims), [`link`] (the claim graph),
//! [`check`] (the rule engine) and [`report`] (output formats). [`pipeline`] runs the
//! stages in order; [`config`] reads `claimcheck.toml`; [`cache`] keeps claims and
//! findings between runs, and [`claimfile`] is where claims are written and read back.
//! The command line is the binary's own and not part of this API.
//!
//! # Example
//!
//! Load a corpus (a folder of articles), check it with the built-in rules and walk the
//! findings: each names its rule, the claim slot the sources disagree on and the sides,
//! each side with the quotes that give its value.
//!
//! ```
//! use claimcheck::{check, extract::Knowledge, pipeline};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = tempfile::tempdir()?;
//! # std::env::set_current_dir(dir.path())?; // a doctest is a process of its own
//! // Two invented reports of one event that give different figures.
//! std::fs::create_dir("articles")?;
//! std::fs::write(
//!     "articles/harbour-gazette.txt",
//!     "Kenya deployed 400 troops to Somalia on Monday, the defence ministry said.\n",
//! )?;
//! std::fs::write(
//!     "articles/coast-herald.txt",
//!     "Kenya deployed 950 troops to Somalia on Monday, the defence ministry said.\n",
//! )?;
//!
//! let rules = check::load(&[])?; // the built-in rules (rules/checks/*.toml)
//! // The lexicons, WordNet layer and link model (rules/), loaded once and passed down.
//! let knowledge = Knowledge::builtin();
//! let analysis = pipeline::analyse(&["articles/".into()], &knowledge);
//! assert!(analysis.corpus.diagnostics.is_empty());
//!
//! let (_graphs, findings) = pipeline::check(&analysis, &rules, &knowledge);
//! assert!(!findings.is_empty());
//! for finding in &findings {
//!     println!("{} [{}] {}", finding.severity, finding.rule, finding.slot);
//!     for side in &finding.sides {
//!         for claim in &side.claims {
//!             println!("  {}: {} ({}): {}", side.side, side.value, claim.source, claim.quote);
//!         }
//!     }
//! }
//! let quantity = findings.iter().find(|f| f.rule == "quantity-mismatch");
//! assert!(quantity.is_some_and(|f| f.sides.len() == 2));
//!
//! // Any format of `claimcheck check --format`, as a string.
//! use claimcheck::report;
//! let infos = pipeline::rule_infos(&rules);
//! let input = report::ReportInput {
//!     findings: &findings,
//!     documents: &analysis.corpus.documents,
//!     rules: &infos,
//!     agreeing_slots: &[],
//!     color: false,
//! };
//! let json = report::render(report::ReportFormat::Json, &input);
//! assert!(json.contains("quantity-mismatch"));
//! # Ok(())
//! # }
//! ```

pub mod cache;
pub mod check;
pub mod claimfile;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod link;
pub mod output;
pub mod pipeline;
pub mod report;
