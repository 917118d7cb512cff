//! Baseline files: today's findings recorded by fingerprint, so that later runs fail only
//! on new findings and report the recorded ones that no longer occur as fixed.

use crate::check::Finding;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The baseline file version this build reads and writes.
pub const VERSION: u32 = 1;

/// Why a baseline file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write baseline {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("baseline {path} is not valid JSON: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("baseline {path} has version {found}; this claimcheck reads version {VERSION}")]
    Version { path: PathBuf, found: u32 },
}

/// One recorded finding. Only the fingerprint is compared; the rest helps a reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule: String,
    pub slot: String,
    pub values: Vec<String>,
}

/// The baseline file: `{"version": 1, "findings": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

/// Findings compared with a baseline.
#[derive(Debug, Default)]
pub struct Comparison<'a> {
    /// Findings not in the baseline: these fail the run.
    pub new: Vec<&'a Finding>,
    /// Findings already in the baseline.
    pub still_present: Vec<&'a Finding>,
    /// Baseline entries no finding matches any more.
    pub fixed: Vec<BaselineEntry>,
}

impl Baseline {
    /// Records findings, one entry per fingerprint, sorted by rule, slot and fingerprint so
    /// that the file diffs well.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut seen = HashSet::new();
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .map(|f| BaselineEntry {
                fingerprint: f.fingerprint(),
                rule: f.rule.clone(),
                slot: f.slot.clone(),
                values: f.sides.iter().map(|s| s.value.clone()).collect(),
            })
            .filter(|e| seen.insert(e.fingerprint.clone()))
            .collect();
        entries.sort_by(|a, b| {
            (&a.rule, &a.slot, &a.fingerprint).cmp(&(&b.rule, &b.slot, &b.fingerprint))
        });
        Baseline {
            version: VERSION,
            findings: entries,
        }
    }

    /// Parses a baseline from JSON text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Baseline, BaselineError> {
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let parse_err = |source| BaselineError::Parse {
            path: path.to_path_buf(),
            source,
        };
        let v: Version = serde_json::from_str(text).map_err(parse_err)?;
        if v.version != VERSION {
            return Err(BaselineError::Version {
                path: path.to_path_buf(),
                found: v.version,
            });
        }
        serde_json::from_str(text).map_err(parse_err)
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Baseline::parse(&text, path)
    }

    /// The file's text: pretty JSON ending with a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Writes the baseline: to a temporary file in the same folder, flushed to disk, then
    /// renamed over `path`, so a reader never sees a half-written file.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let write_err = |source| BaselineError::Write {
            path: path.to_path_buf(),
            source,
        };
        crate::output::write_atomic(path, self.to_json().as_bytes()).map_err(write_err)
    }

    /// Splits findings into new and still present, and lists the entries that are fixed.
    pub fn compare<'a>(&self, findings: &'a [Finding]) -> Comparison<'a> {
        let recorded: HashSet<&str> = self
            .findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut current = HashSet::new();
        let mut out = Comparison::default();
        for f in findings {
            let fp = f.fingerprint();
            if recorded.contains(fp.as_str()) {
                out.still_present.push(f);
            } else {
                out.new.push(f);
            }
            current.insert(fp);
        }
        out.fixed = self
            .findings
            .iter()
            .filter(|e| !current.contains(&e.fingerprint))
            .cloned()
            .collect();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Severity, Side};

    fn finding(rule: &str, slot_key: &str, values: [&str; 2]) -> Finding {
        Finding {
            rule: rule.into(),
            story: None,
            kind: crate::check::Kind::named("quantity").expect("a kind"),
            severity: Severity::Error,
            message: format!("{} vs {}", values[0], values[1]),
            slot: slot_key.replace('-', " "),
            slot_key: slot_key.into(),
            confidence: 1.0,
            notes: vec![],
            sides: values
                .iter()
                .zip(["a", "b"])
                .map(|(v, s)| Side {
                    side: s.into(),
                    value: v.to_string(),
                    compared: None,
                    claims: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn round_trip_and_compare() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("claimcheck-baseline.json");
        let old = [
            finding("quantity-mismatch", "troops-border", ["3,000", "1,800"]),
            finding("date-mismatch", "accord-signed", ["2019", "2017"]),
        ];
        let baseline = Baseline::from_findings(&old);
        baseline.save(&path).expect("save");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left behind: {names:?}");
        let loaded = Baseline::load(&path).expect("load");
        assert_eq!(loaded, baseline);
        assert_eq!(loaded.findings[0].rule, "date-mismatch");

        // The date finding is fixed, the quantity one stays (its messages and line numbers
        // may change), and a new one appears.
        let mut moved = old[0].clone();
        moved.message = "reworded".into();
        let now = [
            moved,
            finding("polarity-conflict", "port-open", ["closed", "open"]),
        ];
        let cmp = loaded.compare(&now);
        assert_eq!(
            cmp.new.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["polarity-conflict"]
        );
        assert_eq!(cmp.still_present.len(), 1);
        assert_eq!(
            cmp.fixed
                .iter()
                .map(|e| e.rule.as_str())
                .collect::<Vec<_>>(),
            ["date-mismatch"]
        );
    }

    #[test]
    fn rejects_other_versions_and_bad_json() {
        let p = Path::new("b.json");
        assert!(matches!(
            Baseline::parse(r#"{"version":2,"findings":[]}"#, p),
            Err(BaselineError::Version { found: 2, .. })
        ));
        assert!(matches!(
            Baseline::parse("{", p),
            Err(BaselineError::Parse { .. })
        ));
        assert!(matches!(
            Baseline::load(Path::new("/nonexistent/b.json")),
            Err(BaselineError::Read { .. })
        ));
        assert_eq!(
            Baseline::parse(r#"{"version":1,"findings":[]}"#, p)
                .expect("empty")
                .findings
                .len(),
            0
        );
    }
}
