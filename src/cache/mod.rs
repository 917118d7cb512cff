//! The claim cache, as ruff caches lint results: each document's claims are stored under
//! a key of its content, the claimcheck build and the knowledge ([`key::claims`]), and
//! each story's findings under a key of its documents and the rules ([`key::story`]).
//! Entries are framed with a checksum ([`entry`]); one that does not check out is
//! rebuilt, never trusted. Writing is best-effort: a cache that cannot be written is a
//! warning ([`Cache::warnings`]), never an error. Where the cache lives: [`location`].
//!
//! Layout of a cache folder (entries are content-addressed, so a stale one is never
//! read; `rm -r` the folder to reclaim the space):
//!
//! ```text
//! CACHEDIR.TAG  .gitignore        (backup tools and git skip the folder)
//! v1/claims/ab/ab12...ef          one document's claims (JSON, LZ4-compressed, framed)
//! v1/stories/cd34...01            one story's findings and shared slots (the same)
//! ```

pub mod entry;
pub mod key;
pub mod location;

pub use key::Key;

use crate::check::Finding;
use crate::extract::Claim;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

/// The folder of this format's entries, under the cache folder.
const FORMAT_DIR: &str = "v1";

/// A cache folder and the salt of this run's keys.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    salt: Key,
    /// Set once a write failed: no more writes are tried.
    read_only: AtomicBool,
    write_error: Mutex<Option<String>>,
    counter: AtomicU64,
    /// The claims entries there were when the run began, read once (a folder listing
    /// each, instead of a file lookup each).
    present: OnceLock<HashSet<String>>,
}

/// Why an entry could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no entry")]
    Missing,
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}: {source}")]
    Frame {
        path: PathBuf,
        #[source]
        source: entry::FrameError,
    },
    #[error("{path}: {source}")]
    Decompress {
        path: PathBuf,
        #[source]
        source: lz4_flex::block::DecompressError,
    },
    #[error("{path}: {source}")]
    Decode {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// What is cached of one story: its findings (quoted, before suppressions and the
/// baseline) and its slots shared by several documents (label, key as JSON).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct StoryEntry {
    pub findings: Vec<Finding>,
    pub shared_slots: Vec<(String, String)>,
}

impl Cache {
    /// The cache in `dir` (created at the first write) for keys under `salt`
    /// ([`key::salt`]).
    pub fn new(dir: &Path, salt: Key) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
            salt,
            read_only: AtomicBool::new(false),
            write_error: Mutex::new(None),
            counter: AtomicU64::new(0),
            present: OnceLock::new(),
        }
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The salt of this run's keys.
    pub fn salt(&self) -> Key {
        self.salt
    }

    fn claims_path(&self, key: Key) -> PathBuf {
        let hex = key.hex();
        self.dir
            .join(FORMAT_DIR)
            .join("claims")
            .join(&hex[..2])
            .join(hex)
    }

    fn story_path(&self, key: Key) -> PathBuf {
        self.dir.join(FORMAT_DIR).join("stories").join(key.hex())
    }

    /// True when an entry for these claims existed when the run began (it is checked
    /// when loaded).
    pub fn has_claims(&self, key: Key) -> bool {
        self.present
            .get_or_init(|| self.list_claims())
            .contains(&key.hex())
    }

    /// The names of the claims entries in the cache.
    fn list_claims(&self) -> HashSet<String> {
        let root = self.dir.join(FORMAT_DIR).join("claims");
        let Ok(folders) = std::fs::read_dir(root) else {
            return HashSet::new();
        };
        folders
            .filter_map(Result::ok)
            .filter_map(|f| std::fs::read_dir(f.path()).ok())
            .flatten()
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.len() == 32)
            .collect()
    }

    /// A document's claims, when their entry exists and checks out.
    pub fn load_claims(&self, key: Key) -> Result<Vec<Claim>, LoadError> {
        load(&self.claims_path(key), key, crate::claimfile::from_json)
    }

    /// Stores a document's claims (best-effort: a failure is kept for [`Cache::warnings`]).
    pub fn store_claims(&self, key: Key, claims: &[Claim]) {
        if self.read_only.load(Ordering::Relaxed) {
            return;
        }
        // Claims JSON cannot hold (a number that is not finite) are not cached.
        if let Ok(payload) = crate::claimfile::to_json(claims) {
            self.store(&self.claims_path(key), key, &payload);
        }
    }

    /// A story's entry, when it exists and checks out.
    pub fn load_story(&self, key: Key) -> Result<StoryEntry, LoadError> {
        load(&self.story_path(key), key, |b| serde_json::from_slice(b))
    }

    /// Stores a story's entry (best-effort).
    pub fn store_story(&self, key: Key, story: &StoryEntry) {
        if self.read_only.load(Ordering::Relaxed) {
            return;
        }
        if let Ok(payload) = serde_json::to_vec(story) {
            self.store(&self.story_path(key), key, &payload);
        }
    }

    /// The warnings of the run: the first write that failed, if one did.
    pub fn warnings(&self) -> Vec<String> {
        let error = self.write_error.lock().map(|e| e.clone()).unwrap_or(None);
        error.into_iter().collect()
    }

    fn store(&self, path: &Path, key: Key, payload: &[u8]) {
        let packed = lz4_flex::compress_prepend_size(payload);
        if let Err(e) = self.write(path, &entry::frame(key, &packed)) {
            if !self.read_only.swap(true, Ordering::Relaxed) {
                if let Ok(mut slot) = self.write_error.lock() {
                    *slot = Some(format!(
                        "cache {}: cannot write ({e}): results are not cached",
                        self.dir.display()
                    ));
                }
            }
        }
    }

    /// Writes a file through a temporary file renamed into place, so that a reader (or
    /// a concurrent run) sees the whole entry or none.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let folder = path.parent().unwrap_or(&self.dir);
        if !folder.is_dir() {
            self.prepare()?;
            std::fs::create_dir_all(folder)?;
        }
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let temp = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let result = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(bytes))
            .and_then(|()| std::fs::rename(&temp, path));
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    /// Creates the cache folder with its tag files, when it has none.
    fn prepare(&self) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let tag = self.dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n\
                 # This file is a cache directory tag created by claimcheck.\n\
                 # For information about cache directory tags see https://bford.info/cachedir/\n",
            )?;
            std::fs::write(self.dir.join(".gitignore"), "# Created by claimcheck.\n*\n")?;
        }
        Ok(())
    }
}

/// The entry at `path`, checked and decoded.
fn load<T>(
    path: &Path,
    key: Key,
    decode: impl FnOnce(&[u8]) -> serde_json::Result<T>,
) -> Result<T, LoadError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(LoadError::Missing),
        Err(source) => {
            return Err(LoadError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let payload = entry::unframe(key, &bytes).map_err(|source| LoadError::Frame {
        path: path.to_path_buf(),
        source,
    })?;
    // The checksum has vouched for the size the compressed bytes start with.
    let payload =
        lz4_flex::decompress_size_prepended(payload).map_err(|source| LoadError::Decompress {
            path: path.to_path_buf(),
            source,
        })?;
    decode(&payload).map_err(|source| LoadError::Decode {
        path: path.to_path_buf(),
        source,
    })
}
