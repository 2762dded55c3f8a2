//! The arc-eager transition system (Nivre 2003) with a unique root, its dynamic oracle
//! (Goldberg & Nivre 2012), and projectivisation by lifting for non-projective gold trees.
//!
//! Positions: 0 is the artificial root, words are `1..=n`.

use dyad_doc::{DepRel, DEPREL_NAMES};

pub const N_LABELS: usize = DEPREL_NAMES.len();
/// SHIFT, REDUCE, LEFT-ARC × label, RIGHT-ARC × label.
pub const N_CLASSES: usize = 2 + 2 * N_LABELS;
pub const NONE: u32 = u32::MAX;
pub const SHIFT: usize = 0;
pub const REDUCE: usize = 1;
// DEPREL_NAMES[1] is "root".
pub const ROOT_LABEL: u8 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift,
    Reduce,
    Left(u8),
    Right(u8),
}

impl Move {
    pub fn class(self) -> usize {
        match self {
            Move::Shift => SHIFT,
            Move::Reduce => REDUCE,
            Move::Left(l) => 2 + l as usize,
            Move::Right(l) => 2 + N_LABELS + l as usize,
        }
    }
    pub fn from_class(c: usize) -> Move {
        match c {
            SHIFT => Move::Shift,
            REDUCE => Move::Reduce,
            c if c < 2 + N_LABELS => Move::Left((c - 2) as u8),
            c => Move::Right((c - 2 - N_LABELS) as u8),
        }
    }
}

/// A parser configuration, with the child and valency bookkeeping the features read, all
/// kept up to date in O(1) per transition.
#[derive(Default)]
pub struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// The first buffer position; the buffer is `b..=n`.
    pub b: usize,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    pub lc1: Vec<u32>,
    pub lc2: Vec<u32>,
    pub rc1: Vec<u32>,
    pub rc2: Vec<u32>,
    pub nl: Vec<u16>,
    pub nr: Vec<u16>,
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
    pub on_stack: Vec<bool>,
    /// For each dependent, the parser's scores of every label of the arc move that attached
    /// it (zeros for words attached by [`State::finish`]); filled by `DepParser::parse` for
    /// the relabeller.
    pub label_scores: Vec<[i32; N_LABELS]>,
}

impl State {
    /// Resets to the initial configuration for `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [&mut self.head, &mut self.lc1, &mut self.lc2, &mut self.rc1, &mut self.rc2] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        self.label.clear();
        self.label.resize(n + 1, 0);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
        self.on_stack.clear();
        self.on_stack.resize(n + 1, false);
        self.on_stack[0] = true;
    }

    pub fn terminal(&self) -> bool {
        self.b > self.n
    }

    pub fn s0(&self) -> u32 {
        *self.stack.last().unwrap_or(&NONE)
    }
    pub fn s1(&self) -> u32 {
        if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        }
    }
    pub fn buffer(&self, k: usize) -> u32 {
        if self.b + k <= self.n {
            (self.b + k) as u32
        } else {
            NONE
        }
    }

    pub fn is_valid(&self, class: usize) -> bool {
        let has_buffer = self.b <= self.n;
        let s0 = self.s0();
        match class {
            SHIFT => has_buffer,
            REDUCE => s0 != 0 && s0 != NONE && self.head[s0 as usize] != NONE,
            c if c < 2 + N_LABELS => {
                has_buffer && s0 != 0 && s0 != NONE && self.head[s0 as usize] == NONE && (c - 2) as u8 != ROOT_LABEL
            }
            c => {
                let l = (c - 2 - N_LABELS) as u8;
                has_buffer && s0 != NONE && if s0 == 0 { self.nr[0] == 0 && l == ROOT_LABEL } else { l != ROOT_LABEL }
            }
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = l;
        if d < h {
            if self.lc1[hu] == NONE || d < self.lc1[hu] {
                self.lc2[hu] = self.lc1[hu];
                self.lc1[hu] = d;
            } else if self.lc2[hu] == NONE || d < self.lc2[hu] {
                self.lc2[hu] = d;
            }
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= 1 << (l as u64 & 63);
        } else {
            if self.rc1[hu] == NONE || d > self.rc1[hu] {
                self.rc2[hu] = self.rc1[hu];
                self.rc1[hu] = d;
            } else if self.rc2[hu] == NONE || d > self.rc2[hu] {
                self.rc2[hu] = d;
            }
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= 1 << (l as u64 & 63);
        }
    }

    /// Applies a valid move.
    pub fn apply(&mut self, m: Move) {
        let b = self.b as u32;
        match m {
            Move::Shift => {
                self.stack.push(b);
                self.on_stack[b as usize] = true;
                self.b += 1;
            }
            Move::Reduce => {
                let s = self.stack.pop().unwrap();
                self.on_stack[s as usize] = false;
            }
            Move::Left(l) => {
                let s = self.stack.pop().unwrap();
                self.on_stack[s as usize] = false;
                self.add_arc(b, s, l);
            }
            Move::Right(l) => {
                let s = self.s0();
                self.add_arc(s, b, l);
                self.stack.push(b);
                self.on_stack[b as usize] = true;
                self.b += 1;
            }
        }
    }

    /// After the last transition: words left without a head hang from the sentence's root
    /// word (the first of them becomes the root when there is none) with `dep`.
    pub fn finish(&mut self) {
        let mut root = (1..=self.n).find(|&i| self.head[i] == 0);
        for i in 1..=self.n {
            if self.head[i] == NONE {
                match root {
                    None => {
                        self.add_arc(0, i as u32, ROOT_LABEL);
                        root = Some(i);
                    }
                    Some(r) => self.add_arc(r as u32, i as u32, DepRel::DEP.index() as u8),
                }
            }
        }
    }
}

/// Gold heads and labels by position (index 0 unused).
pub struct Gold<'a> {
    pub head: &'a [u32],
    pub label: &'a [u8],
}

/// The dynamic oracle: for every class, how many gold arcs applying it would make
/// unreachable (`i32::MAX` for invalid moves).
pub fn costs(st: &State, gold: &Gold, out: &mut [i32; N_CLASSES]) {
    out.fill(i32::MAX);
    let s0 = st.s0();
    let b = st.b;
    let in_buffer = |p: u32| p != NONE && p != 0 && p as usize >= b;
    // Gold dependents of `p` still in the buffer from position `from` on.
    let deps_in_buffer = |p: u32, from: usize| (from..=st.n).filter(|&k| gold.head[k] == p).count() as i32;
    // Headless stack words whose gold head is `p`.
    let stack_deps = |p: u32| st.stack.iter().filter(|&&k| k != 0 && st.head[k as usize] == NONE && gold.head[k as usize] == p).count() as i32;
    if st.is_valid(SHIFT) {
        let gh = gold.head[b];
        out[SHIFT] = (gh != NONE && st.on_stack[gh as usize]) as i32 + stack_deps(b as u32);
    }
    if st.is_valid(REDUCE) {
        out[REDUCE] = deps_in_buffer(s0, b);
    }
    if b <= st.n && s0 != NONE && s0 != 0 && st.head[s0 as usize] == NONE {
        let gh = gold.head[s0 as usize];
        let base = (gh != b as u32 && in_buffer(gh)) as i32 + deps_in_buffer(s0, b);
        for l in 0..N_LABELS {
            let c = 2 + l;
            if st.is_valid(c) {
                out[c] = base + (gh == b as u32 && gold.label[s0 as usize] != l as u8) as i32;
            }
        }
    }
    if b <= st.n && s0 != NONE {
        let gh = gold.head[b];
        let lost_head = gh != s0 && gh != NONE && (st.on_stack[gh as usize] || in_buffer(gh));
        let base = lost_head as i32 + stack_deps(b as u32);
        for l in 0..N_LABELS {
            let c = 2 + N_LABELS + l;
            if st.is_valid(c) {
                out[c] = base + (gh == s0 && gold.label[b] != l as u8) as i32;
            }
        }
    }
}

/// True when no arc crosses another: every word between a head and its dependent descends
/// from the head. `head` is by position, `head[0]` unused.
pub fn is_projective(head: &[u32]) -> bool {
    non_projective_arcs(head).next().is_none()
}

fn descends(head: &[u32], mut k: usize, h: usize) -> bool {
    let mut steps = 0;
    while k != 0 && steps <= head.len() {
        if k == h {
            return true;
        }
        k = head[k] as usize;
        steps += 1;
    }
    h == 0
}

fn non_projective_arcs(head: &[u32]) -> impl Iterator<Item = usize> + '_ {
    (1..head.len()).filter(move |&d| {
        let h = head[d] as usize;
        let (lo, hi) = if h < d { (h, d) } else { (d, h) };
        (lo + 1..hi).any(|k| !descends(head, k, h))
    })
}

/// Makes a tree projective by lifting: the shortest non-projective arc moves up to its
/// head's head, until none is left. Returns how many lifts it made.
pub fn projectivize(head: &mut [u32]) -> usize {
    let mut lifts = 0;
    while let Some(d) = non_projective_arcs(head).min_by_key(|&d| (head[d] as i64 - d as i64).abs()) {
        let h = head[d] as usize;
        if h == 0 {
            break;
        }
        head[d] = head[h];
        lifts += 1;
        if lifts > head.len() * head.len() {
            break;
        }
    }
    lifts
}

/// The gold-tree path the oracle takes: always a zero-cost move (arcs first, then REDUCE,
/// then SHIFT). Returns the heads and labels it builds.
pub fn oracle_parse(gold: &Gold, n: usize) -> (Vec<u32>, Vec<u8>) {
    let mut st = State::default();
    st.reset(n);
    let mut costs_buf = [0i32; N_CLASSES];
    while !st.terminal() {
        costs(&st, gold, &mut costs_buf);
        let best = (0..N_CLASSES).filter(|&c| costs_buf[c] != i32::MAX).min_by_key(|&c| {
            let order = match c {
                c if c >= 2 => 0,
                REDUCE => 1,
                _ => 2,
            };
            (costs_buf[c], order, c)
        });
        st.apply(Move::from_class(best.expect("some move is valid while the buffer is not empty")));
    }
    st.finish();
    (st.head, st.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(h: &[u32]) -> Vec<u32> {
        let mut v = vec![NONE];
        v.extend_from_slice(h);
        v
    }

    #[test]
    fn oracle_rebuilds_projective_trees() {
        // "the army attacked the village": det, nsubj, root, det, obj
        let h = heads(&[2, 3, 0, 5, 3]);
        let l = [0u8, 23, 38, 1, 23, 42];
        let (ph, pl) = oracle_parse(&Gold { head: &h, label: &l }, 5);
        assert_eq!(&ph[1..], &h[1..]);
        assert_eq!(&pl[1..], &l[1..]);
    }

    #[test]
    fn lifting_makes_non_projective_trees_projective() {
        // 1 → 3 crosses 2 → 4: word 3 hangs from 1 but word 2 (between) hangs from 4.
        let mut h = heads(&[0, 4, 1, 1]);
        assert!(!is_projective(&h));
        let lifts = projectivize(&mut h);
        assert!(lifts >= 1);
        assert!(is_projective(&h));
        assert!(is_projective(&heads(&[2, 3, 0, 5, 3])));
        let l = [0u8, 1, 38, 42, 42];
        let (ph, _) = oracle_parse(&Gold { head: &h, label: &l }, 4);
        assert_eq!(&ph[1..], &h[1..]);
    }

    #[test]
    fn moves_round_trip_through_classes() {
        for c in 0..N_CLASSES {
            assert_eq!(Move::from_class(c).class(), c);
        }
    }

    #[test]
    fn finish_gives_every_word_a_head_and_one_root() {
        let mut st = State::default();
        st.reset(3);
        while !st.terminal() {
            st.apply(Move::Shift);
        }
        st.finish();
        assert_eq!(st.head[1], 0);
        assert!(st.head[2..].iter().all(|&h| h == 1));
    }
}
