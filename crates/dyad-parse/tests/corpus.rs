//! Tests over UD English EWT in ../shared (not part of the repository). Run with
//! `DYAD_CORPUS_TESTS=1 cargo test -p dyad-parse --test corpus`; without the variable they
//! do nothing, with it and without the data they fail.

use std::path::PathBuf;

use dyad_parse::{conllu, score, Parser};

fn enabled() -> bool {
    std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1")
}

fn read(path: &str) -> Vec<conllu::Sentence> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(path);
    let text = std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("DYAD_CORPUS_TESTS=1 but {} cannot be read: {e}", full.display()));
    conllu::read(&text, &full.display().to_string()).unwrap()
}

/// dyad's tokenizer on the raw `# text` of EWT dev gives the treebank's words for most
/// sentences (the rest are web-text oddities: missing apostrophes, emoticons, e-mail headers).
#[test]
fn tokenizer_matches_ud_words_on_ewt_dev() {
    if !enabled() {
        return;
    }
    let dev = read("ud/en_ewt-ud-dev.conllu");
    let (mut same, mut total) = (0usize, 0usize);
    for s in &dev {
        let Some(text) = s.comment("text") else { continue };
        let doc = dyad_segment::segment_text(text);
        let ours: Vec<&str> = doc.tokens.iter().map(|t| doc.token_text(t)).collect();
        let gold: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        total += 1;
        same += (ours == gold) as usize;
    }
    let share = 100.0 * same as f64 / total as f64;
    eprintln!("tokenizer: {same}/{total} EWT dev sentences ({share:.1}%) tokenised exactly as UD");
    assert!(share >= 85.0, "only {share:.1}% of sentences tokenised as UD");
}

/// The built-in model on EWT dev with gold words: the figures in docs/parsing.md.
#[test]
fn built_in_model_scores_on_ewt_dev() {
    if !enabled() {
        return;
    }
    let gold = read("ud/en_ewt-ud-dev.conllu");
    let mut pred = gold.clone();
    let parser = Parser::builtin();
    for s in &mut pred {
        parser.annotate(s);
    }
    let s = score::score(&gold, &pred);
    let (upos, las) = (s.pct(s.upos), s.pct(s.las));
    eprintln!("EWT dev: UPOS {upos:.2} UAS {:.2} LAS {las:.2}", s.pct(s.uas));
    assert!(upos >= 94.5 && las >= 80.5, "UPOS {upos:.2}, LAS {las:.2}");
}
