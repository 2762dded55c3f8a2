//! Sentence boundaries inside one paragraph, decided token by token (one forward pass).
//!
//! A sentence ends after a *final group*: a terminal token (".", "?!", "...", "…", or an
//! abbreviation ending in a period) plus the closing quotes and brackets glued to it
//! ('said." Next' ends after the quote). Whether the group really ends the sentence
//! depends on the terminal and the next token:
//!
//! * punctuation: yes, unless the next token starts in lower case or is , ; : ) ] } or more
//!   final punctuation ('"Why?" he asked' and "match. . . momentum" stay one sentence);
//!   yes always at the end of a line;
//! * CJK full stops (。！？): yes, even with no space after;
//! * title and marker abbreviations (Mr., Gen., Lt., No. 2, e.g., vs.): never;
//! * single-letter initials (George W. Bush): only before a sentence-starter word
//!   ("The", "He", ...) longer than one letter;
//! * other abbreviations (U.S., Inc., Jr., a.m., Jan.): only before a sentence
//!   starter word or an opening quote — "in the U.S. The ..." splits, "U.S. Army" does not.
//!
//! Nothing is a boundary when no white space follows (except CJK), so "3.5" or "x.com"
//! never split even if the tokenizer saw them as pieces.
//!
//! Line breaks inside a paragraph: plain text comes both hard-wrapped (Reuters, ~70
//! characters a line, paragraphs marked by indentation) and one paragraph per line. A line
//! break without final punctuation is a boundary when the next line is indented, or when
//! the next line starts like a sentence (capital, digit, opening quote, bullet) and the
//! line is not a wrapped line: shorter than 40 characters (a title, byline, caption) or
//! longer than 100 (text that is not hard-wrapped). A line ending in , ; : or a hyphen
//! always continues.

use dyad_doc::{Sentence, Token, TokenKind};

use crate::abbreviations::{self, AbbrevClass};
use crate::chars::*;

const WRAPPED_LINE_MIN: usize = 40;
const WRAPPED_LINE_MAX: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminal {
    Punct,
    Cjk,
    Abbrev(AbbrevClass),
}

/// Splits `tokens` (all of one paragraph, the slice starting at index `first` of the
/// document's tokens) into sentences appended to `out`. `line_start_char` is the character
/// offset where the paragraph's first line starts.
pub fn split(
    text: &str,
    tokens: &[Token],
    first: usize,
    paragraph: usize,
    line_start_char: usize,
    out: &mut Vec<Sentence>,
) {
    let mut sentence_first = 0;
    let mut line_start_char = line_start_char;
    let mut group: Option<Terminal> = None;
    let bytes = text.as_bytes();
    for i in 0..tokens.len() {
        let t = tokens[i];
        let next = tokens.get(i + 1);
        // Fast path, most tokens: no final group open, the token cannot end one, and the
        // next token follows after nothing or one space.
        if let Some(n) = next {
            let last = bytes[t.end - 1];
            if group.is_none()
                && last.is_ascii()
                && !matches!(last, b'.' | b'?' | b'!')
                && (n.start == t.end || (n.start == t.end + 1 && bytes[t.end] == b' '))
            {
                continue;
            }
        }
        let glued_to_prev = i > 0 && tokens[i - 1].end == t.start;
        group = match terminal(text, &t, next) {
            Some(term) => Some(term),
            None if group.is_some() && glued_to_prev && is_closer_token(text, &t) => group,
            None => None,
        };
        let boundary = match next {
            None => true,
            Some(n) => {
                let gap = &text[t.end..n.start];
                // Most gaps are "" or " ": skip the search then.
                let newline = match gap.as_bytes() {
                    [] | [b' '] => None,
                    [b'\n'] => Some(0),
                    g => g.iter().position(|&b| b == b'\n'),
                };
                let continues_group = group.is_some()
                    && n.start == t.end
                    && (is_closer_token(text, n) || terminal(text, n, tokens.get(i + 2)).is_some());
                // White space between the line break and the next token: an indented line.
                let indented = newline.is_some() && !gap[gap.rfind('\n').unwrap_or(0) + 1..].is_empty();
                let boundary = if continues_group {
                    false
                } else if indented {
                    true
                } else if let Some(term) = group {
                    after_terminal(text, term, n, gap, newline.is_some())
                } else if let Some(nl) = newline {
                    let line_chars = t.char_end + char_count(&gap.as_bytes()[..nl]) - line_start_char;
                    after_line(text, &t, n, line_chars)
                } else {
                    false
                };
                if let Some(nl) = newline.and_then(|_| gap.rfind('\n')) {
                    line_start_char = t.char_end + char_count(&gap.as_bytes()[..nl + 1]);
                }
                boundary
            }
        };
        if boundary {
            let s = tokens[sentence_first];
            out.push(Sentence {
                start: s.start,
                end: t.end,
                char_start: s.char_start,
                char_end: t.char_end,
                paragraph,
                token_start: first + sentence_first,
                token_end: first + i + 1,
            });
            sentence_first = i + 1;
            group = None;
        }
    }
}

/// Whether `t` can end a sentence, and how.
fn terminal(text: &str, t: &Token, next: Option<&Token>) -> Option<Terminal> {
    // Fast exit: terminals end in a period, "?", "!" or a non-ASCII character.
    let last_byte = text.as_bytes()[t.end - 1];
    if last_byte.is_ascii() && !matches!(last_byte, b'.' | b'?' | b'!') {
        return None;
    }
    let s = &text[t.start..t.end];
    match t.kind {
        TokenKind::Punct => {
            let last = s.chars().next_back()?;
            if is_cjk_final(last) {
                Some(Terminal::Cjk)
            } else if is_sentence_final(last) {
                Some(Terminal::Punct)
            } else {
                None
            }
        }
        TokenKind::Word if s.len() >= 2 && s.ends_with('.') => {
            let body = &s[..s.len() - 1];
            let class = if body.contains('.') {
                abbreviations::acronym_class(s)
            } else {
                let before_number = next.is_some_and(|n| n.kind == TokenKind::Number);
                abbreviations::classify(body, before_number).unwrap_or(AbbrevClass::Ambiguous)
            };
            Some(Terminal::Abbrev(class))
        }
        _ => None,
    }
}

fn is_closer_token(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && text[t.start..t.end].chars().all(is_closer)
}

fn first_char(text: &str, t: &Token) -> char {
    text[t.start..t.end].chars().next().unwrap_or(' ')
}

fn after_terminal(text: &str, term: Terminal, n: &Token, gap: &str, newline: bool) -> bool {
    if term == Terminal::Cjk {
        return true;
    }
    if gap.is_empty() {
        return false;
    }
    let first = first_char(text, n);
    let word = &text[n.start..n.end];
    match term {
        Terminal::Cjk => true,
        Terminal::Punct => {
            let continues = first.is_lowercase()
                || matches!(first, ',' | ';' | ':' | ')' | ']' | '}')
                || (n.kind == TokenKind::Punct && is_sentence_final(first));
            newline || !continues
        }
        Terminal::Abbrev(AbbrevClass::Prefix) => false,
        Terminal::Abbrev(AbbrevClass::Initial) => {
            n.kind == TokenKind::Word && word.len() > 1 && abbreviations::is_sentence_starter(word)
        }
        Terminal::Abbrev(AbbrevClass::Ambiguous) => {
            (n.kind == TokenKind::Word && abbreviations::is_sentence_starter(word))
                || (n.kind == TokenKind::Punct && matches!(first, '"' | '\u{201c}' | '\u{2018}' | '\u{00ab}'))
        }
    }
}

fn after_line(text: &str, t: &Token, n: &Token, line_chars: usize) -> bool {
    if t.kind == TokenKind::Punct {
        let last = text[t.start..t.end].chars().next_back().unwrap_or(' ');
        if matches!(last, ',' | ';' | ':') || is_hyphen(last) {
            return false;
        }
    }
    let first = first_char(text, n);
    let starts_like_sentence = first.is_uppercase()
        || first.is_numeric()
        || is_opener(first)
        || matches!(first, '-' | '\u{2022}' | '*' | '\u{2013}' | '\u{2014}')
        || (first.is_alphabetic() && !first.is_lowercase());
    starts_like_sentence && !(WRAPPED_LINE_MIN..=WRAPPED_LINE_MAX).contains(&line_chars)
}
