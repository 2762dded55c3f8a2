//! Tagger feature templates. Each feature is a hash of (template, values).

use dyad_doc::Upos;

use crate::hash::{key1, key2, key3};
use crate::words::WordInfo;

pub const N_TAGGER_FEATURES: usize = 48;

const NONE: u64 = 0x9e37_79b9;
const START: u64 = 0x7f4a_7c15;

/// Fills `out` with the features of word `i`, given the tags already chosen for `0..i` and,
/// in the second pass, the first pass's tags of the whole sentence (`right`; empty in the
/// first pass).
#[inline]
pub fn tagger_features(words: &[WordInfo], amb: &[u32], tags: &[Upos], right: &[Upos], i: usize, out: &mut [u64; N_TAGGER_FEATURES]) {
    let w = &words[i];
    let at = |j: isize| -> Option<&WordInfo> { usize::try_from(j).ok().and_then(|j| words.get(j)) };
    let i = i as isize;
    let word = |j: isize| at(j).map_or(if j < 0 { START } else { NONE }, |w| w.lower);
    let amb_at = |j: isize| usize::try_from(j).ok().and_then(|j| amb.get(j)).map_or(NONE, |&a| (a & super::TAG_BITS) as u64);
    let shape_at = |j: isize| at(j).map_or(NONE, |w| w.shape);
    let suf3 = |j: isize| at(j).map_or(NONE, |w| w.suffix[2]);
    let cased = |j: isize| at(j).map_or(if j < 0 { START } else { NONE }, |w| w.cased);
    let flags = |j: isize| at(j).map_or(NONE, |w| w.flags as u64);
    let fine = |j: isize| at(j).map_or(if j < 0 { START } else { NONE }, |w| (w.cluster & 0xffff) as u64);
    let tag = |j: isize| usize::try_from(j).ok().and_then(|j| tags.get(j)).map_or(START, |&t| t as u64);
    let (t1, t2) = (tag(i - 1), tag(i - 2));
    let ahead = |j: isize| usize::try_from(j).ok().and_then(|j| right.get(j)).map_or(NONE, |&t| t as u64);
    let (r1, r2) = (ahead(i + 1), ahead(i + 2));
    let f = [
        key1(0, 0),
        key1(1, w.lower),
        key1(2, w.cased),
        key1(3, w.suffix[0]),
        key1(4, w.suffix[1]),
        key1(5, w.suffix[2]),
        key1(6, w.suffix[3]),
        key1(7, w.prefix[0]),
        key1(8, w.prefix[1]),
        key1(9, w.prefix[2]),
        key1(10, w.shape),
        key1(11, word(i - 1)),
        key1(12, word(i + 1)),
        key1(13, word(i - 2)),
        key1(14, word(i + 2)),
        key1(15, t1),
        key2(16, t2, t1),
        key2(17, t1, w.lower),
        key1(18, amb_at(i + 1)),
        key1(19, amb_at(i + 2)),
        key1(20, amb_at(i)),
        key1(21, suf3(i - 1)),
        key1(22, suf3(i + 1)),
        key1(23, shape_at(i + 1)),
        key1(24, shape_at(i - 1)),
        key2(25, t1, amb_at(i + 1)),
        key2(26, word(i - 1), w.lower),
        key2(27, w.lower, word(i + 1)),
        key2(28, (i == 0) as u64, w.shape),
        key2(29, t1, w.suffix[2]),
        key3(30, t1, amb_at(i), amb_at(i + 1)),
        key2(31, w.flags as u64, (i == 0) as u64),
        key2(32, word(i - 1), word(i + 1)),
        key1(33, amb_at(i - 1)),
        key2(34, w.lower, amb_at(i + 1)),
        key1(35, r1),
        key2(36, r1, r2),
        key2(37, t1, r1),
        key2(38, w.lower, r1),
        // PROPN vs NOUN: the neighbours' cased forms and capitalisation, and how this word
        // is capitalised where capitals are informative (not sentence-initial).
        key1(39, cased(i - 1)),
        key1(40, cased(i + 1)),
        key3(41, flags(i - 1), w.flags as u64, flags(i + 1)),
        key2(42, w.lower, (w.flags & 3) as u64 * 2 + (i == 0) as u64),
        key2(43, w.suffix[2], r1),
        // Word clusters learnt from news: the word's (fine, and coarse with the previous
        // tag) and its neighbours'.
        key1(44, fine(i)),
        key2(45, (w.cluster >> 16) as u64, t1),
        key1(46, fine(i - 1)),
        key1(47, fine(i + 1)),
    ];
    *out = f;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{analyse, Scratch};

    fn words(forms: &[&str]) -> Vec<WordInfo> {
        let mut s = Scratch::default();
        forms.iter().map(|f| analyse(f, &mut s)).collect()
    }

    #[test]
    fn features_see_context_and_previous_tags() {
        let a = words(&["the", "army", "attacked"]);
        let b = words(&["the", "army", "fled"]);
        let amb = [0u32; 3];
        let mut fa = [0u64; N_TAGGER_FEATURES];
        let mut fb = [0u64; N_TAGGER_FEATURES];
        tagger_features(&a, &amb, &[Upos::DET], &[], 1, &mut fa);
        tagger_features(&b, &amb, &[Upos::DET], &[], 1, &mut fb);
        // Same word, different next word: the word features agree, the next-word one differs.
        assert_eq!(fa[1], fb[1]);
        assert_ne!(fa[12], fb[12]);
        let mut fc = [0u64; N_TAGGER_FEATURES];
        tagger_features(&a, &amb, &[Upos::PRON], &[], 1, &mut fc);
        assert_eq!(fa[1], fc[1]);
        assert_ne!(fa[15], fc[15]);
        // All features are distinct keys (templates do not collide).
        let mut sorted = fa.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), N_TAGGER_FEATURES);
        // Sentence edges are fine.
        tagger_features(&a, &amb, &[], &[], 0, &mut fa);
        tagger_features(&a, &amb, &[Upos::DET, Upos::NOUN], &[], 2, &mut fa);
        // The second pass sees the first pass's tag of the next word.
        let mut fd = [0u64; N_TAGGER_FEATURES];
        tagger_features(&a, &amb, &[Upos::DET], &[Upos::DET, Upos::NOUN, Upos::VERB], 1, &mut fa);
        tagger_features(&a, &amb, &[Upos::DET], &[Upos::DET, Upos::NOUN, Upos::NOUN], 1, &mut fd);
        assert_ne!(fa[35], fd[35]);
        assert_eq!(fa[1], fd[1]);
        // A capital inside the sentence is told apart from one at its start.
        let c = words(&["Housing", "Housing"]);
        let mut f0 = [0u64; N_TAGGER_FEATURES];
        let mut f1 = [0u64; N_TAGGER_FEATURES];
        tagger_features(&c, &amb, &[], &[], 0, &mut f0);
        tagger_features(&c, &amb, &[Upos::NOUN], &[], 1, &mut f1);
        assert_eq!(f0[1], f1[1]);
        assert_ne!(f0[42], f1[42]);
    }
}
