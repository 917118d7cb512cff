//! Lemmatization: WordNet's exception lists and its "morphy" suffix rules, choosing
//! among candidates by part of speech and WordNet's sense frequencies.

use super::pos::Pos;
use super::English;

/// WordNet's detachment rules (suffix, replacement) per part of speech.
const NOUN_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];
const VERB_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];
const ADJ_RULES: &[(&str, &str)] = &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

fn rules(pos: Pos) -> &'static [(&'static str, &'static str)] {
    match pos {
        Pos::Noun => NOUN_RULES,
        Pos::Verb => VERB_RULES,
        Pos::Adj => ADJ_RULES,
        Pos::Adv => &[],
    }
}

/// Parts of speech in the order a lemma is looked for: verbs first for `-ed`/`-ing`.
fn order(verbish: bool) -> [Pos; 4] {
    if verbish {
        [Pos::Verb, Pos::Noun, Pos::Adj, Pos::Adv]
    } else {
        [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv]
    }
}

impl English {
    /// Word id of the best lemma of the lower-case `w`, any part of speech.
    pub(super) fn lemma_id(&self, w: &str) -> Option<u32> {
        let verbish = w.ends_with("ed") || w.ends_with("ing");
        let own = self.word(w);
        // 1. Irregular forms, unless the word is itself a lemma at least as frequent
        //    as the irregular reading ("ground" stays, "found" is "find").
        if let Some((_, e)) = own {
            if !e.irregular.is_empty() {
                let readings = &self.irregular[e.irregular.range()];
                let first = order(verbish)
                    .into_iter()
                    .find_map(|pos| readings.iter().find(|(p, _)| *p == pos));
                if let Some(&(pos, lemma)) = first {
                    let own_freq = if e.pos.is_empty() {
                        None
                    } else {
                        e.freq.iter().max()
                    };
                    let target_freq = self.words[lemma as usize].freq[pos.index()];
                    if own_freq.is_none_or(|&f| f < target_freq) {
                        return Some(lemma);
                    }
                }
            }
        }
        let own = own.filter(|(_, e)| !e.pos.is_empty());
        // 2. -ed / -ing forms of verbs (unless the word is a verb lemma itself: "need").
        if verbish && !own.is_some_and(|(_, e)| e.pos.is_verb()) {
            if let Some((_, verb)) = self.by_rules(w, Pos::Verb) {
                // Participial adjectives ("needed", "wounded") read as the verb; a plain
                // noun only when WordNet derives it from that verb ("waiting", not "evening").
                let take = match own {
                    Some((_, e)) if e.pos.is_noun() && !e.pos.is_adj() => {
                        let v = &self.words[verb as usize];
                        let verb_concepts = &self.arena[v.by_pos[Pos::Verb.index()].range()];
                        let noun_concepts = &self.arena[e.by_pos[Pos::Noun.index()].range()];
                        noun_concepts.iter().any(|c| verb_concepts.contains(c))
                    }
                    _ => true,
                };
                if take {
                    return Some(verb);
                }
            }
        }
        // 3. The word itself.
        if let Some((id, _)) = own {
            return Some(id);
        }
        // 4. Suffix rules: the more frequent of the noun and verb readings (the noun on
        //    a tie: "miners"; but "does" is "do", not "doe"), else an adjective.
        let by_rules = match (self.by_rules(w, Pos::Noun), self.by_rules(w, Pos::Verb)) {
            (Some((nf, n)), Some((vf, v))) => Some(if vf > nf { v } else { n }),
            (Some((_, n)), None) => Some(n),
            (None, Some((_, v))) => Some(v),
            (None, None) => self.by_rules(w, Pos::Adj).map(|(_, id)| id),
        };
        // 5. A hyphenated compound that WordNet writes solid or open: "take-off" is
        //    "takeoff", "break-in" is "break_in".
        by_rules.or_else(|| self.compound_id(w))
    }

    /// The lemma of a hyphenated word written without its hyphens, or with spaces.
    fn compound_id(&self, w: &str) -> Option<u32> {
        if !w.contains('-') || w.starts_with('-') || w.ends_with('-') {
            return None;
        }
        [w.replace('-', ""), w.replace('-', "_")]
            .iter()
            .find_map(|joined| self.lemma_id(joined))
    }

    /// Word id of the lemma of the lower-case `w` as `pos`.
    pub(super) fn lemma_id_as(&self, w: &str, pos: Pos) -> Option<u32> {
        if let Some((id, e)) = self.word(w) {
            if let Some(&(_, lemma)) = self.irregular[e.irregular.range()]
                .iter()
                .find(|(p, _)| *p == pos)
            {
                return Some(lemma);
            }
            if e.pos.contains(pos) {
                return Some(id);
            }
        }
        self.by_rules(w, pos).map(|(_, id)| id)
    }

    /// The most frequent lemma of part of speech `pos` that a suffix rule makes of `w`
    /// (ties go to the earlier rule), as (frequency, word id). Builds candidates on the
    /// stack.
    fn by_rules(&self, w: &str, pos: Pos) -> Option<(u16, u32)> {
        let mut buf = [0u8; 64];
        let mut best: Option<(u16, u32)> = None;
        for &(suffix, repl) in rules(pos) {
            let Some(stem) = w.strip_suffix(suffix) else {
                continue;
            };
            let len = stem.len() + repl.len();
            if stem.is_empty() || len > buf.len() {
                continue;
            }
            buf[..stem.len()].copy_from_slice(stem.as_bytes());
            buf[stem.len()..len].copy_from_slice(repl.as_bytes());
            // A prefix of a str cut before an ASCII suffix, plus ASCII: valid UTF-8.
            let Ok(candidate) = std::str::from_utf8(&buf[..len]) else {
                continue;
            };
            if let Some((id, e)) = self.word(candidate) {
                if e.pos.contains(pos) {
                    let freq = e.freq[pos.index()];
                    if best.is_none_or(|(f, _)| freq > f) {
                        best = Some((freq, id));
                    }
                }
            }
        }
        best
    }
}
