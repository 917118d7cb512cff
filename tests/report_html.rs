//! The HTML report of an invented two-story corpus, run through the binary (so the
//! documents' texts are released during the check and read again for quotes): findings
//! grouped by story, sources linked to their articles' web addresses (and only web
//! addresses), slots titled in plain English, and the agreeing slots with their quotes.

mod common;

use std::path::Path;
use std::process::Command;

/// Invented reports, written for this test.
const FILES: &[(&str, &str)] = &[
    (
        "ferry/corpus.toml",
        "[[document]]\npath = \"island-courier.txt\"\nsource = \"Island Courier\"\npublished = \"2031-03-14\"\nurl = \"https://island-courier.example/ferry\"\n\n\
         [[document]]\npath = \"harbour-times.txt\"\nsource = \"Harbour Times\"\npublished = \"2031-03-14\"\nurl = \"javascript:alert(1)\"\n",
    ),
    (
        "ferry/island-courier.txt",
        "Kenya deployed 400 troops to Somalia on Monday, the defence ministry said.\n\nThe port of Kismayo closed on Tuesday after the storm, officials said.\n",
    ),
    (
        "ferry/harbour-times.txt",
        "Kenya deployed 950 troops to Somalia on Monday, the defence ministry said.\n\nThe port of Kismayo closed on Tuesday after the storm, officials said.\n",
    ),
    (
        "treaty/corpus.toml",
        "[[document]]\npath = \"north-ledger.txt\"\nsource = \"North Ledger\"\npublished = \"2031-05-02\"\n\n\
         [[document]]\npath = \"south-wire.txt\"\nsource = \"South Wire\"\npublished = \"2031-05-02\"\n",
    ),
    (
        "treaty/north-ledger.txt",
        "Ghana recalled its ambassador from Togo on Friday, the foreign ministry said.\n",
    ),
    (
        "treaty/south-wire.txt",
        "Ghana ordered a partial drawdown of its embassy staff in Togo on Friday, with the ambassador remaining in post, an official said.\n",
    ),
];

fn corpus(dir: &Path) {
    for (path, text) in FILES {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        std::fs::write(file, text).expect("write fixture");
    }
}

fn html_report(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(["check", "--quiet", "--format", "html", "ferry", "treaty"])
        .output()
        .expect("run claimcheck");
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn html_groups_by_story_links_sources_and_quotes_agreements() {
    let dir = tempfile::tempdir().expect("temp dir");
    corpus(dir.path());
    let html = html_report(dir.path());
    let page = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");

    let stories: Vec<&str> = page
        .select(&sel("section.story"))
        .filter_map(|s| s.value().attr("data-story"))
        .collect();
    assert_eq!(stories, ["ferry", "treaty"]);
    for story in page.select(&sel("section.story")) {
        assert!(
            story.select(&sel("article.finding")).count() >= 1,
            "a finding in each story"
        );
    }

    let links: Vec<&str> = page
        .select(&sel("a.source"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        links.contains(&"https://island-courier.example/ferry"),
        "{links:?}"
    );
    assert!(
        links.iter().all(|l| l.starts_with("https://")),
        "only web addresses: {links:?}"
    );
    assert!(
        !html.contains("javascript:"),
        "a javascript: address is not linked"
    );

    let agreements: Vec<_> = page
        .select(&sel("section.story[data-story=ferry] li.agreement"))
        .collect();
    assert!(!agreements.is_empty(), "the port's closure agrees");
    for a in &agreements {
        let quotes: Vec<String> = a
            .select(&sel("blockquote"))
            .map(|q| q.text().collect())
            .collect();
        assert!(quotes.len() >= 2, "a quote a source: {}", a.html());
        // The troops' figures conflict (the finding): no slot agrees on them.
        let marks: Vec<String> = a.select(&sel("mark")).map(|m| m.text().collect()).collect();
        assert!(
            !(marks.iter().any(|m| m.contains("400")) && marks.iter().any(|m| m.contains("950"))),
            "400 and 950 troops do not agree: {}",
            a.html()
        );
        assert!(
            quotes
                .iter()
                .all(|q| q.contains("Kismayo") || q.contains("Kenya")),
            "{quotes:?}"
        );
    }

    let main = page.select(&sel("main")).next().expect("main").html();
    common::snapshot_settings()
        .bind(|| insta::assert_snapshot!("html_stories_links_agreements", main));

    // The same page as the real browser renders it, its script run: the stories, the
    // links and the agreeing quotes are there and shown.
    let Some(browser) = common::browser() else {
        assert!(
            !common::required(),
            "CI needs chromium to test the HTML report"
        );
        eprintln!("skipped the browser half: no chromium");
        return;
    };
    let dom = common::browser_dom(browser, &html, dir.path());
    let rendered = scraper::Html::parse_document(&dom);
    let shown_stories: Vec<&str> = rendered
        .select(&sel("section.story"))
        .filter(|s| s.value().attr("hidden").is_none())
        .filter_map(|s| s.value().attr("data-story"))
        .collect();
    assert_eq!(shown_stories, ["ferry", "treaty"]);
    let rendered_links: Vec<&str> = rendered
        .select(&sel("a.source"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(rendered_links, links, "the browser keeps every source link");
    let rendered_quotes = rendered
        .select(&sel(
            "section.story[data-story=ferry] li.agreement blockquote",
        ))
        .count();
    assert!(rendered_quotes >= 2, "agreeing quotes in the browser");
}
