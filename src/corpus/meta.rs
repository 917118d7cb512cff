//! Document metadata from a manifest entry, front matter or a JSON line, and how the
//! sources combine (the document's own metadata first, then the manifest, then defaults).

use super::date::PartialDate;
use super::document::Document;

/// Optional metadata of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub source: Option<String>,
    pub published: Option<PartialDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The story the document belongs to (its claims are checked only against claims
    /// of the same story).
    pub story: Option<String>,
}

impl Meta {
    /// Builds metadata from raw fields; a `published` value that is not `YYYY`, `YYYY-MM`
    /// or `YYYY-MM-DD` is reported through `warn` and left out.
    pub fn parsed(
        source: Option<String>,
        published: Option<&str>,
        title: Option<String>,
        url: Option<String>,
        mut warn: impl FnMut(String),
    ) -> Meta {
        let published = published.and_then(|p| {
            let date = PartialDate::parse(p);
            if date.is_none() {
                warn(format!(
                    "`published` value {p:?} is not YYYY, YYYY-MM or YYYY-MM-DD; ignored"
                ));
            }
            date
        });
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        Meta {
            source: nonempty(source),
            published,
            title: nonempty(title),
            url: nonempty(url),
            story: None,
        }
    }

    /// The same metadata naming a story (a blank name names none).
    pub fn with_story(mut self, story: Option<String>) -> Meta {
        self.story = story
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        self
    }

    /// Fields of `self`, each falling back to `other`'s.
    pub fn or(self, other: &Meta) -> Meta {
        Meta {
            source: self.source.or_else(|| other.source.clone()),
            published: self.published.or(other.published),
            title: self.title.or_else(|| other.title.clone()),
            url: self.url.or_else(|| other.url.clone()),
            story: self.story.or_else(|| other.story.clone()),
        }
    }

    /// Sets the document's metadata; the source falls back to `default_source`.
    pub fn apply(self, doc: &mut Document, default_source: &str) {
        doc.source = self.source.unwrap_or_else(|| default_source.to_string());
        doc.published = self.published;
        doc.title = self.title;
        doc.url = self.url;
        doc.story = self.story;
    }
}
