//! File output: a report, graph or baseline written to a regular file goes to a
//! temporary file in the destination's folder, renamed over the destination, so an
//! interrupted run leaves either the old file or the new one, never half a file. A
//! symlink is written through (its target is replaced, the link kept), the replaced
//! file's mode is kept, a device or pipe is written directly, and temporary files are
//! removed on every exit path, signals included ([`cleanup_on_signals`]).

pub mod target;
pub mod temp;

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use target::Destination;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: refusing to write over {input}, which this run reads")]
    ReadByRun { path: PathBuf, input: PathBuf },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Refuses an output path that is (by identity: links and other spellings included) one
/// of the files the run reads.
pub fn check_not_input(path: &Path, inputs: &[PathBuf]) -> Result<(), OutputError> {
    match target::clashing_input(path, inputs) {
        Some(input) => Err(OutputError::ReadByRun {
            path: path.to_path_buf(),
            input: input.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// [`write_atomic`], with errors naming the file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_atomic(path, bytes).map_err(|source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Removes this process's temporary files when it is interrupted (SIGINT, SIGTERM,
/// SIGHUP), then exits with status 130.
pub fn cleanup_on_signals() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        temp::remove_pending();
        std::process::exit(130);
    })
}

/// Writes `bytes` to `path` atomically (temporary file, flush to disk, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `fill`. When `fill` (or flushing,
/// or the rename) fails, the temporary file is removed and `path` is left untouched.
/// A destination that is not a regular file (`/dev/null`, a pipe) is written directly.
pub fn write_atomic_with<F>(path: &Path, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let (real, existing) = match target::resolve(path)? {
        Destination::Stream(p) => {
            let mut file = OpenOptions::new().write(true).open(p)?;
            fill(&mut file)?;
            return file.flush();
        }
        Destination::File { path, existing } => (path, existing),
    };
    let dir = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: not a file path", path.display()),
            )
        })?;
    temp::remove_stale(&dir, &name);
    let mut tmp = temp::create(&dir, &name)?;
    let file = tmp.file.as_mut().expect("a new temporary file is open");
    fill(file)?;
    if let Some(old) = &existing {
        keep_owner_and_mode(file, old)?;
    }
    file.sync_all()?;
    tmp.persist(&real)
}

/// Gives the new file the replaced file's permissions (and, where allowed, its owner).
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only a privileged user can give a file away; others keep their own.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
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
    fn a_folder_is_refused() {
        let err = write_atomic(Path::new("/"), b"x").expect_err("a folder");
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_the_mode_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.json");
        fs::write(&real, b"old").expect("seed");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).expect("chmod");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("symlink");
        write_atomic(&link, b"new").expect("write");
        assert!(fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&real).expect("read"), b"new");
        let mode = fs::metadata(&real).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(names(dir.path()), ["link.json", "real.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_directly() {
        write_atomic(Path::new("/dev/null"), b"gone").expect("write");
        let meta = fs::metadata("/dev/null").expect("meta");
        assert!(!meta.is_file(), "/dev/null is still a device");
    }

    #[test]
    fn an_input_of_the_run_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("001.txt");
        fs::write(&article, b"An article.").expect("seed");
        let spelled = dir.path().join(".").join("001.txt");
        let err = check_not_input(&spelled, std::slice::from_ref(&article)).expect_err("clash");
        assert!(err.to_string().contains("which this run reads"), "{err}");
        let other = dir.path().join("report.txt");
        assert!(check_not_input(&other, &[article]).is_ok());
    }
}
