//! Training the relabeller: averaged perceptron over the arcs of the gold trees, read with
//! predicted tags (jackknifed, as the parser's), keeping the epoch that labels the parser's
//! own dev trees best.

use super::features::{relabel_features, TreeView, N_RELABEL_FEATURES};
use super::{best_label, RelabelBuffers, Relabeller};
use crate::clusters::Clusters;
use crate::parser::transition::{State, N_LABELS, NONE};
use crate::parser::DepParser;
use crate::tagger::trainer::analyse_cased;
use crate::train::{Example, Log};
use crate::weights::TrainWeights;
use crate::words::Scratch;

/// Weights under this many units of the largest 32,000 are dropped (keeps the model small
/// and quick to load).
const PRUNE: u16 = 1500;
/// Parser label margins tried on dev (in units of the parser's weights; see `Relabeller::margin`).
const MARGINS: [i32; 6] = [2000, 4000, 8000, 16000, 32000, i32::MAX];
/// Parser : relabeller score weights tried on dev.
const MIXES: [(i32, i32); 5] = [(0, 1), (1, 2), (1, 1), (2, 1), (4, 1)];

/// A parsed dev sentence.
struct Tree {
    head: Vec<u32>,
    label: Vec<u8>,
    scores: Vec<[i32; N_LABELS]>,
}

/// Returns the relabeller and its dev LAS, or `None` when it does not beat the parser's
/// own labels on `dev` (then the model has no relabeller).
pub fn train(
    train: &[&Example],
    dev: &[&Example],
    parser: &DepParser,
    epochs: usize,
    seed: u64,
    clusters: &Clusters,
    log: &mut Log,
) -> Option<(Relabeller, f64)> {
    let mut weights = TrainWeights::new(N_LABELS);
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x7e1a);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    let mut view = TreeView::default();
    let mut feats = [0u64; N_RELABEL_FEATURES];
    let mut scores = [0f64; N_LABELS];
    // The parser's dev trees, once.
    let mut st = State::default();
    let dev_trees: Vec<Tree> = dev
        .iter()
        .map(|ex| {
            analyse_cased(&ex.forms, 0, clusters, &mut scratch, &mut words);
            parser.parse(&words, ex.pred_tags.as_deref().unwrap_or(&ex.tags), &mut st);
            Tree { head: st.head.clone(), label: st.label.clone(), scores: st.label_scores.clone() }
        })
        .collect();
    let baseline = dev_las(None, dev, &dev_trees, clusters);
    log(format!("relabeller: dev LAS with the parser's labels {baseline:.2}"));
    let mut best: Option<(Relabeller, f64)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let (mut errors, mut arcs) = (0usize, 0usize);
        for &i in &order {
            let ex = train[i];
            analyse_cased(&ex.forms, 0, clusters, &mut scratch, &mut words);
            let tags = ex.pred_tags.as_deref().unwrap_or(&ex.tags);
            view.build(tags, &ex.heads, &ex.labels);
            for d in 1..=tags.len() {
                if ex.heads[d] == NONE || ex.heads[d] == 0 {
                    continue;
                }
                relabel_features(&words, tags, &ex.heads, &ex.labels, &view, d, &mut feats);
                scores.fill(0.0);
                weights.score(&feats, &mut scores);
                let guess = best_label(&scores);
                let gold = ex.labels[d] as usize;
                if guess != gold {
                    weights.update(&feats, gold, 1.0);
                    weights.update(&feats, guess, -1.0);
                    errors += 1;
                }
                arcs += 1;
                weights.tick();
            }
        }
        let mut r = Relabeller { weights: weights.averaged(PRUNE), parser_weight: 0, own_weight: 1, margin: i32::MAX };
        // How much to trust the parser's own label scores, chosen on dev.
        let mut line = String::new();
        for (pw, ow) in MIXES {
            (r.parser_weight, r.own_weight) = (pw, ow);
            let las = dev_las(Some(&r), dev, &dev_trees, clusters);
            line += &format!(" {pw}:{ow} {las:.2}");
            if best.as_ref().is_none_or(|b| las > b.1) {
                best = Some((Relabeller { weights: r.weights.clone(), parser_weight: pw, own_weight: ow, margin: i32::MAX }, las));
            }
        }
        log(format!("relabeller epoch {epoch}: {:.2}% wrong labels; dev LAS by parser:own weight{line}", 100.0 * errors as f64 / arcs.max(1) as f64));
    }
    // The smallest margin that labels dev as well as relabelling every arc (faster).
    if let Some((r, las)) = &mut best {
        let all = *las;
        let mut line = String::new();
        for m in MARGINS {
            r.margin = m;
            let l = dev_las(Some(r), dev, &dev_trees, clusters);
            line += &format!(" {m}: {l:.2}");
            if l >= all {
                *las = l;
                break;
            }
        }
        log(format!("relabeller: dev LAS by parser label margin{line}"));
    }
    best.filter(|b| dev.is_empty() || b.1 > baseline)
}

/// LAS (percent, relation subtypes ignored) of the parser's dev trees, relabelled or not.
fn dev_las(r: Option<&Relabeller>, dev: &[&Example], trees: &[Tree], clusters: &Clusters) -> f64 {
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    let mut buf = RelabelBuffers::default();
    let (mut right, mut total) = (0usize, 0usize);
    for (ex, tree) in dev.iter().zip(trees) {
        let head = &tree.head;
        let mut label = tree.label.clone();
        let tags = ex.pred_tags.as_deref().unwrap_or(&ex.tags);
        if let Some(r) = r {
            analyse_cased(&ex.forms, 0, clusters, &mut scratch, &mut words);
            r.relabel(&words, tags, head, &mut label, &tree.scores, &mut buf);
        }
        for p in 1..=tags.len() {
            total += 1;
            right += (head[p] == ex.heads[p] && ex.heads[p] != NONE && base(label[p]) == base(ex.labels[p])) as usize;
        }
    }
    100.0 * right as f64 / total.max(1) as f64
}

fn base(label: u8) -> &'static str {
    dyad_doc::DepRel::from_index(label as usize).map_or("dep", |r| r.base())
}
