//! Interning that threads share: values to `u32` ids, in shards each behind its own lock,
//! then to dense indices once every value is known.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard};

/// Low bits of an id naming its shard.
const SHARD_BITS: u32 = 4;
const SHARDS: usize = 1 << SHARD_BITS;
const SHARD_MASK: u32 = (SHARDS as u32) - 1;

/// A cheap spread of a value over the shards (the maps hash properly; this only keeps two
/// threads from waiting on one lock).
pub(crate) fn spread(words: impl IntoIterator<Item = u64>) -> u64 {
    words.into_iter().fold(0x9E37_79B9_7F4A_7C15, |h, w| {
        (h ^ w).wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(23)
    })
}

/// The spread of a string's bytes.
pub(crate) fn spread_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let chunks = bytes.chunks(8).map(|c| {
        c.iter()
            .fold(c.len() as u64, |w, &b| (w << 8) | u64::from(b))
    });
    spread(chunks)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while a shard was held leaves a map that is still whole: go on with it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Values to ids, callable from many threads. An id is (insertion number in its shard,
/// shard); which value gets which id depends on thread timing, so ids must never decide
/// an order that is printed.
pub(crate) struct Interner<T> {
    shards: Vec<Mutex<HashMap<T, u32>>>,
}

impl<T: Hash + Eq> Default for Interner<T> {
    fn default() -> Self {
        Interner {
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
        }
    }
}

impl<T: Hash + Eq> Interner<T> {
    /// The id of `value` (which `spread` is the shard spread of), made owned by `owned`
    /// the first time it is seen.
    pub fn intern<Q>(&self, spread: u64, value: &Q, owned: impl FnOnce(&Q) -> T) -> u32
    where
        T: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let shard = (spread as u32) & SHARD_MASK;
        let mut map = lock(&self.shards[shard as usize]);
        let local = match map.get(value) {
            Some(&local) => local,
            None => {
                // 2^28 values per shard: far more than fit in memory as keys.
                let local = map.len() as u32;
                map.insert(owned(value), local);
                local
            }
        };
        (local << SHARD_BITS) | shard
    }

    /// Every value, at dense indices `0..len`, with the map from ids to those indices.
    pub fn finish(self) -> Dense<T> {
        let mut offsets = [0u32; SHARDS];
        let mut total = 0u32;
        let maps: Vec<HashMap<T, u32>> = self
            .shards
            .into_iter()
            .map(|m| m.into_inner().unwrap_or_else(|p| p.into_inner()))
            .collect();
        for (offset, map) in offsets.iter_mut().zip(&maps) {
            *offset = total;
            total += map.len() as u32;
        }
        let mut slots: Vec<Option<T>> = Vec::with_capacity(total as usize);
        slots.resize_with(total as usize, || None);
        for (shard, map) in maps.into_iter().enumerate() {
            for (value, local) in map {
                if let Some(slot) = slots.get_mut((offsets[shard] + local) as usize) {
                    *slot = Some(value);
                }
            }
        }
        Dense {
            values: slots.into_iter().flatten().collect(),
            offsets,
        }
    }
}

/// Interned values at dense indices.
pub(crate) struct Dense<T> {
    pub values: Vec<T>,
    offsets: [u32; SHARDS],
}

impl<T> Dense<T> {
    /// The dense index of an id the interner gave.
    pub fn index(&self, id: u32) -> usize {
        (self.offsets[(id & SHARD_MASK) as usize] + (id >> SHARD_BITS)) as usize
    }

    pub fn get(&self, id: u32) -> Option<&T> {
        self.values.get(self.index(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_get_one_id_and_dense_indices_cover_them_all() {
        let interner: Interner<Box<str>> = Interner::default();
        let words = ["Mali", "France", "", "Mali", "Niger", "France"];
        let ids: Vec<u32> = words
            .iter()
            .map(|w| interner.intern(spread_str(w), *w, |s: &str| Box::from(s)))
            .collect();
        assert_eq!(ids[0], ids[3]);
        assert_eq!(ids[1], ids[5]);
        assert_ne!(ids[0], ids[1]);
        let dense = interner.finish();
        assert_eq!(dense.values.len(), 4);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(dense.get(*id).map(|b| &**b), Some(*w));
        }
        let mut indices: Vec<usize> = ids.iter().map(|&id| dense.index(id)).collect();
        indices.sort_unstable();
        indices.dedup();
        assert_eq!(indices, [0, 1, 2, 3]);
    }
}
