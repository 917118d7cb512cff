//! `corpus.toml`: a folder's `[[document]]` entries giving each file its metadata.

use super::document::line_starts;
use super::error::{Diagnostic, Level};
use super::meta::Meta;
use super::read::{diagnostic, diagnostic_at, line_col};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The name of a manifest file inside a folder.
pub const MANIFEST_NAME: &str = "corpus.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    document: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: toml::Spanned<String>,
    source: Option<String>,
    published: Option<toml::Spanned<toml::Value>>,
    title: Option<String>,
    url: Option<String>,
    story: Option<String>,
}

/// Metadata of the files named by the manifests read so far, keyed by normalised path.
#[derive(Default)]
pub struct Manifests {
    entries: HashMap<PathBuf, (Meta, PathBuf, usize)>,
    used: std::collections::HashSet<PathBuf>,
    /// The manifest files read.
    files: Vec<PathBuf>,
}

/// A path without `.` components, for comparing manifest entries with walked files.
pub fn normalise(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

impl Manifests {
    /// Reads the manifest at `path` (in folder `dir`); problems become diagnostics.
    /// False when it could not be read or parsed (its entries are then unknown).
    pub fn read(&mut self, path: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> bool {
        self.files.push(path.to_path_buf());
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                diags.push(diagnostic(Level::Error, path, format!("cannot read: {e}")));
                return false;
            }
        };
        self.read_text(path, dir, &text, diags)
    }

    /// Reads a manifest's text (`path` names it in diagnostics; entries are relative to
    /// `dir`). False when it is malformed.
    pub fn read_text(
        &mut self,
        path: &Path,
        dir: &Path,
        text: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        let file: ManifestFile = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
                let message = format!("malformed manifest: {}", e.message().trim());
                diags.push(diagnostic_at(Level::Error, path, line, col, message));
                return false;
            }
        };
        // Line numbers from the line starts, found once: `line_col` per entry would
        // rescan the manifest from its start each time (quadratic in its length).
        let starts = line_starts(text.as_bytes());
        let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).max(1);
        for entry in file.document {
            let entry_line = line_of(entry.path.span().start);
            let key = normalise(&dir.join(entry.path.get_ref()));
            if let Some((_, first, first_line)) = self.entries.get(&key) {
                let at = if first == path {
                    format!("line {first_line}")
                } else {
                    format!("{}:{first_line}", first.display())
                };
                let message = format!(
                    "second entry for {} (first at {at}): ignored, the first is used",
                    key.display()
                );
                diags.push(diagnostic_at(Level::Warning, path, entry_line, 1, message));
                continue;
            }
            let (published, line) = match &entry.published {
                Some(p) => {
                    let line = line_of(p.span().start);
                    let value = match p.get_ref() {
                        toml::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (Some(value), line)
                }
                None => (None, 1),
            };
            let meta = Meta::parsed(
                entry.source,
                published.as_deref(),
                entry.title,
                entry.url,
                |msg| {
                    diags.push(diagnostic_at(Level::Warning, path, line, 1, msg));
                },
            )
            .with_story(entry.story);
            self.entries
                .insert(key, (meta, path.to_path_buf(), entry_line));
        }
        true
    }

    /// The manifest files read so far.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// True when a manifest read so far has an entry for the file at `path`.
    pub fn lists(&self, path: &Path) -> bool {
        self.entries.contains_key(&normalise(path))
    }

    /// The metadata a manifest gives the file at `path` (default when none does).
    pub fn lookup(&mut self, path: &Path) -> Meta {
        let key = normalise(path);
        match self.entries.get(&key) {
            Some((meta, _, _)) => {
                let meta = meta.clone();
                self.used.insert(key);
                meta
            }
            None => Meta::default(),
        }
    }

    /// Warnings for manifest entries that named no file that was read.
    pub fn unused(&self) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = self
            .entries
            .iter()
            .filter(|(k, _)| !self.used.contains(*k))
            .map(|(k, (_, manifest, line))| {
                diagnostic_at(
                    Level::Warning,
                    manifest,
                    *line,
                    1,
                    format!("entry names no document: {}", k.display()),
                )
            })
            .collect();
        out.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        out
    }
}
