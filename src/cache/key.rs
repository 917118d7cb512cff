//! Cache keys: 128-bit SipHash-1-3 digests of everything a cached value depends on (the
//! claimcheck build, the knowledge, the document or the story).

use crate::check::Rule;
use crate::corpus::Document;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// A digest naming a cache entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(pub u128);

impl Key {
    /// 32 lower-case hex digits: the entry's file name.
    pub fn hex(self) -> String {
        format!("{:032x}", self.0)
    }
}

/// Feeds values into a key; every value is length-prefixed, so that ("ab", "c") and
/// ("a", "bc") differ.
pub struct KeyHasher(SipHasher13);

impl KeyHasher {
    /// A hasher for keys of one kind (`domain`), apart from the keys of every other kind.
    pub fn new(domain: &str) -> Self {
        let mut h = KeyHasher(SipHasher13::new_with_keys(
            0x636c_6169_6d63_6865,
            0x636b_2d63_6163_6865,
        ));
        h.bytes(domain.as_bytes());
        h
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write_u64(bytes.len() as u64);
        self.0.write(bytes);
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.0.write_u64(n);
        self
    }

    pub fn key(&mut self, key: Key) -> &mut Self {
        self.bytes(&key.0.to_le_bytes())
    }

    /// A value by its `Debug` form (for small typed values: dates, maps, rules).
    pub fn debug(&mut self, value: &impl std::fmt::Debug) -> &mut Self {
        self.str(&format!("{value:?}"))
    }

    pub fn finish(&self) -> Key {
        Key(self.0.finish128().as_u128())
    }
}

/// The checksum of an entry's payload (a digest of its own kind).
pub fn checksum(payload: &[u8]) -> Key {
    KeyHasher::new("checksum").bytes(payload).finish()
}

/// What every entry of a run depends on: the claimcheck version, the executable itself
/// (so that every build, even of one version, starts afresh: the built-in rules and
/// lexicons are compiled into it) and every file under the extra rule and lexicon
/// folders (`--rules` and the configuration's `rules`).
pub fn salt(extra_dirs: &[PathBuf]) -> std::io::Result<Key> {
    let mut h = KeyHasher::new("salt");
    h.str(env!("CARGO_PKG_VERSION"));
    let exe = std::env::current_exe()?;
    h.bytes(&std::fs::read(exe)?);
    for dir in extra_dirs {
        h.str(&dir.to_string_lossy());
        hash_tree(&mut h, dir);
    }
    Ok(h.finish())
}

/// Every file under `dir`, by relative path and content, in sorted order.
fn hash_tree(h: &mut KeyHasher, dir: &Path) {
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file());
    for entry in walk {
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        h.str(&rel.to_string_lossy());
        match std::fs::read(entry.path()) {
            Ok(bytes) => h.bytes(&bytes),
            Err(e) => h.str(&format!("unreadable: {e}")),
        };
    }
}

/// The key of a document's claims: what extraction reads of it (its id, format,
/// publication date, text and the map from text to file bytes), under the run's salt.
/// A JSON-lines document keeps its key when other lines move it.
pub fn claims(salt: Key, doc: &Document) -> Key {
    let mut h = KeyHasher::new("claims");
    h.key(salt)
        .str(&doc.id)
        .debug(&doc.format)
        .debug(&doc.published)
        .str(&doc.text);
    hash_map(&mut h, doc);
    h.finish()
}

fn hash_map(h: &mut KeyHasher, doc: &Document) {
    h.u64(doc.map.pieces.len() as u64);
    for p in &doc.map.pieces {
        h.u64(p.text as u64)
            .u64(p.len as u64)
            .u64(p.file.start as u64)
            .u64(p.file.end as u64);
    }
}

/// The fingerprint of a document for its story's findings: its claims key and all the
/// rest that findings show (source, title, url, its line in a JSON-lines file, the file
/// bytes that lines and columns count), but not its story (the story key has it).
pub fn document(claims: Key, doc: &Document) -> Key {
    let mut h = KeyHasher::new("document");
    h.key(claims)
        .str(&doc.source)
        .debug(&doc.title)
        .debug(&doc.url)
        .debug(&doc.line_in_file)
        .debug(&doc.json_pos)
        .bytes(doc.file_bytes());
    h.finish()
}

/// The key of one story's findings: the salt, the rules as configured and selected, the
/// story's name and its documents' fingerprints in order.
pub fn story(
    salt: Key,
    rules: Key,
    name: Option<&str>,
    documents: impl IntoIterator<Item = Key>,
) -> Key {
    let mut h = KeyHasher::new("story");
    h.key(salt).key(rules).debug(&name);
    for d in documents {
        h.key(d);
    }
    h.finish()
}

/// The key of a set of rules (ids, kinds, severities, parameters, whether enabled).
pub fn rules(rules: &[Rule]) -> Key {
    let mut h = KeyHasher::new("rules");
    for r in rules {
        h.debug(r);
    }
    h.finish()
}
