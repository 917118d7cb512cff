//! Walking the inputs: files and folders (recursively, sorted by file name) into the list
//! of files to read, with their ids and formats, and the manifests found on the way.

use super::document::Format;
use super::error::{Diagnostic, Level};
use super::manifest::{Manifests, MANIFEST_NAME};
use super::read::diagnostic;
use std::path::{Path, PathBuf};

/// A file to read: where it is, its id (path relative to its root, `/`-separated) and format.
pub struct Input {
    pub path: PathBuf,
    pub id: String,
    pub format: Format,
}

/// The format of a known extension (`None` for other files).
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        _ => None,
    }
}

/// Every file that reading `roots` opens (documents and manifests), found by walking
/// them without reading a document; problems are left for the reading to report.
pub fn files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut manifests = Manifests::default();
    let mut out: Vec<PathBuf> = roots
        .iter()
        .flat_map(|root| inputs(root, &mut manifests, &mut Vec::new()))
        .map(|input| input.path)
        .collect();
    out.extend(manifests.files().iter().cloned());
    out
}

/// The files under one root. A file given directly is read whatever its extension
/// (unknown ones as text), and the manifest of its folder applies; in a folder, files
/// with other extensions and hidden files are ignored.
pub fn inputs(root: &Path, manifests: &mut Manifests, diags: &mut Vec<Diagnostic>) -> Vec<Input> {
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) => {
            diags.push(diagnostic(Level::Error, root, format!("cannot read: {e}")));
            return Vec::new();
        }
    };
    if !meta.is_dir() {
        let dir = root.parent().unwrap_or(Path::new(""));
        let manifest = dir.join(MANIFEST_NAME);
        if manifest.is_file() && root.file_name().is_some_and(|n| n != MANIFEST_NAME) {
            manifests.read(&manifest, dir, diags);
        }
        let id = root.file_name().map_or_else(
            || root.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let format = format_of(root).unwrap_or(Format::Text);
        return vec![Input {
            path: root.to_path_buf(),
            id,
            format,
        }];
    }
    let mut files = Vec::new();
    // Hidden files and folders below the root (".git", "._a.txt") are not part of a corpus.
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let cause = e
                    .io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string());
                diags.push(diagnostic(
                    Level::Error,
                    &path,
                    format!("cannot read: {cause}"),
                ));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
            manifests.read(path, path.parent().unwrap_or(root), diags);
            continue;
        }
        let Some(format) = format_of(path) else {
            continue;
        };
        let rel = path.strip_prefix(root).unwrap_or(path);
        let id = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push(Input {
            path: path.to_path_buf(),
            id,
            format,
        });
    }
    files
}
