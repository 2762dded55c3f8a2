//! Character clean-up before line rules: line endings, invisible and control characters,
//! non-breaking spaces (scrapers leave them between words).

use std::borrow::Cow;

pub fn normalize(text: &str) -> Cow<'_, str> {
    let clean = text.bytes().all(|b| (b >= 0x20 && b < 0x7f) || b == b'\n');
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
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
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalizes_whitespace_and_controls() {
        assert_eq!(normalize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalize("newspaper\u{a0}Rodong\u{200b} Sinmun\u{3}"), "newspaper Rodong Sinmun");
        assert_eq!(normalize("plain ascii\n"), "plain ascii\n");
        assert_eq!(normalize("“quoted” – dash"), "“quoted” – dash");
    }
}
