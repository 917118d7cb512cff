//! GitHub annotations point at the column where the quote starts, not always column 1:
//! a claim in the second sentence of a line is annotated at that sentence.

use std::process::Command;

#[test]
fn annotations_carry_the_quote_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Invented for this test: the claim of a.txt is the second sentence of its line.
    std::fs::write(
        dir.path().join("a.txt"),
        "Heavy rain fell overnight. Kenya deployed 400 troops to Somalia on Monday, the defence ministry said.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "Kenya deployed 950 troops to Somalia on Monday, the defence ministry said.\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir.path())
        .args([
            "check", "--quiet", "--format", "github", "--select", "quantity", "a.txt", "b.txt",
        ])
        .output()
        .expect("run claimcheck");
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text
        .lines()
        .find(|l| l.starts_with("::error") || l.starts_with("::warning"))
        .unwrap_or_else(|| panic!("an annotation: {text}"));
    let column = "Heavy rain fell overnight. ".chars().count() + 1;
    assert!(
        first.contains(&format!("file=a.txt,line=1,col={column},")),
        "{first}"
    );
    let end = column
        + "Kenya deployed 400 troops to Somalia on Monday, the defence ministry said."
            .chars()
            .count();
    assert!(first.contains(&format!("endColumn={end},")), "{first}");
}
