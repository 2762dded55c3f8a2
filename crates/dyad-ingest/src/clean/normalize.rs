//! Character clean-up before line rules: line endings, invisible and control characters,
//! non-breaking spaces (scrapers leave them between words).

use std::borrow::Cow;

pub fn normalize(text: &str) -> Cow<'_, str> {
    let first = plain_prefix(text.as_bytes());
    if first == text.len() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '\r' => {
                if !rest.starts_with('\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' | '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => out.push(' '),
            // Zero-width characters, soft hyphen, BOM: invisible, and they split words.
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            '\u{2028}' | '\u{2029}' | '\u{0C}' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
        // Copy the next run of plain ASCII in one go.
        let run = plain_prefix(rest.as_bytes());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
    }
    Cow::Owned(out)
}

/// Printable ASCII and line feeds pass through unchanged.
fn plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || b == b'\n'
}

/// Length of the leading run of plain bytes. Whole 16-byte blocks are tested first, with a
/// branch-free fold the compiler turns into vector code; most text is one long run.
fn plain_prefix(bytes: &[u8]) -> usize {
    let mut start = 0;
    for block in bytes.chunks_exact(16) {
        if !block.iter().fold(true, |all, &b| all & plain(b)) {
            break;
        }
        start += 16;
    }
    start + bytes[start..].iter().position(|&b| !plain(b)).unwrap_or(bytes.len() - start)
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::borrow::Cow;

    #[test]
    fn normalizes_whitespace_and_controls() {
        assert_eq!(normalize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalize("newspaper\u{a0}Rodong\u{200b} Sinmun\u{3}"), "newspaper Rodong Sinmun");
        assert_eq!(normalize("plain ascii\n"), "plain ascii\n");
        assert_eq!(normalize("“quoted” – dash"), "“quoted” – dash");
        // Long plain runs (scanned in blocks) around the characters that change.
        let long = "a plain line of text that is longer than one block\n".repeat(3);
        assert!(matches!(normalize(&long), Cow::Borrowed(_)));
        let mixed = format!("{long}\r\n{long}\u{a0}{long}\u{3}");
        assert_eq!(normalize(&mixed), format!("{long}\n{long} {long}"));
    }
}
