//! SARIF 2.1.0 for code scanning: the rules in `tool.driver.rules`, one result per finding
//! with its first claim as the primary location and the other claims as related locations.
//! Messages are made [`visible`] (viewers show them to people); every string is written
//! with its control and bidirectional characters as JSON escapes ([`json_safe`]).

use super::visible::{json_safe, visible};
use super::{file_location, FileLocation, ReportInput, RuleInfo};
use crate::check::{Evidence, Finding, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

#[derive(Debug, Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Our columns count characters, not UTF-16 code units.
    column_kind: &'static str,
    /// `SRCROOT`: the folder claimcheck ran in, which relative paths start from (its
    /// absolute path is left out, so that a report is the same on every machine).
    original_uri_base_ids: BTreeMap<&'static str, BaseId>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Debug, Serialize)]
struct BaseId {
    description: Message,
}

/// The base id of relative paths.
pub const SRCROOT: &str = "SRCROOT";

#[derive(Debug, Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    /// The repository (`Cargo.toml`'s `repository`).
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Debug, Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    /// The rule's section of `docs/rules.md` (built-in rules only).
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct RuleProperties<'a> {
    tags: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: ResultProperties<'a>,
}

#[derive(Debug, Serialize)]
struct Message {
    text: String,
}

#[derive(Debug, Serialize)]
struct ResultProperties<'a> {
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
    slot: &'a str,
    confidence: f64,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    /// `SRCROOT` for a relative path.
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    end_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
    snippet: Message,
}

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` separators, everything but unreserved
/// characters and `/` percent-encoded.
pub fn path_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A path's artifact location: relative to `SRCROOT`, or a `file://` URI when absolute.
fn artifact(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/') || path.get(1..3) == Some(":/");
    if absolute {
        let sep = if path.starts_with('/') { "" } else { "/" };
        ArtifactLocation {
            uri: format!("file://{sep}{}", path_uri(&path)).replace("%3A", ":"),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: path_uri(path.trim_start_matches("./")),
            uri_base_id: Some(SRCROOT),
        }
    }
}

fn region(loc: &FileLocation, quote: &str) -> Region {
    Region {
        start_line: loc.line.max(1),
        start_column: loc.column.map(|c| c.max(1)),
        end_line: loc.end_line.max(loc.line).max(1),
        end_column: loc.end_column.map(|c| c.max(1)),
        byte_offset: loc.bytes.map(|b| b.0),
        byte_length: loc.bytes.map(|b| b.1),
        snippet: Message {
            text: quote.to_string(),
        },
    }
}

fn location(
    input: &ReportInput,
    ev: &Evidence,
    id: Option<usize>,
    message: Option<String>,
) -> Location {
    let loc = file_location(ev, input.document(&ev.doc), ev.span);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(&loc.path),
            region: region(&loc, &ev.quote),
        },
        message: message.map(|text| Message { text }),
    }
}

fn rule<'a>(info: &'a RuleInfo) -> Rule<'a> {
    Rule {
        id: &info.id,
        name: pascal_case(&info.id),
        short_description: Text {
            text: &info.summary,
        },
        full_description: Text {
            text: &info.description,
        },
        help: Help {
            text: &info.help_text,
            markdown: &info.help_markdown,
        },
        help_uri: info.help_uri.as_deref(),
        default_configuration: Configuration {
            level: level(info.severity),
        },
        properties: RuleProperties {
            tags: vec!["claimcheck", info.kind.as_str()],
        },
    }
}

/// "quantity-mismatch" -> "QuantityMismatch" (SARIF asks for rule names as identifiers).
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn result<'a>(input: &ReportInput, f: &'a Finding, rule_index: usize) -> SarifResult<'a> {
    let mut claims = f
        .sides
        .iter()
        .flat_map(|s| s.claims.iter().map(move |ev| (s, ev)));
    let mut locations = Vec::new();
    let mut related = Vec::new();
    if let Some((side, ev)) = claims.next() {
        locations.push(location(
            input,
            ev,
            None,
            Some(visible(&format!("side {}: {}", side.side, side.value))),
        ));
    }
    for (i, (side, ev)) in claims.enumerate() {
        let text = format!(
            "side {}: {} ({})",
            side.side,
            side.value,
            super::source_and_date(ev)
        );
        related.push(location(input, ev, Some(i + 1), Some(visible(&text))));
    }
    let mut partial_fingerprints = BTreeMap::new();
    partial_fingerprints.insert(FINGERPRINT_KEY, f.fingerprint());
    SarifResult {
        rule_id: &f.rule,
        rule_index,
        level: level(f.severity),
        message: Message {
            text: visible(&format!("{} [{}]", f.message, f.slot)),
        },
        locations,
        related_locations: related,
        partial_fingerprints,
        properties: ResultProperties {
            kind: f.kind.as_str(),
            story: f.story.as_deref(),
            slot: &f.slot,
            confidence: if f.confidence.is_finite() {
                f.confidence
            } else {
                0.0
            },
            notes: &f.notes,
        },
    }
}

/// The SARIF log, pretty-printed.
pub fn render(input: &ReportInput) -> String {
    // The rules given, then any rule a finding names that was not given.
    let mut infos: Vec<RuleInfo> = input.rules.to_vec();
    for f in input.findings {
        if !infos.iter().any(|r| r.id == f.rule) {
            infos.push(RuleInfo {
                id: f.rule.clone(),
                name: f.rule.clone(),
                kind: f.kind.as_str().to_string(),
                severity: f.severity,
                summary: format!("A {} contradiction between sources", f.kind),
                description: format!("A {} contradiction between sources.", f.kind),
                help_text: format!("A {} contradiction between sources.", f.kind),
                help_markdown: format!("A {} contradiction between sources.", f.kind),
                help_uri: None,
            });
        }
    }
    let results = input
        .findings
        .iter()
        .map(|f| {
            let index = infos.iter().position(|r| r.id == f.rule).unwrap_or(0);
            result(input, f, index)
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: super::rule_docs::REPOSITORY,
                    rules: infos.iter().map(rule).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseId {
                    description: Message {
                        text: "The folder claimcheck ran in; document paths are relative to it."
                            .to_string(),
                    },
                },
            )]),
            results,
        }],
    };
    let mut out = json_safe(serde_json::to_string_pretty(&log).unwrap_or_default());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_names() {
        assert_eq!(
            path_uri("notes/field notes, day 3.txt"),
            "notes/field%20notes%2C%20day%203.txt"
        );
        assert_eq!(path_uri("a\\b é.md"), "a/b%20%C3%A9.md");
        assert_eq!(pascal_case("action-scope-mismatch"), "ActionScopeMismatch");
    }
}
