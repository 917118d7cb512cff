//! Location claims: where an event happened or a thing was kept ("the fire started on the
//! fourth floor", "stored inside the silos", "the cave near the border with Laos"), where
//! a ship was bound ("bound for Colombo") and where an organisation is based ("the
//! Stuttgart-based automaker"). The place phrase is read into its parts
//! ([`PlaceValue`]: relation, head noun, modifiers, names) and what is located into the
//! claim's [`About`] (its head, predicate, subject and names).

use super::{names, segment, subject_of, token_at, Token, SUBJECT};
use crate::extract::claim::assemble::{empty_claim, Place};
use crate::extract::claim::facts::Facts;
use crate::extract::english::{English, Pos};
use crate::extract::model::{About, Claim, Name, PlaceValue, ValueFacet};
use std::ops::Range;
use std::sync::Arc;

/// How many words before a place phrase its predicate is looked for in.
const ANCHOR_WINDOW: usize = 8;
/// Most words a relation phrase takes ("heading out to").
const PHRASE: usize = 4;
/// The WordNet offset of "physical entity": a place is one ("floor", "border", "port"),
/// a statement or a response is not.
const PHYSICAL: u32 = 1930;

/// A place phrase read from the tokens: its parts and the tokens it covers.
struct Phrase {
    value: PlaceValue,
    range: Range<usize>,
}

/// The location claims of one sentence; `based` are the spans of the names that the
/// relation pass already read as where an organisation is based.
pub(super) fn location_claims(
    facts: &Facts,
    at: &Place,
    tokens: &[Token],
    event: &Arc<[Name]>,
    english: &English,
    based: &[crate::corpus::Span],
) -> Vec<Claim> {
    let mut out = Vec::new();
    // The end of the last place phrase (in the sentence) and its claim.
    let mut last: Option<(usize, Claim)> = None;
    let mut i = 0;
    while i < tokens.len() {
        let Some((relation, len)) = relation_at(facts, tokens, i, english) else {
            i += 1;
            continue;
        };
        let Some(phrase) = place_phrase(facts, tokens, i + len, relation, english, at) else {
            i += 1;
            continue;
        };
        let span = at.span(&phrase.range);
        if based
            .iter()
            .any(|b| b.start < span.end && span.start < b.end)
        {
            i += len;
            continue;
        }
        // "in a flat on the fourth floor", "on the seabed near the stern": a place right
        // after another locates the same thing.
        let chained = last.as_ref().filter(|(end, _)| {
            facts
                .text
                .get(*end..tokens[i].word.start)
                .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || c == ','))
        });
        let phrase_end = phrase.range.end;
        let claim = match chained {
            Some((_, previous)) => Some(chain(facts, previous, phrase.value, &phrase.range)),
            None => located(facts, at, tokens, event, english, i, phrase),
        };
        if let Some(claim) = claim {
            last = Some((phrase_end, claim.clone()));
            out.push(claim);
        }
        i += len;
    }
    out
}

/// The place relation that opens at token `i` and how many tokens it takes: a phrase of
/// the word-roles table, or a distance preposition right after a length ("1,600 feet
/// from").
fn relation_at<'e>(
    facts: &Facts,
    tokens: &[Token],
    i: usize,
    english: &'e English,
) -> Option<(&'e str, usize)> {
    let mut phrase = [""; PHRASE];
    let mut n = 0;
    for (slot, t) in phrase.iter_mut().zip(tokens.get(i..)?) {
        *slot = &t.lower;
        n += 1;
    }
    let words = &phrase[..n];
    let first = *words.first()?;
    // "called off the search": the particle of a phrasal verb is no preposition.
    if i > 0
        && tokens[i - 1]
            .lemma
            .strip_suffix(first)
            .is_some_and(|rest| rest.ends_with('_'))
    {
        return None;
    }
    let start = tokens[i].word.start;
    if english.is_distance_preposition(first) {
        let units = facts.lexicon.units();
        let after_length = facts.quantities.iter().any(|q| {
            q.range.end <= start
                && facts
                    .text
                    .get(q.range.end..start)
                    .is_some_and(|gap| gap.len() <= 2 && !gap.contains(','))
                && q.unit
                    .as_deref()
                    .and_then(|u| units.to_base(1.0, u))
                    .is_some_and(|(_, m)| m == "length")
        });
        if after_length {
            return Some(("near", 1));
        }
    }
    english.place_relation(words)
}

/// Whether a token ends with a possessive ("port's").
fn possessive(t: &Token) -> bool {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|s| t.word.text.ends_with(s))
}

/// A word that can stand in a place's noun phrase: a content word, a number, or a
/// modifier that tells places apart ("second").
fn in_phrase(t: &Token, english: &English) -> bool {
    t.content
        || t.proper
        || t.word.text.starts_with(|c: char| c.is_ascii_digit())
        || english.is_place_modifier(&t.lower)
}

/// A proper token that is a common noun ("Hangar" of "Hangar 12"), not a named place.
fn common_noun(t: &Token, english: &English, facts: &Facts) -> bool {
    english.pos(&t.lemma).contains(Pos::Noun) && facts.lexicon.places().kind(&t.lemma).is_none()
}

/// Whether a noun names a physical thing or place (WordNet's "physical entity" above its
/// first sense), not an act, a statement or a time.
fn physical(lemma: &str, english: &English) -> bool {
    english
        .concepts_as(lemma, Pos::Noun)
        .iter()
        .take(1)
        .any(|&c| {
            english
                .broader(c, 16)
                .iter()
                .any(|&h| english.concept(h).is_some_and(|i| i.offset == PHYSICAL))
        })
}

/// The place phrase starting at token `j`: a head group ("the fourth floor", "Hangar
/// 12", "the port's grain silos") and its complements after "of" or "with" ("the stern
/// of the Titanic", "the border with Laos"), plus a containing name after a comma
/// ("Colombo, Sri Lanka").
fn place_phrase(
    facts: &Facts,
    tokens: &[Token],
    j: usize,
    relation: &str,
    english: &English,
    at: &Place,
) -> Option<Phrase> {
    let gap = |k: usize| {
        facts
            .text
            .get(tokens[k - 1].word.end..tokens[k].word.start)
            .unwrap_or("")
    };
    let mut k = j;
    // Determiners.
    while k < tokens.len() && english.opens_noun(&tokens[k].lower) {
        k += 1;
    }
    let mut names: Vec<Name> = Vec::new();
    let mut modifiers: Vec<Name> = Vec::new();
    let mut head: Option<Name> = None;
    let mut end = tokens.get(k)?.word.start;
    let mut group = 0;
    loop {
        // One group: words of the phrase up to a comma, a boundary or a function word.
        let from = k;
        while k < tokens.len()
            && in_phrase(&tokens[k], english)
            && (k == from || !tokens[k].boundary_before && !gap(k).contains([',', '"', '“']))
            && !(k > from && tokens[k].verbal && !english.pos(&tokens[k].lemma).contains(Pos::Noun))
        {
            if possessive(&tokens[k]) && k + 1 < tokens.len() {
                k += 1;
                // "the port's silos": the owner is a complement, not the head.
                if tokens[k - 1].proper {
                    names.push(Name::from(
                        tokens[k - 1].word.text.trim_end_matches(['\'', '’', 's']),
                    ));
                }
                continue;
            }
            k += 1;
        }
        // A group ends with its noun ("the third floor of the hotel late on Sunday").
        while k > from + 1 && {
            let t = &tokens[k - 1];
            !t.proper
                && !t.word.text.starts_with(|c: char| c.is_ascii_digit())
                && !english.pos(&t.lemma).contains(Pos::Noun)
        } {
            k -= 1;
        }
        if k == from {
            break;
        }
        let words = &tokens[from..k];
        if words.iter().any(|t| {
            facts
                .times
                .iter()
                .any(|m| m.range.start <= t.word.start && t.word.end <= m.range.end)
        }) {
            return None;
        }
        end = words.last()?.word.end;
        // Names: runs of proper tokens, but a proper common noun that heads the group.
        let last_word = words
            .iter()
            .rposition(|t| !t.word.text.starts_with(|c: char| c.is_ascii_digit()))?;
        let common_head =
            !words[last_word].proper || common_noun(&words[last_word], english, facts);
        let mut run: Option<Range<usize>> = None;
        let flush = |run: &mut Option<Range<usize>>, names: &mut Vec<Name>| {
            if let Some(r) = run.take() {
                let text = deunicode::deunicode(facts.text.get(r).unwrap_or_default());
                names.push(Name::from(text.as_str()));
            }
        };
        for (n, t) in words.iter().enumerate() {
            let head_word = n == last_word && common_head;
            if t.proper && !head_word && !possessive(t) {
                run = Some(run.map_or(t.word.start..t.word.end, |r| r.start..t.word.end));
            } else {
                flush(&mut run, &mut names);
            }
        }
        flush(&mut run, &mut names);
        if group == 0 {
            let h = &words[last_word];
            head = Some(if common_head {
                h.lemma.clone()
            } else {
                // A named place: its whole name ("hong kong").
                let first = words[..=last_word]
                    .iter()
                    .rposition(|t| !t.proper)
                    .map_or(0, |p| p + 1);
                let text = facts
                    .text
                    .get(words[first].word.start..h.word.end)
                    .unwrap_or_default();
                Name::from(deunicode::deunicode(text).to_lowercase().as_str())
            });
            for (n, t) in words.iter().enumerate() {
                if n != last_word && !t.proper && !possessive(t) {
                    modifiers.push(Name::from(t.lower.as_ref()));
                }
            }
        }
        group += 1;
        // "of the Titanic", "with Laos": one complement each.
        let joined = tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_ref(), "of" | "with"))
            && !tokens[k].boundary_before;
        if group < 3 && joined {
            k += 1;
            while k < tokens.len() && english.opens_noun(&tokens[k].lower) {
                k += 1;
            }
            continue;
        }
        // "Colombo, Sri Lanka": a name and the place that holds it.
        if k < tokens.len() && gap(k).trim() == "," && tokens[k].proper {
            let mut m = k;
            while m < tokens.len() && tokens[m].proper && (m == k || gap(m).trim().is_empty()) {
                m += 1;
            }
            let outer = facts.text.get(tokens[k].word.start..tokens[m - 1].word.end);
            if let (Some(outer), Some(inner)) = (outer, names.last()) {
                if facts.lexicon.place_within(inner, outer) {
                    names.push(Name::from(deunicode::deunicode(outer).as_str()));
                    end = tokens[m - 1].word.end;
                }
            }
        }
        break;
    }
    let head = head?;
    // A place is a physical thing or a named place, never an event or an act ("in the
    // collapse", "in a statement").
    let named = !names.is_empty() && !english.pos(&head).contains(Pos::Noun)
        || facts.lexicon.places().kind(&head).is_some();
    if !named && (english.is_event(&head) || !physical(&head, english)) {
        return None;
    }
    let start = tokens[j].word.start;
    let range = start..end;
    let text = facts.text.get(range.clone()).unwrap_or_default();
    Some(Phrase {
        value: PlaceValue {
            relation: Name::from(relation),
            head,
            modifiers: modifiers.into_boxed_slice(),
            names: names.into_boxed_slice(),
            text: text.into(),
            span: at.span(&range),
        },
        range,
    })
}

/// The claim of a place phrase that follows another: what the other locates, at this
/// place.
fn chain(facts: &Facts, previous: &Claim, place: PlaceValue, range: &Range<usize>) -> Claim {
    let mut claim = previous.clone();
    claim.span =
        crate::corpus::Span::new(previous.span.start, place.span.end.max(previous.span.end));
    let text = facts.text.get(range.clone()).unwrap_or_default();
    claim.place = Some(Box::new(crate::extract::model::Mention {
        value: crate::extract::model::Entity {
            name: Name::from(text),
            kind: crate::extract::model::EntityKind::Other,
        },
        text: text.into(),
        span: place.span,
    }));
    if let Some(about) = claim.about.as_mut() {
        about.place = Some(Box::new(place));
    }
    claim
}

/// The claim of a place phrase opened by the relation at token `i`: what is located is
/// the predicate before it (and its subject), else the noun before it ("the cave near
/// the border").
fn located(
    facts: &Facts,
    at: &Place,
    tokens: &[Token],
    event: &Arc<[Name]>,
    english: &English,
    i: usize,
    phrase: Phrase,
) -> Option<Claim> {
    let range = tokens[i].word.start..phrase.range.end;
    let gap_before = |k: usize| {
        facts
            .text
            .get(tokens[k - 1].word.end..tokens[k].word.start)
            .unwrap_or("")
    };
    // Look back over a parenthesis right before the phrase ("1,600 feet (488 metres) off
    // the bow"): what is located stands before it.
    let mut before = i;
    if before > 0 && gap_before(before).contains(')') {
        if let Some(open) = (1..before).rev().find(|&k| gap_before(k).contains('(')) {
            before = open;
        }
    }
    let seg = if before > 0 {
        let last = &tokens[before - 1];
        let seg = segment(tokens, &(last.word.start..last.word.end));
        seg.start..i
    } else {
        0..i
    };
    let look = seg.start..before;
    // The relation's own verb ("heading to") or the nearest verb before it.
    let own = (i..(i + PHRASE).min(tokens.len()))
        .find(|&k| tokens[k].verbal && tokens[k].word.start < phrase.range.start);
    let verb = own.or_else(|| {
        look.clone()
            .rev()
            .take(ANCHOR_WINDOW)
            .find(|&k| tokens[k].verbal && !english.is_reporting(&tokens[k].lemma))
    });
    let (predicate, mut subject, anchor_start, objects) = match verb {
        Some(v) => {
            let pred = tokens[v].lemma.clone();
            let r = tokens[v].word.start..tokens[v].word.end;
            let subject = subject_of(tokens, &r, &(seg.start..seg.end.max(v + 1)), &pred);
            // What the verb acts on, between it and the place ("placed the epicentre
            // in", "located debris on").
            let objects: Vec<Name> = tokens[(v + 1).min(before)..before]
                .iter()
                .take_while(|t| !t.verbal)
                .filter(|t| t.content && english.pos(&t.lemma).contains(Pos::Noun))
                .take(SUBJECT)
                .map(|t| t.lemma.clone())
                .collect();
            (Some(pred), subject.to_vec(), tokens[v].word.start, objects)
        }
        None => {
            // The nouns right before the phrase ("The cave, in ...", "the epicentre was
            // in ...").
            let mut out: Vec<Name> = Vec::new();
            let mut start = tokens[i].word.start;
            let mut end = before;
            while end > look.start && super::is_be(english, &tokens[end - 1]) {
                end -= 1;
            }
            for t in tokens[look.start..end].iter().rev() {
                if !t.content || t.verbal || out.len() == SUBJECT {
                    break;
                }
                out.push(t.lemma.clone());
                start = t.word.start;
            }
            (None, out, start, Vec::new())
        }
    };
    // What is located: what the verb acts on, else the subject's first common noun, else
    // its first word, else the predicate itself.
    let noun = |w: &&Name| english.pos(w).contains(Pos::Noun);
    let head = objects
        .iter()
        .find(noun)
        .or(subject.iter().find(noun))
        .or(subject.first())
        .or(predicate.as_ref())
        .cloned()?;
    // Many things ("voters in Essex", "votes piled up in London") stand in many places: a
    // plural located thing has no one place.
    let plural = tokens[look.start..before]
        .iter()
        .rev()
        .find(|t| t.lemma == head)
        .is_some_and(|t| super::plural_noun(english, t));
    if plural {
        return None;
    }
    for o in objects {
        if !subject.contains(&o) {
            subject.push(o);
        }
    }
    let subject = subject.into_boxed_slice();
    if english.is_light(&head) {
        return None;
    }
    let claim_range = anchor_start.min(range.start)..range.end;
    let anchor = token_at(tokens, anchor_start)..token_at(tokens, anchor_start) + 1;
    let near = tokens
        .get(anchor.clone())
        .map_or(0..0, |t| t[0].word.start..t[0].word.end);
    let mut claim = empty_claim(facts, at, &claim_range);
    let mut measure: Vec<Name> = subject.to_vec();
    if !measure.contains(&head) {
        measure.insert(0, head.clone());
    }
    let place_text = phrase.value.text.clone();
    claim.place = Some(Box::new(crate::extract::model::Mention {
        value: crate::extract::model::Entity {
            name: Name::from(place_text.as_ref()),
            kind: crate::extract::model::EntityKind::Other,
        },
        text: place_text,
        span: phrase.value.span,
    }));
    claim.about = Some(Box::new(About {
        facet: ValueFacet::Location,
        head: Some(head),
        measure: measure.into_boxed_slice(),
        predicate,
        subject,
        predicate_near: true,
        names: names(facts.text, tokens, &near, &seg)
            .into_iter()
            .filter(|n| !phrase.value.names.iter().any(|p| p.eq_ignore_ascii_case(n)))
            .collect(),
        event: event.clone(),
        part: false,
        union: false,
        running: false,
        background: super::background(facts, at),
        place: Some(Box::new(phrase.value)),
    }));
    Some(claim)
}

/// The location claim of an organisation's base ("the Stuttgart-based automaker", "the
/// group's headquarters in Wolfsburg"): the place is the name the relation pass read, what
/// is based is its subject (`measure`) and the names among it.
pub(super) fn base_claim(
    facts: &Facts,
    at: &Place,
    range: &Range<usize>,
    subject: Vec<Name>,
    subject_names: Vec<Name>,
) -> Claim {
    let text = facts.text.get(range.clone()).unwrap_or_default();
    let bare = text.trim_start_matches("the ").trim();
    let name = deunicode::deunicode(bare);
    let head = subject
        .iter()
        .find(|w| !subject_names.contains(w))
        .or(subject.first())
        .cloned();
    let mut claim = empty_claim(facts, at, range);
    claim.place = Some(Box::new(crate::extract::model::Mention {
        value: crate::extract::model::Entity {
            name: Name::from(name.as_str()),
            kind: crate::extract::model::EntityKind::Other,
        },
        text: text.into(),
        span: at.span(range),
    }));
    let place_head = Name::from(name.to_lowercase().as_str());
    claim.about = Some(Box::new(About {
        facet: ValueFacet::Location,
        head,
        measure: subject.into_boxed_slice(),
        predicate: Some(Name::from("base")),
        subject: Box::default(),
        predicate_near: true,
        names: subject_names.into_boxed_slice(),
        event: Arc::default(),
        part: false,
        union: false,
        running: false,
        background: false,
        place: Some(Box::new(PlaceValue {
            relation: Name::from("base"),
            head: place_head,
            modifiers: Box::default(),
            names: vec![Name::from(name.as_str())].into_boxed_slice(),
            text: text.into(),
            span: at.span(range),
        })),
    }));
    claim
}
