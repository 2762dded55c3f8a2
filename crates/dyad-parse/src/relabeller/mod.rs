//! The relabeller: a second stage that re-predicts the relation of every arc of a finished
//! tree (averaged perceptron over the labels), with features of the whole tree.

pub mod features;
pub mod trainer;

use dyad_doc::Upos;

use crate::io::{Reader, Writer};
use crate::parser::transition::{N_LABELS, NONE, ROOT_LABEL};
use crate::weights::Weights;
use crate::words::WordInfo;
use crate::ModelError;
use features::{relabel_features, TreeView, N_RELABEL_FEATURES};

pub struct Relabeller {
    pub weights: Weights,
    /// A label's score is `parser_weight` × the parser's score of it (when it attached the
    /// word) + `own_weight` × the relabeller's (weights chosen on dev).
    pub parser_weight: i32,
    pub own_weight: i32,
    /// Only arcs whose best parser label beats the runner-up by less than this are
    /// relabelled (chosen on dev; the others keep the parser's label, which saves time).
    pub margin: i32,
}

/// Per-thread buffers of the relabeller.
#[derive(Default)]
pub struct RelabelBuffers {
    view: TreeView,
    labels: Vec<u8>,
}

impl Relabeller {
    /// Replaces `label[d]` of every arc whose head is a word (the root's dependent keeps
    /// `root`). All arcs are read with the parser's labels around them, so the order of
    /// relabelling does not matter.
    pub fn relabel(
        &self,
        words: &[WordInfo],
        tags: &[Upos],
        head: &[u32],
        label: &mut [u8],
        parser_scores: &[[i32; N_LABELS]],
        buf: &mut RelabelBuffers,
    ) {
        buf.view.build(tags, head, label);
        buf.labels.clear();
        buf.labels.extend_from_slice(label);
        let mut feats = [0u64; N_RELABEL_FEATURES];
        let mut scores = [0i32; N_LABELS];
        for d in 1..=tags.len() {
            if head[d] == NONE || head[d] == 0 || label_margin(&parser_scores[d]) >= self.margin {
                continue;
            }
            relabel_features(words, tags, head, &buf.labels, &buf.view, d, &mut feats);
            scores.fill(0);
            self.weights.score(&feats, &mut scores);
            for (s, &p) in scores.iter_mut().zip(&parser_scores[d]) {
                *s = *s * self.own_weight + p * self.parser_weight;
            }
            label[d] = best_label(&scores) as u8;
        }
    }

    pub fn write(&self, out: &mut Writer) {
        out.tag(b"RLBL");
        out.u32(self.parser_weight as u32);
        out.u32(self.own_weight as u32);
        out.u32(self.margin as u32);
        self.weights.write(out);
    }

    pub fn read(r: &mut Reader) -> Result<Relabeller, ModelError> {
        r.tag(b"RLBL")?;
        let (parser_weight, own_weight, margin) = (r.u32()?, r.u32()?, r.u32()?);
        if parser_weight > 64 || own_weight > 64 || margin > i32::MAX as u32 {
            return Err(ModelError::Corrupt(format!("relabeller settings {parser_weight}, {own_weight}, {margin} out of range")));
        }
        let (parser_weight, own_weight, margin) = (parser_weight as i32, own_weight as i32, margin as i32);
        let weights = Weights::read(r)?;
        if weights.n_classes != N_LABELS {
            return Err(ModelError::Corrupt(format!("relabeller has {} classes, expected {N_LABELS}", weights.n_classes)));
        }
        Ok(Relabeller { weights, parser_weight, own_weight, margin })
    }
}

/// How far the parser's best label (other than `root`) is ahead of the runner-up.
fn label_margin(scores: &[i32; N_LABELS]) -> i32 {
    let (mut first, mut second) = (i32::MIN, i32::MIN);
    for (l, &s) in scores.iter().enumerate() {
        if l == ROOT_LABEL as usize {
            continue;
        }
        if s > first {
            (first, second) = (s, first);
        } else if s > second {
            second = s;
        }
    }
    first.saturating_sub(second)
}

/// The best label other than `root` (which only the root's dependent carries).
pub fn best_label<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = usize::MAX;
    for (l, &s) in scores.iter().enumerate() {
        if l != ROOT_LABEL as usize && (best == usize::MAX || s > scores[best]) {
            best = l;
        }
    }
    best
}
