//! A small, fast, non-cryptographic hasher for the look-up tables read at every word
//! (the word lists are ours, not an attacker's, so hash flooding is no concern), and a
//! word set that turns most non-members away before hashing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash used by rustc ("FxHash").
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map keyed through [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hash set keyed through [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A set of words that answers most look-ups of non-members without hashing: it keeps,
/// for each first letter a..z, the lengths of its words that start with it.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    words: FastSet<String>,
    /// Bit `n` of entry `l`: some word starts with letter `l` and is `n` bytes long.
    shapes: [u32; 26],
    /// Some word has no such shape (another first char, or 32 bytes or longer).
    odd: bool,
}

impl WordSet {
    pub fn insert(&mut self, word: String) {
        match shape(&word) {
            Some((letter, bit)) => self.shapes[letter] |= bit,
            None => self.odd = true,
        }
        self.words.insert(word);
    }

    pub fn contains(&self, word: &str) -> bool {
        let possible = match shape(word) {
            Some((letter, bit)) => self.shapes[letter] & bit != 0,
            None => self.odd,
        };
        possible && self.words.contains(word)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> WordSet {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

/// The first letter (a..z as 0..25) and length bit of a word starting with an ASCII
/// lower-case letter and shorter than 32 bytes.
fn shape(word: &str) -> Option<(usize, u32)> {
    let first = *word.as_bytes().first()?;
    (first.is_ascii_lowercase() && word.len() < 32)
        .then(|| (usize::from(first - b'a'), 1u32 << word.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_was_put_in() {
        let mut m: FastMap<String, usize> = FastMap::default();
        let words = [
            "a",
            "an",
            "several",
            "hundreds of",
            "per cent",
            "seventeen-year",
        ];
        for (i, w) in words.iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(*w), Some(&i));
        }
        assert_eq!(m.get("sever"), None);
        let mut a = FxHasher::default();
        a.write(b"abcdefghi");
        let mut b = FxHasher::default();
        b.write(b"abcdefghj");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn word_sets_find_members_of_any_shape() {
        let set: WordSet = ["two", "a", "usd", "€uro", "ĳssel", "x".repeat(40).as_str()]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for w in ["two", "a", "usd", "€uro", "ĳssel", "x".repeat(40).as_str()] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["tw", "twos", "one", "", "€", "x".repeat(39).as_str(), "Two"] {
            assert!(!set.contains(w), "{w}");
        }
    }
}
