//! A general English layer derived from WordNet 3.0: lemmas, parts of speech, concept
//! ids that link synonyms and derivations, hypernyms (nouns; verbs one level), and a stop-word test.
//!
//! The tables live in `rules/lexicon/english/` (written by `scripts/derive_wordnet.py`,
//! see `LICENSE-wordnet.txt` there) and are compiled in with `include_str!`, so the
//! binary needs no files at run time. [`English::shipped`] parses them; the run's
//! knowledge ([`crate::extract::Knowledge`]) does so once.
//!
//! A *concept* is a WordNet synset renumbered densely (`0..`); a lemma's concepts are
//! its most frequent senses plus the synsets WordNet links them to by derivation
//! ("explosion" -> "explode"), causation ("kill" -> "die") and pertainymy
//! ("quickly" -> "quick"). Two words are [`related`](English::related) when they share
//! a concept, or when one is directly a kind of the other.

mod data;
mod morph;
pub mod places;
mod pos;
pub mod roles;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use rustc_hash::FxHashMap;

pub use data::EnglishDataError;
pub use places::Places;
pub use pos::{Pos, PosSet};

/// A half-open range into one of the arenas of [`English`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    fn is_empty(self) -> bool {
        self.start == self.end
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Everything known about one string: as a lemma, as an irregular form, as a stop word.
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    /// Parts of speech this string is a lemma of (empty: only a form or a stop word).
    pos: PosSet,
    stop: bool,
    /// WordNet's tagged-sense count per part of speech: a rough frequency.
    freq: [u16; 4],
    /// Concept ids per part of speech, in the table's order.
    by_pos: [Span; 4],
    /// All concept ids, sorted and deduplicated.
    all: Span,
    /// Irregular readings: `(pos, lemma word id)` entries.
    irregular: Span,
}

/// One concept (a WordNet synset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConceptInfo {
    pub pos: Pos,
    /// The synset's byte offset in WordNet 3.0's `data.<pos>` file.
    pub offset: u32,
    /// The synset's first word (multi-word heads keep WordNet's `_`).
    pub head: &'static str,
}

/// The English layer: see the module docs.
#[derive(Debug)]
pub struct English {
    index: FxHashMap<&'static str, u32>,
    names: Vec<&'static str>,
    words: Vec<Word>,
    arena: Vec<u32>,
    irregular: Vec<(Pos, u32)>,
    concepts: Vec<ConceptInfo>,
    hyper_start: Vec<u32>,
    hyper: Vec<u32>,
    roles: roles::WordRoles,
}

/// Runs `f` on the lower-cased `word`, without allocating for ASCII words up to 64 bytes.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase())
        && (word.is_ascii() || !word.chars().any(char::is_uppercase))
    {
        return f(word);
    }
    if word.is_ascii() && word.len() <= 64 {
        let mut buf = [0u8; 64];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        // ASCII in, ASCII out.
        return f(std::str::from_utf8(buf).unwrap_or_default());
    }
    f(&word.to_lowercase())
}

fn intersects(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

impl English {
    /// The tables compiled into the binary, parsed afresh (a costly step: the run's
    /// knowledge parses them once and passes them on).
    pub fn shipped() -> English {
        English::parse(
            data::LEMMAS,
            data::IRREGULAR,
            data::CONCEPTS,
            data::STOPWORDS,
        )
        .expect("built-in English tables parse (checked by the tests)")
    }

    fn word(&self, w: &str) -> Option<(u32, &Word)> {
        self.index.get(w).map(|&id| (id, &self.words[id as usize]))
    }

    /// The best lemma of `word` for any part of speech, lower-cased; an unknown word
    /// comes back lower-cased and otherwise unchanged. Borrows (no allocation) when
    /// `word` is lower-case and either a lemma, a form with a lemma, or unknown.
    ///
    /// Order: irregular forms (WordNet's exception lists), unless the word is itself
    /// a lemma at least as frequent ("ground" stays, "found" is "find"); for
    /// `-ed`/`-ing` words, the verb they inflect, unless the word is a verb itself
    /// ("need") or a plain noun that WordNet does not derive from that verb ("evening"
    /// is no form of "even"); the word itself when it is a lemma; then WordNet's
    /// "morphy" suffix rules, accepting only lemmas: the more frequent of the noun and
    /// verb readings (the noun on a tie), else an adjective. Frequencies are WordNet's
    /// tagged-sense counts.
    pub fn lemma<'a>(&'a self, word: &'a str) -> Cow<'a, str> {
        let mut owned = None;
        let found = with_lower(word, |w| {
            let id = self.lemma_id(w);
            if id.is_none() && w != word {
                owned = Some(w.to_string());
            }
            id
        });
        match (found, owned) {
            (Some(id), _) => Cow::Borrowed(self.names[id as usize]),
            (None, Some(lower)) => Cow::Owned(lower),
            (None, None) => Cow::Borrowed(word),
        }
    }

    /// The lemma of `word` as part of speech `pos`, if it has one.
    pub fn lemma_as<'a>(&'a self, word: &'a str, pos: Pos) -> Option<Cow<'a, str>> {
        with_lower(word, |w| self.lemma_id_as(w, pos))
            .map(|id| Cow::Borrowed(self.names[id as usize]))
    }

    /// The parts of speech `lemma` has in WordNet (empty for unknown words and for
    /// inflected forms: pass a lemma).
    pub fn pos(&self, lemma: &str) -> PosSet {
        with_lower(lemma, |w| {
            self.word(w).map_or(PosSet::EMPTY, |(_, e)| e.pos)
        })
    }

    /// Whether `lemma` is a WordNet lemma of any part of speech.
    pub fn is_lemma(&self, lemma: &str) -> bool {
        !self.pos(lemma).is_empty()
    }

    /// All concept ids of `lemma` (any part of speech), sorted and deduplicated; empty
    /// for words that are not lemmas.
    pub fn concepts(&self, lemma: &str) -> &[u32] {
        with_lower(lemma, |w| match self.word(w) {
            Some((_, e)) => &self.arena[e.all.range()],
            None => &[][..],
        })
    }

    /// The concept ids of `lemma` as part of speech `pos`: its senses in frequency
    /// order, then the linked synsets.
    pub fn concepts_as(&self, lemma: &str, pos: Pos) -> &[u32] {
        with_lower(lemma, |w| match self.word(w) {
            Some((_, e)) => &self.arena[e.by_pos[pos.index()].range()],
            None => &[][..],
        })
    }

    /// The concepts of `word`: its own when it is a lemma, else those of [`Self::lemma`].
    fn concepts_of(&self, word: &str) -> &[u32] {
        let own = self.concepts(word);
        if !own.is_empty() {
            return own;
        }
        let lemma = self.lemma(word);
        match self.index.get(lemma.as_ref()) {
            Some(&id) => &self.arena[self.words[id as usize].all.range()],
            None => &[],
        }
    }

    /// Whether two words are linked by WordNet: they share a concept (synonyms,
    /// derivations such as "explosion"/"explode", causation such as "kill"/"die"), or a
    /// concept of one is directly a kind of a concept of the other ("blast" is a kind of
    /// "explosion", "store" of "keep"). Words that are not lemmas are lemmatized first.
    pub fn related(&self, a: &str, b: &str) -> bool {
        let ca = self.concepts_of(a);
        let cb = self.concepts_of(b);
        if ca.is_empty() || cb.is_empty() {
            return false;
        }
        intersects(ca, cb)
            || ca.iter().any(|&c| {
                self.hypernyms(c)
                    .iter()
                    .any(|h| cb.binary_search(h).is_ok())
            })
            || cb.iter().any(|&c| {
                self.hypernyms(c)
                    .iter()
                    .any(|h| ca.binary_search(h).is_ok())
            })
    }

    /// Two words share a concept (synonyms or derivations: "pay"/"payment"), without the
    /// broader-term step of [`English::related`].
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        let ca = self.concepts_of(a);
        let cb = self.concepts_of(b);
        !ca.is_empty() && !cb.is_empty() && intersects(ca, cb)
    }

    /// Two words name one thing: the first noun sense of one is a noun sense of the
    /// other ("quake"/"earthquake"). Narrower than [`English::synonyms`],
    /// which also joins verbs of broad senses ("take"/"bag", "save"/"recover").
    pub fn same_thing(&self, a: &str, b: &str) -> bool {
        let (la, lb) = (self.lemma(a), self.lemma(b));
        let (ca, cb) = (
            self.concepts_as(&la, Pos::Noun),
            self.concepts_as(&lb, Pos::Noun),
        );
        // Noun senses only (a noun's list also holds the verbs it derives from); the
        // first (most frequent) sense of one of them: "bag" and "base" share only a
        // rare sense (baseball's).
        let noun = |c: &u32| self.concept(*c).is_some_and(|i| i.pos == Pos::Noun);
        let first_in =
            |x: &[u32], y: &[u32]| x.iter().find(|c| noun(c)).is_some_and(|c| y.contains(c));
        first_in(ca, cb) || first_in(cb, ca)
    }

    /// A noun names the act of a verb ("explosion"/"explode", "collapse"/"collapse"): a
    /// verb sense of `verb` is among the verbs WordNet derives `noun` from, either way
    /// round.
    pub fn names_act_of(&self, noun: &str, verb: &str) -> bool {
        let noun = self.lemma(noun);
        let verb = self
            .lemma_as(verb, Pos::Verb)
            .unwrap_or(Cow::Borrowed(verb));
        let acts = self.concepts_as(&noun, Pos::Noun);
        self.concepts_as(&verb, Pos::Verb)
            .iter()
            .take(3)
            .any(|c| self.concept(*c).is_some_and(|i| i.pos == Pos::Verb) && acts.contains(c))
    }

    /// The direct hypernyms (broader concepts) of a concept (verbs: one level only);
    /// empty for adjectives, adverbs and unknown ids.
    pub fn hypernyms(&self, concept: u32) -> &[u32] {
        let c = concept as usize;
        if c + 1 >= self.hyper_start.len() {
            return &[];
        }
        &self.hyper[self.hyper_start[c] as usize..self.hyper_start[c + 1] as usize]
    }

    /// Noun hypernyms of `concept` up to `depth` levels up (1 = direct hypernyms),
    /// nearest first, without duplicates and without `concept` itself.
    pub fn broader(&self, concept: u32, depth: usize) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let push = |c: u32, out: &mut Vec<u32>| {
            for &h in self.hypernyms(c) {
                if h != concept && !out.contains(&h) {
                    out.push(h);
                }
            }
        };
        // The frontier is `out[start..end]`, or `concept` itself on the first level.
        let (mut start, mut end) = (0, 0);
        for level in 0..depth {
            let before = out.len();
            if level == 0 {
                push(concept, &mut out);
            } else {
                for i in start..end {
                    push(out[i], &mut out);
                }
            }
            if out.len() == before {
                break;
            }
            (start, end) = (before, out.len());
        }
        out
    }

    /// The concept with id `concept`.
    pub fn concept(&self, concept: u32) -> Option<ConceptInfo> {
        self.concepts.get(concept as usize).copied()
    }

    /// Number of concepts in the tables.
    pub fn concept_count(&self) -> usize {
        self.concepts.len()
    }

    /// Whether `lemma` names an event: a verb, or a noun whose most frequent sense is a
    /// kind of event or process ("search", "attack", "explosion"; not "jet", "canal",
    /// "dawn"). Unknown words are no events.
    pub fn is_event(&self, lemma: &str) -> bool {
        let pos = self.pos(lemma);
        if !pos.contains(Pos::Noun) {
            return pos.contains(Pos::Verb);
        }
        let roots = self.roles.event_offsets();
        let mut seen: Vec<u32> = self
            .concepts_as(lemma, Pos::Noun)
            .iter()
            .copied()
            .filter(|&c| self.concept(c).is_some_and(|i| i.pos == Pos::Noun))
            .take(1)
            .collect();
        let mut next = 0;
        while next < seen.len() && seen.len() < 64 {
            let c = seen[next];
            next += 1;
            if self.concept(c).is_some_and(|i| roots.contains(&i.offset)) {
                return true;
            }
            for &h in self.hypernyms(c) {
                if !seen.contains(&h) {
                    seen.push(h);
                }
            }
        }
        false
    }

    /// The place relation that the lower-case `words` open with ("in", "near", "to":
    /// `rules/lexicon/english/word_roles.toml`) and how many words its phrase takes.
    pub fn place_relation(&self, words: &[&str]) -> Option<(&str, usize)> {
        self.roles.place_relation(words)
    }

    /// A preposition that puts a thing near a place after a length ("feet from").
    pub fn is_distance_preposition(&self, word: &str) -> bool {
        self.roles.is_distance_preposition(word)
    }

    /// A modifier that tells places of one kind apart ("fourth", "southern"), lower-case;
    /// numbers do too.
    pub fn is_place_modifier(&self, word: &str) -> bool {
        self.roles.is_place_modifier(word) || word.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Whether a noun names an organisation: a kind of WordNet's "organization" (a few
    /// levels up from its first senses: "automaker", "exchange"), or a noun that stands
    /// for one already named ("the group", "the firm").
    pub fn is_organisation(&self, lemma: &str) -> bool {
        if self.roles.is_organisation_noun(lemma) {
            return true;
        }
        let root = self.roles.organisation_offset();
        self.concepts_as(lemma, Pos::Noun).iter().any(|&c| {
            self.concept(c).is_some_and(|i| i.offset == root)
                || self
                    .broader(c, 8)
                    .iter()
                    .any(|&h| self.concept(h).is_some_and(|i| i.offset == root))
        })
    }

    /// A noun naming one of a group that the noun before it names ("crew members"), by
    /// lemma.
    pub fn is_member_noun(&self, lemma: &str) -> bool {
        self.roles.is_member_noun(lemma)
    }

    /// A superlative adjective or adverb ("strongest", "worst", "first"), lower-case.
    pub fn is_superlative(&self, word: &str) -> bool {
        if self.roles.is_irregular_superlative(word) {
            return true;
        }
        word.len() > 5
            && word.ends_with("est")
            && self
                .lemma_as(word, Pos::Adj)
                .or_else(|| self.lemma_as(word, Pos::Adv))
                .is_some_and(|l| l != word)
    }

    /// Whether lower-case `words` hold a phrase that makes a count a snapshot at one
    /// moment ("at the height of the blaze, 40 fire engines"): no total.
    pub fn holds_moment<S: AsRef<str>>(&self, words: &[S]) -> bool {
        self.roles.holds_moment(words)
    }

    /// Whether lower-case `words` end with a phrase that introduces an earlier value
    /// ("up from", "compared with").
    pub fn ends_with_previous_value(&self, words: &[String]) -> bool {
        self.roles.ends_with_previous_value(words)
    }

    /// A determiner: the word after it is no verb ("the jets"), lower-case.
    pub fn opens_noun(&self, word: &str) -> bool {
        self.roles.opens_noun(word)
    }

    /// Whether `words` (lower-case) end with a word or phrase that makes the time after
    /// it a bound or a reference point ("by Friday", "as of Friday").
    pub fn ends_with_bound(&self, words: &[String]) -> bool {
        self.roles.ends_with_bound(words)
    }

    /// A word that joins two clauses ("and", "but"), lower-case.
    pub fn joins_clauses(&self, word: &str) -> bool {
        self.roles.joins_clauses(word)
    }

    /// A preposition ("of", "through", "inside"), lower-case: a noun phrase follows it.
    pub fn is_preposition(&self, word: &str) -> bool {
        self.roles.is_preposition(word)
    }

    /// A word that opens a relative or subordinate clause ("that", "which", "who"),
    /// lower-case: what comes before it is of another clause.
    pub fn opens_clause(&self, word: &str) -> bool {
        self.roles.opens_clause(word)
    }

    /// A word that makes the time after it a point of comparison ("since", "than").
    pub fn is_comparison(&self, word: &str) -> bool {
        self.roles.is_comparison(word)
    }

    /// A word after which a word that can be a verb is the verb ("did not meet", "had to
    /// go"), lower-case.
    pub fn opens_verb(&self, word: &str) -> bool {
        self.roles.opens_verb(word)
    }

    /// A verb that carries little meaning of its own ("be", "have", "say"), by lemma.
    pub fn is_light(&self, lemma: &str) -> bool {
        self.roles.is_light(lemma)
    }

    /// Whether a verb states too little to be a yes/no statement of its own: a light
    /// verb ([`English::is_light`]) other than the few that still state something a
    /// source may deny ("was not used", "found no problems", "includes the MAX 9").
    pub fn states_nothing(&self, lemma: &str) -> bool {
        self.roles.is_light(lemma) && !self.roles.states(lemma)
    }

    /// A word that negates what follows ("not", "never", "no"), lower-case.
    pub fn is_negation(&self, word: &str) -> bool {
        self.roles.is_negation(word)
    }

    /// A word that makes a clause hypothetical or planned ("will", "could", "if").
    pub fn is_modal(&self, word: &str) -> bool {
        self.roles.is_modal(word)
    }

    /// A word that marks an event as one of a series ("further", "another", "again").
    pub fn is_repeat(&self, word: &str) -> bool {
        self.roles.is_repeat(word)
    }

    /// A verb of speech, by lemma ("say", "tell"): a date it governs is when something
    /// was said.
    pub fn is_reporting(&self, lemma: &str) -> bool {
        self.roles.is_reporting(lemma)
    }

    /// The scope a word gives a statement: all of a group or a part of it.
    pub fn scope_of(&self, word: &str) -> Option<crate::extract::model::Scope> {
        if self.roles.is_full(word) {
            Some(crate::extract::model::Scope::Full)
        } else if self.roles.is_partial(word) {
            Some(crate::extract::model::Scope::Partial)
        } else {
            None
        }
    }

    /// A lemma that marks a running count ("now", "rise", "toll").
    pub fn is_update(&self, lemma: &str) -> bool {
        self.roles.is_update(lemma)
    }

    /// A word of degree, approximation or focus ("nearly", "just", "some"), lower-case.
    pub fn is_degree(&self, word: &str) -> bool {
        self.roles.is_degree(word)
    }

    /// The lower-case `word` may be a verb as written: an inflected form of a verb
    /// ("killed", "trapped", "hit" as a past form), or a word that WordNet knows only as
    /// a verb.
    pub fn may_be_verb(&self, word: &str) -> bool {
        let Some(lemma) = self.lemma_as(word, Pos::Verb) else {
            return false;
        };
        if lemma != word {
            // "evening" is a noun of its own, not a form of "even".
            return self.lemma(word) == lemma;
        }
        let pos = self.pos(word);
        !pos.contains(Pos::Noun) && !pos.contains(Pos::Adj)
    }

    /// Whether `word` is an English function word (determiner, pronoun, auxiliary,
    /// preposition, conjunction, ...), case-insensitively.
    pub fn is_stop(&self, word: &str) -> bool {
        with_lower(word, |w| self.word(w).is_some_and(|(_, e)| e.stop))
    }
}
