//! Shared by the test files: the invariants every segmentation must satisfy.

use dyad_doc::Document;

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Checks every invariant of a segmented document; panics with the input on failure.
pub fn check(doc: &Document) {
    let text = &doc.text;
    let ctx = format!("input {text:?}");
    // byte offset of each char boundary → char index
    let mut char_index = vec![usize::MAX; text.len() + 1];
    for (i, (b, _)) in text.char_indices().enumerate() {
        char_index[b] = i;
    }
    char_index[text.len()] = text.chars().count();

    let mut last_end = 0;
    for p in &doc.paragraphs {
        assert!(p.start < p.end && p.end <= text.len() && p.start >= last_end, "paragraph {p:?}; {ctx}");
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end), "{ctx}");
        last_end = p.end;
    }

    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    for t in &doc.tokens {
        assert!(t.start < t.end && t.end <= text.len() && t.start >= last_end, "token {t:?}; {ctx}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "token {t:?}; {ctx}");
        assert_eq!((t.char_start, t.char_end), (char_index[t.start], char_index[t.end]), "token {t:?}; {ctx}");
        assert!(!doc.token_text(t).chars().any(char::is_whitespace), "token {:?} has white space; {ctx}", doc.token_text(t));
        covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
        last_end = t.end;
    }
    // Everything that is not a separator is in some token.
    for (b, c) in text.char_indices() {
        assert!(covered[b] || is_separator(c), "char {c:?} at {b} in no token; {ctx}");
    }

    // Sentences partition the tokens, in order, within their paragraph.
    let mut next_token = 0;
    let mut last_paragraph = 0;
    for s in &doc.sentences {
        assert_eq!(s.token_start, next_token, "sentence {s:?}; {ctx}");
        assert!(s.token_end > s.token_start && s.token_end <= doc.tokens.len(), "sentence {s:?}; {ctx}");
        let first = doc.tokens[s.token_start];
        let last = doc.tokens[s.token_end - 1];
        assert_eq!((s.start, s.end), (first.start, last.end), "sentence {s:?}; {ctx}");
        assert_eq!((s.char_start, s.char_end), (char_index[s.start], char_index[s.end]), "sentence {s:?}; {ctx}");
        assert!(s.paragraph >= last_paragraph && s.paragraph < doc.paragraphs.len(), "sentence {s:?}; {ctx}");
        let p = doc.paragraphs[s.paragraph];
        assert!(p.start <= s.start && s.end <= p.end, "sentence {s:?} outside paragraph {p:?}; {ctx}");
        next_token = s.token_end;
        last_paragraph = s.paragraph;
    }
    assert_eq!(next_token, doc.tokens.len(), "tokens outside sentences; {ctx}");
}
