//! Temporary files next to a destination: created exclusively, registered so that a
//! signal handler can remove them ([`remove_pending`]), removed when dropped unless
//! renamed into place, and left-overs of killed runs cleaned up ([`remove_stale`]).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Temporary files of this process not yet renamed into place.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file, removed on drop unless [`TempFile::persist`]ed.
pub struct TempFile {
    pub path: PathBuf,
    pub file: Option<File>,
}

/// The name prefix of the temporary files for destination name `name`.
fn prefix(name: &str) -> String {
    format!(".{name}.")
}

/// A new, exclusively created temporary file in `dir` for the destination named `name`:
/// `.NAME.PID.N.tmp`.
pub fn create(dir: &Path, name: &str) -> io::Result<TempFile> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{}{}.{n}.tmp", prefix(name), std::process::id()));
        // Registered before it exists, so that no signal finds it unregistered.
        register(&path);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => {
                return Ok(TempFile {
                    path,
                    file: Some(file),
                })
            }
            Err(e) => {
                unregister(&path);
                if e.kind() != io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
            }
        }
    }
}

fn register(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
}

impl TempFile {
    /// Renames the file over `dest`.
    pub fn persist(mut self, dest: &Path) -> io::Result<()> {
        drop(self.file.take());
        fs::rename(&self.path, dest)?;
        unregister(&self.path);
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        drop(self.file.take());
        if !self.path.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.path);
            unregister(&self.path);
        }
    }
}

/// Removes every temporary file of this process not yet renamed into place (for a
/// signal handler: the process is about to exit).
pub fn remove_pending() {
    remove_pending_where(|_| true);
}

fn remove_pending_where(keep_if_not: impl Fn(&Path) -> bool) {
    // A handler must not wait on a lock that the interrupted thread holds forever.
    if let Ok(pending) = PENDING.try_lock() {
        for p in pending.iter().filter(|p| keep_if_not(p)) {
            let _ = fs::remove_file(p);
        }
    }
}

/// Removes the temporary files for `name` in `dir` that a process no longer running
/// left behind (a run killed with SIGKILL). Only where running processes can be told
/// (`/proc`); elsewhere left-overs are ignored, as their names never clash.
pub fn remove_stale(dir: &Path, name: &str) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = prefix(name);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some((pid, n)) = rest.split_once('.') else {
            continue;
        };
        let (Ok(pid), true) = (pid.parse::<u32>(), n.bytes().all(|b| b.is_ascii_digit())) else {
            continue;
        };
        if pid != std::process::id() && !proc.join(pid.to_string()).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_files_are_removed_and_persisted_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = create(dir.path(), "a.json").expect("create");
        let a_path = a.path.clone();
        assert!(a_path.exists());
        // Only this test's folder: other tests of this process write files too.
        remove_pending_where(|p| p.starts_with(dir.path()));
        assert!(!a_path.exists(), "a signal removes the pending file");
        drop(a);
        let b = create(dir.path(), "b.json").expect("create");
        let dest = dir.path().join("b.json");
        b.persist(&dest).expect("persist");
        remove_pending_where(|p| p.starts_with(dir.path()));
        assert!(dest.exists());
    }

    #[test]
    fn stale_files_of_dead_processes_are_removed_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dead = dir.path().join(".r.json.4294967295.0.tmp");
        let alive = dir
            .path()
            .join(format!(".r.json.{}.99.tmp", std::process::id()));
        let other = dir.path().join(".r.json.notes.tmp");
        for p in [&dead, &alive, &other] {
            fs::write(p, "x").expect("write");
        }
        remove_stale(dir.path(), "r.json");
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists());
        }
        assert!(alive.exists() && other.exists());
    }
}
