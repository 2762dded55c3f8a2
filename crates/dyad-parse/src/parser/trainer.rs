//! Training the parser: averaged perceptron with the dynamic oracle and error exploration
//! (after the first epoch the parser mostly follows its own predictions, so it learns to
//! recover from its mistakes), on predicted tags.

use super::features::{parser_features, Sentence, N_PARSER_FEATURES};
use super::transition::{costs, projectivize, Gold, Move, State, N_CLASSES, NONE};
use super::{best_valid, DepParser};
use crate::clusters::Clusters;
use crate::tagger::trainer::analyse_cased;
use crate::train::{Example, Log};
use crate::weights::TrainWeights;
use crate::words::Scratch;

/// Probability of following the parser's own (possibly wrong) move after the first epoch.
const EXPLORE: f64 = 0.9;
/// Weights under 1/64 of the largest are dropped: on EWT dev this costs 0.1 LAS and
/// shrinks the model from 26 MB to 10 MB (a smaller table is also faster: fewer cache misses).
const PRUNE: u16 = 500;

pub fn train(train: &[&Example], dev: &[&Example], epochs: usize, seed: u64, clusters: &Clusters, log: &mut Log) -> DepParser {
    let mut weights = TrainWeights::new(N_CLASSES);
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    // Projectivised gold heads, once.
    let mut lifted = 0;
    let golds: Vec<Vec<u32>> = train
        .iter()
        .map(|ex| {
            let mut h = ex.heads.clone();
            lifted += projectivize(&mut h);
            h
        })
        .collect();
    log(format!("parser: {} training sentences, {lifted} arcs lifted to make them projective", train.len()));
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    let mut st = State::default();
    let mut feats = [0u64; N_PARSER_FEATURES];
    let mut scores = [0f64; N_CLASSES];
    let mut cost = [0i32; N_CLASSES];
    let mut best: Option<(f64, DepParser)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let (mut errors, mut decisions) = (0usize, 0usize);
        for &i in &order {
            let ex = train[i];
            analyse_cased(&ex.forms, 0, clusters, &mut scratch, &mut words);
            let tags = ex.pred_tags.as_deref().unwrap_or(&ex.tags);
            let sent = Sentence { words: &words, tags };
            let gold = Gold { head: &golds[i], label: &ex.labels };
            st.reset(words.len());
            while !st.terminal() {
                parser_features(&st, &sent, &mut feats);
                scores.fill(0.0);
                weights.score(&feats, &mut scores);
                let guess = best_valid(&st, &scores);
                costs(&st, &gold, &mut cost);
                let min = cost.iter().copied().min().unwrap_or(0);
                // The best-scoring move among the cheapest.
                let mut target = usize::MAX;
                for c in 0..N_CLASSES {
                    if cost[c] == min && (target == usize::MAX || scores[c] > scores[target]) {
                        target = c;
                    }
                }
                if cost[guess] > min {
                    weights.update(&feats, target, 1.0);
                    weights.update(&feats, guess, -1.0);
                    errors += 1;
                }
                decisions += 1;
                weights.tick();
                let follow = if epoch > 1 && rng.f64() < EXPLORE { guess } else { target };
                st.apply(Move::from_class(follow));
            }
        }
        let parser = DepParser { weights: weights.averaged(PRUNE) };
        let err = 100.0 * errors as f64 / decisions.max(1) as f64;
        if dev.is_empty() {
            log(format!("parser epoch {epoch}: {err:.2}% wrong moves"));
            best = Some((0.0, parser));
            continue;
        }
        let (uas, las) = attachment(&parser, dev, clusters);
        log(format!("parser epoch {epoch}: {err:.2}% wrong moves  dev UAS {uas:.2} LAS {las:.2}"));
        if best.as_ref().is_none_or(|b| las > b.0) {
            best = Some((las, parser));
        }
    }
    best.expect("at least one epoch").1
}

/// UAS and LAS (percent, relation subtypes ignored) on `sentences`, parsing from their
/// predicted tags when they have them.
pub fn attachment(parser: &DepParser, sentences: &[&Example], clusters: &Clusters) -> (f64, f64) {
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    let mut st = State::default();
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    for ex in sentences {
        analyse_cased(&ex.forms, 0, clusters, &mut scratch, &mut words);
        let tags = ex.pred_tags.as_deref().unwrap_or(&ex.tags);
        parser.parse(&words, tags, &mut st);
        for p in 1..=words.len() {
            total += 1;
            if st.head[p] == ex.heads[p] && ex.heads[p] != NONE {
                uas += 1;
                if base(st.label[p]) == base(ex.labels[p]) {
                    las += 1;
                }
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    (pct(uas), pct(las))
}

fn base(label: u8) -> &'static str {
    dyad_doc::DepRel::from_index(label as usize).map_or("dep", |r| r.base())
}
