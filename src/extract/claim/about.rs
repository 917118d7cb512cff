//! The general value pass: one claim for every quantity, date and duration of a sentence,
//! with what the value is about (measure, predicate, event) read from the sentence's own
//! words through the English layer, so that claims of any story can be linked by meaning.

use super::assemble::{empty_claim, Place};
use super::facts::Facts;
use super::words::Word;
use crate::extract::english::English;
use crate::extract::model::{
    About, Claim, Duration, DurationUnit, Name, Quantity, Time, TimeValue, Value, ValueFacet,
};
use crate::extract::quantity::QuantityMatch;
use crate::extract::time::TimeMatch;
use std::ops::Range;

/// How many words around a value its measure is looked for in.
const MEASURE_WINDOW: usize = 4;
/// How many words around a value its predicate is looked for in.
const PREDICATE_WINDOW: usize = 6;
/// At most this many event lemmas are kept per claim.
const EVENT_LEMMAS: usize = 24;

/// One word of the sentence as the English layer reads it.
struct Token<'a> {
    word: &'a Word<'a>,
    lemma: Name,
    /// A content word: not a function word, not a number, at least two letters.
    content: bool,
    /// May be a verb in this form ("killed", "trapped", "vanished", "hit").
    verbal: bool,
    /// A segment boundary (";", ":", a dash, a bracket) comes right before this word.
    boundary_before: bool,
}

/// The value claims of one sentence.
pub fn value_claims(facts: &Facts, at: &Place) -> Vec<Claim> {
    let english = facts.lexicon.english();
    let tokens = tokens(facts, english);
    let event = event_lemmas(&tokens, english);
    let mut out = Vec::new();
    for q in compound_durations(facts, &duration_quantities(facts)) {
        if let Some(c) = quantity_claim(facts, at, &tokens, &event, english, &q) {
            out.push(c);
        }
    }
    for t in &facts.times {
        if let Some(c) = time_claim(facts, at, &tokens, &event, english, t) {
            out.push(c);
        }
    }
    out
}

fn tokens<'a>(facts: &'a Facts, english: &English) -> Vec<Token<'a>> {
    let units = crate::extract::quantity::Units::builtin();
    let mut out = Vec::with_capacity(facts.words.len());
    let mut prev_end = 0;
    for w in &facts.words {
        let gap = facts.text.get(prev_end..w.start).unwrap_or("");
        prev_end = w.end;
        let lower = w.text.to_lowercase();
        let alphabetic = lower.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !lower.chars().any(|c| c.is_ascii_digit());
        // Bounds and approximations ("about", "nearly", "more") are qualifiers, not words
        // of the measure or the event.
        let stop =
            english.is_stop(&lower) || units.cue(&lower).is_some() || english.is_degree(&lower);
        let lemma = english.lemma(&lower);
        let verbal = alphabetic && !stop && english.may_be_verb(&lower);
        out.push(Token {
            word: w,
            lemma: Name::from(lemma.as_ref()),
            content: alphabetic && !stop,
            verbal,
            boundary_before: gap.contains([';', ':', '(', ')', '—', '–'])
                || gap.contains(" - ")
                || gap.contains(", and ")
                || gap.contains(", but ")
                || gap.contains(", while "),
        });
    }
    out
}

/// The content lemmas of the sentence, deduplicated, in order, at most [`EVENT_LEMMAS`].
fn event_lemmas(tokens: &[Token], english: &English) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for t in tokens.iter().filter(|t| t.content) {
        if english.is_light(&t.lemma) || out.contains(&t.lemma) {
            continue;
        }
        out.push(t.lemma.clone());
        if out.len() == EVENT_LEMMAS {
            break;
        }
    }
    out
}

/// Index of the first token at or after a byte offset.
fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.word.end <= offset)
}

/// The tokens of the segment around a range: no segment boundary crossed.
fn segment(tokens: &[Token], range: &Range<usize>) -> Range<usize> {
    let first = token_at(tokens, range.start).min(tokens.len());
    let last = token_at(tokens, range.end).min(tokens.len());
    let mut start = first;
    while start > 0 && !tokens[start].boundary_before {
        start -= 1;
    }
    let mut end = last;
    while end < tokens.len() && !tokens[end].boundary_before {
        end += 1;
    }
    start..end
}

/// The nearest verb-like token to the range within the segment (before it first).
fn predicate(
    tokens: &[Token],
    range: &Range<usize>,
    seg: &Range<usize>,
    english: &English,
) -> Option<Name> {
    let first = token_at(tokens, range.start);
    let last = token_at(tokens, range.end);
    let mut best: Option<(usize, &Token)> = None;
    for (i, t) in tokens.iter().enumerate().take(seg.end).skip(seg.start) {
        if (first..last).contains(&i) || !t.verbal || english.is_light(&t.lemma) {
            continue;
        }
        let distance = if i < first { first - i } else { i + 1 - last };
        // Verbs after the value weigh a little less (the value is usually an object).
        let weighted = if i < first { distance } else { distance + 1 };
        if weighted <= PREDICATE_WINDOW && best.is_none_or(|(d, _)| weighted < d) {
            best = Some((weighted, t));
        }
    }
    best.map(|(_, t)| t.lemma.clone())
}

/// Content lemmas within [`MEASURE_WINDOW`] words of the range inside the segment, nearest
/// first, skipping the value's own words.
fn nearby(tokens: &[Token], range: &Range<usize>, seg: &Range<usize>, max: usize) -> Vec<Name> {
    let first = token_at(tokens, range.start);
    let last = token_at(tokens, range.end);
    let mut out: Vec<(usize, Name)> = Vec::new();
    for (i, t) in tokens.iter().enumerate().take(seg.end).skip(seg.start) {
        if (first..last).contains(&i) || !t.content {
            continue;
        }
        let distance = if i < first { first - i } else { i + 1 - last };
        if distance <= MEASURE_WINDOW {
            out.push((distance, t.lemma.clone()));
        }
    }
    out.sort_by_key(|(d, _)| *d);
    let mut names: Vec<Name> = Vec::new();
    for (_, n) in out {
        if !names.contains(&n) {
            names.push(n);
        }
        if names.len() == max {
            break;
        }
    }
    names
}

/// Words right after the value: "of them", "of the 5", "of whom" make it a part; words
/// right before: "including", "among them".
fn is_part(facts: &Facts, range: &Range<usize>) -> bool {
    let after = facts.text.get(range.end..).unwrap_or("").trim_start();
    let after = after.to_lowercase();
    let before = facts.text.get(..range.start).unwrap_or("").trim_end();
    let before = before.to_lowercase();
    let of_group = after.strip_prefix("of ").is_some_and(|rest| {
        let next = rest.split_whitespace().next().unwrap_or("");
        matches!(
            next,
            "them" | "whom" | "those" | "these" | "the" | "its" | "their"
        ) || next.starts_with(|c: char| c.is_ascii_digit())
    });
    of_group
        || before.ends_with("including")
        || before.ends_with("among them")
        || before.ends_with("among")
        || before.ends_with("of whom")
        || before.ends_with("of them")
}

fn quantity_claim(
    facts: &Facts,
    at: &Place,
    tokens: &[Token],
    event: &[Name],
    english: &English,
    q: &QuantityMatch,
) -> Option<Claim> {
    if matches!(q.value, Value::Vague { .. }) {
        return None;
    }
    let seg = segment(tokens, &q.range);
    let units = crate::extract::quantity::Units::builtin();
    let duration_unit = q.unit.as_deref().and_then(duration_unit);
    let facet = if duration_unit.is_some() {
        ValueFacet::Duration
    } else {
        ValueFacet::Quantity
    };
    let measurement = q.unit.as_deref().is_some_and(|u| units.is_measurement(u));
    let mut measure: Vec<Name> = Vec::new();
    let mut head = None;
    let push = |measure: &mut Vec<Name>, n: Name| {
        if !measure.contains(&n) {
            measure.push(n);
        }
    };
    if let (Some(counted), false) = (&q.counted, measurement) {
        for w in counted.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let lower = w.to_lowercase();
            if lower.len() < 2 || english.is_stop(&lower) {
                continue;
            }
            let lemma = Name::from(english.lemma(&lower).as_ref());
            push(&mut measure, lemma.clone());
            head = Some(lemma);
        }
    }
    // "263 of the 382 counting areas", "three of the five": the part counts what the
    // whole counts.
    let whole = of_phrase(facts, tokens, &q.range, english);
    if head.is_none() {
        if let Some(last) = whole.last() {
            head = Some(last.clone());
        }
    }
    for n in whole {
        push(&mut measure, n);
    }
    if facet == ValueFacet::Duration {
        // "six minutes after take-off", "45 minutes into its dive": the gap is measured
        // from the event named after it.
        let reference = reference_phrase(tokens, &q.range);
        head = reference
            .first()
            .cloned()
            .or_else(|| modified_noun(facts, tokens, &q.range));
        for n in reference {
            push(&mut measure, n);
        }
    }
    if head.is_none() && is_age(facts, q) {
        head = Some(Name::from("age"));
        push(&mut measure, Name::from("age"));
    }
    // A unit of measurement (percent, kilometres, dollars) is not what is counted: the
    // nouns around the value say what is measured ("turnout", "depth", "ransom").
    if head.is_none() || measurement {
        let around = nearby(tokens, &q.range, &seg, 3);
        if head.is_none() {
            head = around.first().cloned();
        }
        for n in around {
            push(&mut measure, n);
        }
    }
    if measure.is_empty() {
        return None;
    }
    let pred = predicate(tokens, &q.range, &seg, english);
    let mut claim = empty_claim(facts, at, &q.range);
    let text = facts.text.get(q.range.clone()).unwrap_or_default();
    let span = at.span(&q.range);
    if let (Some(unit), Value::Number(n)) = (duration_unit, &q.value) {
        claim.duration = Some(Box::new(Time {
            value: TimeValue::Duration(Duration {
                value: *n,
                unit,
                change: q.change,
            }),
            resolved: true,
            event_year: false,
            text: text.into(),
            span,
        }));
    }
    claim.quantity = Some(Box::new(Quantity {
        value: q.value.clone(),
        unit: q.unit.clone(),
        change: q.change,
        approx: q.approx,
        counted: q.counted.clone(),
        text: text.into(),
        span,
    }));
    claim.about = Some(Box::new(About {
        facet,
        head,
        measure: measure.into_boxed_slice(),
        predicate: pred,
        event: event.to_vec().into_boxed_slice(),
        part: is_part(facts, &q.range),
        background: false,
    }));
    Some(claim)
}

/// The content lemmas of "of the (N) X" right after a value: what the whole counts.
fn of_phrase(
    facts: &Facts,
    tokens: &[Token],
    range: &Range<usize>,
    english: &English,
) -> Vec<Name> {
    let mut i = token_at(tokens, range.end);
    let mut out = Vec::new();
    if tokens
        .get(i)
        .is_none_or(|t| !t.word.text.eq_ignore_ascii_case("of"))
    {
        return out;
    }
    i += 1;
    let mut started = false;
    while let Some(t) = tokens.get(i) {
        if t.boundary_before && started {
            break;
        }
        let gap = facts
            .text
            .get(tokens[i - 1].word.end..t.word.start)
            .unwrap_or("");
        if gap.contains([',', '.']) {
            break;
        }
        let lower = t.word.text.to_lowercase();
        let number = lower.chars().any(|c| c.is_ascii_digit());
        if t.content {
            out.push(t.lemma.clone());
            started = true;
        } else if !(number
            || english.is_stop(&lower)
            || lower.ends_with("'s")
            || lower.ends_with('\''))
            || started && out.len() >= 3
        {
            break;
        }
        if out.len() >= 3 {
            break;
        }
        i += 1;
    }
    out
}

/// The content lemmas after "after", "into", "before" or "since" right after a value (and
/// the parts of a hyphenated word among them: "take-off" also gives "take").
fn reference_phrase(tokens: &[Token], range: &Range<usize>) -> Vec<Name> {
    let i = token_at(tokens, range.end);
    let Some(t) = tokens.get(i) else {
        return Vec::new();
    };
    let lower = t.word.text.to_lowercase();
    if !matches!(
        lower.as_str(),
        "after" | "into" | "before" | "since" | "from"
    ) {
        return Vec::new();
    }
    let mut out: Vec<Name> = Vec::new();
    for t in tokens.iter().skip(i + 1).take(4) {
        if t.boundary_before {
            break;
        }
        if !t.content {
            continue;
        }
        out.push(t.lemma.clone());
        if let Some((first, _)) = t.lemma.split_once('-') {
            out.push(Name::from(first));
        }
        if out.len() >= 2 {
            break;
        }
    }
    out
}

/// The noun that a hyphenated value modifies: "a six-day shutdown", "a 14-day visit pass".
fn modified_noun(facts: &Facts, tokens: &[Token], range: &Range<usize>) -> Option<Name> {
    let text = facts.text.get(range.clone())?;
    if !text.contains('-') {
        return None;
    }
    let mut i = token_at(tokens, range.end);
    let mut last = None;
    while let Some(t) = tokens.get(i) {
        if !t.content || t.verbal && last.is_some() {
            break;
        }
        last = Some(t.lemma.clone());
        i += 1;
    }
    last
}

/// A bare number between commas after a name: an age ("Ana Ruiz, 41, said").
fn is_age(facts: &Facts, q: &QuantityMatch) -> bool {
    let Value::Number(n) = q.value else {
        return false;
    };
    if q.unit.is_some() || q.counted.is_some() || n.fract() != 0.0 || !(1.0..=120.0).contains(&n) {
        return false;
    }
    let before = facts.text.get(..q.range.start).unwrap_or("").trim_end();
    let after = facts.text.get(q.range.end..).unwrap_or("");
    let Some(before) = before.strip_suffix(',') else {
        return false;
    };
    let named = before
        .split_whitespace()
        .last()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    named && after.starts_with(',')
}

/// The sentence's quantities and its durations from the time parser ("for six days",
/// "a two-week"), as quantities in text order.
fn duration_quantities(facts: &Facts) -> Vec<QuantityMatch> {
    let mut all = facts.quantities.clone();
    for t in &facts.times {
        if let TimeValue::Duration(d) = &t.value {
            all.push(QuantityMatch {
                range: t.range.clone(),
                value: Value::Number(d.value),
                unit: Some(Name::from(unit_name(d.unit))),
                change: d.change,
                approx: false,
                counted: None,
            });
        }
    }
    all.sort_by_key(|q| (q.range.start, q.range.end));
    all
}

/// The unit table's name of a duration unit.
fn unit_name(unit: DurationUnit) -> &'static str {
    match unit {
        DurationUnit::Second => "seconds",
        DurationUnit::Minute => "minutes",
        DurationUnit::Hour => "hours",
        DurationUnit::Day => "days",
        DurationUnit::Week => "weeks",
        DurationUnit::Month => "months",
        DurationUnit::Year => "years",
        DurationUnit::Decade => "decades",
    }
}

/// The quantities with "22 hours and 37 minutes" read as one duration (in its smaller
/// unit).
fn compound_durations(facts: &Facts, quantities: &[QuantityMatch]) -> Vec<QuantityMatch> {
    let units = crate::extract::quantity::Units::builtin();
    let seconds = |q: &QuantityMatch| -> Option<f64> {
        let unit = q.unit.as_deref()?;
        duration_unit(unit)?;
        match q.value {
            Value::Number(n) => units.to_base(n, unit).map(|(v, _)| v),
            _ => None,
        }
    };
    let mut out: Vec<QuantityMatch> = Vec::with_capacity(quantities.len());
    let mut i = 0;
    while i < quantities.len() {
        let q = &quantities[i];
        if let Some(next) = quantities.get(i + 1) {
            let gap = facts.text.get(q.range.end..next.range.start).unwrap_or("");
            if let (Some(a), Some(b), true) = (seconds(q), seconds(next), gap.trim() == "and") {
                let unit = next.unit.as_deref().unwrap_or("seconds");
                let per = units.to_base(1.0, unit).map_or(1.0, |(v, _)| v);
                let mut merged = next.clone();
                merged.range = q.range.start..next.range.end;
                merged.value = Value::Number((a + b) / per);
                merged.change = q.change;
                merged.approx = q.approx || next.approx;
                out.push(merged);
                i += 2;
                continue;
            }
        }
        out.push(q.clone());
        i += 1;
    }
    out
}

/// The duration unit a quantity's unit names, if it names one.
fn duration_unit(unit: &str) -> Option<DurationUnit> {
    Some(match unit.trim_end_matches('s') {
        "second" => DurationUnit::Second,
        "minute" => DurationUnit::Minute,
        "hour" => DurationUnit::Hour,
        "day" => DurationUnit::Day,
        "week" => DurationUnit::Week,
        "month" => DurationUnit::Month,
        "year" => DurationUnit::Year,
        "decade" => DurationUnit::Decade,
        _ => return None,
    })
}

fn time_claim(
    facts: &Facts,
    at: &Place,
    tokens: &[Token],
    event: &[Name],
    english: &English,
    t: &TimeMatch,
) -> Option<Claim> {
    let facet = match &t.value {
        TimeValue::Point { date: Some(_), .. } if !t.event_year => ValueFacet::Date,
        TimeValue::Interval { from: Some(_), .. } => ValueFacet::Date,
        // Durations are read with the quantities (see `duration_quantities`).
        _ => return None,
    };
    let seg = segment(tokens, &t.range);
    let pred = predicate(tokens, &t.range, &seg, english);
    let around = nearby(tokens, &t.range, &seg, 4);
    let head = match facet {
        ValueFacet::Duration => {
            let of = of_phrase(facts, tokens, &t.range, english);
            of.last()
                .cloned()
                .or_else(|| modified_noun(facts, tokens, &t.range))
        }
        _ => pred.clone().or_else(|| around.first().cloned()),
    };
    let mut measure: Vec<Name> = Vec::new();
    for n in pred.iter().chain(&around) {
        if !measure.contains(n) {
            measure.push(n.clone());
        }
    }
    if measure.is_empty() {
        return None;
    }
    let mut claim = empty_claim(facts, at, &t.range);
    let time = Time {
        value: t.value.clone(),
        resolved: t.resolved,
        event_year: t.event_year,
        text: facts.text.get(t.range.clone()).unwrap_or_default().into(),
        span: at.span(&t.range),
    };
    if facet == ValueFacet::Duration {
        claim.duration = Some(Box::new(time));
    } else {
        claim.time = Some(Box::new(time));
    }
    claim.about = Some(Box::new(About {
        facet,
        head,
        measure: measure.into_boxed_slice(),
        predicate: pred,
        event: event.to_vec().into_boxed_slice(),
        part: false,
        background: false,
    }));
    Some(claim)
}
