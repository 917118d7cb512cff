//! Rule documentation for people and tools: the help text of a rule (SARIF `help`,
//! `claimcheck explain`), the address of its page in the repository (SARIF `helpUri`) and
//! that page, `docs/rules.md`, generated from the rule files.

use crate::check::Rule;
use std::io::{self, Write};
use std::path::Path;

/// The repository, from `Cargo.toml` (SARIF `informationUri`).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The rules' documentation page, relative to the repository's root.
pub const RULES_PAGE: &str = "docs/rules.md";

/// The address of a built-in rule's section of `docs/rules.md`; `None` for a rule read
/// from a user's folder (the repository does not document it).
pub fn help_uri(rule: &Rule) -> Option<String> {
    let builtin = format!("rules/checks/{}.toml", rule.id);
    (rule.path == Path::new(&builtin))
        .then(|| format!("{REPOSITORY}/blob/main/{RULES_PAGE}#{}", rule.id))
}

/// A rule's help in Markdown: its summary, description and examples.
pub fn help_markdown(rule: &Rule) -> String {
    format!(
        "{}\n\n{}\n\n**Fires:** {}\n\n**Must not fire:** {}",
        rule.docs.summary.trim(),
        rule.docs.description.trim(),
        rule.docs.fires.trim(),
        rule.docs.quiet.trim()
    )
}

/// A rule's help as plain text: [`help_markdown`] without the emphasis.
pub fn help_text(rule: &Rule) -> String {
    format!(
        "{}\n\n{}\n\nFires: {}\n\nMust not fire: {}",
        rule.docs.summary.trim(),
        rule.docs.description.trim(),
        rule.docs.fires.trim(),
        rule.docs.quiet.trim()
    )
}

/// `docs/rules.md`: a section a rule (its id as the heading, which GitHub makes the
/// anchor [`help_uri`] points at), with kind, severity, parameters and help.
pub fn page(rules: &[Rule]) -> String {
    let mut out = String::from(
        "# claimcheck rules\n\n\
         <!-- Generated from rules/checks/*.toml by `CLAIMCHECK_UPDATE_DOCS=1 cargo test --test rule_docs`; do not edit. -->\n\n\
         Each rule is a TOML file under `rules/checks/`; `claimcheck explain RULE` prints the same text.\n",
    );
    for r in rules {
        out.push_str(&format!("\n## {}\n\n", r.id));
        out.push_str(&format!(
            "{} (kind `{}`, severity `{}`).",
            r.name,
            r.kind.as_str(),
            r.severity
        ));
        out.push_str("\n\n");
        out.push_str(&help_markdown(r));
        out.push('\n');
        let params = parameters(r);
        if !params.is_empty() {
            out.push_str("\n**Parameters:**\n\n");
            for p in params {
                let set = p
                    .set
                    .map(|v| format!("; this rule: `{v}`"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "- `{}` ({}; default `{}`{set}): {}\n",
                    p.name,
                    p.ty,
                    p.default,
                    p.doc.join(" ")
                ));
            }
        }
    }
    out
}

/// `claimcheck rules`: id, kind, severity and summary of each rule in aligned columns.
#[derive(Clone, Copy, Debug)]
pub struct RulesTable<'a> {
    pub rules: &'a [Rule],
}

impl super::Reporter for RulesTable<'_> {
    fn report(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(table(self.rules).as_bytes())
    }
}

/// The text of [`RulesTable`].
pub fn table(rules: &[Rule]) -> String {
    let id = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let kind = rules
        .iter()
        .map(|r| r.kind.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in rules {
        let state = if r.enabled { "" } else { " (disabled)" };
        let line = format!(
            "{:<id$}  {:<kind$}  {:<7}  {}{state}",
            r.id,
            r.kind.as_str(),
            r.severity.as_str(),
            r.docs.summary
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `claimcheck explain RULE`: the rule's documentation and the file that defines it.
#[derive(Clone, Copy, Debug)]
pub struct Explain<'a> {
    pub rule: &'a Rule,
}

impl super::Reporter for Explain<'_> {
    fn report(&self, out: &mut dyn Write) -> io::Result<()> {
        let r = self.rule;
        writeln!(
            out,
            "{} ({}, kind {}, severity {})\n",
            r.id,
            r.name,
            r.kind.as_str(),
            r.severity
        )?;
        writeln!(out, "{}\n\n{}\n", r.docs.summary, r.docs.description.trim())?;
        writeln!(
            out,
            "Fires:\n  {}\n\nMust not fire:\n  {}",
            r.docs.fires, r.docs.quiet
        )?;
        let params = parameters(r);
        if !params.is_empty() {
            writeln!(out, "\nParameters:")?;
            for p in params {
                writeln!(out, "  {} ({}; default {})", p.name, p.ty, p.default)?;
                for line in &p.doc {
                    writeln!(out, "    {line}")?;
                }
                if let Some(v) = p.set {
                    writeln!(out, "    This rule: {v}")?;
                }
            }
        }
        writeln!(out, "\nDefined in {}", r.path.display())
    }
}

/// A parameter of a rule as its documentation shows it.
#[derive(Clone, Debug)]
pub struct ParamDoc {
    pub name: &'static str,
    /// What values it takes.
    pub ty: &'static str,
    /// Its default, as TOML.
    pub default: String,
    /// The value the rule sets when it is not the default, as TOML.
    pub set: Option<String>,
    /// Its doc comment, line by line.
    pub doc: Vec<&'static str>,
}

/// The parameters of a rule's kind, with their defaults and the rule's own values.
pub fn parameters(rule: &Rule) -> Vec<ParamDoc> {
    let parser = rule.kind.info().params;
    let defaults = (parser.defaults)();
    parser
        .fields
        .iter()
        .map(|f| {
            let default = defaults.get(f.name);
            let set = rule
                .settings
                .get(f.name)
                .filter(|v| Some(*v) != default)
                .map(ToString::to_string);
            ParamDoc {
                name: f.name,
                ty: f.ty,
                default: default.map(ToString::to_string).unwrap_or_default(),
                set,
                doc: f
                    .doc
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_have_a_page_and_user_rules_none() {
        let mut rules = crate::check::load(&[]).expect("built-in rules");
        let uri = help_uri(&rules[0]).expect("a built-in rule is documented");
        assert!(uri.starts_with(REPOSITORY), "{uri}");
        assert!(uri.ends_with(&format!("/blob/main/docs/rules.md#{}", rules[0].id)));
        rules[0].path = "my-rules/checks/quantity-mismatch.toml".into();
        assert_eq!(help_uri(&rules[0]), None);
    }
}
