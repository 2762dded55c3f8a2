//! Relabeller feature templates: each arc of a finished tree, seen with the whole tree
//! around it (the dependent's own children, the head's other children, the grand-head),
//! which the parser could not see when it chose the label (arc-eager attaches a right
//! dependent before its own right children, and before the head's later children).

use dyad_doc::Upos;

use crate::hash::{key1, key2, key3};
use crate::parser::transition::NONE;
use crate::words::WordInfo;

pub const N_RELABEL_FEATURES: usize = 26;

const ROOT: u64 = 0x2a_4f3b_19c5;
const NO_WORD: u64 = 0x51_7cc1_b727;
const ROOT_TAG: u64 = 30;
const NO_TAG: u64 = 31;

/// What the features read of a tree: per position (0 = root), the children's tags and
/// labels as bit sets, and the outermost children.
#[derive(Default)]
pub struct TreeView {
    child_tags: Vec<u32>,
    child_labels: Vec<u64>,
    n_children: Vec<u16>,
    leftmost: Vec<u32>,
    rightmost: Vec<u32>,
    /// Nominal (NOUN, PROPN, PRON) children to the right of their head, counted from the
    /// right end: for a right dependent, how many nominal siblings follow it.
    nominal_right: Vec<u16>,
}

fn nominal(t: Upos) -> bool {
    matches!(t, Upos::NOUN | Upos::PROPN | Upos::PRON)
}

impl TreeView {
    pub fn build(&mut self, tags: &[Upos], head: &[u32], label: &[u8]) {
        let n = tags.len();
        let reset = |v: &mut Vec<u32>, x: u32| {
            v.clear();
            v.resize(n + 1, x);
        };
        reset(&mut self.child_tags, 0);
        reset(&mut self.leftmost, NONE);
        reset(&mut self.rightmost, NONE);
        self.child_labels.clear();
        self.child_labels.resize(n + 1, 0);
        self.n_children.clear();
        self.n_children.resize(n + 1, 0);
        self.nominal_right.clear();
        self.nominal_right.resize(n + 1, 0);
        for d in 1..=n {
            let h = head[d];
            if h == NONE {
                continue;
            }
            let h = h as usize;
            self.child_tags[h] |= 1 << (tags[d - 1] as u32 & 31);
            self.child_labels[h] |= 1 << (label[d] as u64 & 63);
            self.n_children[h] += 1;
            if self.leftmost[h] == NONE {
                self.leftmost[h] = d as u32;
            }
            self.rightmost[h] = d as u32;
        }
        // Right to left, so each right dependent sees the nominal siblings after it.
        let mut after = vec![0u16; n + 1];
        for d in (1..=n).rev() {
            let h = head[d];
            if h == NONE || (h as usize) > d {
                continue;
            }
            self.nominal_right[d] = after[h as usize];
            if nominal(tags[d - 1]) {
                after[h as usize] += 1;
            }
        }
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        _ => 5,
    }
}

/// The features of the arc `head[d]` → `d` (d ≥ 1, its head a word, not the root).
pub fn relabel_features(
    words: &[WordInfo],
    tags: &[Upos],
    head: &[u32],
    label: &[u8],
    view: &TreeView,
    d: usize,
    out: &mut [u64; N_RELABEL_FEATURES],
) {
    let h = head[d] as usize;
    let w = |p: u32| if p == NONE { NO_WORD } else if p == 0 { ROOT } else { words[p as usize - 1].lower };
    let t = |p: u32| if p == NONE { NO_TAG } else if p == 0 { ROOT_TAG } else { tags[p as usize - 1] as u64 };
    let c = |p: usize| if p == 0 { 1 << 20 } else { (words[p - 1].cluster & 0xffff) as u64 };
    let (dw, dt, hw, ht) = (w(d as u32), t(d as u32), w(h as u32), t(h as u32));
    let left = (d < h) as u64;
    let dist = bucket(d.abs_diff(h)) * 2 + left;
    let g = if h == 0 { NONE } else { head[h] };
    // The head's other children's labels (without d's own).
    let others = view.child_labels[h] & !(1 << (label[d] as u64 & 63));
    let dl = view.leftmost[d];
    let dr = view.rightmost[d];
    let prev = if d >= 2 { t(d as u32 - 1) } else { ROOT_TAG };
    let next = if d < tags.len() { t(d as u32 + 1) } else { NO_TAG };
    let hl = if h == 0 { 99 } else { label[h] as u64 };
    let dinfo = &words[d - 1];
    let nom_after = view.nominal_right[d].min(2) as u64;
    let f = [
        key2(1, dw, left),
        key2(2, dt, left),
        key3(3, dt, ht, left),
        key3(4, dw, ht, left),
        key3(5, dt, hw, left),
        key3(6, dw, hw, left),
        key3(7, dt, ht, dist),
        key3(8, c(d), c(h), left),
        key3(9, c(d), ht, left),
        key3(10, dt, c(h), left),
        key3(11, dt, view.child_tags[d] as u64, left),
        key3(12, dt, view.child_labels[d], ht),
        key3(13, dt, ht, others),
        key3(14, dt, ht, w(dl)),
        key3(15, hw, w(dl), dt),
        key3(16, dt, ht, t(g)),
        key3(17, dt, ht, hl),
        key3(18, dt, ht, nom_after * 2 + left),
        key2(19, dinfo.suffix[2], dt),
        key3(20, dinfo.suffix[2], ht, left),
        key3(21, dinfo.flags as u64, dt, ht),
        key3(22, prev, dt, next),
        key3(23, dt, ht, (view.n_children[d].min(4) as u64) * 2 + left),
        key3(24, dw, view.child_labels[d], left),
        key3(25, dt, ht, w(dr)),
        key1(26, key3(0, dt, ht, key2(0, t(dl), others))),
    ];
    *out = f;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{analyse, Scratch};
    use dyad_doc::DepRel;

    fn l(r: &str) -> u8 {
        DepRel::parse(r).index() as u8
    }

    #[test]
    fn arcs_see_the_whole_tree() {
        // "gave him books": both objects to the right of "gave"; "him" has a nominal
        // sibling after it (iobj), "books" none (obj).
        let mut sc = Scratch::default();
        let words: Vec<WordInfo> = ["gave", "him", "books"].iter().map(|f| analyse(f, &mut sc)).collect();
        let tags = [Upos::VERB, Upos::PRON, Upos::NOUN];
        let head = [NONE, 0, 1, 1];
        let label = [0, 1, l("obj"), l("obj")];
        let mut view = TreeView::default();
        view.build(&tags, &head, &label);
        assert_eq!(view.nominal_right[2], 1);
        assert_eq!(view.nominal_right[3], 0);
        assert_eq!(view.n_children[1], 2);
        assert_eq!(view.leftmost[1], 2);
        assert_eq!(view.rightmost[1], 3);
        let mut f = [0u64; N_RELABEL_FEATURES];
        relabel_features(&words, &tags, &head, &label, &view, 2, &mut f);
        assert_eq!(f[17], key3(18, Upos::PRON as u64, Upos::VERB as u64, 2));
        // The dependent's own children change its features: "books" gets a child.
        let words2: Vec<WordInfo> = ["gave", "him", "books", "today"].iter().map(|f| analyse(f, &mut sc)).collect();
        let tags2 = [Upos::VERB, Upos::PRON, Upos::NOUN, Upos::NOUN];
        let head2 = [NONE, 0, 1, 1, 3];
        let label2 = [0, 1, l("obj"), l("obj"), l("nmod")];
        view.build(&tags2, &head2, &label2);
        let mut g = [0u64; N_RELABEL_FEATURES];
        relabel_features(&words2, &tags2, &head2, &label2, &view, 3, &mut g);
        relabel_features(&words, &tags, &head, &label, &{
            let mut v = TreeView::default();
            v.build(&tags, &head, &label);
            v
        }, 3, &mut f);
        assert_ne!(f[11], g[11], "the dependent's child labels");
        assert_eq!(f[0], g[0], "the dependent's word");
    }
}
