//! The typed error of every data file claimcheck parses (rules, configuration): the file
//! could not be read, or its content is invalid at a line and column.

/// An error in a data file, naming the file and position.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}
