//! Segmentation: splits a document's cleaned text into paragraphs, sentences and tokens,
//! each with byte offsets (and, for sentences and tokens, character offsets) into the text.
//!
//! Three layers, one file each: [`paragraphs`] (blank lines), [`tokenize`] (a hand-written
//! scanner, no regex), [`sentences`] (boundary rules over the tokens). Sentences never cross
//! paragraphs; every token belongs to exactly one sentence. The rules and their reasons are
//! in the module docs and in `docs/segmentation.md`.
//!
//! Token conventions the coder relies on:
//! * abbreviations keep their period ("U.S.", "Mr.", "Gen.", "Jan.", "No." before a number,
//!   initials "W."), so a token ending in "." that is a Word is an abbreviation;
//! * possessives and contractions split Penn-Treebank style with exact offsets:
//!   "Putin's" → "Putin" "'s", "didn't" → "did" "n't", "won't" → "wo" "n't", "can't" →
//!   "ca" "n't", "they're" → "they" "'re" (curly apostrophes too);
//! * tokens are Universal Dependencies words (as in UD English EWT): hyphenated compounds
//!   split ("Hamas-linked" → "Hamas" "-" "linked", "5-year" → "5" "-" "year") except after a
//!   bound prefix ("non-aligned", "e-mail") and between digits ("1950-53"); "cannot" →
//!   "can" "not", "gonna" → "gon" "na". The coder reads sentence text with its own word
//!   splitter, so it does not depend on these;
//! * numbers keep separators, decimals and a trailing percent ("13,000", "3.5%");
//! * URLs, e-mail addresses, @handles and #hashtags are one Word token;
//! * "...", "?!", "--" are one Punct token; emoji (with modifiers and joiners) one Symbol;
//!   runs of CJK letters are one Word.

mod abbreviations;
mod chars;
mod paragraphs;
mod sentences;
mod tokenize;

use dyad_doc::{Document, Sentence, Stage, TextSpan, Token};

pub use chars::char_count;

/// The segmentation stage: fills `paragraphs`, `sentences` and `tokens` from `text`,
/// replacing whatever was there.
#[derive(Clone, Copy, Debug, Default)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn run(&self, doc: &mut Document) {
        let segments = segment(&doc.text);
        doc.paragraphs = segments.paragraphs;
        doc.sentences = segments.sentences;
        doc.tokens = segments.tokens;
    }
}

/// The spans of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<TextSpan>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// Segments `text`. Linear time, never panics.
pub fn segment(text: &str) -> Segments {
    let paragraphs = paragraphs::paragraphs(text);
    // English news text has about one token per five or six bytes (fewer in number-heavy
    // copy): room for one per four, so the vector is almost never copied while it grows.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 8);
    let mut sentences = Vec::with_capacity(text.len() / 120);
    let bytes = text.as_bytes();
    // Character offset of byte `counted_to`; advanced from token to token so that only the
    // gaps between paragraphs are counted here.
    let mut counted_to = 0;
    let mut chars_before = 0;
    for (index, p) in paragraphs.iter().enumerate() {
        if let Some(last) = tokens.last() {
            (counted_to, chars_before) = (last.end, last.char_end);
        }
        chars_before += char_count(&bytes[counted_to..p.start]);
        counted_to = p.start;
        let first = tokens.len();
        tokenize::tokenize(text, p.start, p.end, chars_before, &mut tokens);
        sentences::split(text, &tokens[first..], first, index, chars_before, &mut sentences);
    }
    Segments { paragraphs, sentences, tokens }
}

/// The UD words of `text` (one sentence, say), their character offsets counted from
/// `char_base`: for a stage that needs the words of a text it was handed without its
/// document's tokens.
pub fn words(text: &str, char_base: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4 + 4);
    tokenize::tokenize(text, 0, text.len(), char_base, &mut tokens);
    tokens
}

/// A document holding just `text`, segmented: for single sentences (`dyad explain`,
/// validation suites).
pub fn segment_text(text: &str) -> Document {
    let mut doc = Document { text: text.to_string(), ..Document::default() };
    Segmenter.run(&mut doc);
    doc
}
