//! The UPOS tagger: a greedy left-to-right averaged perceptron over word, affix, shape and
//! context features, with the previous two predicted tags and the ambiguity classes (tags
//! seen in training) of the neighbouring words.

pub mod features;
pub mod serialization;
pub mod trainer;

use dyad_doc::Upos;
use rustc_hash::FxHashMap;

use crate::weights::Weights;
use crate::words::WordInfo;
use features::{tagger_features, N_TAGGER_FEATURES};

pub const N_TAGS: usize = 17;
/// Ambiguity-lexicon flag: a frequent word that had one tag in training (tag dictionary);
/// the tagger gives it that tag without scoring, which is faster and as accurate.
pub const FIXED: u32 = 1 << 31;
/// The tag bits of an ambiguity-lexicon entry.
pub const TAG_BITS: u32 = (1 << N_TAGS) - 1;

/// The tag a tag-dictionary word always gets (`None` for the others).
#[inline]
pub fn fixed_tag(amb: u32) -> Option<usize> {
    let t = (amb & TAG_BITS).trailing_zeros() as usize;
    (amb & FIXED != 0 && t < N_TAGS).then_some(t)
}

/// Two greedy passes: the second sees the first pass's tags of the words ahead.
pub struct Tagger {
    pub weights: Weights,
    pub second: Option<Weights>,
    /// Lower-cased form → bit set of the tags it had in training (frequent words only).
    pub ambiguity: FxHashMap<u64, u32>,
}

impl Tagger {
    pub fn ambiguity_of(&self, w: &WordInfo) -> u32 {
        self.ambiguity.get(&w.lower).copied().unwrap_or(0)
    }

    /// Tags the words of one sentence into `tags` (cleared first).
    pub fn tag(&self, words: &[WordInfo], buf: &mut TagBuffers, tags: &mut Vec<Upos>) {
        buf.amb.clear();
        buf.amb.extend(words.iter().map(|w| self.ambiguity_of(w)));
        match &self.second {
            None => greedy(&self.weights, words, &buf.amb, &[], tags),
            Some(second) => {
                greedy(&self.weights, words, &buf.amb, &[], &mut buf.first);
                greedy(second, words, &buf.amb, &buf.first, tags);
            }
        }
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub struct TagBuffers {
    pub amb: Vec<u32>,
    pub first: Vec<Upos>,
}

fn greedy(weights: &Weights, words: &[WordInfo], amb: &[u32], right: &[Upos], tags: &mut Vec<Upos>) {
    tags.clear();
    let mut feats = [0u64; N_TAGGER_FEATURES];
    for i in 0..words.len() {
        if let Some(t) = amb.get(i).and_then(|&a| fixed_tag(a)) {
            tags.push(Upos::ALL[t]);
            continue;
        }
        tagger_features(words, amb, tags, right, i, &mut feats);
        let mut scores = [0i32; N_TAGS];
        weights.score(&feats, &mut scores);
        tags.push(Upos::ALL[argmax(&scores)]);
    }
}

fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_tags_come_from_the_flag_only() {
        assert_eq!(fixed_tag(FIXED | 1 << 3), Some(3));
        assert_eq!(fixed_tag(1 << 3), None);
        // A corrupt entry (flag without a tag) is not a fixed tag.
        assert_eq!(fixed_tag(FIXED), None);
    }
}
