//! The link model's weights (`rules/link_model.toml`): per facet, how the features of
//! two claims add up to the odds that they state one fact.

use serde::Deserialize;

/// The shipped model.
const SHIPPED: &str = include_str!("../../../rules/link_model.toml");

/// The weights of a logistic model for one facet: the log-odds that two claims state
/// one fact are `bias` plus each feature's weight times its value in [0, 1].
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FacetWeights {
    pub bias: f32,
    pub heads: f32,
    pub predicates_same: f32,
    pub predicates_differ: f32,
    pub predicates_differ_near: f32,
    pub measure: f32,
    pub event: f32,
    pub heads_differ: f32,
    pub names_shared: f32,
    pub names_differ: f32,
    pub subjects_differ: f32,
    /// Absent in a model fitted before the feature: no weight.
    #[serde(default)]
    pub core: f32,
}

/// The model of every facet and the probability at which a pair is linked.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LinkModel {
    pub threshold: f32,
    pub quantity: FacetWeights,
    pub date: FacetWeights,
    pub duration: FacetWeights,
    pub statement: FacetWeights,
}

impl LinkModel {
    /// The model shipped in `rules/link_model.toml`.
    pub fn shipped() -> LinkModel {
        LinkModel::parse(SHIPPED).unwrap_or_else(|e| panic!("rules/link_model.toml: {e}"))
    }

    /// A model from TOML text.
    pub fn parse(text: &str) -> Result<LinkModel, toml::de::Error> {
        toml::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_links_at_a_probability() {
        let m = LinkModel::shipped();
        assert!(m.threshold > 0.5 && m.threshold < 1.0, "{m:?}");
        // Overlapping events are evidence of one fact in every facet.
        for w in [m.quantity, m.date, m.duration, m.statement] {
            assert!(w.event > 0.0, "{w:?}");
        }
    }

    #[test]
    fn a_misspelled_weight_is_an_error() {
        let text = SHIPPED.replace("subjects_differ = -1.30", "subject_differ = -1.30");
        assert!(LinkModel::parse(&text).is_err());
    }
}
