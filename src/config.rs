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
    /// The file's text, to give the position of a problem found after parsing.
    #[serde(skip)]
    pub text: String,
}

/// A commented `claimcheck.toml` for `claimcheck init`: every setting, commented out,
/// with the rules there are.
pub fn template(rules: &[Rule]) -> String {
    let mut out = String::from(
        "# claimcheck configuration, found by claimcheck in the working directory or a folder\n\
         # above it (or given with --config). Every setting is optional; uncomment to use.\n\n\
         # Extra rule and lexicon folders (DIR/checks/*.toml, DIR/lexicon/*.toml), relative to\n\
         # this file.\n\
         # rules = [\"my-rules\"]\n\n\
         # Rules to turn off, by id.\n\
         # disabled = [\"duration-mismatch\"]\n\n\
         # Document ids (paths below the folder given) to skip, as globs.\n\
         # ignore = [\"drafts/**\"]\n\n\
         # The lowest severity that makes `claimcheck check` exit with status 1:\n\
         # \"error\", \"warning\" (the default) or \"info\".\n\
         # fail_on = \"warning\"\n\n\
         # A rule's severity (error, warning or info).\n\
         # [severity]\n\
         # \"actor-mismatch\" = \"info\"\n\n\
         # A rule's parameters (`claimcheck explain RULE` documents them).\n\
         # [params.quantity-mismatch]\n\
         # tolerance = 0.1\n\n\
         # The rules (claimcheck rules lists them):\n",
    );
    for r in rules {
        let params = r.kind.parameters();
        let params = if params.is_empty() {
            String::new()
        } else {
            format!(" (parameters: {})", params.join(", "))
        };
        out.push_str(&format!(
            "#   {} ({}, {}){params}\n",
            r.id,
            r.kind.as_str(),
            r.severity
        ));
    }
    out
}

/// The offset of the first occurrence of `word` in `text` (after `from`) that stands alone:
/// neither letter, digit, `-` nor `_` on either side, and not in a comment.
fn find_word(text: &str, word: &str, from: usize) -> Option<usize> {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut at = from.min(text.len());
    while let Some(i) = text.get(at..).and_then(|t| t.find(word)) {
        let start = at + i;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(part)
            && !after.is_some_and(part)
            && !word.is_empty()
            && !in_comment(text, start)
        {
            return Some(start);
        }
        at = end;
    }
    None
}

/// True when `offset` is after a `#` that starts a comment on its line (a `#` outside
/// quotes).
fn in_comment(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in text[line_start..offset].chars() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => return true,
            _ => {}
        }
        escaped = false;
    }
    false
}

/// The TOML type name of a value, for messages.
fn type_name(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) | toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "a boolean",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "a list",
        toml::Value::Table(_) => "a table",
    }
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
        config.text = text.to_string();
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
        // A problem at the first place the file names `word` (after `from`).
        let at = |word: &str, from: usize, message: String| {
            let offset = find_word(&self.text, word, from).unwrap_or(0);
            invalid(&file, &self.text, offset, message)
        };
        for id in self
            .disabled
            .iter()
            .chain(self.severity.keys())
            .chain(self.params.keys())
        {
            if !rules.iter().any(|r| &r.id == id) {
                let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
                return Err(at(
                    id,
                    0,
                    format!(
                        "rule `{id}`: no such rule; the rules are: {}",
                        ids.join(", ")
                    ),
                ));
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
                        let table = self
                            .text
                            .find(&format!("params.{}", rule.id))
                            .or_else(|| self.text.find(&format!("params.\"{}\"", rule.id)))
                            .unwrap_or(0);
                        return Err(at(
                            name,
                            table + "params.".len() + rule.id.len(),
                            format!(
                                "unknown parameter `{name}` for rule `{}`; its parameters are: {}",
                                rule.id,
                                rule.kind.parameters().join(", ")
                            ),
                        ));
                    }
                    // The parameter's position, for a value that does not fit it.
                    let table = self.text.find(&format!("params.{}", rule.id)).unwrap_or(0);
                    let key = || find_word(&self.text, name, table).unwrap_or(0);
                    let field = rule.kind.info().params.field(name);
                    if let Some(field) = field.filter(|f| f.toml != type_name(value)) {
                        return Err(invalid(
                            &file,
                            &self.text,
                            key(),
                            format!(
                                "parameter `{name}` of rule `{}` takes {}, not {}",
                                rule.id,
                                field.toml,
                                type_name(value)
                            ),
                        ));
                    }
                    let one = toml::Table::from_iter([(name.clone(), value.clone())]);
                    if let Err(e) = rule.set(&one) {
                        return Err(invalid(
                            &file,
                            &self.text,
                            key(),
                            format!(
                                "parameter `{name}` of rule `{}`: {}",
                                rule.id,
                                e.message().trim()
                            ),
                        ));
                    }
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
        let p = q.params::<crate::check::quantity::QuantityParams>();
        assert_eq!(p.tolerance.0, 0.1);
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

    fn apply_error(text: &str) -> String {
        let config = Config::parse(Path::new("c.toml"), text).expect("parses");
        let mut rules = crate::check::load(&[]).expect("built-in rules");
        config.apply(&mut rules).expect_err("an error").to_string()
    }

    #[test]
    fn positions_skip_comments_and_name_the_key() {
        let err = apply_error("# nope was a rule once\n\n[severity]\nnope = \"error\"\n");
        assert!(err.starts_with("c.toml:4:1: rule `nope`"), "{err}");
        let err = apply_error("disabled = [\"date-mismatch\", # not nope\n  \"nope\"]\n");
        assert!(err.starts_with("c.toml:2:4: rule `nope`"), "{err}");
        let err = apply_error(
            "# tolerance is relative\n[params.quantity-mismatch]\napprox_tolerance = 0.3\ntolerance = \"x\"\n",
        );
        assert!(
            err.starts_with("c.toml:4:1: parameter `tolerance` of rule `quantity-mismatch` takes a number, not a string"),
            "{err}"
        );
        let err = apply_error("[params.duration-mismatch]\ntolerance = -1\n");
        assert!(
            err.starts_with(
                "c.toml:2:1: parameter `tolerance` of rule `duration-mismatch`: a tolerance is"
            ),
            "{err}"
        );
    }
}
