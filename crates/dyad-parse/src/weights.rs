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
    /// Open-addressing table: key (0 = empty), where the row's entries start, how many.
    /// One slot is 16 bytes, so a probe touches one cache line.
    slots: Vec<Slot>,
    mask: usize,
    /// 64 − log2(table size).
    shift: u32,
    /// Per row, in row order: its key and where its entries start (for saving).
    row_keys: Vec<u64>,
    row_start: Vec<u32>,
    /// Entries: class in the high 16 bits, weight (`i16`) in the low 16.
    entries: Vec<u32>,
    /// Rows with many classes (the parser's common features) again as dense `i16` rows of
    /// `stride` weights: adding them is a vectorised loop instead of a scatter.
    dense: Vec<i16>,
    stride: usize,
    /// The vector instructions this CPU has for summing dense rows.
    simd: Simd,
    largest: u16,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Simd {
    None,
    Avx2,
    Avx512,
}

impl Simd {
    fn detect() -> Simd {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f") {
                return Simd::Avx512;
            }
            if std::is_x86_feature_detected!("avx2") {
                return Simd::Avx2;
            }
        }
        Simd::None
    }
}

/// Rows with at least this share of the classes (1/8) and this many entries are also kept dense.
const DENSE_MIN: u32 = 6;
/// The length byte that marks a dense row (a sparse row never has 255 entries).
const DENSE: u32 = 0xff;

/// A table slot in 8 bytes, so that a cache line holds eight: the key's low 32 bits (the
/// slot index comes from its high bits, so two keys that share both are as rare as a
/// 64-bit collision in practice), and the row's start (24 bits) and length (8 bits).
#[derive(Clone, Copy, Default)]
#[repr(C, align(8))]
struct Slot {
    tag: u32,
    start_len: u32,
}

/// Rows can start at most this far into the entries (24 bits).
const MAX_ENTRIES: usize = 1 << 24;

#[inline(always)]
fn slot_tag(key: u64) -> u32 {
    // Never 0, which marks an empty slot.
    (key as u32) | 1
}

/// The slot of a key is its top bits: rows are saved in key order, so building the table
/// at load time writes it front to back (no cache misses), which keeps loading fast.
#[inline(always)]
fn slot_index(key: u64, shift: u32) -> usize {
    (key >> shift) as usize
}

/// Most features one decision has (the scorer keeps per-feature state on the stack).
const MAX_FEATURES: usize = 128;

/// Widest dense row the vectorised sum handles (classes rounded up to 16).
const MAX_STRIDE: usize = 256;

/// Sums dense rows of `8 × CHUNKS` weights in `CHUNKS` registers of eight `i32`, then
/// writes the sums to `out`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_avx2<const CHUNKS: usize>(dense: &[i16], rows: &[u32], stride: usize, out: &mut [i32; MAX_STRIDE]) {
    use core::arch::x86_64::*;
    debug_assert!(CHUNKS * 8 <= stride && stride <= MAX_STRIDE);
    let mut acc = [_mm256_setzero_si256(); CHUNKS];
    for &r in rows {
        let row = &dense[r as usize * stride..][..CHUNKS * 8];
        let p = row.as_ptr();
        for (j, a) in acc.iter_mut().enumerate() {
            let w = _mm_loadu_si128(p.add(8 * j) as *const __m128i);
            *a = _mm256_add_epi32(*a, _mm256_cvtepi16_epi32(w));
        }
    }
    for (j, a) in acc.iter().enumerate() {
        _mm256_storeu_si256(out.as_mut_ptr().add(8 * j) as *mut __m256i, *a);
    }
}

/// The same with AVX-512: `CHUNKS` registers of sixteen `i32` (half the instructions).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn add_dense_avx512<const CHUNKS: usize>(dense: &[i16], rows: &[u32], stride: usize, out: &mut [i32; MAX_STRIDE]) {
    use core::arch::x86_64::*;
    debug_assert!(CHUNKS * 16 <= stride && stride <= MAX_STRIDE);
    let mut acc = [_mm512_setzero_si512(); CHUNKS];
    for &r in rows {
        let row = &dense[r as usize * stride..][..CHUNKS * 16];
        let p = row.as_ptr();
        for (j, a) in acc.iter_mut().enumerate() {
            let w = _mm256_loadu_si256(p.add(16 * j) as *const __m256i);
            *a = _mm512_add_epi32(*a, _mm512_cvtepi16_epi32(w));
        }
    }
    for (j, a) in acc.iter().enumerate() {
        _mm512_storeu_si512(out.as_mut_ptr().add(16 * j) as *mut __m512i, *a);
    }
}

#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    unsafe {
        core::arch::x86_64::_mm_prefetch(p as *const i8, core::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}


impl Weights {
    fn build(n_classes: usize, row_keys: Vec<u64>, row_start: Vec<u32>, cls: Vec<u8>, w: Vec<i16>) -> Weights {
        let size = (row_keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size];
        let stride = n_classes.next_multiple_of(16);
        let mut dense = Vec::new();
        for (r, &k) in row_keys.iter().enumerate() {
            let tag = slot_tag(k);
            let mut s = slot_index(k, shift);
            while slots[s].tag != 0 {
                s = (s + 1) & mask;
            }
            let (a, b) = (row_start[r], row_start[r + 1]);
            let len = b - a;
            slots[s] = if len >= DENSE_MIN.max(n_classes as u32 / 8) {
                let at = dense.len() / stride;
                dense.resize(dense.len() + stride, 0i16);
                for j in a as usize..b as usize {
                    dense[at * stride + cls[j] as usize] = w[j];
                }
                Slot { tag, start_len: (at as u32) << 8 | DENSE }
            } else {
                Slot { tag, start_len: a << 8 | len }
            };
        }
        let entries = cls.iter().zip(&w).map(|(&c, &w)| (c as u32) << 16 | w as u16 as u32).collect();
        let largest = w.iter().map(|q| q.unsigned_abs()).max().unwrap_or(0);
        Weights { n_classes, slots, mask, shift, row_keys, row_start, entries, dense, stride, simd: Simd::detect(), largest }
    }

    /// Start and length of the row of `key`.
    #[inline(always)]
    fn find(&self, key: u64) -> Option<(usize, usize)> {
        let tag = slot_tag(key);
        let mut s = slot_index(key, self.shift);
        loop {
            // SAFETY: `s` is masked to the table size.
            let slot = unsafe { *self.slots.get_unchecked(s) };
            if slot.tag == tag {
                return Some(((slot.start_len >> 8) as usize, (slot.start_len & 0xff) as usize));
            }
            if slot.tag == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` to `scores` (length `n_classes`). The table is far
    /// bigger than the caches, so every probe is prefetched first: the memory loads of all
    /// features overlap instead of waiting one after another.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            prefetch(&self.slots[slot_index(f, self.shift)]);
        }
        // Dense rows (the common features, most of the work) and sparse rows apart: dense
        // rows are summed in registers, sparse ones scattered.
        let mut dense_rows = [0u32; MAX_FEATURES];
        let mut sparse_rows = [(0u32, 0u32); MAX_FEATURES];
        let (mut nd, mut ns) = (0, 0);
        for &f in features.iter().take(MAX_FEATURES) {
            if let Some((start, len)) = self.find(f) {
                if len as u32 == DENSE {
                    prefetch(&self.dense[start * self.stride]);
                    dense_rows[nd] = start as u32;
                    nd += 1;
                } else {
                    prefetch(&self.entries[start.min(self.entries.len().saturating_sub(1))]);
                    sparse_rows[ns] = (start as u32, len as u32);
                    ns += 1;
                }
            }
        }
        // Classes were checked against `n_classes` when the table was built or read.
        assert!(scores.len() >= self.n_classes);
        self.add_dense(&dense_rows[..nd], scores);
        for &(start, len) in &sparse_rows[..ns] {
            let Some(row) = self.entries.get(start as usize..(start + len) as usize) else { continue };
            for &e in row {
                // SAFETY: every entry's class is below `n_classes` ≤ `scores.len()`.
                unsafe { *scores.get_unchecked_mut((e >> 16) as usize) += e as u16 as i16 as i32 };
            }
        }
    }

    /// Adds the dense rows starting at `rows` (in units of `stride`) to `scores`.
    #[inline]
    fn add_dense(&self, rows: &[u32], scores: &mut [i32]) {
        if rows.is_empty() {
            return;
        }
        let n_classes = self.n_classes;
        #[cfg(target_arch = "x86_64")]
        if self.simd != Simd::None {
            let mut sum = [0i32; MAX_STRIDE];
            // SAFETY: AVX2 is present (checked when the table was built); every row lies
            // inside `dense` (built so), and `sum` holds `stride` ≤ MAX_STRIDE values.
            let done = unsafe {
                macro_rules! chunks {
                    ($f:ident, $w:literal, $($c:literal)*) => {
                        match self.stride / $w {
                            $($c => { $f::<$c>(&self.dense, rows, self.stride, &mut sum); true })*
                            _ => false,
                        }
                    };
                }
                if self.simd == Simd::Avx512 {
                    chunks!(add_dense_avx512, 16, 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)
                } else {
                    chunks!(add_dense_avx2, 8, 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30 32)
                }
            };
            if done {
                for (s, &v) in scores[..n_classes].iter_mut().zip(&sum) {
                    *s += v;
                }
                return;
            }
        }
        for &r in rows {
            let row = &self.dense[r as usize * self.stride..][..n_classes];
            for (s, &w) in scores[..n_classes].iter_mut().zip(row) {
                *s += w as i32;
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
            for &e in &self.entries[a..b] {
                let (c, q) = ((e >> 16) as u8, e as u16 as i16);
                if q.unsigned_abs() >= min_abs {
                    cls.push(c);
                    w.push(q);
                }
            }
            if w.len() > before {
                row_keys.push(k);
                row_start.push(w.len() as u32);
            }
        }
        Weights::build(self.n_classes, row_keys, row_start, cls, w)
    }

    /// The largest weight's magnitude, in quantised units.
    pub fn max_abs(&self) -> u16 {
        self.largest
    }

    pub fn n_features(&self) -> usize {
        self.row_keys.len()
    }
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    pub fn write(&self, out: &mut Writer) {
        out.tag(b"WGTS");
        out.u32(self.n_classes as u32);
        out.u64s(&self.row_keys);
        // Row lengths (at most one entry per class, and classes fit a byte).
        let lens: Vec<u8> = self.row_start.windows(2).map(|p| (p[1] - p[0]) as u8).collect();
        out.bytes(&lens);
        out.bytes(&self.entries.iter().map(|&e| (e >> 16) as u8).collect::<Vec<_>>());
        out.i16s(&self.entries.iter().map(|&e| e as u16 as i16).collect::<Vec<_>>());
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
        if w.len() >= MAX_ENTRIES || n_classes >= 255 {
            return Err(ModelError::Corrupt("weight table too large".into()));
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
    /// `prune` drops weights smaller than that many quantised units (of 32,000 for the
    /// largest weight).
    pub fn averaged(&self, prune: u16) -> Weights {
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
                // Tiny weights rarely change a decision; dropping them keeps the model small.
                if q.unsigned_abs() >= prune.max(1) {
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
        let w = tw.averaged(1);
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

    #[test]
    fn dense_rows_sum_the_same_with_and_without_vector_instructions() {
        // 106 classes (the parser's): rows with every class are stored dense.
        let n = 106;
        let mut tw = TrainWeights::new(n);
        let keys: Vec<u64> = (1..=40u64).map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        for (i, &k) in keys.iter().enumerate() {
            for c in 0..n {
                let delta = ((i * 31 + c * 7) % 13) as f64 - 6.0;
                tw.update(&[k], c, delta);
            }
            // A sparse row too.
            tw.update(&[k ^ 1], i % n, 3.0);
            tw.tick();
        }
        let w = tw.averaged(1);
        assert!(!w.dense.is_empty(), "rows with every class are dense");
        let mut features = keys.clone();
        features.extend(keys.iter().map(|k| k ^ 1));
        let mut fast = vec![0i32; n];
        w.score(&features, &mut fast);
        let mut plain = w.clone();
        plain.simd = Simd::None;
        let mut slow = vec![0i32; n];
        plain.score(&features, &mut slow);
        assert_eq!(fast, slow);
        assert!(fast.iter().any(|&s| s != 0));
    }
}
