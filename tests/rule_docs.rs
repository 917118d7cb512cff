//! `docs/rules.md` is generated from the rule files and kept in step with them; the SARIF
//! help addresses of the built-in rules point at its sections.

use claimcheck::check;
use claimcheck::report::rule_docs;
use std::path::Path;

#[test]
fn the_rules_page_is_up_to_date() {
    let rules = check::load(&[]).expect("built-in rules");
    let page = rule_docs::page(&rules);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rule_docs::RULES_PAGE);
    if std::env::var_os("CLAIMCHECK_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &page).expect("write docs/rules.md");
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == page,
        "docs/rules.md differs from the rule files; run `CLAIMCHECK_UPDATE_DOCS=1 cargo test --test rule_docs`"
    );
}

#[test]
fn every_help_address_names_a_section_of_the_page() {
    let rules = check::load(&[]).expect("built-in rules");
    let page = rule_docs::page(&rules);
    for r in &rules {
        let uri = rule_docs::help_uri(r).expect("built-in rules are documented");
        let (_, anchor) = uri.split_once('#').expect("an anchor");
        assert!(
            page.contains(&format!("\n## {anchor}\n")),
            "no section for {anchor}"
        );
        assert!(uri.starts_with(env!("CARGO_PKG_REPOSITORY")));
    }
}
