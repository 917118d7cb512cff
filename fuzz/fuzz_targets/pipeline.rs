//! Fuzz target: the whole pipeline (corpus, extraction, linking, every rule, every report
//! and graph format) on a corpus cut from arbitrary bytes (`checks::corpus_files`).
#![no_main]

#[path = "../../tests/robustness/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = checks::pipeline(&checks::corpus_files(data));
});
