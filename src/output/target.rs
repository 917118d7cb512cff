//! Where a written file really goes: through symlinks to their target, and whether that
//! target is a regular file (replaced through a temporary file) or something else (a
//! device, a pipe, a terminal: written directly).

use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

/// How many symlinks are followed before giving up (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// The resolved destination of a written file.
#[derive(Debug)]
pub enum Destination {
    /// A regular file at this real path (symlinks followed), with the metadata of the
    /// file it replaces (`None` when it does not exist yet).
    File {
        path: PathBuf,
        existing: Option<Metadata>,
    },
    /// Not a regular file (a device, a FIFO, a socket): opened and written as it is.
    Stream(PathBuf),
}

/// Resolves `path`: symlinks are followed (a dangling one names the file to create), a
/// folder is refused.
pub fn resolve(path: &Path) -> io::Result<Destination> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(is_a_folder()),
        Ok(m) if m.is_file() => Ok(Destination::File {
            path: fs::canonicalize(path)?,
            existing: Some(m),
        }),
        Ok(_) => Ok(Destination::Stream(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Destination::File {
            path: dangling_target(path)?,
            existing: None,
        }),
        Err(e) => Err(e),
    }
}

/// The error of writing to a folder, as the system words it.
fn is_a_folder() -> io::Error {
    if cfg!(unix) {
        io::Error::from_raw_os_error(21) // EISDIR
    } else {
        io::Error::new(io::ErrorKind::IsADirectory, "is a folder, not a file")
    }
}

/// The file a chain of symlinks ending nowhere names (`path` itself when it is no link).
fn dangling_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// True when two metadata describe the same file (same device and inode on Unix).
#[cfg(unix)]
pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// True when two metadata describe the same file (without inodes: never).
#[cfg(not(unix))]
pub fn same_file(_a: &Metadata, _b: &Metadata) -> bool {
    false
}

/// The first of `inputs` that is the file `output` would replace, if any (compared by
/// identity, so another spelling or a link to the same file is caught too).
pub fn clashing_input<'a>(output: &Path, inputs: &'a [PathBuf]) -> Option<&'a Path> {
    let out = fs::metadata(output).ok()?;
    let matches = |p: &PathBuf| {
        fs::metadata(p).is_ok_and(|m| same_file(&m, &out))
            || (cfg!(not(unix)) && fs::canonicalize(p).ok() == fs::canonicalize(output).ok())
    };
    inputs.iter().find(|p| matches(p)).map(PathBuf::as_path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn symlinks_resolve_to_their_target_even_dangling() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("symlink");
        match resolve(&link).expect("resolve") {
            Destination::File { path, existing } => {
                assert_eq!(path, real);
                assert!(existing.is_none());
            }
            other => panic!("{other:?}"),
        }
        fs::write(&real, "x").expect("write");
        match resolve(&link).expect("resolve") {
            Destination::File { path, existing } => {
                assert_eq!(path, fs::canonicalize(&real).expect("canonical"));
                assert!(existing.is_some());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn devices_are_streams_and_folders_are_refused() {
        assert!(matches!(
            resolve(Path::new("/dev/null")),
            Ok(Destination::Stream(_))
        ));
        let dir = tempfile::tempdir().expect("tempdir");
        let err = resolve(dir.path()).expect_err("a folder");
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }

    #[test]
    fn a_link_loop_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("a", &a).expect("symlink");
        assert!(resolve(&a).is_err());
    }
}
