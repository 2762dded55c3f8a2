//! Distributional word clusters learnt from unlabelled text: words that occur between the
//! same neighbours share a cluster, so the models can generalise from a word seen in
//! training to one seen only in news ("Hezbollah" behaves like "Hamas").
//!
//! Learnt with the exchange algorithm for a class bigram model (Kneser & Ney 1993; Martin,
//! Liermann & Ney 1998): every word starts in a class by frequency rank, then each word in
//! turn moves to the class that most raises the likelihood of the text, for a few passes.
//! A second run over the classes themselves groups the fine classes into coarse ones (the
//! models see both, like the bit-string prefixes of Brown clusters in Koo et al. 2008).
//! Deterministic: the same text gives the same clusters.

use rustc_hash::FxHashMap;

use crate::io::{Reader, Writer};
use crate::words::WordInfo;
use crate::ModelError;

/// Lower-cased word (hash, as in [`WordInfo::lower`]) → cluster: fine class + 1 in the low 16
/// bits, coarse class + 1 in the high 16 (0: not clustered).
#[derive(Clone, Default)]
pub struct Clusters {
    map: FxHashMap<u64, u32>,
}

/// Settings of [`Clusters::learn`].
#[derive(Clone, Copy, Debug)]
pub struct ClusterOptions {
    pub fine: usize,
    pub coarse: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// At most this many words (the most frequent).
    pub max_words: usize,
    pub passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { fine: 256, coarse: 32, min_count: 3, max_words: 40_000, passes: 10 }
    }
}

impl Clusters {
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// The cluster of a lower-cased word hash (0 when it has none).
    pub fn get(&self, lower: u64) -> u32 {
        self.map.get(&lower).copied().unwrap_or(0)
    }

    /// The cluster of each word (0 for words without one).
    #[inline]
    pub fn fill(&self, words: &mut [WordInfo]) {
        if self.map.is_empty() {
            return;
        }
        for w in words {
            w.cluster = self.map.get(&w.lower).copied().unwrap_or(0);
        }
    }

    /// Learns clusters from sentences of lower-cased word hashes. `log` hears progress.
    pub fn learn(sentences: &[Vec<u64>], opts: ClusterOptions, log: &mut dyn FnMut(String)) -> Clusters {
        let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
        for s in sentences {
            for &w in s {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
        let mut vocab: Vec<(u64, u32)> = counts.into_iter().filter(|&(_, n)| n >= opts.min_count).collect();
        // Most frequent first; ties by hash, so the order does not depend on the map.
        vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        vocab.truncate(opts.max_words);
        let index: FxHashMap<u64, u32> = vocab.iter().enumerate().map(|(i, &(w, _))| (w, i as u32)).collect();
        // Rare words share one item (clustered too, but not kept).
        let rare = vocab.len() as u32;
        let seqs: Vec<Vec<u32>> = sentences.iter().map(|s| s.iter().map(|w| index.get(w).copied().unwrap_or(rare)).collect()).collect();
        log(format!("clusters: {} words (seen at least {} times), {} sentences", vocab.len(), opts.min_count, sentences.len()));
        let fine = exchange(&seqs, vocab.len() + 1, opts.fine, opts.passes, "fine", log);
        let class_seqs: Vec<Vec<u32>> = seqs.iter().map(|s| s.iter().map(|&i| fine[i as usize]).collect()).collect();
        let coarse = exchange(&class_seqs, opts.fine, opts.coarse, opts.passes, "coarse", log);
        let map = vocab.iter().enumerate().map(|(i, &(w, _))| {
            let f = fine[i];
            (w, (f + 1) | (coarse[f as usize] + 1) << 16)
        });
        Clusters { map: map.collect() }
    }

    pub fn write(&self, out: &mut Writer) {
        out.tag(b"CLUS");
        let mut pairs: Vec<(u64, u32)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        pairs.sort_unstable();
        out.u64s(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
        out.u32s(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    }

    pub fn read(r: &mut Reader) -> Result<Clusters, ModelError> {
        r.tag(b"CLUS")?;
        let keys = r.u64s()?;
        let values = r.u32s()?;
        if keys.len() != values.len() {
            return Err(ModelError::Corrupt("cluster table sizes disagree".into()));
        }
        Ok(Clusters { map: keys.into_iter().zip(values).collect() })
    }

    /// A clusters file on its own (what `dyad parse clusters` writes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.write(&mut w);
        w.finish()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, ModelError> {
        let mut r = Reader::open(bytes)?;
        let c = Clusters::read(&mut r)?;
        r.done()?;
        Ok(c)
    }
}

/// x ln x, with a table for small counts.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new() -> XLogX {
        XLogX { table: (0..1 << 16).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect() }
    }
    #[inline(always)]
    fn f(&self, x: i64) -> f64 {
        if (x as u64) < self.table.len() as u64 {
            self.table[x as usize]
        } else if x <= 0 {
            0.0
        } else {
            x as f64 * (x as f64).ln()
        }
    }
}

/// Clusters items `0..n` of `seqs` into `k` classes by the exchange algorithm; returns each
/// item's class.
fn exchange(seqs: &[Vec<u32>], n: usize, k: usize, passes: usize, what: &str, log: &mut dyn FnMut(String)) -> Vec<u32> {
    let k = k.max(1);
    // Bigram counts by item: neighbours to the left and to the right (self-pairs apart).
    let mut left: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); n];
    let mut right: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); n];
    let mut self_pairs = vec![0i64; n];
    let mut freq = vec![0i64; n];
    for s in seqs {
        for &a in s {
            freq[a as usize] += 1;
        }
        for p in s.windows(2) {
            let (a, b) = (p[0], p[1]);
            if a == b {
                self_pairs[a as usize] += 1;
            } else {
                *right[a as usize].entry(b).or_insert(0) += 1;
                *left[b as usize].entry(a).or_insert(0) += 1;
            }
        }
    }
    let sorted = |m: &FxHashMap<u32, u32>| {
        let mut v: Vec<(u32, i64)> = m.iter().map(|(&a, &c)| (a, c as i64)).collect();
        v.sort_unstable();
        v
    };
    let left: Vec<Vec<(u32, i64)>> = left.iter().map(sorted).collect();
    let right: Vec<Vec<(u32, i64)>> = right.iter().map(sorted).collect();
    // How often each item is the left / right member of a pair.
    let as_left: Vec<i64> = (0..n).map(|i| right[i].iter().map(|p| p.1).sum::<i64>() + self_pairs[i]).collect();
    let as_right: Vec<i64> = (0..n).map(|i| left[i].iter().map(|p| p.1).sum::<i64>() + self_pairs[i]).collect();
    // Items by frequency; the start classes follow the rank.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| freq[b].cmp(&freq[a]).then(a.cmp(&b)));
    let mut class = vec![0u32; n];
    for (rank, &i) in order.iter().enumerate() {
        class[i] = (rank % k) as u32;
    }
    let mut pair = vec![0i64; k * k];
    let (mut cl, mut cr) = (vec![0i64; k], vec![0i64; k]);
    for i in 0..n {
        let a = class[i] as usize;
        for &(j, c) in &right[i] {
            pair[a * k + class[j as usize] as usize] += c;
        }
        pair[a * k + a] += self_pairs[i];
        cl[a] += as_left[i];
        cr[a] += as_right[i];
    }
    let xlx = XLogX::new();
    let (mut lc, mut rc) = (vec![0i64; k], vec![0i64; k]);
    let (mut lt, mut rt): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for pass in 1..=passes {
        let mut moved = 0usize;
        for &i in &order {
            if as_left[i] + as_right[i] == 0 {
                continue;
            }
            // Pair counts of item i with each class, to its left and to its right.
            for &c in &lt {
                lc[c] = 0;
            }
            for &c in &rt {
                rc[c] = 0;
            }
            lt.clear();
            rt.clear();
            for &(j, c) in &left[i] {
                let g = class[j as usize] as usize;
                if lc[g] == 0 {
                    lt.push(g);
                }
                lc[g] += c;
            }
            for &(j, c) in &right[i] {
                let g = class[j as usize] as usize;
                if rc[g] == 0 {
                    rt.push(g);
                }
                rc[g] += c;
            }
            let s = self_pairs[i];
            let a = class[i] as usize;
            // Take i out of its class.
            for &c in &lt {
                pair[c * k + a] -= lc[c];
            }
            for &c in &rt {
                pair[a * k + c] -= rc[c];
            }
            pair[a * k + a] -= s;
            cl[a] -= as_left[i];
            cr[a] -= as_right[i];
            // The class where i adds most to the log-likelihood.
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..k {
                let mut d = 0.0;
                for &c in &lt {
                    if c != b {
                        let x = pair[c * k + b];
                        d += xlx.f(x + lc[c]) - xlx.f(x);
                    }
                }
                for &c in &rt {
                    if c != b {
                        let x = pair[b * k + c];
                        d += xlx.f(x + rc[c]) - xlx.f(x);
                    }
                }
                let x = pair[b * k + b];
                d += xlx.f(x + lc[b] + rc[b] + s) - xlx.f(x);
                d -= xlx.f(cl[b] + as_left[i]) - xlx.f(cl[b]);
                d -= xlx.f(cr[b] + as_right[i]) - xlx.f(cr[b]);
                if d > best.0 + 1e-9 || (b == a && d >= best.0 - 1e-9) {
                    best = (d, b);
                }
            }
            let b = best.1;
            if b != a {
                moved += 1;
            }
            for &c in &lt {
                pair[c * k + b] += lc[c];
            }
            for &c in &rt {
                pair[b * k + c] += rc[c];
            }
            pair[b * k + b] += s;
            cl[b] += as_left[i];
            cr[b] += as_right[i];
            class[i] = b as u32;
        }
        log(format!("clusters ({what}, {k} classes): pass {pass}, {moved} of {n} moved"));
        if moved == 0 {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::str_hash;

    #[test]
    fn words_between_the_same_neighbours_share_a_cluster() {
        // Two word classes that never swap places: determiners before nouns before verbs.
        let mut sents = Vec::new();
        let (dets, nouns, verbs) = (["the", "a", "this"], ["army", "rebels", "police", "troops"], ["attacked", "fled", "left"]);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..400 {
            let s = [dets[rng.usize(..3)], nouns[rng.usize(..4)], verbs[rng.usize(..3)]];
            sents.push(s.iter().map(|w| str_hash(w)).collect::<Vec<u64>>());
        }
        let opts = ClusterOptions { fine: 3, coarse: 2, min_count: 1, max_words: 100, passes: 10 };
        let c = Clusters::learn(&sents, opts, &mut |_| {});
        let fine = |w: &str| c.map[&str_hash(w)] & 0xffff;
        assert_eq!(fine("army"), fine("troops"));
        assert_eq!(fine("the"), fine("this"));
        assert_eq!(fine("fled"), fine("left"));
        assert_ne!(fine("army"), fine("fled"));
        assert_ne!(fine("the"), fine("army"));
        // Deterministic, and a round trip through bytes keeps every cluster.
        let again = Clusters::learn(&sents, opts, &mut |_| {});
        assert_eq!(c.map, again.map);
        let back = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(c.map, back.map);
        assert!(Clusters::from_bytes(&c.to_bytes()[..20]).is_err());
    }
}
