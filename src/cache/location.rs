//! Where the cache lives: `--cache-dir DIR` when given, else `.claimcheck_cache` in the
//! current folder (as ruff's `.ruff_cache`), but never inside a corpus folder the run
//! reads: the corpus is only ever opened for reading.

use std::path::{Path, PathBuf};

/// The name of the default cache folder.
pub const DEFAULT_DIR: &str = ".claimcheck_cache";

/// Where the cache goes, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// Use this folder; `explicit` when the user named it (then problems are warnings).
    Dir { path: PathBuf, explicit: bool },
    /// No cache (`--no-cache`, or the default folder would be inside the corpus).
    Off,
    /// The folder named lies inside a corpus folder: no cache, with this warning.
    InsideCorpus { path: PathBuf, corpus: PathBuf },
}

/// Chooses the cache folder: `explicit` (`--cache-dir`), else `.claimcheck_cache` in
/// `cwd` unless `cwd` is inside (or is) one of the corpus folders `paths`.
pub fn choose(explicit: Option<&Path>, cwd: &Path, paths: &[PathBuf]) -> Location {
    let (path, is_explicit) = match explicit {
        Some(p) if p.is_absolute() => (p.to_path_buf(), true),
        Some(p) => (cwd.join(p), true),
        None => (cwd.join(DEFAULT_DIR), false),
    };
    let probe = if is_explicit { path.as_path() } else { cwd };
    match corpus_holding(probe, paths) {
        Some(corpus) if is_explicit => Location::InsideCorpus { path, corpus },
        Some(_) => Location::Off,
        None => Location::Dir {
            path,
            explicit: is_explicit,
        },
    }
}

/// The corpus folder among `paths` that holds `place` (or is it), if one does. Paths are
/// compared canonically, and a folder not yet created by the folder above it that exists.
fn corpus_holding(place: &Path, paths: &[PathBuf]) -> Option<PathBuf> {
    let place = canonical_prefix(place);
    paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.canonicalize().ok().map(|c| (p, c)))
        .find(|(_, root)| place.starts_with(root))
        .map(|(p, _)| p.clone())
}

/// The canonical form of `path`, resolving its longest existing prefix (the rest is
/// appended as written).
fn canonical_prefix(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut cur = path;
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_current_folder_unless_it_is_in_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news");
        std::fs::create_dir_all(corpus.join("story")).unwrap();
        let paths = vec![corpus.clone()];
        assert_eq!(
            choose(None, dir.path(), &paths),
            Location::Dir {
                path: dir.path().join(DEFAULT_DIR),
                explicit: false
            }
        );
        assert_eq!(choose(None, &corpus, &paths), Location::Off);
        assert_eq!(choose(None, &corpus.join("story"), &paths), Location::Off);
        let inside = corpus.join("cache");
        assert_eq!(
            choose(Some(&inside), dir.path(), &paths),
            Location::InsideCorpus {
                path: inside.clone(),
                corpus: corpus.clone()
            }
        );
        assert_eq!(
            choose(Some(Path::new("elsewhere")), dir.path(), &paths),
            Location::Dir {
                path: dir.path().join("elsewhere"),
                explicit: true
            }
        );
    }
}
