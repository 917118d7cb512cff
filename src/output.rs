//! Atomic file output: a report, graph or baseline is written to a temporary file in the
//! destination's folder and renamed over the destination, so an interrupted run leaves
//! either the old file or the new one, never half a file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `bytes` to `path` atomically (temporary file, flush to disk, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `fill`. When `fill` (or flushing,
/// or the rename) fails, the temporary file is removed and `path` is left untouched.
pub fn write_atomic_with<F>(path: &Path, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let (tmp, mut file) = create_temp(path)?;
    let result = fill(&mut file)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            fs::rename(&tmp, path)
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A new, exclusively created temporary file next to `path`.
fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: not a file path", path.display()),
            )
        })?;
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_new_and_replaces_old_content() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.json");
        write_atomic(&path, b"first").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"first");
        write_atomic(&path, b"second, longer").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"second, longer");
        assert_eq!(names(dir.path()), ["report.json"]);
    }

    #[test]
    fn an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("graph.dot");
        fs::write(&path, b"old graph\n").expect("seed");
        let err = write_atomic_with(&path, |file| {
            file.write_all(b"digraph { half")?;
            Err(io::Error::other("interrupted midway"))
        })
        .expect_err("the write fails");
        assert_eq!(err.to_string(), "interrupted midway");
        assert_eq!(fs::read(&path).expect("read"), b"old graph\n");
        assert_eq!(names(dir.path()), ["graph.dot"]);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_creates_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("no-such-folder/out.json");
        let err = write_atomic(&path, b"x").expect_err("no folder");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write_atomic(Path::new("/"), b"x").expect_err("no name");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
