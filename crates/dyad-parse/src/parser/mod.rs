//! The labelled dependency parser: greedy arc-eager transitions scored by an averaged
//! perceptron (one decision per transition, labels folded into the arc moves).

pub mod features;
pub mod serialization;
pub mod trainer;
pub mod transition;

use dyad_doc::Upos;

use crate::weights::Weights;
use crate::words::WordInfo;
use features::{parser_features, Sentence, N_PARSER_FEATURES};
use transition::{Move, State, N_CLASSES};

pub struct DepParser {
    pub weights: Weights,
}

impl DepParser {
    /// Parses one sentence; afterwards `st.head` / `st.label` (by position, 0 = root) hold
    /// the tree. Linear in the sentence length: at most 2n transitions of constant cost.
    pub fn parse(&self, words: &[WordInfo], tags: &[Upos], st: &mut State) {
        st.reset(words.len());
        let s = Sentence { words, tags };
        let mut feats = [0u64; N_PARSER_FEATURES];
        let mut scores = [0i32; N_CLASSES];
        while !st.terminal() {
            parser_features(st, &s, &mut feats);
            scores.fill(0);
            self.weights.score(&feats, &mut scores);
            let best = best_valid(st, &scores);
            st.apply(Move::from_class(best));
        }
        st.finish();
    }
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
