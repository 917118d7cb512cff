//! Shared test helpers: insta settings that keep snapshots in the top-level `snapshots/`.
#![allow(dead_code)]

use std::path::PathBuf;

/// insta settings storing snapshots in `<repo>/snapshots/`, named without the module prefix.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo_path("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// A path relative to the repository root.
pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}
