//! Character clean-up before line rules: line endings, invisible and control characters,
//! non-breaking spaces (scrapers leave them between words).

use std::borrow::Cow;

pub fn normalize(text: &str) -> Cow<'_, str> {
    let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n';
    let Some(first) = text.bytes().position(|b| !plain(b)) else {
        return Cow::Borrowed(text);
    };
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
        let run = rest.bytes().position(|b| !plain(b)).unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
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
