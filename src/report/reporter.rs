//! The reporter trait (ripgrep's sink pattern): every output of `claimcheck` is a value
//! that writes itself to an `io::Write`. Findings formats read a [`ReportInput`]; the
//! listings, the rules table, a rule's documentation and the graph carry what they show.
//! The binary only picks a reporter and hands it its output.

use super::{ReportFormat, ReportInput};
use std::io::{self, Write};

/// Something claimcheck prints.
pub trait Reporter {
    /// Writes the whole output to `out`.
    fn report(&self, out: &mut dyn Write) -> io::Result<()>;

    /// The output as a string (lossy for a reporter that writes invalid UTF-8, which
    /// none does).
    fn to_text(&self) -> String {
        let mut buf = Vec::new();
        // Writing to a Vec does not fail.
        let _ = self.report(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    }
}

/// How the text report is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    /// ANSI colours.
    pub color: bool,
    /// Columns to wrap quotes at: the terminal's, else [`super::text::DEFAULT_WIDTH`].
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            width: super::text::DEFAULT_WIDTH,
        }
    }
}

/// The findings in one of the `check --format` formats.
#[derive(Clone, Copy, Debug)]
pub struct Findings<'a> {
    pub format: ReportFormat,
    pub input: &'a ReportInput<'a>,
    pub text: TextOptions,
}

impl Reporter for Findings<'_> {
    fn report(&self, out: &mut dyn Write) -> io::Result<()> {
        let input = self.input;
        let text = match self.format {
            ReportFormat::Text => super::text::render_in(input, self.text.color, self.text.width),
            ReportFormat::Json => super::json::render(input),
            ReportFormat::Jsonl => super::jsonl::render(input),
            ReportFormat::Sarif => super::sarif::render(input),
            ReportFormat::Github => super::github::render(input),
            ReportFormat::Junit => super::junit::render(input),
            ReportFormat::Markdown => super::markdown::render(input),
            ReportFormat::Html => super::html::render(input),
        };
        out.write_all(text.as_bytes())
    }
}

/// `check --statistics`: findings counted by rule.
#[derive(Clone, Copy, Debug)]
pub struct Statistics<'a> {
    pub findings: &'a [crate::check::Finding],
}

impl Reporter for Statistics<'_> {
    fn report(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(super::statistics(self.findings).as_bytes())
    }
}
