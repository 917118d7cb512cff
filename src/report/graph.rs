//! `claimcheck graph`: each story's claim graph as Graphviz DOT (one graph a story, which
//! Graphviz reads from one file) or JSON (one story: its graph; several: a graph each,
//! named).

use crate::corpus::Document;
use crate::extract::Claim;
use crate::link::export;
use crate::pipeline::StoryGraph;
use serde_json::json;
use std::io::{self, Write};

/// The formats of `claimcheck graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Json,
}

/// The claim graphs of a checked corpus.
#[derive(Clone, Copy, Debug)]
pub struct Graphs<'a> {
    pub graphs: &'a [StoryGraph],
    /// Every claim of the corpus (each graph holds a run of them).
    pub claims: &'a [Claim],
    pub documents: &'a [Document],
    pub format: GraphFormat,
}

impl super::Reporter for Graphs<'_> {
    fn report(&self, out: &mut dyn Write) -> io::Result<()> {
        let docs = self.documents;
        let claims = |g: &StoryGraph| &self.claims[g.story.claims.clone()];
        match self.format {
            GraphFormat::Dot => {
                for g in self.graphs {
                    out.write_all(export::dot(&g.graph, claims(g), docs).as_bytes())?;
                }
            }
            GraphFormat::Json => {
                let mut each: Vec<serde_json::Value> = self
                    .graphs
                    .iter()
                    .map(|g| export::json(&g.graph, claims(g), docs))
                    .collect();
                let value = if each.len() <= 1 {
                    each.pop()
                        .unwrap_or_else(|| export::json(&Default::default(), &[], docs))
                } else {
                    let stories: Vec<_> = self
                        .graphs
                        .iter()
                        .zip(each)
                        .map(|(g, graph)| json!({"story": g.story.name, "graph": graph}))
                        .collect();
                    json!({ "stories": stories })
                };
                let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
                // Control and bidirectional characters as escapes (the same values).
                writeln!(out, "{}", super::visible::json_safe(text))?;
            }
        }
        Ok(())
    }
}
