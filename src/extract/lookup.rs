//! Fast look-up tables for what is read at every word: FxHash maps and sets
//! (`rustc-hash`; the word lists are ours, not an attacker's, so hash flooding is no
//! concern), and a word set that turns most non-members away before hashing.

/// A hash map keyed through FxHash.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A hash set keyed through FxHash.
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

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
