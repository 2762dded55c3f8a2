//! Linear-model weights: sparse rows of (class, weight) per feature key.
//!
//! [`Weights`] is the run-time form: an open-addressing table from feature key to row, rows
//! stored flat (class bytes and `i16` weights, one global scale), so scoring a feature is one
//! probe and a short loop of integer adds. [`TrainWeights`] is the averaged perceptron that
//! produces it.

use rustc_hash::FxHashMap;

use crate::io::{Reader, Writer};
use crate::ModelError;

#[derive(Clone)]
pub struct Weights {
    pub n_classes: usize,
    /// Table slots: key (0 = empty) and row.
    slot_keys: Vec<u64>,
    slot_rows: Vec<u32>,
    mask: usize,
    /// Per row, in row order: its key (for saving) and where its entries start.
    row_keys: Vec<u64>,
    row_start: Vec<u32>,
    cls: Vec<u8>,
    w: Vec<i16>,
}

#[inline(always)]
fn nonzero(key: u64) -> u64 {
    key | 1
}

impl Weights {
    fn build(n_classes: usize, row_keys: Vec<u64>, row_start: Vec<u32>, cls: Vec<u8>, w: Vec<i16>) -> Weights {
        let size = (row_keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slot_keys = vec![0u64; size];
        let mut slot_rows = vec![0u32; size];
        for (r, &k) in row_keys.iter().enumerate() {
            let k = nonzero(k);
            let mut s = (k >> 20) as usize & mask;
            while slot_keys[s] != 0 && slot_keys[s] != k {
                s = (s + 1) & mask;
            }
            slot_keys[s] = k;
            slot_rows[s] = r as u32;
        }
        Weights { n_classes, slot_keys, slot_rows, mask, row_keys, row_start, cls, w }
    }

    #[inline(always)]
    fn row(&self, key: u64) -> Option<usize> {
        let k = nonzero(key);
        let mut s = (k >> 20) as usize & self.mask;
        loop {
            let sk = unsafe { *self.slot_keys.get_unchecked(s) };
            if sk == k {
                return Some(unsafe { *self.slot_rows.get_unchecked(s) } as usize);
            }
            if sk == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` to `scores` (length `n_classes`).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            if let Some(r) = self.row(f) {
                let (a, b) = (self.row_start[r] as usize, self.row_start[r + 1] as usize);
                for j in a..b {
                    let c = self.cls[j] as usize;
                    if let Some(s) = scores.get_mut(c) {
                        *s += self.w[j] as i32;
                    }
                }
            }
        }
    }

    /// The same weights without those smaller than `min_abs` (in quantised units), and
    /// without rows left empty: a smaller model at a small cost in accuracy.
    pub fn pruned(&self, min_abs: u16) -> Weights {
        let (mut row_keys, mut row_start, mut cls, mut w) = (Vec::new(), vec![0u32], Vec::new(), Vec::new());
        for (r, &k) in self.row_keys.iter().enumerate() {
            let (a, b) = (self.row_start[r] as usize, self.row_start[r + 1] as usize);
            let before = w.len();
            for j in a..b {
                if self.w[j].unsigned_abs() >= min_abs {
                    cls.push(self.cls[j]);
                    w.push(self.w[j]);
                }
            }
            if w.len() > before {
                row_keys.push(k);
                row_start.push(w.len() as u32);
            }
        }
        Weights::build(self.n_classes, row_keys, row_start, cls, w)
    }

    pub fn n_features(&self) -> usize {
        self.row_keys.len()
    }
    pub fn n_weights(&self) -> usize {
        self.w.len()
    }

    pub fn write(&self, out: &mut Writer) {
        out.tag(b"WGTS");
        out.u32(self.n_classes as u32);
        out.u64s(&self.row_keys);
        // Row lengths (at most one entry per class, and classes fit a byte).
        let lens: Vec<u8> = self.row_start.windows(2).map(|p| (p[1] - p[0]) as u8).collect();
        out.bytes(&lens);
        out.bytes(&self.cls);
        out.i16s(&self.w);
    }

    pub fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        r.tag(b"WGTS")?;
        let n_classes = r.u32()? as usize;
        let row_keys = r.u64s()?;
        let lens = r.bytes()?;
        let mut row_start = Vec::with_capacity(lens.len() + 1);
        row_start.push(0u32);
        let mut end = 0u32;
        for &n in lens {
            end += n as u32;
            row_start.push(end);
        }
        let cls = r.bytes()?.to_vec();
        let w = r.i16s()?;
        if row_start.len() != row_keys.len() + 1 || cls.len() != w.len() {
            return Err(ModelError::Corrupt("weight table sizes disagree".into()));
        }
        if row_start.windows(2).any(|p| p[0] > p[1]) || row_start.last().map(|&e| e as usize) != Some(w.len()) {
            return Err(ModelError::Corrupt("weight rows out of order".into()));
        }
        if cls.iter().any(|&c| c as usize >= n_classes) {
            return Err(ModelError::Corrupt("a weight names a class the model does not have".into()));
        }
        Ok(Weights::build(n_classes, row_keys, row_start, cls, w))
    }
}

#[derive(Clone, Copy)]
struct Entry {
    cls: u32,
    w: f64,
    /// Sum of time × update, for averaging: average = w − u / time.
    u: f64,
}

/// Averaged-perceptron weights during training.
pub struct TrainWeights {
    pub n_classes: usize,
    map: FxHashMap<u64, Vec<Entry>>,
    time: u64,
}

impl TrainWeights {
    pub fn new(n_classes: usize) -> Self {
        TrainWeights { n_classes, map: FxHashMap::default(), time: 1 }
    }

    pub fn score(&self, features: &[u64], scores: &mut [f64]) {
        for f in features {
            if let Some(row) = self.map.get(f) {
                for e in row {
                    scores[e.cls as usize] += e.w;
                }
            }
        }
    }

    /// One training example's worth of time passes (call once per decision).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    pub fn update(&mut self, features: &[u64], cls: usize, delta: f64) {
        let t = self.time as f64;
        for &f in features {
            let row = self.map.entry(f).or_default();
            match row.iter_mut().find(|e| e.cls as usize == cls) {
                Some(e) => {
                    e.w += delta;
                    e.u += t * delta;
                }
                None => row.push(Entry { cls: cls as u32, w: delta, u: t * delta }),
            }
        }
    }

    /// The averaged weights, quantised to `i16` (one scale for the model, so that the largest
    /// weight fits); weights that round to zero are dropped. Scores only compare classes,
    /// so the scale itself need not be stored.
    pub fn averaged(&self) -> Weights {
        let t = self.time as f64;
        let max = self.map.values().flatten().map(|e| (e.w - e.u / t).abs()).fold(1e-9, f64::max);
        let scale = (32000.0 / max).min(4096.0);
        let mut keys: Vec<u64> = self.map.keys().copied().collect();
        keys.sort_unstable();
        let mut row_keys = Vec::new();
        let mut row_start = vec![0u32];
        let mut cls = Vec::new();
        let mut w = Vec::new();
        for k in keys {
            let mut row: Vec<(u8, i16)> = Vec::new();
            for e in &self.map[&k] {
                let avg = e.w - e.u / t;
                let q = (avg * scale).round().clamp(i16::MIN as f64, i16::MAX as f64) as i16;
                // Weights this small never change a decision; dropping them keeps the model small.
                if q.unsigned_abs() >= 2 {
                    row.push((e.cls as u8, q));
                }
            }
            if row.is_empty() {
                continue;
            }
            row.sort_unstable();
            row_keys.push(k);
            for (c, q) in row {
                cls.push(c);
                w.push(q);
            }
            row_start.push(w.len() as u32);
        }
        Weights::build(self.n_classes, row_keys, row_start, cls, w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_score_like_training_and_survive_a_round_trip() {
        let mut tw = TrainWeights::new(3);
        tw.update(&[10, 20], 1, 1.0);
        tw.tick();
        tw.update(&[10], 2, -1.0);
        tw.tick();
        let w = tw.averaged();
        let mut s = [0i32; 3];
        w.score(&[10, 20, 30], &mut s);
        assert!(s[1] > 0 && s[2] < 0 && s[0] == 0, "{s:?}");
        let mut out = Writer::default();
        w.write(&mut out);
        let bytes = out.finish();
        let mut r = Reader::open(&bytes).unwrap();
        let back = Weights::read(&mut r).unwrap();
        let mut s2 = [0i32; 3];
        back.score(&[10, 20, 30], &mut s2);
        assert_eq!(s, s2);
    }
}
