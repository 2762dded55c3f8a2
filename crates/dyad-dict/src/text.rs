//! Small text helpers shared by the parsers.

/// The file's lines, numbered from 1, with `#` comments removed and right-trimmed.
/// Leading whitespace is kept: dyad's format and PETRARCH actor files give it meaning.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, strip_comment(l).trim_end()))
}

pub(crate) fn strip_comment(line: &str) -> &str {
    let mut from = 0;
    while let Some(i) = line[from..].find('#') {
        let at = from + i;
        // TABARI's discard code `[###]` is not a comment.
        if line[..at].ends_with('[') && line[at..].starts_with("###]") {
            from = at + 4;
            continue;
        }
        return &line[..at];
    }
    line
}

/// Split a trailing `[...]` off `s`: `("NAME", Some("CODE"))`. Text after the `]` that is
/// not blank makes this `None` (the caller decides whether that is an error).
pub(crate) fn split_bracket(s: &str) -> (&str, Option<&str>) {
    let t = s.trim_end();
    if let Some(body) = t.strip_suffix(']') {
        if let Some(open) = body.rfind('[') {
            return (body[..open].trim_end(), Some(body[open + 1..].trim()));
        }
    }
    (t, None)
}

/// A dyad/CAMEO event code: 2–4 digits.
pub(crate) fn is_event_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// An actor code: upper-case letters and digits, a multiple of 3 characters long in
/// well-formed CAMEO, but PETRARCH files also hold shorter/odd ones; this only checks
/// the alphabet.
pub(crate) fn is_code_alphabet(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `cordon_off` / `Cordon  off` → `cordon off` (lowercase, `_` as space, single spaces).
/// One pass, one allocation: this runs for every verb form and set word at startup.
pub(crate) fn words_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == '_' || c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Lowercase with a fast path for ASCII.
pub(crate) fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Same as [`words_lower`] but keeping the case (names are kept as written).
pub(crate) fn words_as_written(s: &str) -> String {
    s.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
