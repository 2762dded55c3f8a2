//! Bylines: "By Jennie Oh" → author "Jennie Oh".

use regex::Regex;
use std::sync::LazyLock;

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by|written by|words by|author:)\s+(\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|da|van|von|der|al|bin|and|&)){0,6})\s*(?:[,|–—-].{0,60})?$",
    )
    .unwrap()
});

/// The author named by a byline line, or `None` if the line is not a byline.
pub fn parse(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 120 {
        return None;
    }
    // Cheap test before the regex: every byline starts with one of these words.
    let lower = line.get(..8).unwrap_or(line).to_ascii_lowercase();
    if !["by ", "by\t", "written", "words by", "author:"].iter().any(|p| lower.starts_with(p)) {
        return None;
    }
    let c = BYLINE.captures(line)?;
    let name = c[1].trim().trim_end_matches([',', '.']).trim();
    // "By Sunday, the talks..." is a sentence, not a byline.
    let first = name.split_whitespace().next().unwrap_or("");
    if NOT_NAMES.iter().any(|w| first.eq_ignore_ascii_case(w)) {
        return None;
    }
    let name = name.strip_suffix(" and").or_else(|| name.strip_suffix(" &")).unwrap_or(name).trim();
    (!name.is_empty()).then(|| tidy_case(name))
}

/// Words that begin "By ..." sentences rather than names.
const NOT_NAMES: &[&str] = &[
    "the", "this", "that", "then", "now", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "contrast", "comparison", "law", "far", "late", "early", "midday", "noon", "night", "mid", "all", "some", "most",
];

/// "JENNIE OH" → "Jennie Oh"; mixed-case names are kept as written.
fn tidy_case(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    super::dateline::title_case(name)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn finds_authors() {
        assert_eq!(parse("By Jennie Oh").as_deref(), Some("Jennie Oh"));
        assert_eq!(parse("By JENNIE OH, UPI").as_deref(), Some("Jennie Oh"));
        assert_eq!(parse("Written by Ben Kew").as_deref(), Some("Ben Kew"));
        assert_eq!(parse("By Ursula von der Leyen and").as_deref(), Some("Ursula von der Leyen"));
    }

    #[test]
    fn rejects_sentences() {
        assert_eq!(parse("By Tuesday the talks had collapsed."), None);
        assert_eq!(parse("By contrast, Moscow said nothing"), None);
        assert_eq!(parse("Byzantine politics"), None);
        assert_eq!(parse("by the way"), None);
    }
}
