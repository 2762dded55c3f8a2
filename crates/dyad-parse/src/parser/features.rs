//! Parser feature templates, after Zhang & Nivre (2011): words and tags of the stack top,
//! the next buffer words, heads and outermost children, their labels, distance, valency and
//! label sets. Each feature is a hash of (template, values).

use dyad_doc::Upos;

use super::transition::{State, NONE};
use crate::hash::{key1, key2, key3};
use crate::words::WordInfo;

pub const N_PARSER_FEATURES: usize = 97;

const NO_WORD: u64 = 0x51_7cc1_b727;
const ROOT_WORD: u64 = 0x2a_4f3b_19c5;
const NO_TAG: u64 = 31;
const ROOT_TAG: u64 = 30;
const NO_LABEL: u64 = 63;

/// What the features read of the sentence.
pub struct Sentence<'a> {
    pub words: &'a [WordInfo],
    pub tags: &'a [Upos],
}

impl Sentence<'_> {
    #[inline(always)]
    fn w(&self, p: u32) -> u64 {
        match p {
            NONE => NO_WORD,
            0 => ROOT_WORD,
            p => self.words[p as usize - 1].lower,
        }
    }
    /// Last three letters: a word's class when its tag is wrong or the word is rare.
    #[inline(always)]
    fn suffix(&self, p: u32) -> u64 {
        match p {
            NONE => NO_WORD,
            0 => ROOT_WORD,
            p => self.words[p as usize - 1].suffix[2],
        }
    }
    /// Capitalisation, digits, hyphen, punctuation (see `WordInfo::flags`).
    #[inline(always)]
    fn flags(&self, p: u32) -> u64 {
        match p {
            NONE => 99,
            0 => 98,
            p => self.words[p as usize - 1].flags as u64,
        }
    }
    /// Fine and coarse word cluster (0 for a word without one).
    #[inline(always)]
    fn c(&self, p: u32) -> (u64, u64) {
        match p {
            NONE => (1 << 20, 1 << 20),
            0 => (2 << 20, 2 << 20),
            p => {
                let c = self.words[p as usize - 1].cluster;
                ((c & 0xffff) as u64, (c >> 16) as u64)
            }
        }
    }
    #[inline(always)]
    fn t(&self, p: u32) -> u64 {
        match p {
            NONE => NO_TAG,
            0 => ROOT_TAG,
            p => self.tags[p as usize - 1] as u64,
        }
    }
}

#[inline(always)]
fn at(v: &[u32], p: u32) -> u32 {
    if p == NONE {
        NONE
    } else {
        v[p as usize]
    }
}

fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match b.abs_diff(a) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Positions in the feature array of the templates that read only the next three buffer
/// words (their forms, tags, suffixes and flags), not the stack or any arc: their values
/// change only when the buffer moves (SHIFT, RIGHT-ARC), so the parser scores them once per
/// buffer position (`DepParser::parse`).
pub const BUFFER_ONLY: [usize; 17] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 19, 20, 75, 77, 83, 87, 88, 96];

/// Fills `out` with the features of configuration `st`.
pub fn parser_features(st: &State, s: &Sentence, out: &mut [u64; N_PARSER_FEATURES]) {
    let l = |p: u32| if p == NONE || st.head[p as usize] == NONE { NO_LABEL } else { st.label[p as usize] as u64 };
    let s0 = st.s0();
    let s1 = st.s1();
    let (b0, b1, b2) = (st.buffer(0), st.buffer(1), st.buffer(2));
    let s0h = at(&st.head, s0);
    let s0h2 = at(&st.head, s0h);
    let (s0l, s0l2, s0r, s0r2) = (at(&st.lc1, s0), at(&st.lc2, s0), at(&st.rc1, s0), at(&st.rc2, s0));
    let (b0l, b0l2) = (at(&st.lc1, b0), at(&st.lc2, b0));
    let (s0w, s0t, b0w, b0t) = (s.w(s0), s.t(s0), s.w(b0), s.t(b0));
    let (b1w, b1t, b2w, b2t) = (s.w(b1), s.t(b1), s.w(b2), s.t(b2));
    let s0wt = key2(0, s0w, s0t);
    let b0wt = key2(0, b0w, b0t);
    let d = distance(s0, b0);
    let count = |v: &[u16], p: u32| if p == NONE { 99 } else { v[p as usize].min(8) as u64 };
    let set = |v: &[u64], p: u32| if p == NONE { 1 << 63 } else { v[p as usize] };
    let (s0vl, s0vr, b0vl) = (count(&st.nl, s0), count(&st.nr, s0), count(&st.nl, b0));
    let (s0sl, s0sr, b0sl) = (set(&st.lset, s0), set(&st.rset, s0), set(&st.lset, b0));
    let ((s0c, s0cc), (b0c, b0cc), (b1c, _)) = (s.c(s0), s.c(b0), s.c(b1));
    let f = [
        key1(1, s0w),
        key1(2, s0t),
        key1(3, s0wt),
        key1(4, b0w),
        key1(5, b0t),
        key1(6, b0wt),
        key1(7, b1w),
        key1(8, b1t),
        key2(9, b1w, b1t),
        key1(10, b2w),
        key1(11, b2t),
        key2(12, b2w, b2t),
        // Pairs.
        key2(13, s0wt, b0wt),
        key2(14, s0wt, b0w),
        key2(15, s0w, b0wt),
        key2(16, s0wt, b0t),
        key2(17, s0t, b0wt),
        key2(18, s0w, b0w),
        key2(19, s0t, b0t),
        key2(20, b0t, b1t),
        // Three tags.
        key3(21, b0t, b1t, b2t),
        key3(22, s0t, b0t, b1t),
        key3(23, s.t(s0h), s0t, b0t),
        key3(24, s0t, s.t(s0l), b0t),
        key3(25, s0t, s.t(s0r), b0t),
        key3(26, s0t, b0t, s.t(b0l)),
        // Distance.
        key2(27, s0w, d),
        key2(28, s0t, d),
        key2(29, b0w, d),
        key2(30, b0t, d),
        key3(31, s0w, b0w, d),
        key3(32, s0t, b0t, d),
        // Valency.
        key2(33, s0w, s0vr),
        key2(34, s0t, s0vr),
        key2(35, s0w, s0vl),
        key2(36, s0t, s0vl),
        key2(37, b0w, b0vl),
        key2(38, b0t, b0vl),
        // Heads and outermost children.
        key1(39, s.w(s0h)),
        key1(40, s.t(s0h)),
        key1(41, l(s0)),
        key1(42, s.w(s0l)),
        key1(43, s.t(s0l)),
        key1(44, l(s0l)),
        key1(45, s.w(s0r)),
        key1(46, s.t(s0r)),
        key1(47, l(s0r)),
        key1(48, s.w(b0l)),
        key1(49, s.t(b0l)),
        key1(50, l(b0l)),
        // Third order.
        key1(51, s.w(s0h2)),
        key1(52, s.t(s0h2)),
        key1(53, l(s0h)),
        key1(54, s.w(s0l2)),
        key1(55, s.t(s0l2)),
        key1(56, l(s0l2)),
        key1(57, s.w(s0r2)),
        key1(58, s.t(s0r2)),
        key1(59, l(s0r2)),
        key3(60, s0t, s.t(s0l), s.t(s0l2)),
        key3(61, s0t, s.t(s0r), s.t(s0r2)),
        key3(62, s0t, s.t(s0h), s.t(s0h2)),
        key3(63, b0t, s.t(b0l), s.t(b0l2)),
        // Label sets.
        key2(64, s0w, s0sr),
        key2(65, s0t, s0sr),
        key2(66, s0t, s0sl),
        key2(67, b0t, b0sl),
        // The second stack word.
        key1(68, s.w(s1)),
        key3(69, s.t(s1), s0t, b0t),
        key3(70, s0t, l(s0), b0t),
        key3(71, s0t, b0t, key2(0, l(s0l), l(s0r))),
        key2(72, b0w, s.t(s0)),
        key2(73, s.suffix(s0), b0t),
        key2(74, s0t, s.suffix(b0)),
        key3(75, s.suffix(s0), s.suffix(b0), d),
        key2(76, s.suffix(b0), s.t(b1)),
        key3(77, s.flags(s0), s.flags(b0), key2(0, s0t, b0t)),
        key2(78, s.flags(b0), s.suffix(b1)),
        key3(79, s.flags(s0), s.suffix(s0), d),
        // The second-leftmost child of b0, the left label sets with words, and b0–b1
        // word pairs (Zhang & Nivre's remaining templates, plus lexicalised lookahead).
        key1(80, s.w(b0l2)),
        key1(81, l(b0l2)),
        key2(82, s0w, s0sl),
        key2(83, b0w, b0sl),
        key2(84, b0w, b1w),
        key3(85, b0wt, b1t, s0t),
        key3(86, s0t, l(s0l), l(s0l2)),
        // Word clusters learnt from news (Koo et al. 2008): s0, b0, b1 and the s0–b0 pair.
        key1(87, s0c),
        key1(88, b0c),
        key1(89, b1c),
        key2(90, s0c, b0c),
        key2(91, s0cc, b0t),
        key2(92, s0t, b0cc),
        key3(93, s0cc, b0cc, d),
        // Clusters of the second stack word, of s0's head, of b0's leftmost child, and the
        // b0–b1 cluster pair.
        key2(94, s.c(s1).0, s0t),
        key2(95, s.c(s0h).0, b0c),
        key2(96, s.c(b0l).0, b0t),
        key2(97, b0c, b1c),
    ];
    *out = f;
}

#[cfg(test)]
mod tests {
    use super::super::transition::Move;
    use super::*;
    use crate::words::{analyse, Scratch};

    #[test]
    fn features_follow_the_configuration() {
        let mut sc = Scratch::default();
        let words: Vec<WordInfo> = ["the", "army", "attacked"].iter().map(|f| analyse(f, &mut sc)).collect();
        let tags = [Upos::DET, Upos::NOUN, Upos::VERB];
        let s = Sentence { words: &words, tags: &tags };
        let mut st = State::default();
        st.reset(3);
        let mut f0 = [0u64; N_PARSER_FEATURES];
        parser_features(&st, &s, &mut f0);
        st.apply(Move::Shift);
        let mut f1 = [0u64; N_PARSER_FEATURES];
        parser_features(&st, &s, &mut f1);
        // s0 changed from the root to "the": the s0 word feature differs.
        assert_ne!(f0[0], f1[0]);
        // Left-arc "the" ← "army": b0 now has a left child, whose tag feature changes.
        let before = f1[48];
        st.apply(Move::Left(23));
        let mut f2 = [0u64; N_PARSER_FEATURES];
        parser_features(&st, &s, &mut f2);
        assert_ne!(before, f2[48]);
        assert_eq!(f2[48], key1(49, Upos::DET as u64));
        let mut all = f2.to_vec();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), N_PARSER_FEATURES);
    }

    #[test]
    fn buffer_only_features_change_with_the_buffer_alone() {
        let mut sc = Scratch::default();
        let forms = ["the", "big", "army", "attacked", "the", "town", "."];
        let words: Vec<WordInfo> = forms.iter().map(|f| analyse(f, &mut sc)).collect();
        let tags = [Upos::DET, Upos::ADJ, Upos::NOUN, Upos::VERB, Upos::DET, Upos::NOUN, Upos::PUNCT];
        let s = Sentence { words: &words, tags: &tags };
        let feats = |st: &State| {
            let mut f = [0u64; N_PARSER_FEATURES];
            parser_features(st, &s, &mut f);
            f
        };
        let buffer = |f: &[u64; N_PARSER_FEATURES]| BUFFER_ONLY.map(|i| f[i]);
        let mut st = State::default();
        st.reset(forms.len());
        st.apply(Move::Shift);
        st.apply(Move::Shift);
        // Arcs and pops leave the buffer where it is: the buffer-only features stay, others move.
        let f0 = feats(&st);
        st.apply(Move::Left(7));
        let f1 = feats(&st);
        assert_eq!(buffer(&f0), buffer(&f1));
        assert_ne!(f0, f1);
        st.apply(Move::Left(23));
        assert_eq!(buffer(&f0), buffer(&feats(&st)));
        // Along a whole parse, a move that leaves the buffer where it is never changes them.
        let mut st = State::default();
        st.reset(forms.len());
        let mut prev = feats(&st);
        for m in [Move::Shift, Move::Shift, Move::Left(7), Move::Left(23), Move::Shift, Move::Right(3), Move::Reduce, Move::Left(4), Move::Shift, Move::Right(5), Move::Reduce] {
            let b = st.b;
            st.apply(m);
            let now = feats(&st);
            if st.b == b {
                assert_eq!(buffer(&prev), buffer(&now), "{m:?}");
            } else {
                assert_ne!(buffer(&prev), buffer(&now), "{m:?}");
            }
            prev = now;
        }
    }

    #[test]
    fn features_see_the_second_leftmost_child_of_b0() {
        let mut sc = Scratch::default();
        let words: Vec<WordInfo> = ["the", "big", "army", "attacked"].iter().map(|f| analyse(f, &mut sc)).collect();
        let tags = [Upos::DET, Upos::ADJ, Upos::NOUN, Upos::VERB];
        let s = Sentence { words: &words, tags: &tags };
        let mut st = State::default();
        st.reset(4);
        st.apply(Move::Shift);
        st.apply(Move::Shift);
        let mut f = [0u64; N_PARSER_FEATURES];
        parser_features(&st, &s, &mut f);
        assert_eq!(f[79], key1(80, NO_WORD));
        // "big" ← "army", then "the" ← "army": "the" is b0's leftmost child, "big" the second.
        st.apply(Move::Left(7));
        st.apply(Move::Left(23));
        parser_features(&st, &s, &mut f);
        assert_eq!(f[79], key1(80, words[1].lower));
        assert_eq!(f[80], key1(81, 7));
    }

    #[test]
    fn features_see_word_clusters() {
        let mut sc = Scratch::default();
        let mut words: Vec<WordInfo> = ["rebels", "attacked"].iter().map(|f| analyse(f, &mut sc)).collect();
        let tags = [Upos::NOUN, Upos::VERB];
        let mut st = State::default();
        st.reset(2);
        st.apply(Move::Shift);
        let mut before = [0u64; N_PARSER_FEATURES];
        parser_features(&st, &Sentence { words: &words, tags: &tags }, &mut before);
        // "rebels" (s0) gets fine cluster 5 in coarse cluster 2.
        words[0].cluster = 5 | 2 << 16;
        let mut after = [0u64; N_PARSER_FEATURES];
        parser_features(&st, &Sentence { words: &words, tags: &tags }, &mut after);
        assert_eq!(after[86], key1(87, 5));
        assert_ne!(before[86], after[86]);
        assert_eq!(after[90], key2(91, 2, Upos::VERB as u64));
        // The b0 cluster features did not change.
        assert_eq!(before[87], after[87]);
    }
}
