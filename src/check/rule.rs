//! Rules as data: one TOML file per rule under `rules/checks/`, loaded, validated (unknown
//! kinds and parameters are rejected) and overridable by id from user folders.

use super::finding::Severity;
pub use super::kind::Kind;
use super::params::Params;
use serde::Deserialize;
use std::path::{Path, PathBuf};

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

/// A rule file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    name: String,
    kind: Kind,
    severity: Severity,
    message: String,
    #[serde(default)]
    params: toml::Table,
    docs: RuleDocs,
    #[serde(default = "enabled")]
    enabled: bool,
}

/// A loaded rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub severity: Severity,
    /// Message template: `{slot}`, `{a.value}`, `{a.sources}`, `{b.value}`, `{b.sources}`, `{sides}`.
    pub message: String,
    /// The parameters as set (by the rule file, then the configuration): the rest take
    /// their kind's defaults.
    pub settings: toml::Table,
    /// The parameters, in the kind's struct ([`Rule::params`]).
    pub params: Params,
    pub docs: RuleDocs,
    pub path: PathBuf,
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
        let file: RuleFile = toml::from_str(text).map_err(|e| {
            invalid(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            )
        })?;
        let parser = file.kind.info().params;
        for name in file.params.keys() {
            if parser.field(name).is_none() {
                let offset = text
                    .find(&format!("{name} "))
                    .or_else(|| text.find(name.as_str()))
                    .unwrap_or(0);
                let allowed = parser.names().join(", ");
                let allowed = if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed
                };
                return Err(invalid(
                    offset,
                    format!(
                        "unknown parameter `{name}` for kind `{}` (accepted: {allowed})",
                        file.kind.as_str()
                    ),
                ));
            }
        }
        let params = (parser.from_file)(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let line = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let key = text[line..].split(['=', '\n']).next().unwrap_or("").trim();
            invalid(offset, format!("parameter `{key}`: {}", e.message().trim()))
        })?;
        Ok(Rule {
            id: file.id,
            name: file.name,
            kind: file.kind,
            severity: file.severity,
            message: file.message,
            settings: file.params,
            params,
            docs: file.docs,
            path: path.to_path_buf(),
            enabled: file.enabled,
        })
    }

    /// The rule's parameters as its kind's struct `P` (the kind's own check asks).
    pub fn params<P: 'static>(&self) -> &P {
        self.params.get::<P>()
    }

    /// Sets parameters over the rule's own (from a configuration): the error of the
    /// kind's parameter struct when a value does not fit it.
    pub fn set(&mut self, values: &toml::Table) -> Result<(), toml::de::Error> {
        let mut settings = self.settings.clone();
        settings.extend(values.iter().map(|(k, v)| (k.clone(), v.clone())));
        self.params = (self.kind.info().params.from_table)(&settings)?;
        self.settings = settings;
        Ok(())
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
        for kind in Kind::all() {
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

    #[test]
    fn parameters_of_the_wrong_type_or_sign_are_rejected_with_position() {
        let rule = |params: &str| {
            format!(
                "id = \"x\"\nname = \"X\"\nkind = \"quantity\"\nseverity = \"error\"\nmessage = \"m\"\n\
                 [params]\n{params}\n[docs]\nsummary = \"s\"\ndescription = \"d\"\nfires = \"f\"\nquiet = \"q\"\n"
            )
        };
        let err = |params: &str| {
            Rule::parse(Path::new("z.toml"), &rule(params))
                .unwrap_err()
                .to_string()
        };
        let e = err("tolerance = \"lots\"");
        assert!(
            e.starts_with("z.toml:7:13: parameter `tolerance`: invalid type: string \"lots\""),
            "{e}"
        );
        let e = err("approx_tolerance = -0.2");
        assert!(
            e.starts_with("z.toml:7:20: parameter `approx_tolerance`: a tolerance is"),
            "{e}"
        );
        let e = err("cumulative_measures = \"dead\"");
        assert!(
            e.starts_with("z.toml:7:23: parameter `cumulative_measures`"),
            "{e}"
        );
        let ok = Rule::parse(
            Path::new("z.toml"),
            &rule("tolerance = 0\ncumulative_measures = [\"Dead\"]"),
        )
        .unwrap();
        let p = ok.params::<super::super::quantity::QuantityParams>();
        assert_eq!(p.tolerance.0, 0.0);
        assert_eq!(p.approx_tolerance.0, 0.2);
        assert!(p.cumulative_measures.contains("dead"));
    }
}
