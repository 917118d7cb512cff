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
    /// The story of the folder holding the file's `corpus.toml` (the nearest one
    /// upward inside the walk), if there is one.
    pub story: Option<String>,
}

/// The path that names standard input: one plain-text article, id `stdin`.
pub const STDIN: &str = "-";

/// File names (without extension, any case) of the files of a project that are not
/// articles: in a folder they are not read.
const NOT_ARTICLES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "changelog",
    "changes",
    "contributing",
    "copying",
    "authors",
    "notice",
    "code_of_conduct",
];

/// True for a README, LICENSE, CHANGELOG and the like.
pub fn is_not_article(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| NOT_ARTICLES.contains(&s.to_ascii_lowercase().as_str()))
}

/// The name of the story of a folder holding a `corpus.toml`: its path below the root
/// walked (`/`-separated), or for the root itself (or the folder of a file given
/// directly) the folder's own name.
pub fn story_name(root: &Path, dir: &Path) -> String {
    if let Ok(rel) = dir.strip_prefix(root) {
        if rel.components().next().is_some() {
            return rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
        }
    }
    let named = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    named(dir)
        .or_else(|| std::fs::canonicalize(dir).ok().as_deref().and_then(named))
        .unwrap_or_else(|| dir.display().to_string())
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

/// The files of one walk by identity, to read a file reached twice (through a linked
/// folder) once.
#[derive(Default)]
struct SeenFiles {
    first: std::collections::HashMap<(u64, u64), PathBuf>,
}

impl SeenFiles {
    /// The path this entry's file was first met at, if it was met before.
    #[cfg(unix)]
    fn earlier(&mut self, entry: &walkdir::DirEntry) -> Option<PathBuf> {
        use std::os::unix::fs::MetadataExt;
        let meta = entry.metadata().ok()?;
        match self.first.entry((meta.dev(), meta.ino())) {
            std::collections::hash_map::Entry::Occupied(e) => Some(e.get().clone()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(entry.path().to_path_buf());
                None
            }
        }
    }

    #[cfg(not(unix))]
    fn earlier(&mut self, _entry: &walkdir::DirEntry) -> Option<PathBuf> {
        None
    }
}

/// The diagnostic of a walking error: a symlink loop (warning: what it points to is
/// walked already), an unreadable folder or file (error); `None` for a dangling link
/// whose name is not a document's (ignored like any other such file).
fn walk_error(root: &Path, e: &walkdir::Error) -> Option<Diagnostic> {
    let path = e.path().unwrap_or(root);
    if let Some(ancestor) = e.loop_ancestor() {
        return Some(diagnostic(
            Level::Warning,
            path,
            format!(
                "symlink loop: points to {}, which is already being read; not followed",
                ancestor.display()
            ),
        ));
    }
    let dangling = e
        .io_error()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound);
    if dangling && format_of(path).is_none() && e.depth() > 0 {
        return None;
    }
    let cause = e
        .io_error()
        .map_or_else(|| e.to_string(), |io| io.to_string());
    Some(diagnostic(
        Level::Error,
        path,
        format!("cannot read: {cause}"),
    ))
}

/// What a file that is neither a folder nor a regular file is.
fn kind_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
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
    if root == Path::new(STDIN) {
        return vec![Input {
            path: root.to_path_buf(),
            id: "stdin".to_string(),
            format: Format::Text,
            story: None,
        }];
    }
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
        let mut story = None;
        if manifest.is_file()
            && root.file_name().is_some_and(|n| n != MANIFEST_NAME)
            && manifests.read(&manifest, dir, diags)
        {
            story = Some(story_name(dir, dir));
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
            story,
        }];
    }
    let mut files = Vec::new();
    // Hidden files and folders below the root (".git", "._a.txt") are not part of a corpus.
    // Symlinks are followed (a linked sub-folder is walked); a link back to a folder
    // being walked is reported and not followed again.
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut seen = SeenFiles::default();
    let mut manifest_dirs: Vec<PathBuf> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                if let Some(d) = walk_error(root, &e) {
                    diags.push(d);
                }
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            // A FIFO would block the run, a device never end: only regular files are
            // read from folders.
            if format_of(entry.path()).is_some() {
                diags.push(diagnostic(
                    Level::Warning,
                    entry.path(),
                    format!("not a regular file ({}), skipped", kind_name(&kind)),
                ));
            }
            continue;
        }
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
            let dir = path.parent().unwrap_or(root);
            if manifests.read(path, dir, diags) {
                manifest_dirs.push(dir.to_path_buf());
            }
            continue;
        }
        let Some(format) = format_of(path) else {
            continue;
        };
        if let Some(first) = seen.earlier(&entry) {
            diags.push(diagnostic(
                Level::Warning,
                path,
                format!(
                    "the same file as {} (through a symlink), read once",
                    first.display()
                ),
            ));
            continue;
        }
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
            story: None,
        });
    }
    // The manifests of a folder are known only once it is walked: stories and the files
    // that are not articles are told now.
    files.retain_mut(|input| {
        let home = manifest_dirs
            .iter()
            .filter(|d| input.path.starts_with(d))
            .max_by_key(|d| d.components().count());
        // A JSON-lines file is a feed: each line names its document (and its metadata).
        let listed = manifests.lists(&input.path) || input.format == Format::JsonLines;
        let why = if listed {
            None
        } else if is_not_article(&input.path) {
            Some("not an article (a project file such as a README), not read".to_string())
        } else {
            home.map(|d| {
                format!(
                    "not listed in {}, not read as an article",
                    d.join(MANIFEST_NAME).display()
                )
            })
        };
        if let Some(why) = why {
            diags.push(diagnostic(Level::Note, &input.path, why));
            return false;
        }
        input.story = home.map(|d| story_name(root, d));
        true
    });
    files
}
