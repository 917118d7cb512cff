//! Linking by meaning: value claims of one facet whose measures, predicates and events are
//! alike share a slot, whatever the story's vocabulary. Candidate pairs come from blocks
//! of claims that share a measure head or one of its concepts (never all pairs); each
//! pair is scored, pairs above a threshold are linked, and slots are the linked clusters.

use super::key::{Facet, SlotKey};
use crate::extract::english::English;
use crate::extract::lexicon::link_model::LinkModel;
use crate::extract::quantity::Units;
use crate::extract::{About, Claim, Knowledge, Name, ValueFacet};
use petgraph::unionfind::UnionFind;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// A facet with at most this many claims (in a story) is compared pair by pair.
const ALL_PAIRS: usize = 256;
/// Blocks larger than this are compared only within a sliding window (linear time).
const MAX_BLOCK: usize = 64;
/// The window of a large block.
const WINDOW: usize = 4;
/// No cluster of linked claims grows beyond this many claims (see `capped_clusters`).
const MAX_CLUSTER: usize = 24;
/// Linked claims that chain together more than this many claims make no slots at all
/// (see `capped_clusters`).
const MAX_CHAIN: usize = 4 * MAX_CLUSTER;
/// At most this many concepts of a word make block keys.
const CONCEPTS: usize = 3;
/// At most this many measure words make block keys (of a claim without a head).
const MEASURE_KEYS: usize = 2;

/// Why two claims were linked: the score and the words they share.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f64,
    /// The lemmas that made the link (shared measure, predicate and event words).
    pub words: Vec<Name>,
}

/// A slot made by meaning: its key, its claims in corpus order and the links inside it.
pub struct MeaningSlot {
    pub key: SlotKey,
    pub label: String,
    pub claims: Vec<usize>,
    pub links: Vec<Link>,
}

/// How much each event lemma says: rare lemmas in the corpus weigh more.
struct Weights {
    docs: f32,
    df: FxHashMap<Name, u32>,
}

impl Weights {
    fn of(claims: &[Claim], values: &[usize]) -> Weights {
        let mut df: FxHashMap<Name, u32> = FxHashMap::default();
        let mut seen: FxHashSet<(usize, Name)> = FxHashSet::default();
        let mut docs: FxHashSet<usize> = FxHashSet::default();
        for &i in values {
            let c = &claims[i];
            docs.insert(c.doc_index as usize);
            if let Some(about) = &c.about {
                for l in about.event.iter() {
                    if seen.insert((c.doc_index as usize, l.clone())) {
                        *df.entry(l.clone()).or_default() += 1;
                    }
                }
            }
        }
        Weights {
            docs: docs.len() as f32,
            df,
        }
    }

    fn weight(&self, lemma: &str) -> f32 {
        let df = self.df.get(lemma).copied().unwrap_or(1) as f32;
        ((self.docs + 1.0) / df).ln().max(0.05)
    }
}

/// Words with more concepts than this match only themselves: their senses are too many
/// for a shared concept to mean a shared sense ("take", "run").
const POLYSEMY: usize = 12;

/// A claim's event lemmas as sorted hashes with their weights and concepts, and their
/// total weight: overlaps are then merges of sorted lists.
#[derive(Default)]
struct Prepared {
    /// (lemma hash, weight, range of its concepts in `concepts`), by hash.
    event: Vec<(u64, f32, std::ops::Range<u32>)>,
    /// The concepts of each lemma, lemma after lemma.
    concepts: Vec<u32>,
    /// Every concept of the claim's lemmas, sorted and deduplicated.
    all: Vec<u32>,
    total: f32,
}

impl Prepared {
    fn of(about: &About, weights: &Weights, english: &English) -> Prepared {
        let mut event: Vec<(u64, f32, std::ops::Range<u32>)> = Vec::new();
        let mut concepts: Vec<u32> = Vec::new();
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        for l in about.event.iter() {
            let h = hash(l);
            if !seen.insert(h) {
                continue;
            }
            let own = english.concepts(l);
            let start = concepts.len() as u32;
            if own.len() <= POLYSEMY {
                concepts.extend_from_slice(own);
            }
            event.push((h, weights.weight(l), start..concepts.len() as u32));
        }
        event.sort_by_key(|e| e.0);
        let mut all = concepts.clone();
        all.sort_unstable();
        all.dedup();
        let total = event.iter().map(|e| e.1).sum();
        Prepared {
            event,
            concepts,
            all,
            total,
        }
    }

    /// The weight of this claim's lemmas that the other has, itself or by a shared
    /// concept ("quake" and "earthquake", "explosion" and "explode").
    fn matched_in(&self, other: &Prepared) -> f32 {
        let mut shared = 0.0;
        for (h, w, range) in &self.event {
            let own = other.event.binary_search_by_key(h, |e| e.0).is_ok();
            let by_concept = || {
                self.concepts[range.start as usize..range.end as usize]
                    .iter()
                    .any(|c| other.all.binary_search(c).is_ok())
            };
            if own || by_concept() {
                shared += w;
            }
        }
        shared
    }

    /// The overlap of two claims' events in [0, 1]: the weight matched on both sides over
    /// the weight of both.
    fn overlap(&self, other: &Prepared) -> f32 {
        let total = self.total + other.total;
        if total <= 0.0 {
            return 0.0;
        }
        (self.matched_in(other) + other.matched_in(self)) / total
    }
}

fn hash(s: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(s)
}

fn facet(f: ValueFacet) -> Facet {
    match f {
        ValueFacet::Quantity => Facet::Quantity,
        ValueFacet::Date => Facet::Date,
        ValueFacet::Duration => Facet::Duration,
        ValueFacet::Statement => Facet::Statement,
        ValueFacet::Location => Facet::Location,
    }
}

/// The class of a quantity's unit: the measure of a convertible unit ("length", "mass"),
/// else the unit of measurement itself ("percent", "dollars"); `None` for things counted.
fn unit_class<'a>(claim: &'a Claim, units: &'a Units) -> Option<&'a str> {
    let q = claim.quantity.as_ref()?;
    let unit = q.unit.as_deref()?;
    if !units.is_measurement(unit) {
        return None;
    }
    Some(
        units
            .to_base(1.0, unit)
            .map_or(unit, |(_, measure)| measure),
    )
}

/// Reports of one fact differ, but rarely by more than this factor: values further
/// apart are two facts ("16,141,241 votes" and "119 areas").
const MAX_RATIO: f64 = 10.0;
/// The same for lengths of time, which reports misstate by less ("two days" for 22
/// hours, six weeks for 33 days): "17 days" and "69 days" are two spans.
const MAX_DURATION_RATIO: f64 = 4.0;

/// The size of a claim's value in its unit's base (days for durations), for comparing
/// orders of magnitude; `None` for words without a number.
fn magnitude(claim: &Claim, units: &Units) -> Option<f64> {
    if let Some(crate::extract::TimeValue::Duration(d)) = claim.duration.as_ref().map(|t| &t.value)
    {
        return Some(d.value * d.unit.days());
    }
    let q = claim.quantity.as_ref()?;
    let v = match q.value {
        crate::extract::Value::Number(v) => v,
        crate::extract::Value::Range([a, b]) => (a + b) / 2.0,
        crate::extract::Value::Vague { .. } => return None,
    };
    Some(
        q.unit
            .as_deref()
            .and_then(|u| units.to_base(v, u))
            .map_or(v, |(base, _)| base),
    )
}

/// Two values more than `max` times apart.
fn far_apart(a: &Claim, b: &Claim, units: &Units, max: f64) -> bool {
    match (magnitude(a, units), magnitude(b, units)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) > max,
        _ => false,
    }
}

/// The block keys of a claim: its measure words and predicate, and the concepts of its
/// head and predicate.
fn block_keys(about: &About, english: &English) -> Vec<Name> {
    let mut keys: Vec<Name> = Vec::new();
    let mut push = |n: Name| {
        if !keys.contains(&n) {
            keys.push(n);
        }
    };
    match about.facet {
        // A story states few durations, worded in many ways: they are all candidates
        // (large corpora fall back to the window of a large block).
        ValueFacet::Duration => push(Name::from("*")),
        // Dates, statements and places are found by their verb.
        ValueFacet::Date | ValueFacet::Statement | ValueFacet::Location => {
            if let Some(p) = &about.predicate {
                push(p.clone());
                for c in english.concepts(p).iter().take(CONCEPTS) {
                    push(Name::from(format!("#{c}")));
                }
            }
        }
        ValueFacet::Quantity => {}
    }
    if let Some(h) = &about.head {
        push(h.clone());
        for c in english.concepts(h).iter().take(CONCEPTS) {
            push(Name::from(format!("#{c}")));
        }
    }
    if about.head.is_none() {
        for m in about.measure.iter().take(MEASURE_KEYS) {
            push(m.clone());
        }
    }
    keys
}

fn related(english: &English, a: &str, b: &str) -> bool {
    a == b || english.related(a, b)
}

/// What two value claims of one facet share.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features {
    /// Their measure heads are one word or related words.
    pub heads: bool,
    /// Their predicates are related (`Some(true)`) or different verbs (`Some(false)`).
    pub predicates: Option<bool>,
    /// Both predicates stand right by their values (a mismatch then surely means two
    /// measures: killed and injured).
    pub predicates_near: bool,
    /// At least one predicate stands right by its value.
    pub predicate_near_one: bool,
    /// The weight of the measure words they share (rare words weigh more).
    pub measure: f32,
    /// The weighted overlap of their events' lemmas, in [0, 1].
    pub event: f32,
    /// Both have heads and they are unrelated words.
    pub heads_differ: bool,
    /// The claims give quantities (not dates or durations, whose heads are less sure).
    pub quantity: bool,
    /// The quantities are measurements in units of one kind (lengths, money, percent).
    pub measured: bool,
    /// The claims state that something happened or not.
    pub statement: bool,
    /// The claims give dates.
    pub date: bool,
    /// The claims name who owns something or where it is based.
    pub relation: bool,
    /// Both name what they are about (their measures) and share no word of it.
    pub subjects_differ: bool,
    /// Names by their values: shared (`Some(true)`) or both named and none shared.
    pub names: Option<bool>,
    /// A word of one's core (predicate, head, the predicate's subject) is a word of the
    /// other's or related to one ("the explosion tore" / "the nitrate exploded").
    pub core: bool,
    /// For location claims: they locate one thing at places of one kind (see
    /// [`super::place`]).
    pub location: Option<bool>,
}

impl Features {
    /// The inputs of the link model, each in [0, 1], in the order of the weights of [`crate::extract::lexicon::link_model::FacetWeights`].
    fn inputs(&self) -> [f32; 11] {
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        [
            b(self.heads),
            b(self.predicates == Some(true)),
            b(self.predicates == Some(false)),
            b(self.predicates == Some(false) && self.predicates_near),
            (self.measure / 1.5).min(1.0),
            self.event.min(1.0),
            b(self.heads_differ),
            b(self.names == Some(true)),
            b(self.names == Some(false)),
            b(self.subjects_differ),
            b(self.core),
        ]
    }

    /// The link score in [0, 1]: the probability of one fact under `model`.
    pub fn score(&self, model: &LinkModel) -> f32 {
        if let Some(one) = self.location {
            // Location claims that locate one thing at places of one kind are one fact
            // (the place is what they may disagree on); the overlap of their events
            // ranks the candidates of a document.
            return if one {
                0.8 + 0.2 * self.event.min(1.0)
            } else {
                0.0
            };
        }
        if self.relation {
            // Who owns it, where it is based: one relation per story, compared by name,
            // unless the two name what they relate and those differ ("Russia-based
            // hackers", "Alpharetta-based Colonial").
            return match (self.predicates, self.subjects_differ) {
                (Some(true), false) => 1.0,
                _ => 0.0,
            };
        }
        // Two different verbs right by two values ("killed 12", "injured 40") are two
        // measures; two dates whose verbs and heads differ ("closed the crossing on
        // Monday", "reopened on Thursday"; "fled early on Wednesday", "arrived on
        // Thursday") are two events.
        if (self.quantity || self.date) && self.predicates == Some(false) && self.predicates_near
            || self.date && self.predicates == Some(false) && self.heads_differ
        {
            return 0.0;
        }
        // Counts of unrelated things that share no word of what they count ("5,000
        // troops", "five embassy staff") are two measures; measurements of one kind
        // ("3.2 km", "4 km") say what they measure by their unit.
        if self.quantity && !self.measured && self.heads_differ && self.measure == 0.0 {
            return 0.0;
        }
        // Whether something happened is said by its verb and what it acts on: statements
        // of unrelated verbs, of one verb on things that share no word ("has not halted
        // the advance", "halts joint operations"), or naming different people and places
        // ("Algeria expelled", "Morocco expelled"), are two statements.
        if self.statement && (!self.heads || self.subjects_differ || self.names == Some(false)) {
            return 0.0;
        }
        let w = if self.statement {
            &model.statement
        } else if self.date {
            &model.date
        } else if self.quantity {
            &model.quantity
        } else {
            &model.duration
        };
        let weights = [
            w.heads,
            w.predicates_same,
            w.predicates_differ,
            w.predicates_differ_near,
            w.measure,
            w.event,
            w.heads_differ,
            w.names_shared,
            w.names_differ,
            w.subjects_differ,
            w.core,
        ];
        let z: f32 = w.bias
            + self
                .inputs()
                .iter()
                .zip(weights)
                .map(|(x, k)| x * k)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The core words of a value claim: its predicate, head, subject and measure, less the
/// light verbs ("be", "have"). Read once per claim, not once per pair.
fn core_words<'c>(a: &'c About, english: &English) -> Vec<&'c Name> {
    [&a.predicate, &a.head]
        .into_iter()
        .flatten()
        .chain(a.subject.iter())
        .chain(a.measure.iter())
        .filter(|w| !english.is_light(w))
        .collect()
}

/// What two value claims share, with the words that made it; `None` when they cannot be
/// one fact (one facet, two documents, both parts or both wholes, one kind of unit).
/// `cores` are their [`core_words`].
fn features(
    a: &Claim,
    b: &Claim,
    cores: (&[&Name], &[&Name]),
    event_overlap: &mut dyn FnMut() -> f32,
    weights: &Weights,
    knowledge: &Knowledge,
) -> Option<(Features, Vec<Name>)> {
    let (english, units) = (knowledge.english(), knowledge.units());
    let (x, y) = (a.about.as_deref()?, b.about.as_deref()?);
    if x.facet != y.facet
        || a.doc_index == b.doc_index
        || x.part != y.part
        || x.background != y.background
    {
        return None;
    }
    if x.facet != ValueFacet::Date && unit_class(a, units) != unit_class(b, units) {
        return None;
    }
    let max_ratio = match x.facet {
        ValueFacet::Quantity => Some(MAX_RATIO),
        ValueFacet::Duration => Some(MAX_DURATION_RATIO),
        _ => None,
    };
    if max_ratio.is_some_and(|max| far_apart(a, b, units, max)) {
        return None;
    }
    // An age is a person's: two ages compare only when both name the person.
    let age = |h: &Option<Name>| h.as_deref() == Some("age");
    if (age(&x.head) || age(&y.head)) && (x.names.is_empty() || y.names.is_empty()) {
        return None;
    }
    let mut words: Vec<Name> = Vec::new();
    let add = |words: &mut Vec<Name>, n: &Name| {
        if !words.contains(n) {
            words.push(n.clone());
        }
    };
    let (heads, heads_differ) = match (&x.head, &y.head) {
        // A date is told of an event: a shared head that names none ("the jet" of a
        // crash and of a grounding, "the cave" entered and left) is no shared event.
        (Some(h), Some(k)) if related(english, h, k) => {
            if x.facet == ValueFacet::Date && !english.is_event(h) {
                (false, false)
            } else {
                add(&mut words, h);
                (true, false)
            }
        }
        (Some(_), Some(_)) => (false, true),
        _ => (false, false),
    };
    let names = if x.names.is_empty() || y.names.is_empty() {
        None
    } else {
        let shared: Vec<&Name> = x.names.iter().filter(|n| y.names.contains(n)).collect();
        for n in &shared {
            add(&mut words, n);
        }
        Some(!shared.is_empty())
    };
    let predicates = match (&x.predicate, &y.predicate) {
        (Some(p), Some(q)) => {
            // A statement's verb must be the same act, not a broader one ("step" is no
            // "measure").
            let r = if x.facet == ValueFacet::Statement {
                p == q || english.synonyms(p, q)
            } else {
                related(english, p, q)
            };
            if r {
                add(&mut words, p);
            }
            Some(r)
        }
        _ => None,
    };
    // A time since which a state holds ("camped there since April 9") and the date of
    // an event are one fact only when the verbs say so (the state began with the event).
    let since = |c: &Claim| {
        matches!(
            c.time.as_ref().map(|t| &t.value),
            Some(crate::extract::TimeValue::Interval { .. })
        )
    };
    if x.facet == ValueFacet::Date && since(a) != since(b) && predicates != Some(true) {
        return None;
    }
    let mut measure = 0.0;
    // A verb of speech ("said after 16 days", "doctors said") tells who spoke, not
    // what is measured.
    for m in x.measure.iter().filter(|m| !english.is_reporting(m)) {
        if y.measure.contains(m) {
            measure += weights.weight(m);
            add(&mut words, m);
        } else if let Some(n) = y
            .measure
            .iter()
            .filter(|_| x.facet != ValueFacet::Statement)
            .find(|n| {
                !english.is_reporting(n)
                    && (english.same_thing(m, n)
                        || english.names_act_of(m, n)
                        || english.names_act_of(n, m))
            })
        {
            // One thing in other words ("quake", "earthquake"; "explosion", "exploded"):
            // weighed as the commoner of the two. Not for statements, whose words must
            // be the same ("grounding" is what China ordered and the FAA did not).
            measure += weights.weight(m).min(weights.weight(n));
            add(&mut words, m);
        }
    }
    let event = event_overlap();
    let (core_x, core_y) = cores;
    let core = core_x
        .iter()
        .any(|p| core_y.iter().any(|q| related(english, p, q)));
    Some((
        Features {
            core,
            heads,
            predicates,
            predicates_near: x.predicate_near && y.predicate_near,
            predicate_near_one: x.predicate_near || y.predicate_near,
            heads_differ,
            quantity: x.facet == ValueFacet::Quantity,
            measured: x.facet == ValueFacet::Quantity && unit_class(a, units).is_some(),
            statement: x.facet == ValueFacet::Statement,
            date: x.facet == ValueFacet::Date,
            relation: a.actor.is_some() && b.actor.is_some() && x.facet == ValueFacet::Statement,
            location: match (&x.place, &y.place) {
                (Some(p), Some(q)) => Some(
                    super::place::comparable(p, q, knowledge)
                        && super::place::same_located(x, y, english),
                ),
                _ => None,
            },
            subjects_differ: !x.measure.is_empty() && !y.measure.is_empty() && measure == 0.0,
            names,
            measure,
            event,
        },
        words,
    ))
}

/// Links the value claims into slots. Claims must be in corpus order; the result does not
/// depend on thread count.
pub fn link(claims: &[Claim], knowledge: &Knowledge) -> Vec<MeaningSlot> {
    let english = knowledge.english();
    let model = knowledge.link_model();
    let values: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].about.is_some())
        .collect();
    if values.is_empty() {
        return Vec::new();
    }
    let weights = Weights::of(claims, &values);
    let cores: Vec<Vec<&Name>> = claims
        .iter()
        .map(|c| {
            c.about
                .as_deref()
                .map(|a| core_words(a, english))
                .unwrap_or_default()
        })
        .collect();
    // The claims of one sentence share its event list: it is prepared once
    // (`prepared_of[i]` indexes `prepared`), and pairs compare lists, not claims.
    let mut prepared: Vec<Prepared> = vec![Prepared::default()];
    let mut prepared_of: Vec<u32> = vec![0; claims.len()];
    let mut by_list: FxHashMap<*const Name, u32> = FxHashMap::default();
    for &i in &values {
        if let Some(about) = claims[i].about.as_deref() {
            prepared_of[i] = *by_list.entry(about.event.as_ptr()).or_insert_with(|| {
                prepared.push(Prepared::of(about, &weights, english));
                (prepared.len() - 1) as u32
            });
        }
    }
    drop(by_list);
    let debug = std::env::var_os("CLAIMCHECK_DEBUG_LINK").is_some();
    // A facet with few claims is compared pair by pair: blocks only save time, and they
    // miss pairs worded apart. Larger facets are blocked.
    let mut by_facet: FxHashMap<ValueFacet, Vec<usize>> = FxHashMap::default();
    for &i in &values {
        if let Some(about) = claims[i].about.as_deref() {
            by_facet.entry(about.facet).or_default().push(i);
        }
    }
    // Blocks hold claim indices in corpus order; each value claim remembers its blocks
    // and its position in each (`memberships[starts[n]..starts[n + 1]]` for `values[n]`).
    let mut block_ids: FxHashMap<(ValueFacet, Name), u32> = FxHashMap::default();
    let mut blocks: Vec<Vec<u32>> = Vec::new();
    let mut starts: Vec<usize> = Vec::with_capacity(values.len() + 1);
    let mut memberships: Vec<(u32, u32)> = Vec::new();
    // Blocks of a small facet, compared whole.
    let mut whole_blocks: Vec<bool> = Vec::new();
    for &i in &values {
        starts.push(memberships.len());
        let about = claims[i]
            .about
            .as_deref()
            .expect("value claims have an about");
        let keys = if by_facet[&about.facet].len() <= ALL_PAIRS {
            vec![Name::from("*all")]
        } else {
            block_keys(about, english)
        };
        let whole = keys.len() == 1 && &*keys[0] == "*all";
        for k in keys {
            let id = *block_ids.entry((about.facet, k)).or_insert_with(|| {
                blocks.push(Vec::new());
                whole_blocks.push(whole);
                (blocks.len() - 1) as u32
            });
            let block = &mut blocks[id as usize];
            memberships.push((id, block.len() as u32));
            block.push(i as u32);
        }
    }
    starts.push(memberships.len());
    drop(block_ids);
    // Candidate pairs from every block (a window of each large block; a small facet is
    // one block, compared whole), each pair once: the later claims a claim meets in its
    // blocks, gathered claim by claim (no list of all candidate pairs is ever held),
    // scored in parallel, in the order of the pairs.
    let edges: Vec<Link> = (0..values.len())
        .into_par_iter()
        .flat_map_iter(|n| {
            let i = values[n];
            let mut later: Vec<usize> = Vec::new();
            for &(id, pos) in &memberships[starts[n]..starts[n + 1]] {
                let block = &blocks[id as usize];
                let reach = if whole_blocks[id as usize] || block.len() <= MAX_BLOCK {
                    block.len()
                } else {
                    WINDOW
                };
                for &j in block.iter().skip(pos as usize + 1).take(reach) {
                    if claims[i].doc_index != claims[j as usize].doc_index {
                        later.push(j as usize);
                    }
                }
            }
            later.sort_unstable();
            later.dedup();
            let (prepared, prepared_of) = (&prepared, &prepared_of);
            let weights = &weights;
            let cores = &cores;
            // The overlap of the last pair of event lists: later claims of one sentence
            // come together and share it.
            let mut last: Option<(u32, f32)> = None;
            later.into_iter().filter_map(move |j| {
                let (pi, pj) = (prepared_of[i], prepared_of[j]);
                let mut overlap = || match last {
                    Some((p, o)) if p == pj => o,
                    _ => {
                        let o = prepared[pi as usize].overlap(&prepared[pj as usize]);
                        last = Some((pj, o));
                        o
                    }
                };
                let cores = (&cores[i][..], &cores[j][..]);
                let featured = features(
                    &claims[i],
                    &claims[j],
                    cores,
                    &mut overlap,
                    weights,
                    knowledge,
                );
                if debug {
                    debug_pair(&claims[i], &claims[j], featured.as_ref(), model);
                }
                let (f, words) = featured?;
                let score = f.score(model);
                (score >= model.threshold).then(|| Link {
                    a: i,
                    b: j,
                    score: (f64::from(score) * 100.0).round() / 100.0,
                    words,
                })
            })
        })
        .collect();
    let pairs = edges;
    let pairs = mutual_best(claims, pairs);
    // Clusters: the strongest links first, each joining two clusters only while the
    // joined cluster holds at most `MAX_CLUSTER` claims. A longer chain of resemblances
    // across many documents (a toll told in thirty reprints and live entries) is cut at
    // its weakest links instead of making one slot of everything or none at all.
    let index: FxHashMap<usize, usize> = values.iter().enumerate().map(|(n, &i)| (i, n)).collect();
    let (pairs, uf) = capped_clusters(pairs, &index, values.len());
    let labels = uf.into_labeling();
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for l in &pairs {
        let root = labels[index[&l.a]];
        members.entry(root).or_default();
    }
    for (n, &i) in values.iter().enumerate() {
        if let Some(m) = members.get_mut(&labels[n]) {
            m.push(i);
        }
    }
    let mut links_of: FxHashMap<usize, Vec<Link>> = FxHashMap::default();
    for l in pairs {
        links_of.entry(labels[index[&l.a]]).or_default().push(l);
    }
    let mut slots: Vec<MeaningSlot> = Vec::new();
    for (root, claims_in) in members {
        let mut links = links_of.remove(&root).unwrap_or_default();
        links.sort_by_key(|l| (l.a, l.b));
        slots.push(slot(claims, claims_in, links));
    }
    slots.sort_by_key(|s| (s.claims.first().copied(), s.claims.last().copied()));
    slots
}

/// Joins claims along the strongest links first (ties by claim order), each link joining
/// two clusters only while the joined cluster holds at most [`MAX_CLUSTER`] claims; the
/// links of a chain of more than [`MAX_CHAIN`] claims are all dropped.
/// Returns the links kept and the clusters (`index` maps a claim to its place among the
/// `n` value claims).
fn capped_clusters(
    pairs: Vec<Link>,
    index: &FxHashMap<usize, usize>,
    n: usize,
) -> (Vec<Link>, UnionFind<usize>) {
    // A chain of resemblances across very many claims is no fact told many times but
    // many facts that look alike (a thousand reports of one kind of event): none of its
    // links makes a slot.
    let mut whole = UnionFind::new(n);
    for l in &pairs {
        whole.union(index[&l.a], index[&l.b]);
    }
    let mut whole_size: Vec<usize> = vec![0; n];
    for i in 0..n {
        whole_size[whole.find_mut(i)] += 1;
    }
    let mut pairs: Vec<Link> = pairs
        .into_iter()
        .filter(|l| whole_size[whole.find_mut(index[&l.a])] <= MAX_CHAIN)
        .collect();
    pairs.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut uf = UnionFind::new(n);
    let mut size: Vec<usize> = vec![1; n];
    let pairs: Vec<Link> = pairs
        .into_iter()
        .filter(|l| {
            let (ra, rb) = (uf.find_mut(index[&l.a]), uf.find_mut(index[&l.b]));
            if ra == rb {
                return true;
            }
            let joined = size[ra] + size[rb];
            if joined > MAX_CLUSTER {
                return false;
            }
            uf.union(ra, rb);
            size[uf.find_mut(ra)] = joined;
            true
        })
        .collect();
    (pairs, uf)
}

/// Prints a candidate pair and its features (`CLAIMCHECK_DEBUG_LINK=1`), for tuning.
fn debug_pair(a: &Claim, b: &Claim, featured: Option<&(Features, Vec<Name>)>, model: &LinkModel) {
    let show = |c: &Claim| {
        let v = c.quantity.as_ref().map(|q| q.text.clone());
        let t = c
            .time
            .as_ref()
            .or(c.duration.as_ref())
            .map(|t| t.text.clone());
        format!(
            "{}\t{}\t{}\t{}",
            c.doc,
            c.span.start,
            c.span.end,
            v.or(t).unwrap_or_default()
        )
    };
    if let Some((f, w)) = featured {
        eprintln!(
            "link\t{}\t{}\t{}\t{:?}\t{:?}",
            show(a),
            show(b),
            f.score(model),
            f,
            w
        );
    }
}

/// Keeps the links that are best both ways: for claim `a`, no claim of `b`'s document
/// scores higher with it, and for `b`, no claim of `a`'s document does. A document states a
/// fact once or twice, so weaker candidates in the same document are other facts, except
/// for a statement told twice in one document with the same polarity as the best one
/// ("paid the hackers", "the $4.4 million Colonial paid"): both stay.
fn mutual_best(claims: &[Claim], pairs: Vec<Link>) -> Vec<Link> {
    // For (claim, other document): the best score and the claim that has it.
    let mut best: FxHashMap<(usize, usize), (f64, usize)> = FxHashMap::default();
    for l in &pairs {
        for (from, to) in [(l.a, l.b), (l.b, l.a)] {
            let e = best
                .entry((from, claims[to].doc_index as usize))
                .or_insert((0.0, to));
            if l.score > e.0 {
                *e = (l.score, to);
            }
        }
    }
    let statement = |i: usize| {
        claims[i]
            .about
            .as_deref()
            .is_some_and(|a| a.facet == ValueFacet::Statement)
    };
    let keeps = |from: usize, to: usize, score: f64| {
        let (top, winner) = best[&(from, claims[to].doc_index as usize)];
        top <= score || statement(to) && claims[winner].polarity == claims[to].polarity
    };
    pairs
        .into_iter()
        .filter(|l| keeps(l.a, l.b, l.score) && keeps(l.b, l.a, l.score))
        .collect()
}

/// The key and label of a cluster: its most common head and predicate.
fn slot(claims: &[Claim], members: Vec<usize>, links: Vec<Link>) -> MeaningSlot {
    let abouts: Vec<&About> = members
        .iter()
        .filter_map(|&i| claims[i].about.as_deref())
        .collect();
    let common = |f: &dyn Fn(&About) -> Option<Name>| -> String {
        let mut counts: Vec<(Name, usize)> = Vec::new();
        for a in &abouts {
            if let Some(n) = f(a) {
                match counts.iter_mut().find(|(m, _)| *m == n) {
                    Some(c) => c.1 += 1,
                    None => counts.push((n, 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // A phrasal verb's lemma ("step_down") reads as its words.
        counts
            .first()
            .map(|c| c.0.replace('_', " "))
            .unwrap_or_default()
    };
    let head = common(&|a| a.head.clone());
    let predicate = common(&|a| a.predicate.clone());
    let value_facet = abouts.first().map_or(ValueFacet::Quantity, |a| a.facet);
    let label = match value_facet {
        ValueFacet::Quantity if predicate.is_empty() => format!("the number or amount of {head}"),
        ValueFacet::Quantity => format!("the number or amount of {head} ({predicate})"),
        ValueFacet::Date if head == predicate || predicate.is_empty() => format!("when: {head}"),
        ValueFacet::Date => format!("when: {predicate} ({head})"),
        ValueFacet::Duration if predicate.is_empty() => format!("how long: {head}"),
        ValueFacet::Duration => format!("how long: {head} ({predicate})"),
        ValueFacet::Statement => format!("\"{predicate}\""),
        ValueFacet::Location => format!("where: {head}"),
    };
    let mut members = members;
    members.sort_unstable();
    MeaningSlot {
        key: SlotKey {
            facet: facet(value_facet),
            family: predicate,
            actor: String::new(),
            kind: head,
            location: String::new(),
            period: String::new(),
        },
        label,
        claims: members,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, score: f64) -> Link {
        Link {
            a,
            b,
            score,
            words: Vec::new(),
        }
    }

    #[test]
    fn a_long_chain_is_cut_at_its_weakest_links() {
        // 60 claims in a chain, every fourth link weaker: no cluster grows beyond
        // MAX_CLUSTER, and only weak links are dropped.
        let n = 60;
        let index: FxHashMap<usize, usize> = (0..n).map(|i| (i, i)).collect();
        let links: Vec<Link> = (0..n - 1)
            .map(|i| link(i, i + 1, if i % 4 == 3 { 0.85 } else { 0.95 }))
            .collect();
        let (kept, mut uf) = capped_clusters(links, &index, n);
        let mut sizes: FxHashMap<usize, usize> = FxHashMap::default();
        for i in 0..n {
            *sizes.entry(uf.find_mut(i)).or_default() += 1;
        }
        assert!(sizes.values().all(|&s| s <= MAX_CLUSTER), "{sizes:?}");
        assert!(sizes.values().any(|&s| s > 4), "{sizes:?}");
        // Every strong link is kept: only weak ones were cut.
        assert_eq!(kept.iter().filter(|l| l.score > 0.9).count(), 45);
        assert!(kept.len() < n - 1);
    }

    #[test]
    fn a_chain_of_very_many_claims_makes_no_slot() {
        let n = MAX_CHAIN + 1;
        let index: FxHashMap<usize, usize> = (0..n).map(|i| (i, i)).collect();
        let links: Vec<Link> = (0..n - 1).map(|i| link(i, i + 1, 0.95)).collect();
        let (kept, _) = capped_clusters(links, &index, n);
        assert!(kept.is_empty());
    }

    #[test]
    fn small_clusters_keep_every_link() {
        let index: FxHashMap<usize, usize> = (0..4).map(|i| (i, i)).collect();
        let links = vec![
            link(0, 1, 0.9),
            link(1, 2, 0.81),
            link(0, 2, 0.85),
            link(2, 3, 0.99),
        ];
        let (kept, mut uf) = capped_clusters(links, &index, 4);
        assert_eq!(kept.len(), 4);
        assert_eq!(uf.find_mut(0), uf.find_mut(3));
    }
}
