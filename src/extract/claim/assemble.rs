//! Building claims from one sentence's facts: one per action, one per free quantity.

use super::discourse::Discourse;
use super::facts::Facts;
use super::roles::{self, Role};
use super::theme::ThemeHit;
use super::words;
use crate::corpus::{Document, Sentence, Span};
use crate::extract::family::{lower_key, Families};
use crate::extract::lexicon::{ActionMatch, CueKind, EntityMatch};
use crate::extract::model::*;
use crate::extract::quantity::QuantityMatch;
use crate::extract::time::TimeMatch;
use std::ops::Range;
use std::sync::OnceLock;

/// Where the sentence sits in its document, to turn sentence offsets into file spans.
pub struct Place<'d> {
    pub doc: &'d Document,
    /// The document's id, shared by its claims.
    pub doc_id: &'d crate::extract::model::Name,
    pub doc_index: usize,
    pub sentence: &'d Sentence,
    /// The sentence's attribution ([`Place::with_attribution`]), shared by its claims.
    pub attribution: Option<std::sync::Arc<Cue>>,
}

impl Place<'_> {
    /// The place with the sentence's first attribution cue read from `facts`.
    pub(super) fn with_attribution(mut self, facts: &Facts) -> Self {
        self.attribution = sentence_cues(facts, &self, CueKind::Attribution)
            .into_iter()
            .next()
            .map(std::sync::Arc::new);
        self
    }

    pub(super) fn span(&self, r: &Range<usize>) -> Span {
        let base = self.sentence.range.start;
        self.doc.file_span(base + r.start..base + r.end)
    }
    fn mention<T>(&self, facts: &Facts, r: &Range<usize>, value: T) -> Mention<T> {
        Mention {
            value,
            text: facts.text.get(r.clone()).unwrap_or_default().into(),
            span: self.span(r),
        }
    }
    /// A personal name the lexicons do not know, as a person entity.
    fn person(&self, facts: &Facts, r: &Range<usize>) -> Mention<Entity> {
        let name = Name::from(facts.text.get(r.clone()).unwrap_or_default());
        self.mention(
            facts,
            r,
            Entity {
                name,
                kind: EntityKind::Person,
            },
        )
    }

    fn entity(&self, facts: &Facts, e: &EntityMatch) -> Mention<Entity> {
        self.mention(facts, &e.range, e.entity.clone())
    }
}

/// The claims of one sentence.
pub fn assemble(facts: &Facts, at: &Place, discourse: &mut Discourse) -> Vec<Claim> {
    // A leader named earlier in the sentence is what "his country" refers to.
    if let Some(e) = facts.entities.iter().find(|e| e.form == EntityForm::Leader) {
        discourse.last_leader_country = Some(at.entity(facts, e));
    }
    let mut claims: Vec<Claim> = Vec::new();
    let mut last_verbal: Option<usize> = None;
    let mut used_quantities = vec![false; facts.quantities.len()];
    let n = facts.actions.len();
    for i in 0..n {
        let action = &facts.actions[i];
        let left = if i == 0 {
            0
        } else {
            facts.actions[i - 1].range.end
        };
        let right = facts
            .actions
            .get(i + 1)
            .map_or(facts.text.len(), |a| a.range.start);
        let prev = Previous {
            claim: claims.last(),
            verbal: last_verbal.map(|v| &claims[v]),
            verbal_range: last_verbal.map(|v| facts.actions[v].range.clone()),
        };
        let claim = action_claim(
            facts,
            at,
            discourse,
            action,
            left..right,
            &prev,
            &mut used_quantities,
        );
        if !action.nominal {
            last_verbal = Some(claims.len());
        }
        claims.push(claim);
    }
    let ranges: Vec<Range<usize>> = facts.actions.iter().map(|a| a.range.clone()).collect();
    let mut claims = merge_same_event(facts, claims.into_iter().zip(ranges).collect());
    move_levels_to_subjects(facts, &mut claims);
    for (c, range) in &mut claims {
        infer_location(facts, at, discourse, c, range.end);
    }
    let mut claims: Vec<Claim> = claims.into_iter().map(|(c, _)| c).collect();
    for (qi, q) in facts.quantities.iter().enumerate() {
        if used_quantities[qi] || q.unit.is_none() || matches!(q.change, Change::Up | Change::Down)
        {
            continue;
        }
        claims.push(quantity_claim(facts, at, discourse, q));
    }
    for t in &facts.times {
        let used = claims.iter().any(|c| {
            c.duration
                .as_ref()
                .is_some_and(|d| d.span == at.span(&t.range))
        });
        if !used && matches!(t.value, TimeValue::Duration(_)) {
            if let Some(c) = duration_claim(facts, at, t) {
                claims.push(c);
            }
        }
    }
    for c in &claims {
        if c.actor.is_some() && !c.actor_inferred {
            discourse.last_actor = c.actor.as_deref().cloned();
        }
        let own_country =
            |p: &Mention<Entity>| c.actor.as_ref().is_some_and(|a| a.value == p.value);
        if let Some(p) = c
            .place
            .as_ref()
            .filter(|p| !c.place_inferred && !own_country(p) && p.value.kind == EntityKind::Country)
        {
            discourse.last_place = Some((**p).clone());
        }
    }
    for e in &facts.entities {
        if e.form == EntityForm::Leader {
            discourse.last_leader_country = Some(at.entity(facts, e));
        }
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims
}

pub(super) fn empty_claim(facts: &Facts, at: &Place, range: &Range<usize>) -> Claim {
    Claim {
        doc: at.doc_id.clone(),
        doc_index: u32::try_from(at.doc_index).unwrap_or(u32::MAX),
        ordinal: 0,
        span: at.span(range),
        sentence: at.span(&(0..facts.text.len())),
        sentence_range: at.sentence.range.clone(),
        headline: at.sentence.headline,
        actor: None,
        action: None,
        target: None,
        place: None,
        theme: None,
        domain: None,
        initiator: None,
        quantity: None,
        time: None,
        duration: None,
        place_inferred: false,
        actor_inferred: false,
        polarity: Polarity::Positive,
        negation: None,
        modality: None,
        hedges: sentence_cues(facts, at, CueKind::Hedge).into_boxed_slice(),
        attribution: at.attribution.clone(),
        about: None,
    }
}

fn sentence_cues(facts: &Facts, at: &Place, kind: CueKind) -> Vec<Cue> {
    facts
        .cues
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| Cue {
            kind: c.canonical.clone(),
            text: facts.text.get(c.range.clone()).unwrap_or_default().into(),
            span: at.span(&c.range),
        })
        .collect()
}

/// True when the last negation cue before the action is separated from it only by
/// auxiliaries and adverbs ("has not yet closed"), not by another verb's phrase ("failure
/// to restore democracy leaves ...").
fn negation_reaches(facts: &Facts, action: &ActionMatch) -> bool {
    let Some(cue) = facts
        .cues
        .iter()
        .rfind(|c| c.kind == CueKind::Negation && c.range.end <= action.range.start)
    else {
        return false;
    };
    facts
        .words_between(cue.range.end, action.range.start)
        .iter()
        .all(|w| is_negation_filler(w.text))
}

/// Words that may stand between a negation and its verb ("has not yet formally closed").
fn is_negation_filler(word: &str) -> bool {
    matches!(
        lower_key(word).as_ref(),
        "yet"
            | "still"
            | "ever"
            | "been"
            | "be"
            | "have"
            | "has"
            | "had"
            | "officially"
            | "formally"
            | "fully"
            | "actually"
            | "immediately"
            | "so"
            | "far"
            | "to"
            | "completely"
            | "entirely"
            | "really"
    )
}

/// A cue of `kind` ending at most `max_words` words before `pos`, not before `floor`.
fn cue_before(
    facts: &Facts,
    at: &Place,
    kind: CueKind,
    floor: usize,
    pos: usize,
    max_words: usize,
) -> Option<Cue> {
    facts
        .cues
        .iter()
        .rfind(|c| {
            c.kind == kind
                && c.range.start >= floor
                && c.range.end <= pos
                && facts.words_between(c.range.end, pos).len() <= max_words
        })
        .map(|c| Cue {
            kind: c.canonical.clone(),
            text: facts.text.get(c.range.clone()).unwrap_or_default().into(),
            span: at.span(&c.range),
        })
}

fn quantity_of(facts: &Facts, at: &Place, q: &QuantityMatch) -> Quantity {
    Quantity {
        value: q.value.clone(),
        unit: q.unit.clone(),
        change: q.change,
        approx: q.approx,
        counted: q.counted.clone(),
        text: facts.text.get(q.range.clone()).unwrap_or_default().into(),
        span: at.span(&q.range),
    }
}

fn time_of(facts: &Facts, at: &Place, t: &TimeMatch) -> Time {
    Time {
        value: t.value.clone(),
        resolved: t.resolved,
        event_year: t.event_year,
        text: facts.text.get(t.range.clone()).unwrap_or_default().into(),
        span: at.span(&t.range),
        clock: None,
    }
}

/// Times within a window: the point or interval nearest the anchor, and a duration.
fn times_in(
    facts: &Facts,
    at: &Place,
    window: &Range<usize>,
    anchor: usize,
) -> (Option<Time>, Option<Time>) {
    let inside = facts
        .times
        .iter()
        .filter(|t| t.range.start >= window.start && t.range.end <= window.end);
    let dist = |t: &&TimeMatch| {
        if t.range.end <= anchor {
            anchor - t.range.end
        } else {
            t.range.start.saturating_sub(anchor)
        }
    };
    // A time after the anchor in its own clause ("suspended by Brazil on Tuesday") wins
    // over one before it across a comma ("signed in 2018, was suspended").
    let clause_end = facts
        .text
        .get(anchor..window.end)
        .and_then(clause_punctuation)
        .map_or(window.end, |i| anchor + i);
    let points = inside
        .clone()
        .filter(|t| !matches!(t.value, TimeValue::Duration(_)));
    let point = points
        .clone()
        .find(|t| t.range.start >= anchor && t.range.end <= clause_end)
        .or_else(|| points.min_by_key(dist));
    let duration = inside
        .filter(|t| matches!(t.value, TimeValue::Duration(_)))
        .min_by_key(dist);
    let mut point_time = point.map(|t| time_of(facts, at, t));
    // "since 2020, when a military coup ousted ...": the event happened at the start.
    if let (Some(t), Some(m)) = (point_time.as_mut(), point) {
        if let TimeValue::Interval {
            from: Some(from),
            to: None,
        } = t.value.clone()
        {
            let between = facts.words_between(m.range.end, anchor);
            if m.range.end <= anchor && between.iter().any(|w| w.text.eq_ignore_ascii_case("when"))
            {
                t.value = TimeValue::Point {
                    date: Some(from),
                    weekday: None,
                    month: None,
                    granularity: Granularity::Year,
                };
            }
        }
    }
    (point_time, duration.map(|t| time_of(facts, at, t)))
}

/// A theme found near an action: its range, canonical name and the scope it gives.
type NearTheme = (Range<usize>, Name, Option<Scope>);

fn theme_near(
    facts: &Facts,
    window: &Range<usize>,
    action: &ActionMatch,
) -> (Option<NearTheme>, Option<Name>) {
    let near = |r: &Range<usize>| {
        let gap = if r.start >= action.range.end {
            facts.words_between(action.range.end, r.start).len()
        } else {
            facts.words_between(r.end, action.range.start).len()
        };
        gap <= 8
    };
    // Preference: a theme inside the action phrase ("end its mission"), then the nearest
    // after it (its object), then the nearest before it ("embassy staff withdrawal").
    let rank = |r: &Range<usize>| {
        if r.start >= action.range.start && r.end <= action.range.end {
            (0, 0)
        } else if r.start >= action.range.end {
            (1, r.start - action.range.end)
        } else {
            (2, action.range.start.saturating_sub(r.end))
        }
    };
    let nearby = facts.themes.iter().filter(|m| {
        m.range.start >= window.start.min(action.range.start)
            && m.range.end <= window.end
            && near(&m.range)
    });
    let mut theme: Option<(NearTheme, Name)> = None;
    let mut domain_word = None;
    for m in nearby {
        match &m.hit {
            ThemeHit::Theme {
                name,
                domain,
                scope,
            } => {
                if theme
                    .as_ref()
                    .is_none_or(|((r, _, _), _)| rank(&m.range) < rank(r))
                {
                    theme = Some(((m.range.clone(), name.clone(), *scope), domain.clone()));
                }
            }
            ThemeHit::Domain(d) => domain_word = Some(d.clone()),
        }
    }
    let domain = domain_word.or_else(|| theme.as_ref().map(|(_, d)| d.clone()));
    (theme.map(|(t, _)| t), domain)
}

/// Scope words right before the action or its theme ("partial withdrawal",
/// "a substantial number of staff"), as the lexicon's object scope gives them.
fn scope_modifier(
    facts: &Facts,
    lexicon_scope: &dyn Fn(&str) -> Option<Scope>,
    pos: usize,
) -> Option<Scope> {
    words::before(&facts.words, pos, 3)
        .iter()
        .rev()
        .find_map(|w| lexicon_scope(w.text))
}

#[allow(clippy::too_many_arguments)]
fn action_claim(
    facts: &Facts,
    at: &Place,
    discourse: &Discourse,
    action: &ActionMatch,
    window: Range<usize>,
    prev: &Previous,
    used_quantities: &mut [bool],
) -> Claim {
    let mut claim = empty_claim(facts, at, &(window.start..window.end));
    claim.action = Some(Box::new(at.mention(
        facts,
        &action.range,
        action.action.clone(),
    )));
    let passive = !action.nominal && is_passive(facts, action);
    // Where the action's clause starts, found once when first needed.
    let clause = std::cell::OnceCell::new();
    let clause_start_here =
        || *clause.get_or_init(|| clause_start(facts, window.start, action.range.start));

    // Actor.
    let mut actor: Option<Mention<Entity>> = None;
    if passive {
        actor =
            roles::passive_agent(facts, action.range.end, window.end).map(|e| at.entity(facts, e));
    } else if action.nominal {
        actor = roles::possessor(facts, action.range.start).map(|e| at.entity(facts, e));
    }
    // "summoned the Chinese ambassador and demanded": a verb right after a coordinator
    // (or a list comma) shares the subject of the previous verb, whatever stands between.
    let after_coordinator = !action.nominal
        && prev.verbal.is_some()
        && words::before(&facts.words, action.range.start, 1)
            .first()
            .is_some_and(|w| {
                words::is_coordinator(w.text)
                    || facts
                        .text
                        .get(w.end..action.range.start)
                        .is_some_and(|g| g.trim() == ",")
            });
    if after_coordinator && actor.is_none() && !passive {
        if let Some(p) = prev.verbal {
            actor = p.actor.as_deref().cloned();
            claim.actor_inferred = p.actor_inferred;
        }
    }
    let mut partner = None;
    if actor.is_none() && !passive {
        let subject = roles::subject(facts, clause_start_here(), action.range.start);
        // "Austria and Zambia signed an agreement": both parties; the other is the partner.
        partner = subject.and_then(|s| {
            let joined = words::before(&facts.words, s.range.start, 1)
                .first()
                .is_some_and(|w| w.text == "and");
            let other = facts.entities.iter().rfind(|e| e.range.end < s.range.start);
            other.filter(|o| joined && facts.words_between(o.range.end, s.range.start).len() == 1)
        });
        actor = subject.map(|e| at.entity(facts, e));
    }
    // Entities after the action, up to the next verb or clause break (nominal actions
    // in between, as in "reducing its presence with a drawdown in Mali", do not stop it).
    let reach = role_reach(facts, action);
    let mut target = None;
    let mut place = None;
    let mut owner = None;
    for e in facts
        .entities
        .iter()
        .filter(|e| e.range.start >= action.range.end && e.range.end <= reach)
    {
        if actor.as_ref().is_some_and(|a| a.value == e.entity)
            && target.is_none()
            && place.is_none()
        {
            continue;
        }
        match roles::role_after(facts, e) {
            Role::Target if target.is_none() => target = Some(at.entity(facts, e)),
            Role::Place if place.is_none() => place = Some(at.entity(facts, e)),
            Role::Of if owner.is_none() => owner = Some(at.entity(facts, e)),
            _ => {}
        }
    }
    if passive && actor.is_some() {
        // "Marta Ruiz, a Spanish engineer, was released by ...": a name opening the clause
        // is what the action was done to; else the subject entity is.
        let start = clause_start_here();
        if let Some(r) = roles::name_after(facts, start, action.range.start) {
            target = Some(at.person(facts, &r));
        } else if let Some(s) = roles::subject(facts, window.start, action.range.start) {
            target.get_or_insert_with(|| at.entity(facts, s));
        }
    }
    if actor.is_none() && action.nominal {
        actor = owner.take();
    }
    if actor.is_none() {
        let gap = facts.words_between(window.start, action.range.start);
        // "suspended cooperation and expelled two diplomats": coordinated verbs share
        // the subject of the last verb.
        let coordinated = (gap.len() <= 4 && gap.iter().any(|w| words::is_coordinator(w.text)))
            || gap.last().is_some_and(|w| words::is_coordinator(w.text));
        // "this reduction involves recalling staff": a nominal subject lends its actor.
        let prev_is_nominal = match (prev.claim, prev.verbal) {
            (Some(c), Some(v)) => !std::ptr::eq(c, v),
            (Some(_), None) => true,
            _ => false,
        };
        let nominal_subject = prev_is_nominal && gap.len() <= 2;
        // "Kenya ordered a partial drawdown": a nominalization as the object of a verb
        // is done by that verb's subject.
        let verb_object =
            action.nominal && !prev_is_nominal && prev.claim.is_some() && gap.len() <= 3;
        // "Canada decided to withdraw": the subject of a control verb does the action.
        // "Mozambique ordered the eight Norwegian observers to leave": the object of a
        // causative verb does the action, counted or not.
        let mut control = false;
        if let Some(r) = prev.verbal_range.as_ref().filter(|_| !action.nominal) {
            let between = facts.words_between(r.end, action.range.start);
            let to = between
                .last()
                .is_some_and(|w| w.text.eq_ignore_ascii_case("to"));
            let verb = facts
                .text
                .get(r.clone())
                .and_then(|t| t.split_whitespace().next())
                .unwrap_or_default();
            if to && facts.lexicon.initiative().is_causative(verb) {
                let object = facts
                    .entities
                    .iter()
                    .find(|e| e.range.start >= r.end && e.range.end <= action.range.start);
                actor = object.map(|e| at.entity(facts, e));
            } else {
                control = to && between.len() <= 4;
            }
        }
        let source = if coordinated || control {
            prev.verbal.or(prev.claim)
        } else if nominal_subject || verb_object {
            prev.claim
        } else {
            None
        };
        if let Some(p) = source {
            actor = p.actor.as_deref().cloned();
            claim.actor_inferred = p.actor_inferred;
        }
    }
    if actor.is_none() {
        let start = clause_start_here();
        if !action.nominal {
            actor = resolve_anaphor(facts, discourse, start, action.range.start);
        }
        // "this reduction", "that decision": a demonstrative before a nominalization.
        if actor.is_none() && action.nominal {
            let before = words::before(&facts.words, action.range.start, 1);
            if before
                .iter()
                .any(|w| matches!(lower_key(w.text).as_ref(), "this" | "that" | "these"))
            {
                actor = discourse.last_actor.clone();
            }
        }
        claim.actor_inferred = actor.is_some();
    }
    if target.is_none() {
        target = owner;
    }
    if target.is_none() {
        target = partner.map(|e| at.entity(facts, e));
    }
    if actor.is_none() && target.is_none() && place.is_none() && !action.nominal {
        // "The port of Mtwara remained open": with no agent, the subject's "of" phrase
        // names what the action is about.
        let start = clause_start_here();
        let subject_of = facts.entities.iter().rfind(|e| {
            e.range.start >= start
                && e.range.end <= action.range.start
                && matches!(roles::role_after(facts, e), Role::Of)
        });
        target = subject_of.map(|e| at.entity(facts, e));
    }
    if action.nominal && target.is_none() {
        // "the Rovuma maritime accord": a name inside the noun phrase identifies the thing.
        target = named_modifier(facts, action).map(|r| {
            let name = Name::from(facts.text.get(r.clone()).unwrap_or_default());
            at.mention(
                facts,
                &r,
                Entity {
                    name,
                    kind: EntityKind::Other,
                },
            )
        });
    }
    if !action.nominal && !passive {
        // A name right after the verb is its object, before any later apposition.
        if let Some(r) = roles::name_after(facts, action.range.end, reach) {
            target = Some(at.person(facts, &r));
        }
    }

    // Theme and domain.
    let (theme, domain) = theme_near(facts, &window, action);
    let mut scope = action
        .action
        .scope
        .or_else(|| object_scope(facts, action, theme.as_ref()));
    if let Some((r, name, theme_scope)) = &theme {
        claim.theme = Some(Box::new(at.mention(facts, r, name.clone())));
        scope = scope.or(*theme_scope);
    }
    claim.domain = domain.or_else(|| class_domain(action.action.class));

    // Quantity: after the action, else before it within the window.
    let qpos = facts
        .quantities
        .iter()
        .position(|q| q.range.start >= action.range.end && q.range.end <= window.end)
        .or_else(|| {
            // A quantity before the action is its subject only right before it
            // ("2,400 troops based in Mali") or before a nominalization.
            facts.quantities.iter().enumerate().rposition(|(i, q)| {
                !used_quantities[i]
                    && q.range.start >= window.start
                    && q.range.end <= action.range.start
                    && facts.words_between(q.range.end, action.range.start).len()
                        <= if passive { 3 } else { 2 }
            })
        });
    if let Some(qi) = qpos {
        used_quantities[qi] = true;
        claim.quantity = Some(Box::new(quantity_of(facts, at, &facts.quantities[qi])));
        match &facts.quantities[qi].value {
            Value::Vague { vague, .. } if vague.contains("number") || vague.contains("some") => {
                scope = scope.or(Some(Scope::Partial));
            }
            // "about half of its soldiers", "a third of the staff".
            Value::Number(v) if *v < 1.0 && *v > 0.0 => scope = scope.or(Some(Scope::Partial)),
            _ => {}
        }
    }
    let (time, duration) = times_in(facts, at, &window, action.range.start);
    claim.time = time.map(Box::new);
    claim.duration = duration.map(Box::new);

    // Polarity and modality.
    let negation = cue_before(
        facts,
        at,
        CueKind::Negation,
        window.start,
        action.range.start,
        3,
    );
    if let Some(neg) = negation.filter(|_| negation_reaches(facts, action)) {
        claim.polarity = Polarity::Negative;
        claim.negation = Some(Box::new(neg));
    }
    if facts.negated.contains(&action.range) {
        claim.polarity = Polarity::Negative;
        claim.negation = Some(Box::new(Cue {
            kind: shared_name(&ANTONYM, "antonym"),
            text: facts
                .text
                .get(action.range.clone())
                .unwrap_or_default()
                .into(),
            span: at.span(&action.range),
        }));
    }
    claim.modality = cue_before(
        facts,
        at,
        CueKind::Modality,
        window.start,
        action.range.start,
        5,
    )
    .map(Box::new);

    // Initiator.
    let initiative = facts.lexicon.initiative();
    if let (Some(p), Some(r)) = (prev.verbal, &prev.verbal_range) {
        let gap = facts.words_between(r.end, action.range.start);
        let verb = facts
            .text
            .get(r.clone())
            .and_then(|t| t.split_whitespace().next())
            .unwrap_or_default();
        if gap.len() <= 8
            && gap
                .last()
                .is_some_and(|w| w.text.eq_ignore_ascii_case("to"))
        {
            if initiative.is_causative(verb) {
                // "Mali ordered French forces to leave": Mali initiated France's leaving.
                claim.initiator = p.actor.clone();
            } else if initiative.is_volitional(verb) {
                claim.initiator = actor.clone().map(Box::new);
            }
        }
    }
    if claim.initiator.is_none() && actor.is_some() {
        let lead = facts.words_between(clause_start_here(), action.range.start);
        if lead.iter().any(|w| initiative.is_volitional(w.text)) {
            claim.initiator = actor.clone().map(Box::new);
        }
    }
    let _ = scope_modifier;
    let mut act = action.action.clone();
    act.scope = scope;
    claim.action = Some(Box::new(at.mention(facts, &action.range, act)));

    // "leave the country": the other country the sentence names.
    if place.is_none() && target.is_none() {
        let after = lower_key(facts.text.get(action.range.end..reach).unwrap_or_default());
        if after.trim_start().starts_with("the country") || after.contains(" the country") {
            let other = facts.entities.iter().find(|e| {
                e.entity.kind == EntityKind::Country
                    && actor.as_ref().is_none_or(|a| a.value != e.entity)
            });
            if let Some(e) = other {
                place = Some(at.entity(facts, e));
                claim.place_inferred = true;
            }
        }
    }
    // Place from the discourse when the sentence names none.
    if place.is_none() && target.is_none() && claim.domain.is_some() && actor.is_some() {
        let other = |p: &Mention<Entity>| actor.as_ref().is_some_and(|a| a.value != p.value);
        if let Some(p) = discourse.last_place.clone().filter(other) {
            place = Some(p);
            claim.place_inferred = true;
        }
    }
    claim.actor = actor.map(Box::new);
    claim.target = target.map(Box::new);
    claim.place = place.map(Box::new);
    claim
}

/// How far after an action its target and place may stand: to the next verbal action or
/// clause break (comma before a conjunction, semicolon), or the sentence end.
fn role_reach(facts: &Facts, action: &ActionMatch) -> usize {
    let next_verb = facts
        .actions
        .iter()
        .find(|a| a.range.start >= action.range.end && !a.nominal)
        .map_or(facts.text.len(), |a| a.range.start);
    let clause_break = facts
        .text
        .get(action.range.end..next_verb)
        .and_then(clause_punctuation)
        .map_or(next_verb, |i| action.range.end + i);
    // "expelled French forces and turned to Russia": a coordinated verb starts a new clause.
    let coordinated = facts
        .words_between(action.range.end, clause_break)
        .windows(2)
        .find(|p| p[0].text == "and" && (p[1].text.ends_with("ed") || p[1].text.ends_with("ing")))
        .map_or(clause_break, |p| p[0].start);
    coordinated.min(next_verb)
}

/// The first clause-breaking mark in `text`: a semicolon, a dash, or a comma followed by a
/// space (not the separator in "1,200").
fn clause_punctuation(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(i, c)| {
            matches!(c, ';' | '—' | '–')
                || (c == ',' && text[i + 1..].starts_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
}

/// Capitalised words (not known entities) between a determiner and a nominal action:
/// "the Rovuma maritime accord" gives "Rovuma maritime accord".
fn named_modifier(facts: &Facts, action: &ActionMatch) -> Option<Range<usize>> {
    let before = words::before(&facts.words, action.range.start, 4);
    let start = before.iter().rposition(|w| words::is_determiner(w.text))?;
    let np = &before[start + 1..];
    let first = np
        .iter()
        .find(|w| w.text.chars().next().is_some_and(char::is_uppercase))?;
    let known = facts
        .entities
        .iter()
        .any(|e| e.range.start < action.range.start && first.start < e.range.end);
    let sentence_start = first.start == 0;
    (!known && !sentence_start).then_some(first.start..action.range.end)
}

/// The scope the object of an action gives it: "all its soldiers", "some staff", "its
/// ambassador" (the lexicon's scope modifiers and object table), read from the words after
/// the action up to its theme.
fn object_scope(facts: &Facts, action: &ActionMatch, theme: Option<&NearTheme>) -> Option<Scope> {
    let end = match theme {
        Some((r, _, _)) if r.start >= action.range.end => r.end,
        _ => {
            let following = facts.words_between(action.range.end, facts.text.len());
            following.get(..following.len().min(4))?.last()?.end
        }
    };
    let phrase = facts.text.get(action.range.end..end)?.trim_start();
    let phrase = phrase.strip_prefix("of ").unwrap_or(phrase);
    facts.lexicon.object_scope(phrase)
}

/// "was detained", "have been summoned": an auxiliary of the passive (perhaps with one
/// adverb between) before a verb that is not an -ing form.
fn is_passive(facts: &Facts, action: &ActionMatch) -> bool {
    let first = facts
        .text
        .get(action.range.clone())
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("");
    if lower_key(first).ends_with("ing") {
        return false;
    }
    let before = words::before(&facts.words, action.range.start, 2);
    match before {
        [a, b] => {
            words::is_passive_auxiliary(b.text)
                || (words::is_passive_auxiliary(a.text) && b.text.ends_with("ly"))
        }
        [b] => words::is_passive_auxiliary(b.text),
        _ => false,
    }
}

/// Where the subject of an action may start: after the last clause opener or semicolon.
/// Where the subject of an action may start: after the last semicolon, dash or colon,
/// or after the last relative or subordinating word ("that", "when", "which").
fn clause_start(facts: &Facts, floor: usize, pos: usize) -> usize {
    let mut start = floor;
    if let Some(seg) = facts.text.get(floor..pos) {
        if let Some((i, c)) = seg
            .char_indices()
            .rfind(|(_, c)| matches!(c, ';' | '—' | '–' | ':'))
        {
            start = floor + i + c.len_utf8();
        }
    }
    if let Some(w) = facts
        .words_between(start, pos)
        .iter()
        .rev()
        .find(|w| words::is_clause_opener(w.text))
    {
        start = w.end;
    }
    start
}

fn class_domain(class: ActionClass) -> Option<Name> {
    static MILITARY: OnceLock<Name> = OnceLock::new();
    static DIPLOMATIC: OnceLock<Name> = OnceLock::new();
    match class {
        ActionClass::Military => Some(shared_name(&MILITARY, "military")),
        ActionClass::Diplomatic => Some(shared_name(&DIPLOMATIC, "diplomatic")),
        _ => None,
    }
}

/// The cue kind of an action read from an antonym phrase ("remained open").
static ANTONYM: OnceLock<Name> = OnceLock::new();

/// A fixed name, allocated once and shared by every claim that uses it.
fn shared_name(cell: &OnceLock<Name>, name: &str) -> Name {
    cell.get_or_init(|| Name::from(name)).clone()
}

/// A pronoun or "the move" before the action refers to the discourse actor.
fn resolve_anaphor(
    facts: &Facts,
    discourse: &Discourse,
    start: usize,
    pos: usize,
) -> Option<Mention<Entity>> {
    let lead = facts.words_between(start, pos);
    // Only a reference that opens the clause (after a connective or two) is its subject.
    for (i, w) in lead.iter().enumerate().take(3) {
        let next = lead.get(i + 1).map(|w| w.text).unwrap_or_default();
        if matches!(lower_key(w.text).as_ref(), "his" | "her")
            && next.eq_ignore_ascii_case("country")
        {
            return discourse
                .last_leader_country
                .clone()
                .or_else(|| discourse.last_actor.clone());
        }
        if words::is_anaphor(w.text)
            || (words::is_determiner(w.text)
                && (words::is_event_anaphor(next) || next.eq_ignore_ascii_case("country")))
        {
            return discourse.last_actor.clone();
        }
    }
    None
}

/// "a military coup ousted the government": adjacent words of one action family tell one
/// event; the later claim takes what the earlier one found, and the earlier is dropped.
fn merge_same_event(
    facts: &Facts,
    claims: Vec<(Claim, Range<usize>)>,
) -> Vec<(Claim, Range<usize>)> {
    fn family<'a>(families: &'a Families, c: &'a Claim) -> Option<std::borrow::Cow<'a, str>> {
        let action = c.action.as_ref()?;
        Some(families.family(&action.value.name))
    }
    let families = facts.lexicon.families();
    let mut out: Vec<(Claim, Range<usize>)> = Vec::with_capacity(claims.len());
    for (mut c, range) in claims {
        if let Some((prev, prev_range)) = out.last() {
            let between = facts.words_between(prev_range.end.min(range.start), range.start);
            // "the accord, which was signed in 2019": a relative clause continues the event.
            let relative = between.len() <= 3
                && between
                    .first()
                    .is_some_and(|w| matches!(w.text, "which" | "that"))
                && between.iter().skip(1).all(|w| {
                    words::is_passive_auxiliary(w.text) || words::is_finite_auxiliary(w.text)
                });
            // "signed a trade agreement": a verb and its nominal object of one family.
            let object = between.len() <= 3
                && facts.actions.iter().any(|a| a.range == range && a.nominal)
                && facts
                    .text
                    .get(prev_range.end..range.start)
                    .is_some_and(|t| clause_punctuation(t).is_none());
            let adjacent =
                prev_range.end <= range.start && (between.is_empty() || relative || object);
            // "destroyed or damaged": an alternative of two actions is a measure of its own.
            let alternative = prev_range.end <= range.start
                && matches!(between, [w] if w.text.eq_ignore_ascii_case("or") || w.text.eq_ignore_ascii_case("and/or"));
            if alternative && family(families, prev) != family(families, &c) {
                let (prev, _) = out.pop().expect("checked above");
                if let (Some(a), Some(b)) = (&prev.action, c.action.as_mut()) {
                    b.value.name = format!("{} or {}", a.value.name, b.value.name).into();
                    b.value.scope = None;
                    b.span = a.span.cover(b.span);
                    b.text = format!("{} or {}", a.text, b.text).into();
                }
                c.actor = c.actor.or(prev.actor);
                c.quantity = c.quantity.or(prev.quantity);
                c.place = c.place.or(prev.place);
                c.target = c.target.or(prev.target);
                c.time = c.time.or(prev.time);
            } else if adjacent && family(families, prev) == family(families, &c) {
                let (prev, _) = out.pop().expect("checked above");
                c.actor = c.actor.or(prev.actor);
                c.target = c.target.or(prev.target);
                c.place = c.place.or(prev.place);
                c.time = c.time.or(prev.time);
                c.duration = c.duration.or(prev.duration);
                c.quantity = c.quantity.or(prev.quantity);
                c.theme = c.theme.or(prev.theme);
                c.domain = c.domain.or(prev.domain);
                c.span = prev.span.cover(c.span);
            }
        }
        out.push((c, range));
    }
    out
}

/// "The death toll from the storm rose to 66": the level a change verb reaches belongs to
/// the nominal event it is said of (the toll of the killing), not to the verb.
fn move_levels_to_subjects(facts: &Facts, claims: &mut [(Claim, Range<usize>)]) {
    let families = facts.lexicon.families();
    for j in 1..claims.len() {
        let (before, after) = claims.split_at_mut(j);
        let (subject, subject_range) = &mut before[j - 1];
        let (change, change_range) = &mut after[0];
        let is_level = change
            .action
            .as_ref()
            .is_some_and(|a| families.is_level_change(&a.value.name));
        let nominal = facts
            .actions
            .iter()
            .any(|a| a.range == *subject_range && a.nominal);
        let close = subject_range.end <= change_range.start
            && facts
                .words_between(subject_range.end, change_range.start)
                .len()
                <= 8
            && facts
                .text
                .get(subject_range.end..change_range.start)
                .is_some_and(|t| clause_punctuation(t).is_none());
        if is_level && nominal && close && subject.quantity.is_none() && change.quantity.is_some() {
            let mut q = change.quantity.take();
            if let Some(q) = q.as_mut() {
                if matches!(q.change, Change::Up | Change::Down) {
                    q.change = Change::Exact;
                }
            }
            subject.quantity = q;
            subject.time = subject.time.take().or_else(|| change.time.clone());
        }
    }
}

/// An event with no actor, target or place ("since the 2021 military coup, Mali's junta
/// ...") is located at the nearest country of its sentence, after it first, else at the
/// place the document last named; the place is marked as inferred.
fn infer_location(facts: &Facts, at: &Place, discourse: &Discourse, claim: &mut Claim, pos: usize) {
    if claim.actor.is_some()
        || claim.target.is_some()
        || claim.place.is_some()
        || claim.action.is_none()
    {
        return;
    }
    let countries = facts
        .entities
        .iter()
        .filter(|e| e.entity.kind == EntityKind::Country);
    let after = countries.clone().find(|e| e.range.start >= pos);
    let nearest = after.or_else(|| countries.clone().rfind(|e| e.range.end <= pos));
    claim.place = nearest
        .map(|e| at.entity(facts, e))
        .or_else(|| discourse.last_place.clone())
        .map(Box::new);
    claim.place_inferred = claim.place.is_some();
}

/// "Spain's six-year naval mission off Mauritania": a duration that modifies a theme noun
/// is a claim about how long that thing has lasted.
fn duration_claim(facts: &Facts, at: &Place, t: &TimeMatch) -> Option<Claim> {
    let theme = facts.themes.iter().find(|m| {
        m.range.start >= t.range.end && facts.words_between(t.range.end, m.range.start).len() <= 2
    })?;
    let ThemeHit::Theme { name, domain, .. } = &theme.hit else {
        return None;
    };
    let mut claim = empty_claim(facts, at, &(t.range.start..theme.range.end));
    claim.duration = Some(Box::new(time_of(facts, at, t)));
    claim.theme = Some(Box::new(at.mention(facts, &theme.range, name.clone())));
    claim.domain = Some(domain.clone());
    let start = clause_start(facts, 0, t.range.start);
    claim.actor = roles::possessor(facts, t.range.start)
        .or_else(|| roles::subject(facts, start, t.range.start))
        .map(|e| Box::new(at.entity(facts, e)));
    let reach = facts
        .text
        .get(theme.range.end..)
        .and_then(clause_punctuation)
        .map_or(facts.text.len(), |i| theme.range.end + i);
    claim.place = facts
        .entities
        .iter()
        .filter(|e| e.range.start >= theme.range.end && e.range.end <= reach)
        .find(|e| matches!(roles::role_after(facts, e), Role::Place | Role::Of))
        .map(|e| Box::new(at.entity(facts, e)));
    Some(claim)
}

/// The claims before the current action in its sentence.
struct Previous<'c> {
    /// The claim just before.
    claim: Option<&'c Claim>,
    /// The last claim anchored on a verb (not a nominalization).
    verbal: Option<&'c Claim>,
    /// The range of that verb in the sentence.
    verbal_range: Option<Range<usize>>,
}

/// A claim anchored on a quantity with a unit that no action took.
fn quantity_claim(facts: &Facts, at: &Place, discourse: &Discourse, q: &QuantityMatch) -> Claim {
    let prev_action_end = facts
        .actions
        .iter()
        .filter(|a| a.range.end <= q.range.start)
        .map(|a| a.range.end)
        .max()
        .unwrap_or(0);
    let next_action_start = facts
        .actions
        .iter()
        .filter(|a| a.range.start >= q.range.end)
        .map(|a| a.range.start)
        .min()
        .unwrap_or(facts.text.len());
    let window = prev_action_end..next_action_start;
    let mut claim = empty_claim(facts, at, &(q.range.start..q.range.end));
    claim.quantity = Some(Box::new(quantity_of(facts, at, q)));
    let start = clause_start(facts, window.start, q.range.start);
    // "a 400-strong force of European allies": the owner named right after the count.
    let owner = facts.entities.iter().find(|e| {
        e.range.start >= q.range.end
            && facts.words_between(q.range.end, e.range.start).len() <= 1
            && matches!(roles::role_after(facts, e), Role::Of)
    });
    claim.actor = owner
        .or_else(|| roles::possessor(facts, q.range.start))
        .or_else(|| roles::subject(facts, start, q.range.start))
        .map(|e| at.entity(facts, e))
        .or_else(|| {
            // "2,400 French troops": the demonym after the number.
            facts
                .entities
                .iter()
                .find(|e| {
                    e.range.start >= q.range.start
                        && e.range.end <= q.range.end
                        && e.form == EntityForm::Demonym
                })
                .map(|e| at.entity(facts, e))
        })
        .map(Box::new);
    if claim.actor.is_none() {
        claim.actor = resolve_anaphor(facts, discourse, start, q.range.start).map(Box::new);
        claim.actor_inferred = claim.actor.is_some();
    }
    for e in facts
        .entities
        .iter()
        .filter(|e| e.range.start >= q.range.end && e.range.end <= window.end)
    {
        if matches!(roles::role_after(facts, e), Role::Place) && claim.place.is_none() {
            claim.place = Some(Box::new(at.entity(facts, e)));
        }
    }
    // A time past a finite auxiliary ("... was joined in 2020") dates another predicate.
    let aux = facts
        .words_between(q.range.end, window.end)
        .iter()
        .find(|w| words::is_finite_auxiliary(w.text))
        .map_or(window.end, |w| w.start);
    let (time, duration) = times_in(facts, at, &(window.start..aux), q.range.start);
    claim.time = time.map(Box::new);
    claim.duration = duration.map(Box::new);
    let themes = facts
        .themes
        .iter()
        .find(|m| m.range.start >= q.range.start && m.range.start <= q.range.end + 40);
    if let Some(m) = themes {
        if let ThemeHit::Theme { name, domain, .. } = &m.hit {
            claim.theme = Some(Box::new(at.mention(facts, &m.range, name.clone())));
            claim.domain = Some(domain.clone());
        }
    }
    if let Some(neg) = cue_before(facts, at, CueKind::Negation, window.start, q.range.start, 3) {
        claim.polarity = Polarity::Negative;
        claim.negation = Some(Box::new(neg));
    }
    claim
}
