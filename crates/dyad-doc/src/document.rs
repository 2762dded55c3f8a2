use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DepRel, Upos};

/// One article: metadata, cleaned text and the spans later stages add.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the input's own id (JSONL `id`, WARC record id) or one derived from the file name.
    pub id: String,
    /// Where the document came from (file and record), for error messages and provenance.
    pub origin: Origin,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publisher or outlet (JSONL `source`, the agency from the dateline, or the URL's host).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Language the input declares (an HTML page's `<html lang>`), as written ("en-GB").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Publication date (ISO 8601 when serialized).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Which evidence gave `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<DateSource>,
    /// The cleaned article body. Paragraphs are separated by a blank line ("\n\n").
    pub text: String,
    pub paragraphs: Vec<TextSpan>,
    pub sentences: Vec<Sentence>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tokens: Vec<Token>,
    /// Lemmas of the tokens, parallel to `tokens`; empty until the document is parsed.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub lemmas: Vec<String>,
    /// Lines taken out of the body by cleaning, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub removed: Vec<Removed>,
    /// Things a reader should know about how the input was read (e.g. "decoded as windows-1252").
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The input path ("-" for standard input).
    pub path: String,
    /// 1-based line (JSONL) or record number (WARC) within the file, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

/// A byte range `[start, end)` into `Document::text`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

impl TextSpan {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

/// A token (a Universal Dependencies word: "don't" is "do" + "n't"): byte and character
/// offsets into `Document::text`, and what the parser found (`upos`, `head`, `deprel`; the
/// lemma is in `Document::lemmas`). An unparsed token has `Upos::X`, no head and `dep`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub kind: TokenKind,
    #[serde(default)]
    pub upos: Upos,
    /// The head word, as an index into `Document::tokens` (never outside the token's
    /// sentence); `None` for the sentence's root and for unparsed tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<u32>,
    #[serde(default)]
    pub deprel: DepRel,
}

impl Token {
    /// A token with offsets only, before tagging and parsing.
    pub fn new(start: usize, end: usize, char_start: usize, char_end: usize, kind: TokenKind) -> Self {
        Token { start, end, char_start, char_end, kind, upos: Upos::X, head: None, deprel: DepRel::DEP }
    }
}

/// A sentence: byte and character offsets into `Document::text`, its paragraph, and its
/// tokens as the index range `token_start..token_end` into `Document::tokens`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub paragraph: usize,
    pub token_start: usize,
    pub token_end: usize,
}

/// "SEOUL, March 20 (UPI) --" → place Seoul, month 3, day 20, agency UPI.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub raw: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// `--date` on the command line.
    Flag,
    /// The input's own field (JSONL `date`).
    Field,
    /// HTML meta tags.
    Html,
    /// An HTML page's JSON-LD `datePublished`.
    JsonLd,
    /// An HTML page's `<time datetime>` in the article, or a date printed in an element named for it.
    Time,
    /// A date in the page's URL (`/2020/04/10/`).
    Url,
    /// WARC-Date.
    Warc,
    /// Month and day from the dateline, year from elsewhere.
    Dateline,
}

/// A line cleaning removed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// 1-based line number in the input body.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

impl Document {
    pub fn token_text(&self, t: &Token) -> &str {
        &self.text[t.start..t.end]
    }
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text[s.start..s.end]
    }
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.token_start..s.token_end]
    }
    /// The lemma of token `i`, when the document has been parsed.
    pub fn lemma(&self, i: usize) -> Option<&str> {
        self.lemmas.get(i).map(String::as_str)
    }
    /// Whether the sentence carries a parse: the parser marks exactly one word `root`.
    pub fn is_parsed(&self, s: &Sentence) -> bool {
        self.sentence_tokens(s).iter().filter(|t| t.deprel == DepRel::ROOT).count() == 1
    }
}
