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

/// True where the tests' external tools must be present (CI installs them).
pub fn required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// A headless Chromium or Chrome on this machine, if any (`.ci/run` installs Debian's chromium).
pub fn browser() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// The DOM of an HTML page after a headless browser loaded it (scripts run), from
/// `--dump-dom`; `dir` holds the page and the browser profile.
pub fn browser_dom(browser: &str, html: &str, dir: &std::path::Path) -> String {
    let file = dir.join("report.html");
    std::fs::write(&file, html).expect("write HTML");
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("run the browser");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs the claimcheck binary with `args` in `dir`; returns (status, stdout, stderr).
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run claimcheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes a fixture file under `dir`, creating its folders.
pub fn write_file(dir: &std::path::Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write fixture");
}

/// The knowledge shipped with claimcheck, built once per test binary.
pub fn knowledge() -> &'static claimcheck::extract::Knowledge {
    static KNOWLEDGE: std::sync::OnceLock<claimcheck::extract::Knowledge> =
        std::sync::OnceLock::new();
    KNOWLEDGE.get_or_init(claimcheck::extract::Knowledge::builtin)
}
