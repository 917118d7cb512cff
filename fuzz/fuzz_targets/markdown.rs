//! Fuzz target: the markdown reader on arbitrary bytes (decoding, extraction, sentence spans).
#![no_main]

#[path = "../../tests/robustness/checks.rs"]
mod checks;

use claimcheck::corpus::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::reader(Format::Markdown, data);
});
