//! Invariants over arbitrary text: no panic, and every span valid, ordered and exact.
//! Random inputs come from a small fixed-seed generator (no dev-dependency), mixing
//! fragments that exercise the rules with arbitrary Unicode scalar values.

mod common;

use common::check;
use dyad_segment::segment_text;

/// xorshift64*: deterministic, good enough to pick fragments.
const FRAGMENTS: &[&str] = &[
    "U.S.", "Mr.", "Gen.", "Lt.", "Col.", "No.", "St.", "Inc.", "e.g.", "a.m.", "Jan.", "W.", "J.R.R.", "...", "?!",
    "\u{2026}", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "'", "\"", "(", ")", "[", "]", ".", ",", ";", ":", "!",
    "?", "-", "--", "\u{2014}", "\u{2013}", "13,000", "3.5%", "1950-53", "Jong-un", "Putin's", "didn't", "won't",
    "n't", "'s", "http://x.com/a.", "www.", "bkew@breitbart.com", "a@b.", "@", "#", "@ben_kew", "\u{1f600}",
    "\u{1f1fa}\u{1f1f8}", "\u{200d}", "\u{fe0f}", "\u{301}", "\u{200b}", "\u{feff}", "\u{a0}", "金正恩", "。", "！",
    "The", "the", "He", "said", "Kim", "a", "I", " ", " ", " ", "  ", "\n", "\n", "\n\n", "\n    ", "\t", "\r\n",
];

fn random_text(rng: &mut fastrand::Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        if rng.usize(..4) == 0 {
            // An arbitrary scalar value, biased towards the BMP.
            let limit = if rng.usize(..3) == 0 { 0x11_0000 } else { 0x1_0000 };
            if let Some(c) = char::from_u32(rng.usize(..limit) as u32) {
                s.push(c);
            }
        } else {
            s.push_str(FRAGMENTS[rng.usize(..FRAGMENTS.len())]);
        }
    }
    s
}

#[test]
fn random_texts_keep_all_invariants() {
    let mut rng = fastrand::Rng::with_seed(0x5eed_d1ad_2026_0001);
    let rounds = std::env::var("DYAD_FUZZ_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(4000);
    for round in 0..rounds {
        let pieces = 1 + rng.usize(..if round % 10 == 0 { 400 } else { 40 });
        let text = random_text(&mut rng, pieces);
        check(&segment_text(&text));
    }
}

#[test]
fn every_prefix_of_a_tricky_text() {
    // Cutting the text anywhere (at char boundaries) must still give valid spans.
    let text = "Mr. O'Brien didn't say \u{201c}U.S. forces won't go.\u{201d} (See http://x.org/a_(b).) \
                Email a.b@c.org... 13,000 \u{1f468}\u{200d}\u{1f469} 金正恩。J.R.R.\n    Next\n\nEnd";
    for (b, _) in text.char_indices() {
        check(&segment_text(&text[..b]));
        check(&segment_text(&text[b..]));
    }
}

#[test]
fn char_offsets_in_non_ascii_text() {
    let doc = segment_text("Путин’s «ответ» — 金正恩. Ünal said.");
    check(&doc);
    let t = doc.tokens.iter().find(|t| doc.token_text(t) == "金正恩").expect("CJK token");
    assert_eq!((t.char_start, t.char_end), (18, 21));
    assert_eq!(doc.sentences.len(), 2);
    assert_eq!(doc.sentences[1].char_start, 23);
}

#[test]
fn pathological_inputs_finish() {
    // Each would take hours with a quadratic rule; here they take well under a second
    // even in a debug build.
    let inputs = [
        "a.".repeat(200_000),
        "U.S".repeat(200_000),
        "a@".repeat(200_000),
        "x.y@".repeat(100_000),
        "www.a".repeat(100_000),
        "a-".repeat(200_000),
        "a'".repeat(200_000),
        ")".repeat(200_000),
        ".\u{201d}".repeat(200_000),
        "\u{1f600}\u{200d}".repeat(100_000),
        "\u{1f1fa}".repeat(100_000),
        "!?".repeat(200_000),
        " ".repeat(400_000),
        "\n".repeat(400_000),
        "\u{301}".repeat(200_000),
        "word ".repeat(100_000) + ".",
    ];
    for text in &inputs {
        let doc = segment_text(text);
        assert!(doc.tokens.len() <= text.len());
        // Spot-check instead of the full `check`, which is itself quadratic-free but slow here.
        let last = doc.tokens.last().copied();
        if let Some(last) = last {
            assert!(last.end <= text.len() && text.is_char_boundary(last.end));
            assert_eq!(last.char_end, text[..last.end].chars().count());
        }
    }
    // A sentence of 10,000+ tokens stays one sentence.
    let long = "word ".repeat(10_000) + "end.";
    let doc = segment_text(&long);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(doc.tokens.len(), 10_002);
}
