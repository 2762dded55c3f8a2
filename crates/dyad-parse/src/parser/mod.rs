//! The labelled dependency parser: greedy arc-eager transitions scored by an averaged
//! perceptron (one decision per transition, labels folded into the arc moves).

pub mod features;
pub mod serialization;
pub mod trainer;
pub mod transition;

use dyad_doc::Upos;

use crate::weights::Weights;
use crate::words::WordInfo;
use features::{parser_features, Sentence, BUFFER_ONLY, N_PARSER_FEATURES};
use transition::{Move, State, N_CLASSES, N_LABELS};

pub struct DepParser {
    pub weights: Weights,
}

impl DepParser {
    /// Parses one sentence; afterwards `st.head` / `st.label` (by position, 0 = root) hold
    /// the tree. Linear in the sentence length: at most 2n transitions of constant cost.
    ///
    /// The scores of the buffer-only features ([`BUFFER_ONLY`]) are summed once per buffer
    /// position and reused by the transitions that leave the buffer where it is (REDUCE,
    /// LEFT-ARC): the same integer sums, one probe in six fewer.
    pub fn parse(&self, words: &[WordInfo], tags: &[Upos], st: &mut State) {
        st.reset(words.len());
        let s = Sentence { words, tags };
        let mut feats = [0u64; N_PARSER_FEATURES];
        let mut buffer_feats = [0u64; BUFFER_ONLY.len()];
        let mut rest = [0u64; N_PARSER_FEATURES - BUFFER_ONLY.len()];
        let mut buffer_scores = [0i32; N_CLASSES];
        // The buffer position `buffer_scores` belong to.
        let mut scored_at = usize::MAX;
        st.label_scores.clear();
        st.label_scores.resize(words.len() + 1, [0; N_LABELS]);
        while !st.terminal() {
            parser_features(st, &s, &mut feats);
            if st.b != scored_at {
                for (f, &i) in buffer_feats.iter_mut().zip(&BUFFER_ONLY) {
                    *f = feats[i];
                }
                buffer_scores.fill(0);
                self.weights.score(&buffer_feats, &mut buffer_scores);
                scored_at = st.b;
            }
            for (f, &i) in rest.iter_mut().zip(&REST) {
                *f = feats[i];
            }
            let mut scores = buffer_scores;
            self.weights.score(&rest, &mut scores);
            let best = best_valid(st, &scores);
            let mv = Move::from_class(best);
            // Keep the label scores of the arc move for the relabeller.
            match mv {
                Move::Left(_) => {
                    let d = st.s0() as usize;
                    st.label_scores[d].copy_from_slice(&scores[2..2 + N_LABELS]);
                }
                Move::Right(_) => {
                    let d = st.b;
                    st.label_scores[d].copy_from_slice(&scores[2 + N_LABELS..]);
                }
                _ => {}
            }
            st.apply(mv);
        }
        st.finish();
    }
}

/// Positions of the features that are not buffer-only, in order.
const REST: [usize; N_PARSER_FEATURES - BUFFER_ONLY.len()] = rest_positions();

const fn rest_positions() -> [usize; N_PARSER_FEATURES - BUFFER_ONLY.len()] {
    let mut out = [0usize; N_PARSER_FEATURES - BUFFER_ONLY.len()];
    let (mut i, mut k) = (0, 0);
    while i < N_PARSER_FEATURES {
        let mut buffer = false;
        let mut j = 0;
        while j < BUFFER_ONLY.len() {
            buffer |= BUFFER_ONLY[j] == i;
            j += 1;
        }
        if !buffer {
            out[k] = i;
            k += 1;
        }
        i += 1;
    }
    out
}

/// The highest-scoring valid class (SHIFT is always valid before the end). Validity is
/// decided once per move type, not per class.
pub fn best_valid<T: PartialOrd + Copy>(st: &State, scores: &[T]) -> usize {
    use transition::{N_LABELS, REDUCE, SHIFT};
    let mut best = usize::MAX;
    let mut consider = |c: usize| {
        if best == usize::MAX || scores[c] > scores[best] {
            best = c;
        }
    };
    if st.is_valid(SHIFT) {
        consider(SHIFT);
    }
    if st.is_valid(REDUCE) {
        consider(REDUCE);
    }
    // LEFT-ARC: valid for every label but root, or for none.
    if st.is_valid(2) {
        for l in 0..N_LABELS {
            if l != transition::ROOT_LABEL as usize {
                consider(2 + l);
            }
        }
    }
    let right = 2 + N_LABELS;
    if st.is_valid(right + transition::ROOT_LABEL as usize) {
        consider(right + transition::ROOT_LABEL as usize);
    } else if st.is_valid(right) {
        for l in 0..N_LABELS {
            if l != transition::ROOT_LABEL as usize {
                consider(right + l);
            }
        }
    }
    best
}
