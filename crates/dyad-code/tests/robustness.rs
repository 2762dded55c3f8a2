//! Bad input never panics: random token soup (a small property test with a fixed-seed
//! generator, so failures reproduce), a 10,000-token sentence, punctuation or emoji only.
//! Every event produced must point inside its sentence.

use dyad_code::Coder;
use dyad_doc::{Document, Sentence};
use std::path::Path;

fn coder() -> Coder {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dict");
    Coder::new(&dyad_dict::load_dir(&dir, &dyad_dict::LoadOptions::default()).unwrap().dicts)
}

fn one_sentence(text: &str) -> Document {
    Document {
        id: "p".into(),
        text: text.to_string(),
        sentences: vec![Sentence {
            start: 0,
            end: text.len(),
            char_start: 0,
            char_end: text.chars().count(),
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        }],
        ..Default::default()
    }
}

/// Code `text` and check every event's evidence against it.
fn check(c: &Coder, text: &str) -> usize {
    let doc = one_sentence(text);
    let events = c.code_document(&doc);
    let chars: Vec<char> = text.chars().collect();
    for e in &events {
        for span in
            [e.evidence.source_span.as_ref(), e.evidence.target_span.as_ref(), Some(&e.evidence.verb_span)].into_iter().flatten()
        {
            assert!(span.start <= span.end && span.end <= chars.len(), "span {span:?} outside {text:?}");
            assert_eq!(chars[span.start..span.end].iter().collect::<String>(), span.text);
        }
        assert!(!e.source.is_empty() && !e.code.is_empty());
        // An empty target (an event that needs none) has no target evidence either.
        assert_eq!(e.target.is_empty(), e.evidence.target_span.is_none(), "{e:?}");
    }
    let _ = c.explain(&doc, 0).to_string();
    events.len()
}

/// xorshift64*: a tiny deterministic generator.
/// Every word of the soup at the start of a sentence, before and after each other word: the
/// edges are where index arithmetic goes wrong.
#[test]
fn every_word_pair_at_sentence_start() {
    let c = coder();
    for a in SOUP {
        for b in SOUP {
            check(&c, &format!("{a} {b} Mordor"));
            check(&c, &format!("{a} {b}"));
            check(&c, &format!("Gondor {a} {b}"));
        }
    }
}

const SOUP: &[&str] = &[
    "Gondor",
    "Mordor",
    "Russia's",
    "North",
    "Korean",
    "leader",
    "Kim",
    "Jong-un",
    "Putin",
    "attacked",
    "was",
    "by",
    "not",
    "would",
    "ready",
    "to",
    "meet",
    "and",
    ",",
    ",",
    ".",
    ";",
    "\u{201C}",
    "\u{201D}",
    "\"",
    "'",
    "'s",
    "I",
    "you",
    "he",
    "U.S.",
    "US",
    "us",
    "the",
    "a",
    "of",
    "held",
    "talks",
    "with",
    "congratulations",
    "extended",
    "🙂",
    "—",
    "-",
    "(",
    ")",
    "n't",
    "didn't",
    "who",
    "which",
    "that",
    "after",
    "said",
    "é",
    "ß",
    "北朝鮮",
    "\u{200B}",
    "\t",
    "12,000",
    "visit",
    "missile",
    "new",
    "two",
    "very",
    "Attack",
    "attack",
    "an",
    "its",
    "Gondorian",
    "it",
    "they",
];

#[test]
fn random_token_soup_never_panics() {
    let c = coder();
    let mut rng = fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15);
    let mut events = 0;
    for _ in 0..3000 {
        let n = 1 + (rng.u64(..) % 40) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(SOUP[rng.usize(..SOUP.len())]);
            if !rng.u64(..).is_multiple_of(4) {
                s.push(' ');
            }
        }
        events += check(&c, &s);
    }
    // The soup is made of coded words: some sentences must code, or the test tests nothing.
    assert!(events > 0);
}

#[test]
fn ten_thousand_token_sentence() {
    let c = coder();
    let mut s = String::new();
    for i in 0..2500 {
        s.push_str(if i % 2 == 0 { "Gondor attacked Mordor , " } else { "and the leader of Rohan met Arnor ; " });
    }
    assert!(check(&c, &s) > 0);
}

#[test]
fn punctuation_and_emoji_only() {
    let c = coder();
    for s in ["", " ", "...", "!!! ??? ,,,", "🙂🙂🙂 🚀", "“”‘’\"'", "— – - _", "'s 's n't", "\u{FEFF}\u{200D}"]
    {
        assert_eq!(check(&c, s), 0, "{s:?}");
    }
}
