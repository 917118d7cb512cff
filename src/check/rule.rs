//! Rules as data: one TOML file per rule under `rules/checks/`, loaded, validated (unknown
//! kinds and parameters are rejected) and overridable by id from user folders.

use super::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The mechanisms a rule can use, one file each in `src/check/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Quantity,
    Date,
    Duration,
    Actor,
    ActionScope,
    Polarity,
    Location,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Actor => "actor",
            Kind::ActionScope => "action-scope",
            Kind::Polarity => "polarity",
            Kind::Location => "location",
        }
    }

    /// The parameters a kind accepts; any other is an error.
    pub fn parameters(self) -> &'static [&'static str] {
        match self {
            Kind::Quantity => &["tolerance", "approx_tolerance", "cumulative_measures"],
            Kind::Duration => &["tolerance", "approx_tolerance"],
            Kind::Date | Kind::Actor | Kind::ActionScope | Kind::Polarity | Kind::Location => &[],
        }
    }
}

/// A rule's documentation, shown by `claimcheck explain`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDocs {
    /// One line: what the rule catches.
    pub summary: String,
    /// Why it matters and how it decides.
    pub description: String,
    /// An example that fires.
    pub fires: String,
    /// An example that must not fire.
    pub quiet: String,
}

/// A loaded rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub severity: Severity,
    /// Message template: `{slot}`, `{a.value}`, `{a.sources}`, `{b.value}`, `{b.sources}`, `{sides}`.
    pub message: String,
    #[serde(default)]
    pub params: BTreeMap<String, toml::Value>,
    pub docs: RuleDocs,
    #[serde(skip)]
    pub path: PathBuf,
    #[serde(default = "enabled")]
    pub enabled: bool,
}

fn enabled() -> bool {
    true
}

/// An error in a rule file, naming the file and position.
pub type RuleError = crate::error::FileError;

const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/checks/quantity-mismatch.toml",
        include_str!("../../rules/checks/quantity-mismatch.toml"),
    ),
    (
        "rules/checks/date-mismatch.toml",
        include_str!("../../rules/checks/date-mismatch.toml"),
    ),
    (
        "rules/checks/duration-mismatch.toml",
        include_str!("../../rules/checks/duration-mismatch.toml"),
    ),
    (
        "rules/checks/actor-mismatch.toml",
        include_str!("../../rules/checks/actor-mismatch.toml"),
    ),
    (
        "rules/checks/action-scope-mismatch.toml",
        include_str!("../../rules/checks/action-scope-mismatch.toml"),
    ),
    (
        "rules/checks/polarity-mismatch.toml",
        include_str!("../../rules/checks/polarity-mismatch.toml"),
    ),
    (
        "rules/checks/location-mismatch.toml",
        include_str!("../../rules/checks/location-mismatch.toml"),
    ),
];

use crate::corpus::span::line_col_in as line_col;

impl Rule {
    /// Parses and validates one rule file.
    pub fn parse(path: &Path, text: &str) -> Result<Rule, RuleError> {
        let invalid = |offset: usize, message: String| {
            let (line, column) = line_col(text, offset);
            RuleError::Invalid {
                path: path.display().to_string(),
                line,
                column,
                message,
            }
        };
        let mut rule: Rule = toml::from_str(text).map_err(|e| {
            invalid(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            )
        })?;
        for name in rule.params.keys() {
            if !rule.kind.parameters().contains(&name.as_str()) {
                let offset = text
                    .find(&format!("{name} "))
                    .or_else(|| text.find(name.as_str()))
                    .unwrap_or(0);
                let allowed = rule.kind.parameters().join(", ");
                let allowed = if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed
                };
                return Err(invalid(
                    offset,
                    format!(
                        "unknown parameter `{name}` for kind `{}` (accepted: {allowed})",
                        rule.kind.as_str()
                    ),
                ));
            }
        }
        rule.path = path.to_path_buf();
        Ok(rule)
    }

    /// A number parameter, or its default.
    pub fn number(&self, name: &str, default: f64) -> f64 {
        match self.params.get(name) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => default,
        }
    }

    /// A list-of-strings parameter.
    pub fn strings(&self, name: &str) -> Vec<String> {
        match self.params.get(name) {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_lowercase))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The built-in rules followed by every `*.toml` under each extra folder's `checks/`
/// (or the folder itself when it has no `checks/`); a rule with an existing id replaces it.
pub fn load(extra: &[PathBuf]) -> Result<Vec<Rule>, RuleError> {
    let mut rules: Vec<Rule> = Vec::new();
    let add = |rule: Rule, rules: &mut Vec<Rule>| match rules.iter_mut().find(|r| r.id == rule.id) {
        Some(existing) => *existing = rule,
        None => rules.push(rule),
    };
    for (path, text) in BUILTIN {
        add(Rule::parse(Path::new(path), text)?, &mut rules);
    }
    for dir in extra {
        let checks = if dir.join("checks").is_dir() {
            dir.join("checks")
        } else {
            dir.clone()
        };
        let entries = std::fs::read_dir(&checks).map_err(|source| RuleError::Io {
            path: checks.display().to_string(),
            source,
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).map_err(|source| RuleError::Io {
                path: file.display().to_string(),
                source,
            })?;
            add(Rule::parse(&file, &text)?, &mut rules);
        }
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_and_cover_every_kind() {
        let rules = load(&[]).unwrap();
        for kind in [
            Kind::Quantity,
            Kind::Date,
            Kind::Duration,
            Kind::Actor,
            Kind::ActionScope,
            Kind::Polarity,
            Kind::Location,
        ] {
            assert!(
                rules.iter().any(|r| r.kind == kind),
                "no rule of kind {kind:?}"
            );
        }
        assert!(rules
            .iter()
            .all(|r| !r.docs.summary.is_empty() && !r.docs.fires.is_empty()));
    }

    #[test]
    fn unknown_kind_and_parameter_are_rejected_with_position() {
        let text =
            "id = \"x\"\nname = \"X\"\nkind = \"colour\"\nseverity = \"error\"\nmessage = \"m\"\n";
        let err = Rule::parse(Path::new("x.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("x.toml:3:8: unknown variant `colour`"),
            "{err}"
        );
        let text = "id = \"x\"\nname = \"X\"\nkind = \"date\"\nseverity = \"error\"\nmessage = \"m\"\n\
                    [params]\nslack = 2\n[docs]\nsummary = \"s\"\ndescription = \"d\"\nfires = \"f\"\nquiet = \"q\"\n";
        let err = Rule::parse(Path::new("y.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("y.toml:7:1: unknown parameter `slack` for kind `date`"),
            "{err}"
        );
    }
}
