//! Developer shortcut for `dyad parse train` without building the whole CLI:
//! `cargo run --release -p dyad-parse --example train -- TRAIN DEV OUT [PARSER_EPOCHS] [TAGGER_EPOCHS] [FOLDS] [TIME_PHRASES] [CLUSTERS]`.
use dyad_parse::{conllu, train};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let read = |p: &str| conllu::read(&std::fs::read_to_string(p).expect("readable file"), p).expect("valid CoNLL-U");
    let (tr, dev) = (read(&a[1]), read(&a[2]));
    let mut opts = train::TrainOptions::default();
    if let Some(e) = a.get(4) {
        opts.parser_epochs = e.parse().unwrap();
    }
    if let Some(e) = a.get(5) {
        opts.tagger_epochs = e.parse().unwrap();
    }
    if let Some(e) = a.get(6) {
        opts.folds = e.parse().unwrap();
    }
    if let Some(e) = a.get(7) {
        opts.time_phrases = e.parse().unwrap();
    }
    let clusters = match a.get(8) {
        Some(f) => dyad_parse::clusters::Clusters::from_bytes(&std::fs::read(f).unwrap()).unwrap(),
        None => Default::default(),
    };
    let t = std::time::Instant::now();
    let (p, s) = train::train(&tr, &dev, opts, clusters, &mut |m| eprintln!("[{:6.1}s] {m}", t.elapsed().as_secs_f64()));
    let bytes = p.to_bytes();
    std::fs::write(&a[3], &bytes).unwrap();
    eprintln!(
        "dev UPOS {:.2} (lower-cased {:.2}) UAS {:.2} LAS {:.2}; {} bytes; tagger {} features / {} weights, parser {} / {}; {:.1}s",
        s.upos,
        s.upos_lower,
        s.uas,
        s.las,
        bytes.len(),
        p.tagger.weights.n_features(),
        p.tagger.weights.n_weights(),
        p.parser.weights.n_features(),
        p.parser.weights.n_weights(),
        t.elapsed().as_secs_f64()
    );
}
