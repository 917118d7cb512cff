//! claimcheck: reads news articles, extracts structured claims, links equivalent claims
//! across sources and reports where the sources contradict each other.
//!
//! Pipeline stages, one module each: [`corpus`] (documents, spans, sentences),
//! [`extract`] (nom parsers from sentences to claims), [`link`] (the claim graph),
//! [`check`] (the rule engine) and [`report`] (output formats).

pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod link;
pub mod output;
pub mod pipeline;
pub mod report;
