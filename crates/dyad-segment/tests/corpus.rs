//! Tests over the third-party corpus in ../shared (not part of the repository).
//! Run with `DYAD_CORPUS_TESTS=1 cargo test -p dyad-segment --test corpus`; without the
//! variable they do nothing, with it and without the data they fail.

mod common;

use std::path::PathBuf;

use dyad_segment::segment_text;

fn enabled() -> bool {
    std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1")
}

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(path)
}

fn read(path: &str) -> String {
    let full = shared(path);
    std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("DYAD_CORPUS_TESTS=1 but {} cannot be read: {e}", full.display()))
}

/// The "text" fields of a JSONL file.
fn texts(path: &str) -> Vec<String> {
    read(path)
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let v: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: not JSON: {e}", i + 1));
            v.get("text").and_then(|t| t.as_str()).map(str::to_string)
        })
        .collect()
}

#[test]
fn seed_articles_split_as_expected() {
    if !enabled() {
        return;
    }
    let doc = segment_text(&read("seeds/000_d22c485f5553405d.txt"));
    common::check(&doc);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.sentence_text(s)).collect();
    // "Mr. Kim" does not end the sentence; the quote closes with its sentence.
    assert!(
        sentences.contains(&"\u{201c}I think that Mr. Kim Jong-un has obviously won this round."),
        "{sentences:#?}"
    );
    assert!(sentences.iter().any(|s| s.starts_with("In January, Putin described Kim")), "{sentences:#?}");
    assert!(sentences.iter().any(|s| s.starts_with("In 2015, the two countries")), "{sentences:#?}");
    let e = doc.tokens.iter().find(|t| doc.token_text(t).contains('@') && doc.token_text(t).contains('.'));
    assert_eq!(e.map(|t| doc.token_text(t)), Some("bkew@breitbart.com"));

    let doc = segment_text(&read("seeds/001_97ff7f5491bc3784.txt"));
    common::check(&doc);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.sentence_text(s)).collect();
    // The byline is a line of its own in the same paragraph as the caption.
    assert!(sentences.contains(&"By Jennie Oh"), "{sentences:#?}");
    assert!(sentences.iter().any(|s| s.starts_with("SEOUL, March 20 (UPI) -- North Korean leader")), "{sentences:#?}");
}

#[test]
fn news_corpora_keep_invariants_and_plausible_sentence_lengths() {
    if !enabled() {
        return;
    }
    for path in ["news/bbc_news.jsonl", "news/reuters21578.jsonl"] {
        let texts = texts(path);
        assert!(texts.len() > 1000, "{path}: only {} texts", texts.len());
        let (mut sentences, mut tokens, mut longest) = (0usize, 0usize, 0usize);
        for text in &texts {
            let doc = segment_text(text);
            common::check(&doc);
            sentences += doc.sentences.len();
            tokens += doc.tokens.len();
            longest = longest.max(doc.sentences.iter().map(|s| s.token_end - s.token_start).max().unwrap_or(0));
        }
        let mean = tokens as f64 / sentences as f64;
        // English news runs 20–30 tokens a sentence; far outside means the splitter broke.
        assert!((15.0..40.0).contains(&mean), "{path}: mean sentence length {mean:.1} tokens");
        eprintln!("{path}: {} texts, {sentences} sentences, {tokens} tokens, mean {mean:.1}, longest {longest}", texts.len());
    }
}
