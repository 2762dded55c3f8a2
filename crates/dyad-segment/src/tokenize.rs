//! The tokenizer: a hand-written scanner over the text's characters, one pass, no regex.
//!
//! Every look-ahead is bounded by the token it produces, except the e-mail check, which
//! remembers how far it has looked so it never scans the same run twice: linear time on
//! any input (a 50 MB line, 10,000-token sentences, pure punctuation).

use dyad_doc::{Token, TokenKind};

use crate::abbreviations;
use crate::chars::*;

/// Appends the tokens of `text[start..end]` to `out`. `char_start` is the character offset
/// of byte `start`; `start` and `end` must be character boundaries.
pub fn tokenize(text: &str, start: usize, end: usize, char_start: usize, out: &mut Vec<Token>) {
    let mut scanner = Scanner { text, bytes: text.as_bytes(), end, no_email_before: 0 };
    let bytes = text.as_bytes();
    let mut pos = start;
    // `chars_at_last` is the character offset of byte `last`: offsets are counted lazily,
    // over the gap and the token, only when a token is emitted.
    let mut last = start;
    let mut chars_at_last = char_start;
    // Where the previous word or number ended: clitics ("'s", "n't") attach only there.
    let mut word_end = usize::MAX;
    // In ASCII text (most English news paragraphs) character offsets are byte offsets
    // shifted by a constant: no counting needed.
    let ascii = bytes[start..end].is_ascii();
    while pos < end {
        let b = bytes[pos];
        let c = if b < 0x80 {
            if is_space(b as char) {
                pos += 1;
                continue;
            }
            b as char
        } else {
            let Some(c) = scanner.char_at(pos) else { break };
            if is_space(c) {
                pos += c.len_utf8();
                continue;
            }
            c
        };
        let attached = word_end == pos;
        let (token_end, kind) = scanner.scan_token(pos, c, attached);
        debug_assert!(token_end > pos);
        let (token_char_start, token_char_end) = if ascii {
            (chars_at_last + (pos - last), chars_at_last + (token_end - last))
        } else {
            let s = chars_at_last + char_count(&bytes[last..pos]);
            (s, s + char_count(&bytes[pos..token_end]))
        };
        let token = Token::new(pos, token_end, token_char_start, token_char_end, kind);
        out.push(token);
        if matches!(kind, TokenKind::Word | TokenKind::Number) {
            word_end = token_end;
        }
        last = token_end;
        chars_at_last = token_char_end;
        pos = token_end;
    }
}

/// Prefixes that UD English keeps joined to the word after their hyphen.
const BOUND_PREFIXES: &[&str] = &[
    "anti", "bi", "co", "counter", "cross", "e", "ex", "inter", "intra", "macro", "mega", "micro", "mid", "mini", "multi",
    "neo", "non", "over", "post", "pre", "pro", "psycho", "re", "semi", "socio", "sub", "super", "trans", "tri", "ultra",
    "un", "vice",
];

fn is_bound_prefix(part: &str) -> bool {
    part.len() <= 7 && BOUND_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(part))
}

/// Words UD English writes as two: "cannot" → "can" "not", "gonna" → "gon" "na",
/// "wanna" → "wan" "na", "gotta" → "got" "ta". Returns the length of the first part.
fn fused_word_split(word: &[u8]) -> Option<usize> {
    if word.len() != 5 && word.len() != 6 {
        return None;
    }
    let fused = [&b"cannot"[..], b"gonna", b"wanna", b"gotta"];
    fused.iter().any(|f| f.eq_ignore_ascii_case(word)).then_some(3)
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    end: usize,
    /// Word starts before this byte are known not to begin an e-mail address.
    no_email_before: usize,
}

impl Scanner<'_> {
    #[inline(always)]
    fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        let b = self.bytes[pos];
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text[pos..self.end].chars().next()
        }
    }

    #[inline]
    fn byte_at(&self, pos: usize) -> Option<u8> {
        if pos < self.end {
            Some(self.bytes[pos])
        } else {
            None
        }
    }

    /// One token starting at `pos` with first character `c`; returns its end and kind.
    fn scan_token(&mut self, pos: usize, c: char, attached: bool) -> (usize, TokenKind) {
        // Fast path: an ASCII letter other than the "n" of "n't" starts a word.
        if c.is_ascii_alphabetic() && !(attached && (c == 'n' || c == 'N')) {
            return (self.scan_word_like(pos, c), TokenKind::Word);
        }
        let len = c.len_utf8();
        // Clitics split off the word before them: "Putin" + "'s", "did" + "n't".
        if attached {
            if is_apostrophe(c) {
                if let Some((end, _)) = self.clitic(pos + len) {
                    return (end, TokenKind::Word);
                }
            }
            if c == 'n' || c == 'N' {
                if let Some(a) = self.char_at(pos + 1).filter(|&a| is_apostrophe(a)) {
                    if let Some((end, true)) = self.clitic(pos + 1 + a.len_utf8()) {
                        return (end, TokenKind::Word);
                    }
                }
            }
        }
        if c.is_numeric() {
            return (self.scan_number(pos), TokenKind::Number);
        }
        if c == '.' && !attached && self.byte_at(pos + 1).is_some_and(|b| b.is_ascii_digit()) {
            return (self.scan_number(pos + 1), TokenKind::Number);
        }
        if is_word_char(c) {
            return (self.scan_word_like(pos, c), TokenKind::Word);
        }
        if (c == '@' || c == '#') && !attached && self.char_at(pos + 1).is_some_and(is_word_char) {
            // Handles and hashtags: "@ben_kew", "#MeToo".
            return (self.scan_word(pos + 1), TokenKind::Word);
        }
        if is_sentence_final(c) {
            return (self.run_of(pos, is_sentence_final), TokenKind::Punct);
        }
        if is_hyphen(c) || matches!(c, '\u{2012}'..='\u{2015}') {
            // "--", "—", "——": one dash token.
            return (self.run_of(pos, |d| d == c), TokenKind::Punct);
        }
        if is_punct(c) {
            return (pos + len, TokenKind::Punct);
        }
        (self.scan_symbol(pos, c), TokenKind::Symbol)
    }

    /// End of the run of characters matching `pred` starting at `pos`.
    fn run_of(&self, mut pos: usize, pred: impl Fn(char) -> bool) -> usize {
        while let Some(c) = self.char_at(pos).filter(|&c| pred(c)) {
            pos += c.len_utf8();
        }
        pos
    }

    /// After an apostrophe at `pos - 1`: if the letters from `pos` are a clitic ("s", "re",
    /// "ve", "ll", "d", "m", or "t" of "n't") ending the word, their end and whether it was "t".
    fn clitic(&self, pos: usize) -> Option<(usize, bool)> {
        let mut buf = [0u8; 2];
        let mut n = 0;
        let mut p = pos;
        while let Some(b) = self.byte_at(p).filter(|b| b.is_ascii_alphabetic()) {
            if n == 2 {
                return None;
            }
            buf[n] = b.to_ascii_lowercase();
            n += 1;
            p += 1;
        }
        if n == 0 || self.char_at(p).is_some_and(is_word_char) {
            return None;
        }
        match &buf[..n] {
            b"s" | b"re" | b"ve" | b"ll" | b"d" | b"m" => Some((p, false)),
            b"t" => Some((p, true)),
            _ => None,
        }
    }

    /// A word, URL, e-mail address, dotted acronym or abbreviation starting at `pos`.
    #[inline]
    fn scan_word_like(&mut self, pos: usize, c: char) -> usize {
        let end = self.scan_word(pos);
        if let Some(first) = fused_word_split(&self.bytes[pos..end]) {
            return pos + first;
        }
        // URLs, acronyms, e-mail addresses and abbreviations all continue the plain word
        // with one of these characters; anything else ends it.
        match self.byte_at(end) {
            Some(b'.' | b':' | b'%' | b'+' | b'-' | b'@') => self.extend_word(pos, c, end),
            _ => end,
        }
    }

    /// The rare cases where a word goes on past `end`: "http://…", "www.…", "U.S.",
    /// "bkew@breitbart.com", "Mr.".
    #[cold]
    #[inline(never)]
    fn extend_word(&mut self, pos: usize, c: char, end: usize) -> usize {
        if matches!(c, 'h' | 'w' | 'H' | 'W') {
            if let Some(url_end) = self.scan_url(pos) {
                return url_end;
            }
        }
        if c.is_alphabetic() && end == pos + c.len_utf8() && self.byte_at(end) == Some(b'.') {
            if let Some(acronym_end) = self.scan_acronym(pos) {
                return acronym_end;
            }
        }
        // An e-mail address can only start here if the word stops at a character of an
        // address's local part or at the "@".
        if matches!(self.byte_at(end), Some(b'.' | b'%' | b'+' | b'-' | b'@')) && pos >= self.no_email_before {
            if let Some(email_end) = self.scan_email(pos) {
                return email_end;
            }
        }
        if self.byte_at(end) == Some(b'.') {
            let next = self.text[end + 1..self.end].trim_start_matches(is_space).chars().next();
            let before_number = next.is_some_and(|n| n.is_numeric());
            if abbreviations::classify(&self.text[pos..end], before_number).is_some() {
                return end + 1;
            }
        }
        end
    }

    /// Letters, digits and marks, joined by hyphens ("Jong-un") and by apostrophes that are
    /// not clitics ("O'Brien"). Stops before "'s", "'re", ... and before the "n" of "n't".
    fn scan_word(&self, pos: usize) -> usize {
        let mut p = pos;
        let mut last_char_start = pos;
        loop {
            // ASCII letters and digits, the common case, byte by byte.
            while p < self.end && ASCII_WORD[self.bytes[p] as usize] {
                last_char_start = p;
                p += 1;
            }
            // Fast exit at an ASCII character that cannot join a word (space, most punctuation).
            match self.byte_at(p) {
                None => break,
                Some(b) if b < 0x80 && b != b'-' && b != b'\'' => break,
                _ => {}
            }
            let Some(c) = self.char_at(p) else { break };
            let len = c.len_utf8();
            if is_word_char(c) {
                last_char_start = p;
                p += len;
                continue;
            }
            let next = self.char_at(p + len);
            if is_hyphen(c) && next.is_some_and(is_word_char) {
                // Universal Dependencies words: "Hamas-linked" is "Hamas" "-" "linked";
                // only a bound prefix stays joined ("non-aligned", "co-operate", "e-mail").
                if !is_bound_prefix(&self.text[pos..p]) {
                    return p;
                }
                p += len;
                continue;
            }
            if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) {
                match self.clitic(p + len) {
                    Some((_, false)) => return p,
                    Some((_, true)) => {
                        let n_before = matches!(self.bytes[last_char_start], b'n' | b'N');
                        if n_before && last_char_start > pos {
                            return last_char_start;
                        }
                    }
                    None => {}
                }
                p += len;
                continue;
            }
            break;
        }
        p
    }

    /// "U.S.", "e.g.", "J.R.R.", "a.m.": single letters each followed by a period (the last
    /// period may be missing: "U.S"). At least two letters.
    fn scan_acronym(&self, pos: usize) -> Option<usize> {
        let mut p = pos;
        let mut letters = 0;
        while let Some(l) = self.char_at(p).filter(|l| l.is_alphabetic()) {
            let after = p + l.len_utf8();
            if self.byte_at(after) == Some(b'.') {
                letters += 1;
                p = after + 1;
                continue;
            }
            if letters >= 1 && !self.char_at(after).is_some_and(is_word_char) {
                letters += 1;
                p = after;
            }
            break;
        }
        (letters >= 2).then_some(p)
    }

    /// "http://…", "https://…", "www.…" up to white space or a quote, without trailing
    /// sentence punctuation (and without a closing bracket the URL did not open).
    fn scan_url(&self, pos: usize) -> Option<usize> {
        let rest = &self.bytes[pos..self.end];
        let prefix = [&b"http://"[..], b"https://", b"www."]
            .iter()
            .any(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p));
        if !prefix {
            return None;
        }
        let mut p = pos;
        let mut opened = false;
        while let Some(c) = self.char_at(p) {
            if is_space(c) || matches!(c, '"' | '<' | '>' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}') {
                break;
            }
            opened |= c == '(';
            p += c.len_utf8();
        }
        while p > pos {
            let last = self.bytes[p - 1];
            if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') || (last == b')' && !opened) {
                p -= 1;
            } else {
                break;
            }
        }
        // "www." alone is no URL.
        (p > pos + 4).then_some(p)
    }

    /// "bkew@breitbart.com": ASCII local part, "@", a domain with at least one dot.
    fn scan_email(&mut self, pos: usize) -> Option<usize> {
        let is_local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut p = pos;
        while self.byte_at(p).is_some_and(is_local) {
            p += 1;
        }
        let at = p;
        if self.byte_at(at) != Some(b'@') || at == pos {
            self.no_email_before = at.max(pos + 1);
            return None;
        }
        let mut q = at + 1;
        let mut dot = false;
        while let Some(b) = self.byte_at(q).filter(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
            // A dot counts only when a letter or digit follows it ("x.com", not "x.").
            dot |= b == b'.' && self.byte_at(q + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            q += 1;
        }
        while q > at + 1 && matches!(self.bytes[q - 1], b'.' | b'-') {
            q -= 1;
        }
        if !dot || q == at + 1 {
            self.no_email_before = at;
            return None;
        }
        Some(q)
    }

    /// Digits with their separators and unit letters: "13,000", "3.5%", "1950-53", "10:30",
    /// "1986/87", "1.13bn", "5-year".
    fn scan_number(&self, pos: usize) -> usize {
        let mut p = pos;
        loop {
            while p < self.end && self.bytes[p].is_ascii_alphanumeric() {
                p += 1;
            }
            let Some(c) = self.char_at(p) else { break };
            let len = c.len_utf8();
            if is_word_char(c) {
                p += len;
                continue;
            }
            let next = self.char_at(p + len);
            let after_digit = p > pos && self.bytes[p - 1].is_ascii_digit();
            if matches!(c, ',' | '.' | ':' | '/') && after_digit && next.is_some_and(|n| n.is_ascii_digit()) {
                p += len;
                continue;
            }
            // "1950-53" and phone numbers stay whole; "5-year" is "5" "-" "year" (UD).
            if is_hyphen(c) && next.is_some_and(|n| n.is_numeric()) {
                p += len;
                continue;
            }
            if c == '%' {
                p += len;
            }
            break;
        }
        p
    }

    /// A symbol with what belongs to it: emoji modifiers, variation selectors, combining
    /// marks, zero-width-joiner sequences, and flag pairs of regional indicators.
    fn scan_symbol(&self, pos: usize, c: char) -> usize {
        let mut p = pos + c.len_utf8();
        if is_regional_indicator(c) {
            if let Some(r) = self.char_at(p).filter(|&r| is_regional_indicator(r)) {
                p += r.len_utf8();
            }
        }
        while let Some(m) = self.char_at(p) {
            if is_symbol_modifier(m) || is_mark(m) {
                p += m.len_utf8();
            } else if m == '\u{200d}' {
                p += m.len_utf8();
                match self.char_at(p) {
                    Some(j) if !is_space(j) => p += j.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        p
    }
}
