//! Mojibake: UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and saved again,
//! so "’" reads "â€™", "é" reads "Ã©" and "”" reads "â€\u{9d}". A run of non-ASCII
//! characters is repaired only when every character maps back to one Windows-1252/Latin-1
//! byte and those bytes are valid UTF-8 holding at least one character beyond Latin-1 or
//! a two-byte sequence: text that was never mis-decoded ("café", "£5", "«non»") does not
//! form valid UTF-8 that way, so it is left alone. Lower-cased mojibake ("ã©", from
//! corpora that lower-case their text) is tried with the lead letter upper-cased again.

use encoding_rs::WINDOWS_1252;
use std::borrow::Cow;

/// The note prefix that records repairs on a document.
pub const NOTE: &str = "repaired mojibake";

/// Repair `text`; returns it and the number of runs repaired.
pub fn repair(text: &str) -> (Cow<'_, str>, usize) {
    if text.is_ascii() {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::new();
    let mut done = 0; // bytes of `text` already copied to `out`
    let mut repairs = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_ascii() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = iter.peek() {
            if c.is_ascii() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        let run = &text[start..end];
        if let Some(fixed) = fix_run(run) {
            out.push_str(&text[done..start]);
            out.push_str(&fixed);
            done = end;
            repairs += 1;
        }
    }
    if repairs == 0 {
        return (Cow::Borrowed(text), 0);
    }
    out.push_str(&text[done..]);
    (Cow::Owned(out), repairs)
}

fn fix_run(run: &str) -> Option<String> {
    let as_is = to_bytes(run, false).and_then(utf8);
    as_is.or_else(|| to_bytes(run, true).and_then(utf8))
}

/// The single bytes these characters were decoded from, or `None` when one has none.
fn to_bytes(run: &str, upper_leads: bool) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(run.len());
    let mut buf = [0u8; 4];
    for c in run.chars() {
        let b = match c as u32 {
            // C1 controls: Latin-1's reading of the bytes Windows-1252 leaves undefined.
            0x80..=0x9F => c as u32 as u8,
            0xA0..=0xFF => {
                let b = c as u32 as u8;
                // "ã©" was "Ã©" before lower-casing; 'â' stays (it leads "â€™").
                if upper_leads && (0xE0..=0xFE).contains(&b) && b != 0xF7 && b != 0xE2 { b - 0x20 } else { b }
            }
            _ => {
                let (bytes1252, _, unmappable) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                if unmappable || bytes1252.len() != 1 {
                    return None;
                }
                bytes1252[0]
            }
        };
        bytes.push(b);
    }
    Some(bytes)
}

fn utf8(bytes: Vec<u8>) -> Option<String> {
    if bytes.len() < 2 {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn repairs_common_mojibake() {
        assert_eq!(repair("Putinâ€™s visit"), ("Putin’s visit".into(), 1));
        assert_eq!(repair("the cafÃ© in SÃ£o Paulo"), ("the café in São Paulo".into(), 2));
        assert_eq!(repair("â€œPeaceâ€\u{9d} he said"), ("“Peace” he said".into(), 2));
        assert_eq!(repair("modiâ€™s cabinet, cafã© owners"), ("modi’s cabinet, café owners".into(), 2));
        assert_eq!(repair("100Â\u{a0}km"), ("100\u{a0}km".into(), 1));
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in ["café £5 «non» naïve", "Zürich – Genève", "Москва и Киев", "東京", "plain ascii", "São Paulo’s mayor"] {
            let (t, n) = repair(s);
            assert_eq!((t.as_ref(), n), (s, 0), "{s}");
        }
    }
}
