//! What the English layer says of one lower-case word, read once per thread and word
//! instead of once per occurrence: the value pass looks up every word of every sentence,
//! and a corpus uses few distinct words. The lemmas are shared names, so that claims of
//! one thread that hold the same lemma hold one string.

use crate::extract::english::{English, Pos, PosSet};
use crate::extract::model::Name;
use crate::extract::quantity::Units;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// More distinct words than this and the memo starts again (bounded memory).
const MAX_WORDS: usize = 1 << 17;

/// One lower-case word as the value pass reads it.
#[derive(Clone)]
pub(super) struct WordInfo {
    /// [`English::lemma`] of the word.
    pub lemma: Name,
    /// The word folded to ASCII: the lemma of a name.
    pub folded: Name,
    /// At least two letters, no digit, not a number word.
    pub alphabetic: bool,
    /// A function word, a bound or approximation cue, or a word of degree.
    pub stop: bool,
    /// A stop word only as a cue of change ("fell", "sank", "lost"): a qualifier before
    /// a number ("fell 3%"), a verb of its own elsewhere ("the ship sank on Monday").
    pub cue_only: bool,
    /// [`English::may_be_verb`].
    pub may_be_verb: bool,
    /// The word has a verb lemma ([`English::lemma_as`] with [`Pos::Verb`]).
    pub verb: bool,
    /// ... and it is not the word itself: an inflected verb form ("killed").
    pub inflected: bool,
    /// A plural of a noun ("jets"): ends in `s` and has another noun lemma.
    pub plural: bool,
    /// [`English::is_stop`] of the word.
    pub english_stop: bool,
    /// [`English::pos`] of the word.
    pub pos: PosSet,
    /// [`English::pos`] of its lemma.
    pub lemma_pos: PosSet,
    /// A number word ([`crate::extract::number::is_number_word`]).
    pub number_word: bool,
    /// [`English::opens_noun`]: a noun phrase follows ("the", "its").
    pub opens_noun: bool,
}

impl WordInfo {
    fn read(lower: &str, english: &English, units: &Units) -> WordInfo {
        let alphabetic = lower.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !lower.chars().any(|c| c.is_ascii_digit())
            && !crate::extract::number::is_number_word(lower);
        // Bounds and approximations ("about", "nearly", "more") are qualifiers, not words
        // of the measure or the event.
        let function = english.is_stop(lower) || english.is_degree(lower);
        let cue_only = !function && units.cue(lower).is_some();
        let stop = function || cue_only;
        let lemma = Name::from(english.lemma(lower).as_ref());
        let folded = deunicode::deunicode(lower);
        let folded = if *folded == *lemma {
            lemma.clone()
        } else {
            Name::from(folded)
        };
        let verb = english.lemma_as(lower, Pos::Verb);
        let plural = lower.ends_with('s')
            && english
                .lemma_as(lower, Pos::Noun)
                .is_some_and(|l| l.as_ref() != lower);
        WordInfo {
            lemma_pos: english.pos(&lemma),
            lemma,
            folded,
            alphabetic,
            stop,
            cue_only,
            may_be_verb: english.may_be_verb(lower),
            inflected: verb.as_ref().is_some_and(|l| l.as_ref() != lower),
            verb: verb.is_some(),
            plural,
            english_stop: english.is_stop(lower),
            pos: english.pos(lower),
            number_word: crate::extract::number::is_number_word(lower),
            opens_noun: english.opens_noun(lower),
        }
    }
}

/// The words read so far on this thread, for one English layer and one unit table.
#[derive(Default)]
struct Memo {
    owner: (usize, usize),
    words: FxHashMap<Box<str>, WordInfo>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// What `english` and `units` say of the lower-case `lower` (the same as reading it
/// afresh).
pub(super) fn word_info(lower: &str, english: &English, units: &Units) -> WordInfo {
    let owner = (
        english as *const English as usize,
        units as *const Units as usize,
    );
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.owner != owner || memo.words.len() >= MAX_WORDS {
            memo.owner = owner;
            memo.words.clear();
        }
        if let Some(info) = memo.words.get(lower) {
            return info.clone();
        }
        let info = WordInfo::read(lower, english, units);
        memo.words.insert(lower.into(), info.clone());
        info
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_word_reads_as_a_fresh_one() {
        let knowledge = crate::extract::lexicon::for_tests();
        let (english, units) = (knowledge.english(), knowledge.units());
        for word in ["killed", "troops", "about", "2020", "jakarta", "são", "be"] {
            let fresh = WordInfo::read(word, english, units);
            for _ in 0..2 {
                let memo = word_info(word, english, units);
                assert_eq!(memo.lemma, fresh.lemma);
                assert_eq!(memo.folded, fresh.folded);
                assert_eq!(
                    (memo.alphabetic, memo.stop, memo.may_be_verb, memo.verb),
                    (fresh.alphabetic, fresh.stop, fresh.may_be_verb, fresh.verb)
                );
                assert_eq!(
                    (memo.inflected, memo.plural, memo.english_stop),
                    (fresh.inflected, fresh.plural, fresh.english_stop)
                );
                assert_eq!((memo.pos, memo.lemma_pos), (fresh.pos, fresh.lemma_pos));
                assert_eq!(
                    (memo.number_word, memo.opens_noun),
                    (fresh.number_word, fresh.opens_noun)
                );
            }
        }
        assert_eq!(&*word_info("killed", english, units).lemma, "kill");
    }
}
