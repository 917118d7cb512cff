//! The registry of rule kinds: one line per kind in [`KINDS`], each kind's name, facets,
//! parameters and check declared in its own file as a [`KindInfo`].

use super::engine::{Context, Draft};
use super::params::Parser;
use super::rule::Rule;
use super::{action_scope, actor, date, duration, location, polarity, quantity};
use crate::link::{Facet, Slot};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;

/// What a kind is: declared once, in the kind's file.
#[derive(Debug)]
pub struct KindInfo {
    /// The name rule files give in `kind = "..."`.
    pub name: &'static str,
    /// The facets of the claim slots it is run on.
    pub facets: &'static [Facet],
    /// Its parameters.
    pub params: Parser,
    /// Checks one slot: the sides that conflict, if any.
    pub check: fn(&Rule, &Context, &Slot) -> Option<Draft>,
}

/// Every kind, in the order `claimcheck rules` and the documentation list them.
pub static KINDS: &[&KindInfo] = &[
    &quantity::KIND,
    &date::KIND,
    &duration::KIND,
    &actor::KIND,
    &action_scope::KIND,
    &polarity::KIND,
    &location::KIND,
];

/// The names of the kinds, for messages.
static NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| KINDS.iter().map(|k| k.name).collect());

/// A rule kind: an entry of [`KINDS`].
#[derive(Clone, Copy)]
pub struct Kind(&'static KindInfo);

impl Kind {
    /// The kind called `name`.
    pub fn named(name: &str) -> Option<Kind> {
        KINDS.iter().find(|k| k.name == name).map(|k| Kind(k))
    }

    /// Every kind.
    pub fn all() -> impl Iterator<Item = Kind> {
        KINDS.iter().map(|k| Kind(k))
    }

    pub fn as_str(self) -> &'static str {
        self.0.name
    }

    /// What the kind declares.
    pub fn info(self) -> &'static KindInfo {
        self.0
    }

    /// Whether the kind is run on slots of `facet`.
    pub fn applies(self, facet: Facet) -> bool {
        self.0.facets.contains(&facet)
    }

    /// The names of the parameters the kind accepts; any other is an error.
    pub fn parameters(self) -> Vec<&'static str> {
        self.0.params.names()
    }

    fn index(self) -> usize {
        KINDS
            .iter()
            .position(|k| k.name == self.0.name)
            .unwrap_or(usize::MAX)
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Kind {}

impl PartialEq<str> for Kind {
    fn eq(&self, other: &str) -> bool {
        self.0.name == other
    }
}

impl PartialEq<&str> for Kind {
    fn eq(&self, other: &&str) -> bool {
        self.0.name == *other
    }
}

impl std::hash::Hash for Kind {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

impl PartialOrd for Kind {
    fn partial_cmp(&self, other: &Kind) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kind {
    fn cmp(&self, other: &Kind) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.0.name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name)
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let name = String::deserialize(d)?;
        Kind::named(&name).ok_or_else(|| serde::de::Error::unknown_variant(&name, NAMES.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_unique_names_and_facets() {
        let mut names: Vec<&str> = Kind::all().map(Kind::as_str).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
        assert!(KINDS.iter().all(|k| !k.facets.is_empty()));
        assert_eq!(
            Kind::named("action-scope").map(Kind::as_str),
            Some("action-scope")
        );
    }
}
