//! The README's library example is the crate-level doctest's (which `cargo test` runs):
//! every line of the README's Rust block is a line of the example in `src/lib.rs`, so the
//! README cannot show an API that no longer compiles.

mod common;

/// The lines of the first fenced block of `lang` after `heading` in a Markdown text.
fn block_after<'a>(text: &'a str, heading: &str, lang: &str) -> Vec<&'a str> {
    let from = text
        .find(heading)
        .unwrap_or_else(|| panic!("no `{heading}`"));
    let rest = &text[from..];
    let open = format!("```{lang}\n");
    let start = rest.find(&open).expect("a fenced block") + open.len();
    let end = rest[start..].find("```").expect("the block ends") + start;
    rest[start..end].lines().collect()
}

#[test]
fn the_readme_library_example_is_the_doctest() {
    let readme = std::fs::read_to_string(common::repo_path("README.md")).expect("README");
    let lib = std::fs::read_to_string(common::repo_path("src/lib.rs")).expect("lib.rs");
    let example: Vec<&str> = block_after(&readme, "\n## Library\n", "rust");
    assert!(example.len() >= 5, "{example:?}");
    // The doctest's lines, without the `//! ` of the module documentation.
    let doctest: Vec<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l).to_string())
        .collect();
    let start = doctest
        .iter()
        .position(|l| l == "```")
        .expect("the crate documentation has an example");
    let doctest = &doctest[start..];
    for line in example.iter().filter(|l| !l.trim().is_empty()) {
        assert!(
            doctest.iter().any(|d| d.trim() == line.trim()),
            "README line not in the doctest of src/lib.rs: {line}"
        );
    }
}
