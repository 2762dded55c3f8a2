//! Datelines at the start of a story: "SEOUL, March 20 (UPI) --", "WASHINGTON (AP) —",
//! Reuters' "SALVADOR, Feb 26 -".

use super::date::month_number;
use dyad_doc::Dateline;
use regex::Regex;
use std::sync::LazyLock;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // Place: upper-case words ("SEOUL", "NEW YORK", "ST. PETERSBURG"), optionally ", Region".
        r"^(?P<place>\p{Lu}[\p{Lu}\p{M}.'’\-]*(?:\s+\p{Lu}[\p{Lu}\p{M}.'’\-]*){0,4})",
        r"(?:,\s*(?P<region>\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?))??",
        // Date: ", March 20" or ", Feb. 26, 2019".
        r"(?:,?\s+(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?",
        // Agency: "(UPI)".
        r"\s*(?:\((?P<agency>[^()]{1,40})\))?",
        // The dash that ends it.
        r"\s*(?:--|—|–|-|:)\s*"
    ))
    .unwrap()
});

/// If `paragraph` starts with a dateline, return it and the rest of the paragraph.
pub fn split(paragraph: &str) -> Option<(Dateline, &str)> {
    // Cheap test before the regex: a dateline opens with an upper-case word ("SEOUL").
    let mut first = paragraph.chars().take(2);
    if !(first.next()?.is_uppercase() && first.next()?.is_uppercase()) {
        return None;
    }
    let c = DATELINE.captures(paragraph)?;
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

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert!(split("North Korean leader Kim Jong Un has congratulated Putin.").is_none());
        assert!(split("NATO - the alliance - met today.").is_none());
        assert!(split("\"I congratulate you,\" he said.").is_none());
    }
}
