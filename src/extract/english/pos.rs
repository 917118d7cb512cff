//! Parts of speech ([`Pos`]) and small sets of them ([`PosSet`]).

/// A WordNet part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    Noun = 0,
    Verb = 1,
    Adj = 2,
    Adv = 3,
}

impl Pos {
    /// All parts of speech, in WordNet's file order.
    pub const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    /// The one-letter code used in WordNet and the derived tables (`n`, `v`, `a`, `r`).
    pub fn letter(self) -> char {
        match self {
            Pos::Noun => 'n',
            Pos::Verb => 'v',
            Pos::Adj => 'a',
            Pos::Adv => 'r',
        }
    }

    /// Parses a one-letter code; adjective satellites (`s`) count as adjectives.
    pub fn from_letter(code: &str) -> Option<Pos> {
        match code {
            "n" => Some(Pos::Noun),
            "v" => Some(Pos::Verb),
            "a" | "s" => Some(Pos::Adj),
            "r" => Some(Pos::Adv),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A set of parts of speech, as a 4-bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PosSet(u8);

impl PosSet {
    /// The empty set (an unknown word).
    pub const EMPTY: PosSet = PosSet(0);

    pub fn contains(self, pos: Pos) -> bool {
        self.0 & (1 << pos as u8) != 0
    }

    pub fn insert(&mut self, pos: Pos) {
        self.0 |= 1 << pos as u8;
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn is_noun(self) -> bool {
        self.contains(Pos::Noun)
    }

    pub fn is_verb(self) -> bool {
        self.contains(Pos::Verb)
    }

    pub fn is_adj(self) -> bool {
        self.contains(Pos::Adj)
    }

    pub fn is_adv(self) -> bool {
        self.contains(Pos::Adv)
    }

    /// The members, in [`Pos::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Pos> {
        Pos::ALL.into_iter().filter(move |&p| self.contains(p))
    }

    /// The raw bits (noun = 1, verb = 2, adjective = 4, adverb = 8).
    pub fn bits(self) -> u8 {
        self.0
    }
}

impl FromIterator<Pos> for PosSet {
    fn from_iter<I: IntoIterator<Item = Pos>>(iter: I) -> Self {
        let mut set = PosSet::EMPTY;
        for pos in iter {
            set.insert(pos);
        }
        set
    }
}
