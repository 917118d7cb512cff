//! Typed errors and diagnostics of corpus loading, each naming the file and position.

use crate::report::visible::visible;
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

/// One line: `level: path[:line[:column]][ (byte N)]: message`, the file names and text
/// it quotes with their control and bidirectional characters escaped (a name's newline as
/// `\n`, ESC as `\u{1b}`), so that a hostile name can neither split it nor reach the
/// terminal.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        let mut at = self.path.display().to_string();
        if let Some(line) = self.line {
            at.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                at.push_str(&format!(":{col}"));
            }
        }
        if let Some(off) = self.offset {
            at.push_str(&format!(" (byte {off})"));
        }
        write!(f, "{level}: {}: {}", visible(&at), visible(&self.message))
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
