//! Boilerplate glued inside a line of article text: scrapers flatten a photo's credit and
//! caption, a video player's notice or a share counter into the paragraph beside it.
//! "Image copyright Reuters Image caption Mourners attend a funeral in Kabul", "Media
//! playback is unsupported on your device", "Photo: AFP/Getty", "(Reuters) -" opening a
//! lead, "1,204 shares", "Read more: ...". Each run is cut out with its reason.

use regex::Regex;
use std::sync::LazyLock;

/// A cheap first test: lines without any of these words are left alone (most are).
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    // Plain literals only, so the regex runs as a vectorised multi-literal search.
    Regex::new(r"Image|Picture|Photo|Media playback|Getty|\(Reuters\)|\(AP\)|\(AFP\)|\(UPI\)|Read more|Read More|READ MORE|read more").unwrap()
});

const SHARE_COUNT_REASON: &str = "share count";
const SHARE_COUNT_PATTERN: &str = r"^\s*[0-9][0-9,.]*[kKmM]?\s+(?:[Ss]hares|SHARES)\b\s*";
static SHARE_COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(SHARE_COUNT_PATTERN).unwrap());

/// Upper-case words ("Getty Images", "AFP/Getty", "Ed Jones/Reuters").
const NAME: &str = r"\p{Lu}[\p{L}.'’&\-]*(?:(?:\s+|/)(?:via\s+)?\p{Lu}[\p{L}.'’&\-]*){0,5}";

struct InlineRule {
    re: Regex,
    reason: &'static str,
}

static RULES: LazyLock<Vec<InlineRule>> = LazyLock::new(|| {
    let r = |p: &str, reason| InlineRule { re: Regex::new(p).unwrap(), reason };
    vec![
        // "Image copyright X Image caption Y." (the caption runs to its sentence end or the
        // end of the line), or either half alone.
        r(&format!(r"(?:Image copyright\s+{NAME}\s*)?Image caption\s+[^.!?]*[.!?]?(?:\s|$)"), "photo caption (glued to the text)"),
        r(&format!(r"Image copyright\s+{NAME}(?:\s|$)"), "photo credit (glued to the text)"),
        r(r"Media playback is (?:unsupported|not supported) on your device\s*", "video player notice"),
        r(&format!(r"(?:Photo|Photograph|Picture|Image)s?(?:\s+credit)?\s*:\s*{NAME}(?:\s|$)"), "photo credit (glued to the text)"),
        r(&format!(r"Photo by\s+{NAME}(?:\s|$)"), "photo credit (glued to the text)"),
        // Only after a sentence's end: "shares of Getty Images" is text.
        r(r"(?:^|[.!?\x22”’]\s+)(?:\p{Lu}[\p{L}]+/)?Getty Images(?:\s+for\s+\p{Lu}\p{L}+)?\s*$", "photo credit (glued to the text)"),
        r(r"^\s*\((?:Reuters|AP|AFP|UPI)\)\s*(?:--|—|–|-)\s*", "agency tag opening the lead"),
        r(r"(?i)\s*read more:.*$", "read-more link"),
        r(SHARE_COUNT_PATTERN, SHARE_COUNT_REASON),
    ]
});

/// Whether a body has any trigger word at all: one search per body is much cheaper than
/// one per line, and most bodies have none.
pub fn body_may_have(body: &str) -> bool {
    TRIGGER.is_match(body)
}

/// Cut glued boilerplate out of `line`; `None` when there is none. Otherwise the cleaned
/// line and the runs removed, with reasons. `body_may_have` is [`body_may_have`] of the
/// body the line is from.
pub fn strip(line: &str, body_may_have: bool) -> Option<(String, Vec<(String, &'static str)>)> {
    // A share count opens the line; newswire says "1,000 shares" inside sentences, so the
    // count is only looked at there.
    let share_count = line.trim_start().starts_with(|c: char| c.is_ascii_digit()) && SHARE_COUNT.is_match(line);
    if !(share_count || body_may_have && TRIGGER.is_match(line)) {
        return None;
    }
    let mut text = line.to_string();
    let mut cut = Vec::new();
    for rule in RULES.iter() {
        // Each rule may fire more than once (several photos in one paragraph).
        for _ in 0..8 {
            let Some(m) = rule.re.find(&text) else { break };
            if m.as_str().trim().is_empty() {
                break;
            }
            // "1,204 shares The minister..." is a counter; "500,000 shares of stock" is text.
            if rule.reason == SHARE_COUNT_REASON && text[m.end()..].starts_with(|c: char| !c.is_uppercase()) {
                break;
            }
            // A sentence end the pattern needed as context stays in the text.
            let start = m.start() + m.as_str().find(|c: char| !matches!(c, '.' | '!' | '?' | '"' | '”' | '’')).unwrap_or(0);
            cut.push((text[start..m.end()].trim().to_string(), rule.reason));
            let (before, after) = (text[..start].trim_end(), text[m.end()..].trim_start());
            text = match (before.is_empty(), after.is_empty()) {
                (true, _) => after.to_string(),
                (_, true) => before.to_string(),
                _ => format!("{before} {after}"),
            };
        }
    }
    (!cut.is_empty()).then_some((text, cut))
}

#[cfg(test)]
mod tests {
    use super::strip;

    fn cleaned(line: &str) -> String {
        strip(line, true).map(|(t, _)| t).unwrap_or_else(|| line.to_string())
    }

    #[test]
    fn bbc_caption_runs() {
        let (t, cut) = strip("Image copyright Reuters Image caption Mourners attend a funeral in Kabul. The Taliban denied it.", true).unwrap();
        assert_eq!(t, "The Taliban denied it.");
        assert_eq!(cut, [("Image copyright Reuters Image caption Mourners attend a funeral in Kabul.".to_string(), "photo caption (glued to the text)")]);
        assert_eq!(cleaned("Media playback is unsupported on your device The president spoke."), "The president spoke.");
        assert_eq!(cleaned("Image copyright Getty Images"), "");
    }

    #[test]
    fn credits_agency_tags_share_counts() {
        assert_eq!(cleaned("Protesters marched in Minsk. Photo: AFP/Getty"), "Protesters marched in Minsk.");
        assert_eq!(cleaned("(Reuters) - Iran said on Monday it would talk."), "Iran said on Monday it would talk.");
        assert_eq!(cleaned("1,204 shares The minister resigned."), "The minister resigned.");
        assert_eq!(cleaned("The talks failed. Read more: Why the talks failed"), "The talks failed.");
        assert_eq!(cleaned("He thanked the crowd. Getty Images"), "He thanked the crowd.");
    }

    #[test]
    fn ordinary_text_is_kept() {
        for line in [
            "Getty Images, the photo agency, was sold on Monday.",
            "Reuters reported that 300 shares changed hands.",
            "The (Reuters) report was denied.",
            "500,000 shares of common stock at 12 dlrs a share.",
            "The fund sold its shares of Getty Images",
        ] {
            assert_eq!(cleaned(line), line);
        }
    }
}
