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

/// The highest-scoring valid class (SHIFT is always valid before the end).
pub fn best_valid<T: PartialOrd + Copy>(st: &State, scores: &[T]) -> usize {
    let mut best = usize::MAX;
    for c in 0..N_CLASSES {
        if (best == usize::MAX || scores[c] > scores[best]) && st.is_valid(c) {
            best = c;
        }
    }
    best
}
