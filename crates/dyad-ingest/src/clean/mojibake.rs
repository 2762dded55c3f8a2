//! Mojibake: UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and saved again,
//! so "’" reads "â€™", "é" reads "Ã©" and "”" reads "â€\u{9d}". Within each run of non-ASCII
//! characters, a sequence is repaired only when its characters map back to single
//! Windows-1252/Latin-1 bytes that form one whole UTF-8 character of plausible text (two-byte
//! sequences: Latin, Greek or Cyrillic letters and Latin-1 signs). Text that was never
//! mis-decoded ("café", "£5", "«non»", "„Straße“") does not form such sequences, so it is left
//! alone. Lower-cased mojibake ("ã©", from corpora that lower-case their text) is tried with
//! the lead letter upper-cased again; "â€\u{FFFD}" (a closing quote whose last byte was lost)
//! and a lone "Â" before a space (a no-break space whose second byte became a space) are
//! repaired too.

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
    // "â€\u{FFFD}": a closing quote whose last byte (0x9D, undefined in Windows-1252) was
    // already replaced once. "Â" alone: a no-break space whose second byte became a space.
    if run == "Â" {
        return Some(String::new());
    }
    let run_fixed;
    let run = if run.contains("â€\u{FFFD}") {
        run_fixed = run.replace("â€\u{FFFD}", "â€\u{9D}");
        run_fixed.as_str()
    } else {
        run
    };
    let as_is = decode_sequences(run, false);
    as_is.or_else(|| decode_sequences(run, true))
}

/// Walk the run's bytes; where a whole UTF-8 sequence of plausible text starts, decode it,
/// elsewhere keep the character. `None` when no sequence was found.
fn decode_sequences(run: &str, upper_leads: bool) -> Option<String> {
    let chars: Vec<char> = run.chars().collect();
    let bytes: Vec<Option<u8>> = chars.iter().map(|&c| to_byte(c, upper_leads)).collect();
    let mut out = String::with_capacity(run.len());
    let mut fixed = false;
    let mut i = 0;
    while i < chars.len() {
        let len = match bytes[i] {
            Some(0xC2..=0xDF) => 2,
            Some(0xE0..=0xEF) => 3,
            Some(0xF0..=0xF4) => 4,
            _ => 0,
        };
        if len > 0 && i + len <= chars.len() {
            let seq: Option<Vec<u8>> = bytes[i..i + len].iter().copied().collect();
            if let Some(c) = seq.and_then(|b| String::from_utf8(b).ok()).and_then(|s| s.chars().next()).filter(|&c| plausible(c, len)) {
                out.push(c);
                fixed = true;
                i += len;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    fixed.then_some(out)
}

/// What mis-decoded text plausibly held: two-byte sequences only for Latin, Greek and
/// Cyrillic letters and Latin-1 signs ("ß“" in German quotes would otherwise become an NKo
/// letter); longer ones anything but controls.
fn plausible(c: char, len: usize) -> bool {
    match len {
        2 => matches!(c as u32, 0xA0..=0x24F | 0x370..=0x4FF),
        _ => !c.is_control(),
    }
}

fn to_byte(c: char, upper_leads: bool) -> Option<u8> {
    let mut buf = [0u8; 4];
    match c as u32 {
        // C1 controls: Latin-1's reading of the bytes Windows-1252 leaves undefined.
        0x80..=0x9F => Some(c as u32 as u8),
        0xA0..=0xFF => {
            let b = c as u32 as u8;
            // "ã©" was "Ã©" before lower-casing; 'â' stays (it leads "â€™").
            Some(if upper_leads && (0xE0..=0xFE).contains(&b) && b != 0xF7 && b != 0xE2 { b - 0x20 } else { b })
        }
        _ => {
            let (bytes1252, _, unmappable) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
            (!unmappable && bytes1252.len() == 1).then(|| bytes1252[0])
        }
    }
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
        assert_eq!(repair("the stories:Â more"), ("the stories: more".into(), 1));
        assert_eq!(repair("dondâ€\u{FFFD} go"), ("dond” go".into(), 1));
        assert_eq!(repair("â€™â€™ twice"), ("’’ twice".into(), 1));
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in ["café £5 «non» naïve", "Zürich – Genève", "Москва и Киев", "東京", "plain ascii", "São Paulo’s mayor", "„Straße“ und „Fuß“", "«CAFÉ»"] {
            let (t, n) = repair(s);
            assert_eq!((t.as_ref(), n), (s, 0), "{s}");
        }
    }
}
