//! Typed errors and diagnostics of corpus loading, each naming the file and position.

use std::fmt;
use std::path::PathBuf;

/// How bad a diagnostic is: a warning lets the document through (perhaps altered),
/// an error means something was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Something the reader should know (a file not read as an article), not a problem.
    Note,
    Warning,
    Error,
}

/// A message about one input, with its position when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a position.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Byte offset, when that is the clearer position (invalid UTF-8).
    pub offset: Option<usize>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        write!(f, "{level}: {}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(off) = self.offset {
            write!(f, " (byte {off})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// An error that stops one input from being read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Input(Diagnostic),
}
