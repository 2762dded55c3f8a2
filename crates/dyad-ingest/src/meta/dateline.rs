//! Datelines at the start of a story: "SEOUL, March 20 (UPI) --", "WASHINGTON (AP) —",
//! Reuters' "SALVADOR, Feb 26 -".

use super::date::month_number;
use dyad_doc::Dateline;
use regex::Regex;
use std::sync::LazyLock;

/// The dateline pattern, with its character classes spelled out by `c`.
fn pattern(c: &Classes) -> String {
    let Classes { upper, letter, mark, digit, not_paren } = c;
    [
        // Place: upper-case words ("SEOUL", "NEW YORK", "ST. PETERSBURG"), optionally ", Region".
        format!(r"^(?P<place>{upper}[{upper}{mark}.'’\-]*(?:\s+{upper}[{upper}{mark}.'’\-]*){{0,4}})"),
        format!(r"(?:,\s*(?P<region>{upper}[{letter}.]*(?:\s{upper}[{letter}.]*)?))??"),
        // Date: ", March 20" or ", Feb. 26, 2019".
        format!(r"(?:,?\s+(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s+(?P<day>{digit}{{1,2}})(?:,\s*(?P<year>{digit}{{4}}))?)?"),
        // Agency: "(UPI)".
        format!(r"\s*(?:\((?P<agency>{not_paren}{{1,40}})\))?"),
        // The dash that ends it.
        r"\s*(?:--|—|–|-|:)\s*".to_string(),
    ]
    .concat()
}

/// Upper-case letter, letter, combining mark, digit, and anything but a parenthesis.
struct Classes {
    upper: &'static str,
    letter: &'static str,
    mark: &'static str,
    digit: &'static str,
    not_paren: &'static str,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let unicode = Classes { upper: r"\p{Lu}", letter: r"\p{L}", mark: r"\p{M}", digit: r"\d", not_paren: "[^()]" };
    Regex::new(&pattern(&unicode)).unwrap()
});

/// The same pattern for ASCII text, where these classes mean the same thing: its automaton
/// is a fraction of the size, and capture groups are found many times faster.
static DATELINE_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    let ascii = Classes { upper: "[A-Z]", letter: "[A-Za-z]", mark: "", digit: "[0-9]", not_paren: r"[\x00-\x27\x2A-\x7F]" };
    Regex::new(&pattern(&ascii)).unwrap()
});

/// Web style: a place in title case and the agency, "London (CNN)", "Hong Kong (CNN Business)",
/// then a dash or the story glued on ("London (CNN)It was"): the markup put the dateline in
/// its own element.
static TITLE_CASE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){0,3}(?:,\s*\p{Lu}[\p{L}.]+)?)\s*\((?P<agency>\p{Lu}[\p{L}&]+(?:\s\p{Lu}[\p{L}&]+){0,2})\)(?:\s*(?:--|—|–|-)\s*|(?P<glued>\p{Lu}))")
        .unwrap()
});

fn split_title_case(paragraph: &str) -> Option<(Dateline, &str)> {
    let head = paragraph.char_indices().nth(80).map_or(paragraph, |(i, _)| &paragraph[..i]);
    if !paragraph.starts_with(char::is_uppercase) || !head.contains('(') {
        return None;
    }
    let c = TITLE_CASE_DATELINE.captures(paragraph)?;
    let end = c.name("glued").map_or(c.get(0)?.end(), |g| g.start());
    let dateline = Dateline {
        raw: paragraph[..end].trim().to_string(),
        place: Some(c["place"].to_string()),
        agency: Some(c["agency"].to_string()),
        ..Dateline::default()
    };
    Some((dateline, &paragraph[end..]))
}

/// If `paragraph` starts with a dateline, return it and the rest of the paragraph.
pub fn split(paragraph: &str) -> Option<(Dateline, &str)> {
    // Cheap test before the regex: a dateline opens with an upper-case word ("SEOUL").
    let mut first = paragraph.chars().take(2);
    if !(first.next()?.is_uppercase() && first.next()?.is_uppercase()) {
        return split_title_case(paragraph);
    }
    let regex = if paragraph.is_ascii() { &DATELINE_ASCII } else { &DATELINE };
    let c = regex.captures(paragraph)?;
    let month = c.name("month").and_then(|m| month_number(m.as_str()));
    let agency = c.name("agency").map(|a| a.as_str().trim().to_string());
    let place = c.name("place")?.as_str();
    // A place alone before a dash ("WARNING - ...") is too weak; want a date or an agency,
    // and a real word for the place.
    if month.is_none() && agency.is_none() {
        return None;
    }
    if place.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let whole = c.get(0)?;
    let raw = whole.as_str().trim().to_string();
    let day = c.name("day").and_then(|d| d.as_str().parse().ok()).filter(|d| (1..=31).contains(d));
    let mut place = title_case(place);
    if let Some(r) = c.name("region") {
        if month_number(r.as_str()).is_none() {
            place = format!("{place}, {}", r.as_str());
        }
    }
    let dateline = Dateline {
        raw,
        place: Some(place),
        month: month.filter(|_| day.is_some()),
        day: day.filter(|_| month.is_some()),
        year: c.name("year").and_then(|y| y.as_str().parse().ok()),
        agency,
    };
    Some((dateline, &paragraph[whole.end()..]))
}

/// "NEW YORK" → "New York", "ST. PETERSBURG" → "St. Petersburg".
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for ch in s.chars() {
        if ch.is_alphabetic() {
            if start {
                out.extend(ch.to_uppercase());
            } else {
                out.extend(ch.to_lowercase());
            }
            start = false;
        } else {
            out.push(ch);
            start = ch.is_whitespace() || ch == '-';
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upi_style() {
        let (d, rest) = split("SEOUL, March 20 (UPI) -- North Korean leader Kim Jong Un has congratulated").unwrap();
        assert_eq!(d.place.as_deref(), Some("Seoul"));
        assert_eq!((d.month, d.day, d.year), (Some(3), Some(20), None));
        assert_eq!(d.agency.as_deref(), Some("UPI"));
        assert_eq!(d.raw, "SEOUL, March 20 (UPI) --");
        assert!(rest.starts_with("North Korean leader"));
    }

    #[test]
    fn other_styles() {
        let (d, rest) = split("WASHINGTON (AP) — The Senate voted").unwrap();
        assert_eq!(d.place.as_deref(), Some("Washington"));
        assert_eq!(d.agency.as_deref(), Some("AP"));
        assert_eq!(d.month, None);
        assert_eq!(rest, "The Senate voted");

        let (d, rest) = split("SALVADOR, Feb 26 -").unwrap();
        assert_eq!((d.place.as_deref(), d.month, d.day), (Some("Salvador"), Some(2), Some(26)));
        assert_eq!(rest, "");

        let (d, _) = split("NEW YORK, Sept. 3, 2019 (Reuters) - Stocks fell").unwrap();
        assert_eq!((d.place.as_deref(), d.month, d.day, d.year), (Some("New York"), Some(9), Some(3), Some(2019)));
    }

    /// On ASCII text the ASCII pattern finds exactly what the Unicode one finds.
    #[test]
    fn ascii_pattern_agrees_with_unicode_pattern() {
        let groups = |re: &Regex, s: &str| -> Option<Vec<Option<(usize, usize)>>> {
            let c = re.captures(s)?;
            Some(c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
        };
        for s in [
            "SEOUL, March 20 (UPI) -- North Korean leader",
            "WASHINGTON (AP) - The Senate voted",
            "SALVADOR, Feb 26 -",
            "NEW YORK, Sept. 3, 2019 (Reuters) - Stocks fell",
            "ST. PETERSBURG, Fla., Jan 5 - x",
            "SAN JOSE, Costa Rica, March 3 (Reuters) - x",
            "NATO - the alliance - met today.",
            "LONDON (a very long agency name that is longer than forty characters) - x",
            "TOKYO, May 12, 1987 : x",
            "US OK -- fine",
            "ABC DEF GHI JKL MNO PQR (X) - six words",
        ] {
            assert_eq!(groups(&DATELINE_ASCII, s), groups(&DATELINE, s), "{s}");
        }
    }

    #[test]
    fn web_style() {
        let (d, rest) = split("London (CNN)It was the interview that some feared").unwrap();
        assert_eq!((d.place.as_deref(), d.agency.as_deref(), d.raw.as_str()), (Some("London"), Some("CNN"), "London (CNN)"));
        assert_eq!(rest, "It was the interview that some feared");
        let (d, rest) = split("Hong Kong (CNN Business) - Shares fell").unwrap();
        assert_eq!((d.place.as_deref(), d.agency.as_deref()), (Some("Hong Kong"), Some("CNN Business")));
        assert_eq!(rest, "Shares fell");
        assert!(split("The World Health Organization (WHO) said on Monday").is_none());
        assert!(split("Joe Biden (D) said").is_none());
        assert!(split(&format!("Dies ist {} über (Essen)", "ü".repeat(40))).is_none());
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert!(split("North Korean leader Kim Jong Un has congratulated Putin.").is_none());
        assert!(split("NATO - the alliance - met today.").is_none());
        assert!(split("\"I congratulate you,\" he said.").is_none());
    }
}
