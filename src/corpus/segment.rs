//! Sentence segmentation with spans: abbreviations, numbers, initials, quotes, headlines.
//!
//! The text is cut into lines; blank lines separate paragraphs; consecutive lines join
//! into one unit when the first visibly continues on the next (a trailing comma, a
//! lowercase start, a title such as "Dr." at the line end). A unit is split at sentence
//! ends; its last piece, when it lacks closing punctuation, is a headline. Everything is
//! one pass over the text with bounded look-around, so time is linear in its length; a run
//! longer than [`MAX_SENTENCE_BYTES`] without a sentence end is cut into pieces.

use std::collections::HashSet;
use std::ops::Range;

/// One sentence of a document's extracted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into `Document::text` (not the file: map it with `Document::file_span`).
    pub range: Range<usize>,
    /// 0-based paragraph number within the document.
    pub paragraph: usize,
    /// A line without closing punctuation: a headline or subhead.
    pub headline: bool,
}

/// The built-in abbreviation list, one per line in sections (see the file's header).
const ABBREVIATIONS: &str = include_str!("../../rules/lexicon/abbreviations.txt");

/// Abbreviations and sentence starters that guide segmentation: the built-in list
/// ([`Abbreviations::shipped`]), optionally extended with a user's file in the same format.
#[derive(Clone, Debug, Default)]
pub struct Abbreviations {
    /// Never end a sentence ("Dr.", "Gen.").
    title: HashSet<String>,
    /// End a sentence only before a sentence starter ("U.S.", "p.m.").
    other: HashSet<String>,
    /// Capitalised words that typically begin a sentence.
    starters: HashSet<String>,
}

impl Abbreviations {
    /// The list shipped with claimcheck (`rules/lexicon/abbreviations.txt`), read afresh:
    /// read it once and pass it on (it is part of the run's knowledge).
    pub fn shipped() -> Abbreviations {
        let mut abbr = Abbreviations::default();
        abbr.extend(ABBREVIATIONS);
        abbr
    }

    /// Adds the entries of a file in the abbreviation format: `[title]`, `[other]` and
    /// `[starters]` sections, one entry a line, `#` comments. Lines before any section or
    /// in an unknown one are ignored.
    pub fn extend(&mut self, data: &str) {
        let mut section = "";
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let set = match section {
                "title" => &mut self.title,
                "other" => &mut self.other,
                "starters" => &mut self.starters,
                _ => continue,
            };
            set.insert(line.to_string());
        }
    }

    /// Splits text into sentences with these abbreviations.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        segment_with(text, self)
    }
}

/// Characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters that close a quotation or bracket after a sentence end.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Characters that open a quotation or bracket before a word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„'
    )
}

/// Words that cannot end a line of running text: when a line ends in one, it continues.
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "that"
            | "as"
    )
}

fn segment_with(text: &str, abbr: &Abbreviations) -> Vec<Sentence> {
    let lines = line_ranges(text);
    let wrapped = is_hard_wrapped(text, &lines);
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut paragraph_has_sentences = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].clone()];
        if line.trim().is_empty() {
            if paragraph_has_sentences {
                paragraph += 1;
                paragraph_has_sentences = false;
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while let Some(next) = lines.get(j + 1) {
            let next_line = &text[next.clone()];
            if next_line.trim().is_empty()
                || !continues(&text[lines[j].clone()], next_line, wrapped, abbr)
            {
                break;
            }
            j += 1;
        }
        let before = out.len();
        split_unit(
            text,
            lines[i].start..lines[j].end,
            paragraph,
            abbr,
            &mut out,
        );
        paragraph_has_sentences |= out.len() > before;
        i = j + 1;
    }
    out
}

/// Byte ranges of the lines of `text`, without their `\n`.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}

/// Whether the text is hard-wrapped: most of its lines end without closing punctuation
/// and go on in the next line (in news with one paragraph a line, only headlines do).
fn is_hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let mut nonblank = 0;
    let mut open_and_followed = 0;
    for (k, r) in lines.iter().enumerate() {
        if blank(r) {
            continue;
        }
        nonblank += 1;
        if lines.get(k + 1).is_some_and(|n| !blank(n)) && !ends_closed(&text[r.clone()]) {
            open_and_followed += 1;
        }
    }
    open_and_followed >= 4 && open_and_followed * 2 >= nonblank
}

/// True when a line ends with closing punctuation (perhaps inside quotes or brackets).
fn ends_closed(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminator)
}

/// Whether a line runs on into the next one rather than ending there; in hard-wrapped
/// text every line without closing punctuation does.
fn continues(line: &str, next: &str, wrapped: bool, abbr: &Abbreviations) -> bool {
    let line = line.trim_end();
    let next_starts_lower = first_letter(next).is_some_and(char::is_lowercase);
    let body = line.trim_end_matches(is_closer);
    let Some(last) = body.chars().next_back() else {
        return false;
    };
    if is_terminator(last) {
        if next_starts_lower {
            return true;
        }
        // "… met Dr.\nSmith": a title or an initial at the end of a line does not end it.
        let word = last_word(line);
        return last == '.'
            && body.len() == line.len()
            && (abbr.title.contains(word) || is_initial(word));
    }
    if wrapped || matches!(last, ',' | ';' | ':' | '(' | '[' | '“' | '‘') || next_starts_lower {
        return true;
    }
    is_connector(last_word(line))
}

/// The first character of a line after whitespace and opening quotes or brackets.
fn first_letter(line: &str) -> Option<char> {
    line.chars().find(|c| !c.is_whitespace() && !is_opener(*c))
}

/// The last whitespace-separated word of `s`, without leading quotes or brackets.
fn last_word(s: &str) -> &str {
    let start = s
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    s[start..].trim_start_matches(is_opener)
}

/// A single capital letter with its period: "J.", "W.".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Letters separated by periods, like an unlisted acronym: "U.S.A.", "e.g.".
fn is_dotted(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// Splits one unit (one or more joined lines) into sentences.
fn split_unit(
    text: &str,
    unit: Range<usize>,
    paragraph: usize,
    abbr: &Abbreviations,
    out: &mut Vec<Sentence>,
) {
    let s = &text[unit.clone()];
    let mut start = 0;
    let mut pos = 0;
    while let Some(c) = s[pos..].chars().next() {
        if !is_terminator(c) {
            pos += c.len_utf8();
            continue;
        }
        let term_start = pos;
        let mut end = pos;
        let mut terminators = 0;
        let mut last_term = c;
        while let Some(t) = s[end..].chars().next().filter(|t| is_terminator(*t)) {
            end += t.len_utf8();
            terminators += 1;
            last_term = t;
        }
        let closers_start = end;
        while let Some(t) = s[end..].chars().next().filter(|t| is_closer(*t)) {
            end += t.len_utf8();
        }
        pos = end;
        let rest = &s[end..];
        match rest.chars().next() {
            None => break,
            Some(w) if !w.is_whitespace() => continue,
            _ => {}
        }
        let next = first_letter(rest);
        if next.is_some_and(char::is_lowercase) {
            continue;
        }
        if last_term == '.' && terminators == 1 && closers_start == end {
            // "1. Troops leave": a list number is not a sentence.
            let so_far = s[start..term_start].trim();
            if !so_far.is_empty() && so_far.len() <= 3 && so_far.bytes().all(|b| b.is_ascii_digit())
            {
                continue;
            }
            let word = last_word(&s[start..term_start + 1]);
            let next_word = next_word(rest);
            let starter = abbr.starters.contains(next_word);
            if abbr.title.contains(word) {
                continue;
            }
            if is_initial(word) && !(starter && next_word.chars().count() > 1) {
                continue;
            }
            if (abbr.other.contains(word) || is_dotted(word)) && !starter {
                continue;
            }
        }
        push_sentence(
            text,
            unit.start + start..unit.start + end,
            paragraph,
            false,
            out,
        );
        start = end;
    }
    let tail = unit.start + start..unit.end;
    let trimmed = text[tail.clone()].trim_end().trim_end_matches(is_closer);
    let headline = !trimmed.chars().next_back().is_some_and(is_terminator);
    push_sentence(text, tail, paragraph, headline, out);
}

/// The word starting a text after whitespace and openers, up to its first non-letter.
fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start().trim_start_matches(is_opener);
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The longest sentence kept whole, in bytes. News sentences stay far below it; a longer
/// run without sentence ends (a file without punctuation, a table flattened to one line) is
/// cut at the last whitespace before the limit, so that the work per sentence of the later
/// stages is bounded and a whole run stays linear in the text's length.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Trims a candidate range and records it when it holds a letter or digit; a range longer
/// than [`MAX_SENTENCE_BYTES`] is recorded in pieces.
fn push_sentence(
    text: &str,
    range: Range<usize>,
    paragraph: usize,
    headline: bool,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |at| start + at)
            .max(start + 1);
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        push_trimmed(text, start..cut, paragraph, headline, out);
        start = cut;
    }
    push_trimmed(text, start..range.end, paragraph, headline, out);
}

/// Trims a range and records it when it holds a letter or digit.
fn push_trimmed(
    text: &str,
    range: Range<usize>,
    paragraph: usize,
    headline: bool,
    out: &mut Vec<Sentence>,
) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let range = range.start + lead..range.end - trail.min(piece.len() - lead);
    if text[range.clone()].chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            range,
            paragraph,
            headline,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits text with the shipped abbreviations.
    fn segment(text: &str) -> Vec<Sentence> {
        Abbreviations::shipped().segment(text)
    }

    #[test]
    fn overlong_runs_are_cut_at_whitespace_into_bounded_pieces() {
        let text = "word ".repeat(3000) + "end.";
        let sentences = segment(&text);
        assert!(sentences.len() >= 4, "{}", sentences.len());
        let mut joined = String::new();
        for s in &sentences {
            assert!(s.range.len() <= MAX_SENTENCE_BYTES);
            let piece = &text[s.range.clone()];
            assert!(
                piece.starts_with("word") && !piece.ends_with(' '),
                "{piece:?}"
            );
            joined.push_str(piece);
            joined.push(' ');
        }
        assert_eq!(joined.trim_end(), text);
    }

    #[test]
    fn overlong_runs_without_whitespace_are_cut_on_char_boundaries() {
        let text = "é".repeat(5000);
        let sentences = segment(&text);
        assert_eq!(sentences.len(), 3);
        assert_eq!(sentences[0].range, 0..4096);
        assert_eq!(sentences.last().map(|s| s.range.end), Some(text.len()));
    }

    fn texts(text: &str) -> Vec<&str> {
        segment(text).into_iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            texts("Dr. Ana Ruiz met Gen. Lee and J. R. R. Tolkien fans. George W. Bush spoke."),
            [
                "Dr. Ana Ruiz met Gen. Lee and J. R. R. Tolkien fans.",
                "George W. Bush spoke."
            ]
        );
    }

    #[test]
    fn other_abbreviations_end_only_before_a_starter() {
        assert_eq!(
            texts("He flew to the U.S. The trip was long. U.S. President Smith spoke at 5 p.m. Monday."),
            [
                "He flew to the U.S.",
                "The trip was long.",
                "U.S. President Smith spoke at 5 p.m. Monday."
            ]
        );
        assert_eq!(
            texts("It began on Sept. 11 and No. 10 said so."),
            ["It began on Sept. 11 and No. 10 said so."]
        );
    }

    #[test]
    fn numbers_with_separators_and_decimals() {
        assert_eq!(
            texts("About 5,000 troops left. Growth was 2.4 percent, or 1.2 million jobs. Next."),
            [
                "About 5,000 troops left.",
                "Growth was 2.4 percent, or 1.2 million jobs.",
                "Next."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets_close_the_sentence() {
        assert_eq!(
            texts("He said \"no.\" Then he left."),
            ["He said \"no.\"", "Then he left."]
        );
        assert_eq!(
            texts("She said “we will stay.” They left (later.) Fine."),
            ["She said “we will stay.”", "They left (later.)", "Fine."]
        );
        assert_eq!(
            texts("\"Why?\" he asked. \"Now!\" She ran."),
            ["\"Why?\" he asked.", "\"Now!\"", "She ran."]
        );
    }

    #[test]
    fn ellipses_and_dashes() {
        assert_eq!(
            texts("We waited... and waited. Then… Nothing — nothing at all."),
            [
                "We waited... and waited.",
                "Then…",
                "Nothing — nothing at all."
            ]
        );
        assert_eq!(texts("Really?! Yes."), ["Really?!", "Yes."]);
    }

    #[test]
    fn headlines_subheads_and_paragraphs() {
        let text = "Big Storm Hits Coast\nA subhead here\n\nRain fell. Wind blew.\nMore came.\n\nWhat Comes Next\nExperts warn.";
        let sentences = segment(text);
        let got: Vec<(&str, usize, bool)> = sentences
            .iter()
            .map(|s| (&text[s.range.clone()], s.paragraph, s.headline))
            .collect();
        assert_eq!(
            got,
            [
                ("Big Storm Hits Coast", 0, true),
                ("A subhead here", 0, true),
                ("Rain fell.", 1, false),
                ("Wind blew.", 1, false),
                ("More came.", 1, false),
                ("What Comes Next", 2, true),
                ("Experts warn.", 2, false),
            ]
        );
    }

    #[test]
    fn wrapped_lines_join() {
        assert_eq!(
            texts("The minister said that the troops,\nabout 400 of them, would leave\nsoon. Officials met Dr.\nLee."),
            [
                "The minister said that the troops,\nabout 400 of them, would leave\nsoon.",
                "Officials met Dr.\nLee."
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_joins_lines_but_keeps_standalone_headlines() {
        let text = "Ferry Service Resumes\n\nThe ferry between the two islands\nresumed on Monday after Minister\nAlva Reyes approved new safety\nrules for the crossing. Tickets\nsold out within an hour, the\noperator said.\n";
        let s = segment(text);
        let got: Vec<(&str, bool)> = s
            .iter()
            .map(|s| (&text[s.range.clone()], s.headline))
            .collect();
        assert_eq!(
            got,
            [
                ("Ferry Service Resumes", true),
                ("The ferry between the two islands\nresumed on Monday after Minister\nAlva Reyes approved new safety\nrules for the crossing.", false),
                ("Tickets\nsold out within an hour, the\noperator said.", false),
            ]
        );
    }

    #[test]
    fn extra_abbreviations_extend_the_builtin_list() {
        let text = "He met Bp. Leone. Arch. Tomas left.";
        assert_eq!(
            texts(text),
            ["He met Bp.", "Leone.", "Arch.", "Tomas left."]
        );
        let mut abbr = Abbreviations::shipped();
        abbr.extend("# church titles\n[title]\nBp.\nArch.\n");
        let got: Vec<&str> = abbr
            .segment(text)
            .into_iter()
            .map(|s| &text[s.range])
            .collect();
        assert_eq!(got, ["He met Bp. Leone.", "Arch. Tomas left."]);
    }

    #[test]
    fn list_numbers_stay_with_their_item() {
        assert_eq!(
            texts("1. Troops leave the base.\n2. Talks resume."),
            ["1. Troops leave the base.", "2. Talks resume."]
        );
        assert_eq!(
            texts("They ranked it in Group C. The team lost."),
            ["They ranked it in Group C.", "The team lost."]
        );
    }

    #[test]
    fn dateline_line_is_its_own_sentence() {
        let text = "BAMAKO, Mali –\nTroops left on Monday.";
        let s = segment(text);
        assert_eq!(s.len(), 2);
        assert!(s[0].headline);
        assert_eq!(&text[s[0].range.clone()], "BAMAKO, Mali –");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "\n\n",
            ".",
            "…",
            "é.",
            " . . ",
            "a.\u{a0}B",
            "\"",
            "Dr.",
            "X\r\nY.\r\n",
        ] {
            for s in segment(text) {
                assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
            }
        }
        assert_eq!(texts("X\r\nY.\r\n"), ["X", "Y."]);
    }
}
