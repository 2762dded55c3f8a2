//! Training the whole model from CoNLL-U: lemma tables, a jackknifed tagger (so the parser
//! trains on the kind of tags it will see), the final tagger, then the parser. Seeded and
//! deterministic: the same data, seed and epochs give the same model, byte for byte.

use dyad_doc::{DepRel, Upos};

use crate::clusters::Clusters;
use crate::conllu;
use crate::lemma::Lemmatizer;
use crate::parser::{trainer as parser_trainer, transition::NONE};
use crate::relabeller::trainer as relabel_trainer;
use crate::tagger::{trainer as tagger_trainer, Tagger};
use crate::words::Scratch;
use crate::Parser;

pub type Log<'a> = dyn FnMut(String) + 'a;

/// One training sentence, by position (index 0 of `heads` and `labels` is the root).
pub struct Example {
    pub forms: Vec<String>,
    pub tags: Vec<Upos>,
    pub lemmas: Vec<String>,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
    /// Tags from a tagger that did not see this sentence (jackknifing), for the parser.
    pub pred_tags: Option<Vec<Upos>>,
    /// Whether every word has a head (sentences without trees only train the tagger).
    pub has_tree: bool,
}

impl Example {
    pub fn from_conllu(s: &conllu::Sentence) -> Example {
        let mut heads = vec![NONE];
        let mut labels = vec![0u8];
        let mut has_tree = true;
        for w in &s.words {
            match w.head {
                Some(h) => heads.push(h),
                None => {
                    has_tree = false;
                    heads.push(NONE)
                }
            }
            let rel = if w.head == Some(0) { DepRel::ROOT } else { DepRel::parse(&w.deprel) };
            labels.push(rel.index() as u8);
        }
        Example {
            forms: s.words.iter().map(|w| w.form.clone()).collect(),
            tags: s.words.iter().map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X)).collect(),
            lemmas: s.words.iter().map(|w| w.lemma.clone()).collect(),
            heads,
            labels,
            pred_tags: None,
            has_tree,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for jackknifing the taggers' outputs that later stages train on (0 or 1: the
    /// parser trains on gold tags; the second tagger pass always uses at least 2 folds).
    pub folds: usize,
    /// Share (0..1) of the training sentences copied with a time phrase after their subject
    /// ("Germany on Wednesday lifted ..."): news syntax EWT seldom shows (`augment.rs`).
    pub time_phrases: f64,
    /// Epochs of the relabeller (0: none; it is also left out when it does not beat the
    /// parser's own labels on dev).
    pub relabel_epochs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { seed: 1, tagger_epochs: 10, parser_epochs: 12, folds: 4, time_phrases: 0.0, relabel_epochs: 8 }
    }
}

/// Scores of a model on a dev set, in percent.
#[derive(Clone, Copy, Debug, Default)]
pub struct DevScores {
    pub upos: f64,
    pub upos_lower: f64,
    pub uas: f64,
    pub las: f64,
}

/// Trains every part of the model; `clusters` (learnt beforehand from unlabelled text, or
/// empty) are stored in it and read by both models.
pub fn train(train: &[conllu::Sentence], dev: &[conllu::Sentence], opts: TrainOptions, clusters: Clusters, log: &mut Log) -> (Parser, DevScores) {
    let cl = &clusters;
    let mut examples: Vec<Example> = train.iter().map(Example::from_conllu).collect();
    let mut dev_ex: Vec<Example> = dev.iter().map(Example::from_conllu).collect();
    let lemmatizer = Lemmatizer::train(
        examples.iter().flat_map(|e| e.forms.iter().zip(&e.tags).zip(&e.lemmas).map(|((f, &t), l)| (f.as_str(), t, l.as_str()))),
    );
    // Pass 1, jackknifed: every training sentence gets first-pass tags from a tagger that
    // did not see it; the second pass learns to read them as the tags ahead.
    let first_epochs = opts.tagger_epochs.min(6);
    let k = opts.folds.max(2);
    let fold_of = |i: usize| i % k;
    let mut first_folds = Vec::new();
    for fold in 0..k {
        let rest: Vec<&Example> = examples.iter().enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|p| p.1).collect();
        let tagger = tagger_trainer::train(&rest, &[], first_epochs, opts.seed + fold as u64, None, cl, &mut |_| {});
        first_folds.push(tagger);
        log(format!("jackknife: first-pass tagger {}/{k} trained", fold + 1));
    }
    let first_tags: Vec<Vec<Upos>> = examples.iter().enumerate().map(|(i, ex)| tag(&first_folds[fold_of(i)], &ex.forms, cl)).collect();
    for (ex, t) in examples.iter_mut().zip(first_tags) {
        ex.pred_tags = Some(t);
    }
    let dev_refs: Vec<&Example> = dev_ex.iter().collect();
    let all: Vec<&Example> = examples.iter().collect();
    let first = tagger_trainer::train(&all, &dev_refs, opts.tagger_epochs, opts.seed, None, cl, log);
    for ex in &mut dev_ex {
        ex.pred_tags = Some(tag(&first, &ex.forms, cl));
    }
    let dev_refs: Vec<&Example> = dev_ex.iter().collect();
    let tagger = tagger_trainer::train(&all, &dev_refs, opts.tagger_epochs, opts.seed, Some(&first), cl, log);
    // The parser also learns news syntax from augmented copies (`augment.rs`); the taggers
    // above learnt from the treebank's own sentences only (on dev, the copies cost the tagger
    // 0.1–0.2 UPOS).
    let extra = crate::augment::time_phrases(&examples, opts.seed, opts.time_phrases);
    if !extra.is_empty() {
        log(format!("augmented for the parser: {} copies with a time phrase after the subject", extra.len()));
    }
    // A copy is tagged by the fold tagger that did not see its original.
    let originals = examples.len();
    let copy_folds: Vec<usize> = extra.iter().map(|(i, _)| fold_of(*i)).collect();
    examples.extend(extra.into_iter().map(|(_, copy)| copy));
    let fold_of_example = |i: usize| if i < originals { fold_of(i) } else { copy_folds[i - originals] };
    // The parser trains on tags of the kind it will see: both passes, jackknifed.
    let mut parser_tags = vec![Vec::new(); examples.len()];
    if opts.folds >= 2 {
        for fold in 0..k {
            let rest: Vec<&Example> = examples[..originals].iter().enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|p| p.1).collect();
            let second = tagger_trainer::train(&rest, &[], first_epochs, opts.seed + fold as u64, Some(&first_folds[fold]), cl, &mut |_| {});
            for (i, ex) in examples.iter().enumerate().filter(|(i, _)| fold_of_example(*i) == fold) {
                parser_tags[i] = tag(&second, &ex.forms, cl);
            }
            log(format!("jackknife: tags for the parser, fold {}/{k}", fold + 1));
        }
    } else {
        parser_tags = examples.iter().map(|e| e.tags.clone()).collect();
    }
    for (ex, t) in examples.iter_mut().zip(parser_tags) {
        ex.pred_tags = Some(t);
    }
    for ex in &mut dev_ex {
        ex.pred_tags = Some(tag(&tagger, &ex.forms, cl));
    }
    let with_trees: Vec<&Example> = examples.iter().filter(|e| e.has_tree).collect();
    let dev_trees: Vec<&Example> = dev_ex.iter().filter(|e| e.has_tree).collect();
    let parser = parser_trainer::train(&with_trees, &dev_trees, opts.parser_epochs, opts.seed, cl, log);
    let mut scores = DevScores::default();
    if !dev_ex.is_empty() {
        let dev_refs: Vec<&Example> = dev_ex.iter().collect();
        scores.upos = tagger_trainer::accuracy(&tagger, &dev_refs, 0, cl);
        scores.upos_lower = tagger_trainer::accuracy(&tagger, &dev_refs, 1, cl);
        (scores.uas, scores.las) = parser_trainer::attachment(&parser, &dev_trees, cl);
    }
    // The relabeller learns from the original (not augmented) training trees.
    let originals: Vec<&Example> = examples[..originals].iter().filter(|e| e.has_tree).collect();
    let relabeller = match opts.relabel_epochs {
        0 => None,
        e => match relabel_trainer::train(&originals, &dev_trees, &parser, e, opts.seed, cl, log) {
            Some((r, las)) => {
                scores.las = las;
                Some(r)
            }
            None => {
                log("relabeller: no better than the parser's labels on dev, left out".into());
                None
            }
        },
    };
    (Parser { tagger, lemmatizer, parser, clusters, relabeller }, scores)
}

fn tag(tagger: &Tagger, forms: &[String], clusters: &Clusters) -> Vec<Upos> {
    let mut scratch = Scratch::default();
    let mut words = Vec::new();
    tagger_trainer::analyse_cased(forms, 0, clusters, &mut scratch, &mut words);
    let (mut buf, mut tags) = (crate::tagger::TagBuffers::default(), Vec::new());
    tagger.tag(&words, &mut buf, &mut tags);
    tags
}
