//! Canonical views of claims and the blocking keys that decide which claims share a slot.

use crate::extract::claim::theme::ThemeHit;
use crate::extract::family::Families;
use crate::extract::{Claim, Entity, Knowledge, Mention, Value};
use serde::Serialize;

/// What a slot compares: how many (quantity) or what happened, when and by whom (event).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Quantity,
    Event,
    /// How long something (a mission, an operation) has lasted.
    Duration,
    /// When something happened, for claims linked by meaning.
    Date,
    /// That something happened or not, for claims linked by meaning.
    Statement,
    /// Where something happened, was kept, was bound or is based, for claims linked by
    /// meaning.
    Location,
}

/// The canonical parts that must be equal for two claims to speak of one fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SlotKey {
    pub facet: Facet,
    /// The event family ("withdraw", "coup"), or "count" for a bare quantity.
    pub family: String,
    /// Canonical actor (the one whose forces, staff ... the event concerns); "" unknown.
    pub actor: String,
    /// Domain (diplomatic, military ...) for events, the counted measure for quantities.
    pub kind: String,
    /// Canonical target or place; "" unknown.
    pub location: String,
    /// Year bucket for quantity slots whose claims give a year; "" otherwise.
    pub period: String,
}

/// A claim seen canonically: the event's actor and initiator after converse actions.
#[derive(Clone, Debug)]
pub struct Canonical {
    pub family: String,
    pub actor: Option<Mention<Entity>>,
    pub initiator: Option<Mention<Entity>>,
    pub location: Option<Mention<Entity>>,
}

/// The canonical view of a claim.
pub fn canonical(claim: &Claim, families: &Families) -> Canonical {
    let action = claim.action.as_ref().map(|a| &*a.value.name);
    let domain = claim.domain.as_deref().unwrap_or("");
    if let Some(becomes) = action.and_then(|a| families.converse(a, domain)) {
        // "Mali expelled French forces": France's forces leave Mali, Mali initiated.
        return Canonical {
            family: becomes.to_string(),
            actor: claim.target.as_deref().cloned(),
            initiator: claim.actor.as_deref().cloned(),
            location: claim.place.as_deref().or(claim.actor.as_deref()).cloned(),
        };
    }
    let location = match (&claim.target, &claim.place) {
        (Some(t), _) if claim.actor.as_ref().is_none_or(|a| a.value != t.value) => {
            Some((**t).clone())
        }
        (_, p) => p.as_deref().cloned(),
    };
    Canonical {
        family: action.map_or_else(|| "count".to_string(), |a| families.family(a).into_owned()),
        actor: claim.actor.as_deref().cloned(),
        initiator: claim.initiator.as_deref().cloned(),
        location,
    }
}

/// The measure a quantity counts: the unit lexicon's measure ("soldiers" and "troops" are
/// both military personnel), else the theme of its unit, else the unit itself.
pub fn measure(claim: &Claim, knowledge: &Knowledge) -> Option<String> {
    let q = claim.quantity.as_ref()?;
    let unit = q.unit.as_deref().or(q.counted.as_deref())?;
    Some(measure_of_unit(unit, knowledge))
}

/// The measure a unit counts (see [`measure`]).
pub fn measure_of_unit(unit: &str, knowledge: &Knowledge) -> String {
    if let Some(m) = knowledge.units().measure(unit) {
        return m.to_string();
    }
    let themes = knowledge.themes().find(unit);
    let theme = themes.iter().rev().find_map(|m| match &m.hit {
        ThemeHit::Theme { name, .. } => Some(name.to_string()),
        ThemeHit::Domain(_) => None,
    });
    theme.unwrap_or_else(|| unit.to_lowercase())
}

fn name(m: &Option<Mention<Entity>>) -> String {
    m.as_ref()
        .map(|m| m.value.name.to_string())
        .unwrap_or_default()
}

/// The keys of the slots a claim belongs to (a quantity slot, an event slot, or both).
pub fn keys(claim: &Claim, knowledge: &Knowledge) -> Vec<SlotKey> {
    let c = canonical(claim, knowledge.families());
    let mut keys = Vec::new();
    if let Some(m) = measure(claim, knowledge) {
        let actor = name(&c.actor);
        let location = name(&c.location);
        if !actor.is_empty() || !location.is_empty() {
            keys.push(SlotKey {
                facet: Facet::Quantity,
                family: if c.family == "presence" {
                    "count".into()
                } else {
                    c.family.clone()
                },
                actor,
                kind: m,
                location,
                period: String::new(),
            });
        }
    }
    let located = c.actor.is_some() || c.location.is_some();
    if let (Some(theme), Some(_), true) = (&claim.theme, &claim.duration, located) {
        keys.push(SlotKey {
            facet: Facet::Duration,
            family: "duration".into(),
            actor: name(&c.actor),
            kind: theme.value.to_string(),
            location: name(&c.location),
            period: String::new(),
        });
    }
    if claim.action.is_some() && located {
        // A one-off event (a coup, a signing) is one event whatever domain its words suggest.
        let kind = if knowledge.families().is_once(&c.family) {
            String::new()
        } else {
            claim.domain.as_deref().unwrap_or_default().to_string()
        };
        keys.push(SlotKey {
            facet: Facet::Event,
            family: c.family,
            actor: name(&c.actor),
            kind,
            location: name(&c.location),
            period: String::new(),
        });
    }
    keys
}

/// True when a quantity is a number or range (not a vague amount).
pub fn has_number(claim: &Claim) -> bool {
    claim
        .quantity
        .as_ref()
        .is_some_and(|q| !matches!(q.value, Value::Vague { .. }))
}

/// A readable label for a slot.
pub fn label<'k>(key: &'k SlotKey) -> String {
    // The pieces first, so that the label is allocated once at its exact length.
    let mut parts: [&'k str; 12] = [""; 12];
    let mut n = 0;
    let mut put = |pieces: &[&'k str]| {
        for p in pieces {
            if let Some(slot) = parts.get_mut(n) {
                *slot = p;
                n += 1;
            }
        }
    };
    let some = |s: &str| !s.is_empty();
    match key.facet {
        Facet::Quantity => {
            put(&["the number of "]);
            if some(&key.actor) {
                put(&[&key.actor, "'s "]);
            }
            put(&[&key.kind]);
            if key.family != "count" {
                put(&[" (", &key.family, ")"]);
            }
            if some(&key.location) {
                put(&[" in ", &key.location]);
            }
            if some(&key.period) {
                put(&[" (", &key.period, ")"]);
            }
        }
        Facet::Duration => {
            put(&["how long "]);
            if some(&key.actor) {
                put(&[&key.actor, "'s "]);
            }
            put(&[&key.kind, " lasted"]);
            if some(&key.location) {
                put(&[" (", &key.location, ")"]);
            }
        }
        Facet::Date => {
            put(&["when ", &key.kind]);
        }
        Facet::Statement => {
            put(&["whether ", &key.kind]);
        }
        Facet::Location => {
            put(&["where ", &key.kind]);
        }
        Facet::Event => {
            put(&["the ", &key.family]);
            if some(&key.actor) {
                put(&[" by ", &key.actor]);
            }
            if some(&key.kind) {
                put(&[" (", &key.kind, ")"]);
            }
            if some(&key.location) {
                put(&[" (", &key.location, ")"]);
            }
        }
    }
    parts.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(facet: Facet, family: &str, actor: &str, kind: &str, location: &str) -> SlotKey {
        SlotKey {
            facet,
            family: family.into(),
            actor: actor.into(),
            kind: kind.into(),
            location: location.into(),
            period: String::new(),
        }
    }

    #[test]
    fn labels_name_every_known_part_and_nothing_else() {
        let mut q = key(Facet::Quantity, "withdraw", "France", "troops", "Mali");
        q.period = "2022".into();
        assert_eq!(
            label(&q),
            "the number of France's troops (withdraw) in Mali (2022)"
        );
        let bare = key(Facet::Quantity, "count", "", "refugees", "Chad");
        assert_eq!(label(&bare), "the number of refugees in Chad");
        let d = key(Facet::Duration, "duration", "UN", "mission", "Mali");
        assert_eq!(label(&d), "how long UN's mission lasted (Mali)");
        let e = key(Facet::Event, "expel", "Niger", "diplomatic", "France");
        assert_eq!(label(&e), "the expel by Niger (diplomatic) (France)");
        let once = key(Facet::Event, "coup", "", "", "Gabon");
        assert_eq!(label(&once), "the coup (Gabon)");
        assert_eq!(label(&q).capacity(), label(&q).len());
    }
}
