//! Place knowledge derived from WordNet 3.0 (`rules/lexicon/english/places.tsv`): what a
//! named place is an instance of ("city", "country") and what places and parts are part
//! of ("nassau" of "bahamas", "stern" of "ship"), so that a place and a place inside it
//! are told from two places.

use rustc_hash::FxHashMap;

use super::data::EnglishDataError;

/// The table compiled into the binary.
const PLACES: &str = include_str!("../../../rules/lexicon/english/places.tsv");

/// How many steps up the part-of chain containment is followed (district, province,
/// country, region).
const DEPTH: usize = 6;

/// One row of the table: what the place is an instance of and what it is part of.
#[derive(Debug, Default, Clone)]
struct Row {
    kind: Option<u32>,
    parts: Box<[u32]>,
}

/// What places and parts are part of, and the kind of named places.
#[derive(Debug, Default)]
pub struct Places {
    index: FxHashMap<&'static str, u32>,
    names: Vec<&'static str>,
    rows: Vec<Row>,
    /// Places that some row is part of (a country, a state, a ship).
    wholes: Vec<bool>,
}

impl Places {
    /// The table compiled into the binary, parsed afresh (the run's knowledge does so
    /// once).
    pub fn shipped() -> Places {
        Places::parse(PLACES).expect("built-in place table parses (checked by the tests)")
    }

    fn intern(&mut self, name: &'static str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.index.insert(name, id);
        self.names.push(name);
        self.rows.push(Row::default());
        id
    }

    /// Parses the table: `place<TAB>instance of<TAB>part of, comma-separated`, lower
    /// case; `#` lines are comments.
    pub fn parse(text: &'static str) -> Result<Places, EnglishDataError> {
        let mut places = Places::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| EnglishDataError {
                file: "places.tsv",
                line: i + 1,
                message: message.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(place), Some(kind), Some(parts), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(err("expected three tab-separated fields"));
            };
            if place.is_empty() || place.chars().any(char::is_uppercase) {
                return Err(err("the place must be a lower-case word"));
            }
            let id = places.intern(place);
            let kind = (!kind.is_empty()).then(|| places.intern(kind));
            let parts: Box<[u32]> = parts
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| places.intern(p))
                .collect();
            places.rows[id as usize] = Row { kind, parts };
        }
        places.wholes = vec![false; places.rows.len()];
        for row in &places.rows {
            for &p in row.parts.iter() {
                places.wholes[p as usize] = true;
            }
        }
        Ok(places)
    }

    /// What a named place is an instance of ("city" for "stuttgart"), lower case.
    pub fn kind(&self, place: &str) -> Option<&'static str> {
        let id = *self.index.get(place.to_lowercase().as_str())?;
        self.rows[id as usize].kind.map(|k| self.names[k as usize])
    }

    /// Whether some place or part is part of `place` ("germany", "florida", "ship").
    pub fn is_whole(&self, place: &str) -> bool {
        self.index
            .get(place.to_lowercase().as_str())
            .is_some_and(|&id| self.wholes[id as usize])
    }

    /// The places and wholes `place` is part of, directly (lower case).
    pub fn parts_of(&self, place: &str) -> impl Iterator<Item = &'static str> + '_ {
        let id = self.index.get(place.to_lowercase().as_str()).copied();
        id.into_iter()
            .flat_map(move |id| self.rows[id as usize].parts.iter())
            .map(move |&p| self.names[p as usize])
    }

    /// Whether `inner` lies within `outer` by WordNet's part-of links, a few steps up
    /// ("nassau" in "bahamas", "hong kong" in "china", "stern" of a "ship"); a place is
    /// not within itself. Case-insensitive.
    pub fn within(&self, inner: &str, outer: &str) -> bool {
        let (Some(&from), Some(&to)) = (
            self.index.get(inner.to_lowercase().as_str()),
            self.index.get(outer.to_lowercase().as_str()),
        ) else {
            return false;
        };
        let mut frontier = vec![from];
        let mut seen = vec![from];
        for _ in 0..DEPTH {
            let mut next = Vec::new();
            for id in frontier {
                for &p in self.rows[id as usize].parts.iter() {
                    if p == to {
                        return true;
                    }
                    if !seen.contains(&p) {
                        seen.push(p);
                        next.push(p);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        false
    }

    /// Whether two different parts are parts of one whole ("bow" of a "vessel" and
    /// "stern" of a "ship", when `same_whole` takes a ship for a vessel): two places that
    /// exclude each other.
    pub fn sibling_parts(&self, a: &str, b: &str, same_whole: impl Fn(&str, &str) -> bool) -> bool {
        if a.eq_ignore_ascii_case(b) || self.within(a, b) || self.within(b, a) {
            return false;
        }
        let of_b: Vec<&str> = self.parts_of(b).collect();
        self.parts_of(a)
            .any(|w| of_b.iter().any(|v| w == *v || same_whole(w, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_knows_containment() {
        let p = Places::shipped();
        assert!(p.within("Nassau", "Bahamas"));
        assert!(p.within("stuttgart", "germany"));
        assert!(!p.within("bahamas", "nassau"));
        assert!(!p.within("hong kong", "bahamas"));
        assert_eq!(p.kind("colombo"), Some("national capital"));
        let english = crate::extract::english::English::shipped();
        let same = |a: &str, b: &str| english.related(a, b);
        assert!(p.sibling_parts("bow", "stern", same));
        assert!(!p.sibling_parts("stern", "stern", same));
    }

    #[test]
    fn a_malformed_row_is_an_error_with_its_line() {
        let err = Places::parse("# comment\nnassau\tcity\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(Places::parse("Nassau\tcity\tbahamas\n").is_err());
    }
}
