//! The syntactic annotation a parser adds to tokens: Universal Dependencies part-of-speech
//! tags and dependency relations. Both are one byte, so a [`crate::Token`] stays `Copy`.
use serde::{Deserialize, Serialize};

/// Universal POS tag (UD v2). `X` is also what an unparsed token carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[repr(u8)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        UPOS_NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Upos> {
        UPOS_NAMES.iter().position(|n| *n == s).map(|i| Upos::ALL[i])
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

const UPOS_NAMES: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM",
    "VERB", "X",
];

/// The UD relations (with the subtypes English UD uses) that dyad's parser can predict.
/// Index 0 is `dep`, the relation of unknown labels; `root` marks the sentence's head word.
pub const DEPREL_NAMES: &[&str] = &[
    "dep",
    "root",
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "clf",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:poss",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "vocative",
    "xcomp",
];

/// A dependency relation: an index into [`DEPREL_NAMES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DepRel(u8);

impl DepRel {
    pub const DEP: DepRel = DepRel(0);
    pub const ROOT: DepRel = DepRel(1);

    /// The relation named `s` ("nsubj:pass"); an unknown subtype falls back to its base
    /// relation, an unknown relation to `dep`.
    pub fn parse(s: &str) -> DepRel {
        if let Some(i) = DEPREL_NAMES.iter().position(|n| *n == s) {
            return DepRel(i as u8);
        }
        let base = s.split(':').next().unwrap_or(s);
        DepRel(DEPREL_NAMES.iter().position(|n| *n == base).unwrap_or(0) as u8)
    }

    pub fn from_index(i: usize) -> Option<DepRel> {
        (i < DEPREL_NAMES.len()).then_some(DepRel(i as u8))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The full label, with its subtype ("nsubj:pass").
    pub fn as_str(self) -> &'static str {
        DEPREL_NAMES[self.0 as usize]
    }

    /// The label without its subtype ("nsubj" for "nsubj:pass"), as LAS is scored.
    pub fn base(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }

    /// True when this is `rel` or one of its subtypes: `is("nsubj")` for "nsubj:pass".
    pub fn is(self, rel: &str) -> bool {
        self.base() == rel
    }
}

impl std::fmt::Display for DepRel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DepRel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DepRel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(DepRel::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprel_names_round_trip_and_subtypes_fall_back() {
        for (i, n) in DEPREL_NAMES.iter().enumerate() {
            assert_eq!(DepRel::parse(n).index(), i);
        }
        assert_eq!(DepRel::parse("nsubj:pass").base(), "nsubj");
        assert!(DepRel::parse("nsubj:pass").is("nsubj"));
        assert_eq!(DepRel::parse("obl:tmod").as_str(), "obl");
        assert_eq!(DepRel::parse("nonsense"), DepRel::DEP);
    }

    #[test]
    fn upos_round_trip() {
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        assert_eq!(Upos::parse("XX"), None);
    }
}
