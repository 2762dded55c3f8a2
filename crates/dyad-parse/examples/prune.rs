//! Developer tool: how much accuracy a smaller model costs.
//! `cargo run --release -p dyad-parse --example prune -- MODEL DEV MIN_ABS [OUT]`.
use dyad_parse::{conllu, score, Parser};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut p = Parser::load(a[1].as_ref()).unwrap();
    let dev = conllu::read(&std::fs::read_to_string(&a[2]).unwrap(), &a[2]).unwrap();
    let min: u16 = a[3].parse().unwrap();
    eprintln!("max |w|: tagger {} parser {}", p.tagger.weights.max_abs(), p.parser.weights.max_abs());
    p.parser.weights = p.parser.weights.pruned(min);
    p.tagger.weights = p.tagger.weights.pruned(min);
    p.tagger.second = p.tagger.second.map(|w| w.pruned(min));
    let bytes = p.to_bytes();
    let mut pred = dev.clone();
    let t = std::time::Instant::now();
    for s in &mut pred {
        p.annotate(s);
    }
    let secs = t.elapsed().as_secs_f64();
    let s = score::score(&dev, &pred);
    println!(
        "min {min}: {:.1} MB  UPOS {:.2} UAS {:.2} LAS {:.2}  {:.0} sentences/s",
        bytes.len() as f64 / 1e6,
        s.pct(s.upos),
        s.pct(s.uas),
        s.pct(s.las),
        dev.len() as f64 / secs
    );
    if let Some(out) = a.get(4) {
        std::fs::write(out, bytes).unwrap();
    }
}
