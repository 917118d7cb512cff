//! Fuzz target: claim on arbitrary UTF-8 text.
#![no_main]

#[path = "../../tests/robustness/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::claims(text);
    }
});
