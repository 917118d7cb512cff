//! The configuration file `claimcheck.toml`: found from the working directory upward (or
//! given with `--config`), it adds rule folders, sets rule severities and parameters,
//! disables rules, ignores paths and sets the failing level.

use crate::check::{Rule, Severity};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "claimcheck.toml";

/// A parsed configuration.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Extra rule folders, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Rule ids to turn off.
    #[serde(default)]
    pub disabled: Vec<String>,
    /// Glob patterns of document ids (paths relative to their root) to skip.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// The lowest severity that makes the exit status 1.
    #[serde(default)]
    pub fail_on: Option<Severity>,
    /// Severity per rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Parameters per rule id (tolerances ...), checked against the rule's kind.
    #[serde(default)]
    pub params: BTreeMap<String, BTreeMap<String, toml::Value>>,
    /// Where the file was read from.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// An error in the configuration, naming the file and position.
pub type ConfigError = crate::error::FileError;

fn invalid(path: &Path, text: &str, offset: usize, message: String) -> ConfigError {
    let (line, column) = crate::corpus::span::line_col_in(text, offset);
    ConfigError::Invalid {
        path: path.display().to_string(),
        line,
        column,
        message,
    }
}

impl Config {
    /// Parses a configuration file's text.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            invalid(
                path,
                text,
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            )
        })?;
        for pattern in &config.ignore {
            Glob::new(pattern).map_err(|e| {
                invalid(
                    path,
                    text,
                    text.find(pattern.as_str()).unwrap_or(0),
                    format!("bad ignore pattern: {e}"),
                )
            })?;
        }
        let base = path.parent().unwrap_or(Path::new("."));
        config.rules = config.rules.iter().map(|r| base.join(r)).collect();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Reads `explicit` if given, else the nearest `claimcheck.toml` from `start` upward.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => start
                .ancestors()
                .map(|d| d.join(FILE_NAME))
                .find(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(&path, &text)
    }

    /// The glob set of ignored document ids.
    pub fn ignore_set(&self) -> GlobSet {
        let mut builder = GlobSetBuilder::new();
        for p in &self.ignore {
            if let Ok(g) = Glob::new(p) {
                builder.add(g);
            }
        }
        builder.build().unwrap_or_else(|_| GlobSet::empty())
    }

    /// Applies severities, parameters and disabled ids to loaded rules. A rule id or
    /// parameter the rules do not know is an error.
    pub fn apply(&self, rules: &mut [Rule]) -> Result<(), ConfigError> {
        let file = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(FILE_NAME));
        let unknown = |what: &str, id: &str| ConfigError::Invalid {
            path: file.display().to_string(),
            line: 0,
            column: 0,
            message: format!("{what} `{id}`: no such rule"),
        };
        for id in self
            .disabled
            .iter()
            .chain(self.severity.keys())
            .chain(self.params.keys())
        {
            if !rules.iter().any(|r| &r.id == id) {
                return Err(unknown("rule", id));
            }
        }
        for rule in rules.iter_mut() {
            if self.disabled.contains(&rule.id) {
                rule.enabled = false;
            }
            if let Some(s) = self.severity.get(&rule.id) {
                rule.severity = *s;
            }
            if let Some(params) = self.params.get(&rule.id) {
                for (name, value) in params {
                    if !rule.kind.parameters().contains(&name.as_str()) {
                        return Err(ConfigError::Invalid {
                            path: file.display().to_string(),
                            line: 0,
                            column: 0,
                            message: format!("unknown parameter `{name}` for rule `{}`", rule.id),
                        });
                    }
                    rule.params.insert(name.clone(), value.clone());
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_applies_a_config() {
        let text = "disabled = [\"duration-mismatch\"]\nignore = [\"drafts/**\"]\nfail_on = \"error\"\n\
                    [severity]\n\"quantity-mismatch\" = \"warning\"\n[params.quantity-mismatch]\ntolerance = 0.1\n";
        let config = Config::parse(Path::new("/x/claimcheck.toml"), text).unwrap();
        let mut rules = crate::check::load(&[]).unwrap();
        config.apply(&mut rules).unwrap();
        let q = rules.iter().find(|r| r.id == "quantity-mismatch").unwrap();
        assert_eq!(q.severity, Severity::Warning);
        assert_eq!(q.number("tolerance", 0.0), 0.1);
        assert!(
            !rules
                .iter()
                .find(|r| r.id == "duration-mismatch")
                .unwrap()
                .enabled
        );
        assert!(config.ignore_set().is_match("drafts/a.txt"));
        assert_eq!(config.fail_on, Some(Severity::Error));
    }

    #[test]
    fn unknown_keys_and_rules_are_errors_with_positions() {
        let err = Config::parse(Path::new("c.toml"), "rules = []\ncolour = 1\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:2:1: unknown field `colour`"),
            "{err}"
        );
        let config = Config::parse(Path::new("c.toml"), "disabled = [\"nope\"]\n").unwrap();
        let mut rules = crate::check::load(&[]).unwrap();
        assert!(config
            .apply(&mut rules)
            .unwrap_err()
            .to_string()
            .contains("rule `nope`: no such rule"));
    }
}
