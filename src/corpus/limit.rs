//! The largest file (or JSON line) read, `--max-file-size`: a device such as `/dev/zero`
//! or a huge file given by mistake is cut off there and skipped with a message, instead
//! of being read until memory runs out.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// The default limit: 64 MiB, far above any article (a JSON-lines corpus is limited a
/// line at a time, so it may be larger).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 << 20;

static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

/// Sets the limit for every later read of this process.
pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes.max(1), Ordering::Relaxed);
}

/// The limit in force.
pub fn max_file_size() -> u64 {
    MAX_FILE_SIZE.load(Ordering::Relaxed)
}

/// The message of a file or line over the limit.
pub fn too_large(what: &str) -> String {
    format!(
        "{what} larger than --max-file-size ({} bytes), skipped",
        max_file_size()
    )
}

/// A file's bytes (standard input's for `-`), or `Ok(None)` when it is larger than the limit (a regular file is
/// not read at all then; a stream is read up to one byte past the limit).
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let limit = max_file_size();
    if path == Path::new(super::walk::STDIN) {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        return Ok((bytes.len() as u64 <= limit).then_some(bytes));
    }
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "is a folder"));
    }
    if meta.is_file() && meta.len() > limit {
        return Ok(None);
    }
    // A regular file is read into a vector of its size (and one byte, to see its end):
    // two reads, not a dozen of doubling sizes.
    let mut bytes = Vec::with_capacity(if meta.is_file() {
        meta.len() as usize + 1
    } else {
        0
    });
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_endless_device_stops_at_the_limit() {
        // The limit is per process; this is the only test here that reads past it.
        let read = read(Path::new("/dev/zero")).expect("read");
        assert!(read.is_none());
    }
}
