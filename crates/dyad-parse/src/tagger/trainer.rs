//! Training the tagger: averaged perceptron, greedy decoding on its own predictions, with
//! case augmentation (a share of sentences lower-cased or upper-cased each epoch) so that
//! lower-case archives and ALL-CAPS headlines tag well.

use dyad_doc::Upos;
use rustc_hash::FxHashMap;

use super::features::{tagger_features, N_TAGGER_FEATURES};
use super::{fixed_tag, Tagger, FIXED, N_TAGS};
use crate::clusters::Clusters;
use crate::train::{Example, Log};
use crate::weights::TrainWeights;
use crate::words::{analyse, Scratch, WordInfo};

/// Shares of training sentences shown lower-cased and upper-cased each epoch.
const LOWER_SHARE: f64 = 0.10;
const UPPER_SHARE: f64 = 0.05;
/// Weights under 1/320 of the largest are dropped (see the parser's `PRUNE`).
const PRUNE: u16 = 100;
/// Occurrences a word needs in training before the tag dictionary fixes its tag.
const FIXED_MIN_COUNT: u32 = 20;

pub fn ambiguity_lexicon(sentences: &[&Example]) -> FxHashMap<u64, u32> {
    let mut counts: FxHashMap<u64, [u32; N_TAGS]> = FxHashMap::default();
    let mut scratch = Scratch::default();
    for s in sentences {
        for (f, t) in s.forms.iter().zip(&s.tags) {
            counts.entry(analyse(f, &mut scratch).lower).or_insert([0; N_TAGS])[*t as usize] += 1;
        }
    }
    let mut lex = FxHashMap::default();
    for (k, c) in counts {
        let total: u32 = c.iter().sum();
        if total < 2 {
            continue;
        }
        let mut mask = 0u32;
        for (t, &n) in c.iter().enumerate() {
            if n * 20 >= total {
                mask |= 1 << t;
            }
            // Tag dictionary: seen often, and (nearly) always with this tag.
            if total >= FIXED_MIN_COUNT && n * 1000 >= total * 998 {
                mask |= FIXED;
            }
        }
        lex.insert(k, mask);
    }
    lex
}

pub fn analyse_cased(forms: &[String], case: u8, clusters: &Clusters, scratch: &mut Scratch, out: &mut Vec<WordInfo>) {
    out.clear();
    for f in forms {
        let info = match case {
            1 => analyse(&f.to_lowercase(), scratch),
            2 => analyse(&f.to_uppercase(), scratch),
            _ => analyse(f, scratch),
        };
        out.push(info);
    }
    clusters.fill(out);
}

/// Trains on `train` for `epochs`, keeping the epoch that tags `dev` best (the last one
/// when there is no dev set). Without `first` this is the first pass; with it, the second
/// pass on top of `first`, reading each example's `pred_tags` (first-pass tags from a
/// tagger that did not see it) as the tags ahead.
pub fn train(train: &[&Example], dev: &[&Example], epochs: usize, seed: u64, first: Option<&Tagger>, clusters: &Clusters, log: &mut Log) -> Tagger {
    let ambiguity = match first {
        Some(t) => t.ambiguity.clone(),
        None => ambiguity_lexicon(train),
    };
    let pass = if first.is_some() { "tagger pass 2" } else { "tagger" };
    let mut weights = TrainWeights::new(N_TAGS);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    let mut amb = Vec::new();
    let mut tags: Vec<Upos> = Vec::new();
    let mut feats = [0u64; N_TAGGER_FEATURES];
    let mut scores = [0f64; N_TAGS];
    let mut best: Option<(f64, Tagger)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &i in &order {
            let ex = train[i];
            let r = rng.f64();
            let case = if r < LOWER_SHARE { 1 } else if r < LOWER_SHARE + UPPER_SHARE { 2 } else { 0 };
            analyse_cased(&ex.forms, case, clusters, &mut scratch, &mut words);
            amb.clear();
            amb.extend(words.iter().map(|w| ambiguity.get(&w.lower).copied().unwrap_or(0)));
            tags.clear();
            let ahead: &[Upos] = match first {
                Some(_) => ex.pred_tags.as_deref().unwrap_or(&[]),
                None => &[],
            };
            for j in 0..words.len() {
                // Tag-dictionary words are tagged without scoring, at run time as here.
                if let Some(t) = fixed_tag(amb[j]) {
                    tags.push(Upos::ALL[t]);
                    right += (t == ex.tags[j] as usize) as usize;
                    total += 1;
                    continue;
                }
                tagger_features(&words, &amb, &tags, ahead, j, &mut feats);
                scores.fill(0.0);
                weights.score(&feats, &mut scores);
                let guess = argmax_f(&scores);
                let gold = ex.tags[j] as usize;
                if guess != gold {
                    weights.update(&feats, gold, 1.0);
                    weights.update(&feats, guess, -1.0);
                } else {
                    right += 1;
                }
                total += 1;
                weights.tick();
                // Train on its own previous predictions, as it will run.
                tags.push(Upos::ALL[guess]);
            }
        }
        let tagger = match first {
            None => Tagger { weights: weights.averaged(PRUNE), second: None, ambiguity: ambiguity.clone() },
            Some(f) => Tagger { weights: f.weights.clone(), second: Some(weights.averaged(PRUNE)), ambiguity: ambiguity.clone() },
        };
        let train_acc = 100.0 * right as f64 / total.max(1) as f64;
        if dev.is_empty() {
            log(format!("{pass} epoch {epoch}: train {train_acc:.2}"));
            best = Some((0.0, tagger));
            continue;
        }
        let acc = accuracy(&tagger, dev, 0, clusters);
        log(format!("{pass} epoch {epoch}: train {train_acc:.2}  dev UPOS {acc:.2}"));
        if best.as_ref().is_none_or(|b| acc > b.0) {
            best = Some((acc, tagger));
        }
    }
    let (_, tagger) = best.expect("at least one epoch");
    tagger
}

fn argmax_f(scores: &[f64]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// UPOS accuracy (percent) on `sentences`, with case 0 as is, 1 lower-cased, 2 upper-cased.
pub fn accuracy(tagger: &Tagger, sentences: &[&Example], case: u8, clusters: &Clusters) -> f64 {
    let mut scratch = Scratch::default();
    let (mut words, mut buf, mut tags) = (Vec::new(), super::TagBuffers::default(), Vec::new());
    let (mut right, mut total) = (0usize, 0usize);
    for ex in sentences {
        analyse_cased(&ex.forms, case, clusters, &mut scratch, &mut words);
        tagger.tag(&words, &mut buf, &mut tags);
        right += tags.iter().zip(&ex.tags).filter(|(a, b)| a == b).count();
        total += tags.len();
    }
    100.0 * right as f64 / total.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(forms: &[&str], tags: &[Upos]) -> Example {
        Example {
            forms: forms.iter().map(|f| f.to_string()).collect(),
            tags: tags.to_vec(),
            lemmas: forms.iter().map(|f| f.to_string()).collect(),
            heads: vec![0; forms.len() + 1],
            labels: vec![0; forms.len() + 1],
            pred_tags: None,
            has_tree: false,
        }
    }

    #[test]
    fn the_tag_dictionary_fixes_only_frequent_unambiguous_words() {
        let mut ex = Vec::new();
        for i in 0..30 {
            let run = if i % 2 == 0 { Upos::NOUN } else { Upos::VERB };
            ex.push(example(&["the", "run", "ended"], &[Upos::DET, run, Upos::VERB]));
        }
        ex.push(example(&["rare", "rare"], &[Upos::ADJ, Upos::ADJ]));
        let refs: Vec<&Example> = ex.iter().collect();
        let lex = ambiguity_lexicon(&refs);
        let amb = |w: &str| lex[&analyse(w, &mut Scratch::default()).lower];
        assert_eq!(fixed_tag(amb("the")), Some(Upos::DET as usize));
        assert_eq!(fixed_tag(amb("run")), None);
        assert_eq!(amb("run") & crate::tagger::TAG_BITS, 1 << Upos::NOUN as u32 | 1 << Upos::VERB as u32);
        // Seen twice: in the ambiguity lexicon, but too rare to fix.
        assert_eq!(fixed_tag(amb("rare")), None);
        assert_eq!(amb("rare"), 1 << Upos::ADJ as u32);
    }
}
