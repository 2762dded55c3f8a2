//! Boilerplate line rules: each pattern matches a whole line (trimmed) that is not part of
//! the article, and says why. All rules are general shapes, not strings from one site.

use regex::RegexSet;
use std::sync::LazyLock;

/// Why a line is boilerplate, and whether it marks the end of the article (everything
/// after a "COMMENTS" or "Latest Headlines" block is page furniture too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub reason: &'static str,
    pub ends_article: bool,
}

const CREDIT: &str = "photo credit";
const CAPTION: &str = "photo caption";
const SLUG: &str = "image slug";
const AD: &str = "advertisement";
const FOLLOW: &str = "social-media follow line";
const COMMENTS: &str = "comments section";
const SHARE: &str = "share/subscribe line";
const NAV: &str = "related-links heading";
const SIGNOFF: &str = "agency sign-off";
const LEGAL: &str = "copyright notice";

/// Upper-case words: a name or an agency ("Ed Jones", "AFP", "Getty Images").
const NAME: &str = r"\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,4}";

struct Rule {
    pattern: String,
    verdict: Verdict,
    /// Longer lines never match this rule (keeps patterns free of counted repetitions,
    /// which would make the combined automaton huge and slow).
    max_len: usize,
}

fn rule(pattern: impl Into<String>, reason: &'static str, ends_article: bool, max_len: usize) -> Rule {
    Rule { pattern: pattern.into(), verdict: Verdict { reason, ends_article }, max_len }
}

/// The rules, in priority order (the first matching rule gives the verdict), compiled as
/// two automata: rules anchored at the start of the line, whose automaton gives up after
/// the first few characters of an ordinary line, and the few "floating" rules that may
/// match anywhere, which would otherwise make every line be scanned to its end.
/// Word boundaries are ASCII (`(?-u:\b)`) so the fast lazy DFA can run on any text.
struct Rules {
    rules: Vec<Rule>,
    anchored: RuleSet,
    floating: RuleSet,
}

/// Some of the rules as one automaton, and where each of its patterns sits in `rules`.
struct RuleSet {
    set: RegexSet,
    index: Vec<usize>,
}

impl RuleSet {
    fn new(rules: &[Rule], pick: impl Fn(&Rule) -> bool) -> RuleSet {
        let index: Vec<usize> = (0..rules.len()).filter(|&i| pick(&rules[i])).collect();
        let set = RegexSet::new(index.iter().map(|&i| rules[i].pattern.as_str())).expect("boilerplate rules compile");
        RuleSet { set, index }
    }

    /// The index (in `rules`) of the first rule of this set that matches `line`.
    fn first_match(&self, line: &str, rules: &[Rule]) -> Option<usize> {
        // A plain match test stops early and skips overlap bookkeeping; most lines fail it.
        if !self.set.is_match(line) {
            return None;
        }
        self.set.matches(line).iter().map(|i| self.index[i]).find(|&i| line.len() <= rules[i].max_len)
    }
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let agencies = r"(?:AP|AFP|Reuters|EPA|EPA-EFE|UPI|Getty(?:\s+Images)?|Xinhua|KCNA|Yonhap|Shutterstock|Bloomberg|Pool|TASS|Sputnik|Anadolu|Alamy|dpa|ANSA|Kyodo|NurPhoto|SOPA Images|WireImage|IANS|PTI)";
    let b = r"(?-u:\b)";
    let rules = vec![
        // An agency's name alone on a line signs the story off ("Reuter" in Reuters copy).
        rule(r"^(?:Reuter|REUTER|Reuters|AP|AFP|UPI)\s*$", SIGNOFF, false, 20),
        // A caption ending in UPI's credit: "...early this week. Photo by KCNA/UPI | License Photo".
        rule(r"(?i)[.!?]\s+photo\s.*\|\s*license photo\s*$", CAPTION, false, 400),
        // Credits: "Photo by KCNA/UPI", "Photo: Reuters", "Image credit: AFP", "(AP Photo/Evan Vucci)".
        rule(r"(?i)^(?:photo(?:graph)?s?|images?|pictures?|credits?|photo credit|image credit|source|file photo)\s*(?:by|:|courtesy of)\s*.+$", CREDIT, false, 120),
        rule(r"(?i)^\(?\s*(?:AP|AFP|Reuters|EPA|UPI)\s+Photo\s*/[^)]+\)?$", CREDIT, false, 120),
        rule(r"(?i)\|\s*license photo\s*$", CREDIT, false, 120),
        // "Maxim Shipenkov/Ed Jones/AFP/Getty": names joined by slashes, with an agency among
        // them (so "Oct/Dec" or "SOYBEAN CAKE/MEAL" in a table stay).
        rule(format!(r"^(?:{NAME}\s*/\s*)+{agencies}(?:\s*/\s*{NAME})*$|^{agencies}(?:\s*/\s*{NAME})+$"), CREDIT, false, 150),
        rule(format!(r"(?i)^{agencies}(?:\s+(?:photo|images|via getty images|/\s*{agencies}))?$"), CREDIT, false, 60),
        rule(format!(r"^{NAME}\s+(?:for|via)\s+{agencies}$"), CREDIT, false, 100),
        // Captions: a sentence that ends with its credit.
        rule(format!(r"(?i){b}(?:photo|image|picture)\s+(?:by|courtesy of|credit:?)\s+[^.!?]+$"), CAPTION, false, 400),
        rule(format!(r"(?i)\(\s*(?:photo|image|picture)?\s*(?:credit)?:?\s*{agencies}(?:\s+photo)?(?:\s*/[^)]*)?\)\s*$"), CAPTION, false, 400),
        rule(format!(r"[.!?]\s+{NAME}\s*/\s*{agencies}$"), CAPTION, false, 400),
        // Image file names and slugs: "putin-kim-jong-un-split-screen-wave", "img_1234.jpg".
        rule(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$", SLUG, false, 150),
        rule(r"(?i)^\S+\.(?:jpe?g|png|gif|webp|avif|svg)$", SLUG, false, 200),
        // Ads.
        rule(r"(?i)^(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)\s*:?$", AD, false, 60),
        // "Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at ..."
        rule(format!(r"(?i)^follow{b}.*{b}(?:on|at|via)\s+(?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|threads|bluesky|telegram|mastodon|truth social){b}"), FOLLOW, false, 250),
        rule(format!(r"(?i)^follow (?:us|me|him|her|them|the author){b}"), FOLLOW, false, 150),
        rule(r"(?i)^follow @\w+", FOLLOW, false, 150),
        rule(format!(r"(?i)^(?:you can )?(?:e-?mail|contact) (?:him|her|them|the (?:author|reporter|writer)){b}.*@"), FOLLOW, false, 150),
        // Comment sections: the heading ends the article.
        rule(r"(?i)^(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?$", COMMENTS, true, 30),
        rule(format!(r"(?i)^(?:show|view|load|hide|read|post|add|leave|join) (?:a |all |the |\d+ )?(?:comments?|conversation|discussion){b}"), COMMENTS, true, 60),
        rule(r"(?i)^please let us know if you'?re having (?:issues|problems|trouble) (?:with )?commenting", COMMENTS, false, 120),
        rule(format!(r"(?i)^(?:comments are closed|commenting is (?:closed|disabled)|we welcome your comments|join the (?:conversation|discussion)|be the first to comment){b}"), COMMENTS, true, 100),
        // Share and subscribe furniture.
        rule(r"(?i)^(?:share|share this(?: article| story| page| post)?|share on (?:facebook|twitter|x|whatsapp|linkedin|reddit|email)|share via email|tweet|email|print|save|copy link|link copied|whatsapp|facebook|twitter|linkedin|reddit|subscribe|sign up|newsletter|(?:share|facebook|twitter|email|print)(?:\s*[|/•·]\s*(?:share|facebook|twitter|x|email|print|whatsapp|linkedin|reddit))+)\s*:?$", SHARE, false, 120),
        rule(format!(r"(?i)^(?:subscribe|sign up|register){b}.*{b}(?:newsletter|updates|inbox|alerts|briefing|today|now|for free|to our){b}"), SHARE, false, 180),
        rule(format!(r"(?i)^(?:click|tap) here{b}"), SHARE, false, 150),
        rule(format!(r"(?i)^(?:get|download) (?:the|our) (?:\S+ )?app{b}"), SHARE, false, 100),
        // Headings of link lists: they end the article.
        rule(r"(?i)^(?:latest headlines|top stories|top news|most popular|most read|most viewed|trending(?: now| stories)?|related(?: articles| stories| news| content| coverage| topics| links)?|more (?:from|on|in) .+|more stories|recommended(?: for you| stories| reading)?|you (?:may|might) also like|see also|editor'?s picks|what to read next|read next|further reading)\s*:?$", NAV, true, 50),
        rule(r"(?i)^(?:read more|read also|also read|related|see also|watch|listen)\s*:.*$", NAV, false, 250),
        // Legal lines.
        rule(format!(r"^(?i:copyright\s*)?(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\d{{4}}{b}|\p{{Lu}})"), LEGAL, false, 160),
        rule(r"(?i)all rights reserved\.?\s*$", LEGAL, false, 200),
    ];
    let anchored = RuleSet::new(&rules, |r| r.pattern.trim_start_matches("(?i)").starts_with('^'));
    let floating = RuleSet::new(&rules, |r| !r.pattern.trim_start_matches("(?i)").starts_with('^'));
    Rules { rules, anchored, floating }
});

/// Lines longer than this are article text whatever they contain (captions are shorter).
const MAX_BOILERPLATE_LEN: usize = 400;

/// The verdict for one trimmed line, or `None` if it looks like article text.
pub fn classify(line: &str) -> Option<Verdict> {
    if line.len() > MAX_BOILERPLATE_LEN || line.is_empty() {
        return None;
    }
    let Rules { rules, anchored, floating } = &*RULES;
    let first = anchored.first_match(line, rules);
    let floating_first = if may_match_floating(line) { floating.first_match(line, rules) } else { None };
    let best = match (first, floating_first) {
        (Some(a), Some(f)) => Some(a.min(f)),
        (a, f) => a.or(f),
    };
    best.map(|i| rules[i].verdict)
}

/// A cheap test that every floating rule needs to pass: each ends the line with a credit
/// ("| License Photo", "(AFP Photo)", ".../AFP", "All rights reserved.") or names a photo,
/// image or picture. Most article lines fail it and skip the floating automaton.
/// (Only letters without special case folds are compared: under `(?i)` the Kelvin sign
/// matches "k" and the long s "s", so those letters are left out of the test.)
fn may_match_floating(line: &str) -> bool {
    let tail = line.trim_end().as_bytes();
    let ends_with = |suffix: &[u8]| tail.len() >= suffix.len() && tail[tail.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    ends_with(b"photo")
        || ends_with(b"ved")
        || ends_with(b"ved.")
        || tail.last() == Some(&b')')
        || memchr::memchr(b'/', tail).is_some()
        || names_a_picture(tail)
}

/// "photo", "image" or "picture" anywhere, in any case. Looks only where a "p" or the "g"
/// of "image" is (rare letters, found by vectorised search), not at every byte.
fn names_a_picture(line: &[u8]) -> bool {
    let word_at = |i: usize, word: &[u8]| line.len() - i >= word.len() && line[i..i + word.len()].eq_ignore_ascii_case(word);
    memchr::memchr2_iter(b'p', b'P', line).any(|i| word_at(i, b"photo") || word_at(i, b"picture"))
        || memchr::memchr2_iter(b'g', b'G', line).any(|i| i >= 3 && word_at(i - 3, b"image"))
}

/// "...issues with commenting.Advertisement": an ad label glued to the end of a line by a
/// scraper. Returns the line without it.
pub fn strip_glued_ad(line: &str) -> Option<&str> {
    for label in ["Advertisement", "ADVERTISEMENT"] {
        if let Some(rest) = line.strip_suffix(label) {
            let last = rest.chars().last()?;
            if matches!(last, '.' | '!' | '?' | '"' | '”' | ')') || last.is_lowercase() {
                return Some(rest.trim_end());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<&'static str> {
        classify(line).map(|v| v.reason)
    }

    #[test]
    fn credits_and_captions() {
        assert_eq!(reason("Maxim Shipenkov/Ed Jones/AFP/Getty"), Some(CREDIT));
        assert_eq!(reason("Photo by KCNA/UPI"), Some(CREDIT));
        assert_eq!(reason("Photo: Reuters"), Some(CREDIT));
        assert_eq!(reason("(AP Photo/Evan Vucci)"), Some(CREDIT));
        assert_eq!(reason("Getty Images"), Some(CREDIT));
        assert_eq!(
            reason("North Korean leader Kim Jong Un called Putin early this week. Photo by KCNA/UPI | License Photo"),
            Some(CAPTION)
        );
        assert_eq!(reason("Photo by KCNA/UPI | License Photo"), Some(CREDIT));
        assert_eq!(reason("Kim Jong Un called Putin this week. Photo by KCNA/UPI"), Some(CAPTION));
        assert_eq!(reason("Leaders meet in Seoul on Tuesday. (AFP Photo)"), Some(CAPTION));
    }

    #[test]
    fn furniture() {
        assert_eq!(reason("putin-kim-jong-un-split-screen-wave"), Some(SLUG));
        assert_eq!(reason("Advertisement"), Some(AD));
        assert_eq!(reason("Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at bkew@breitbart.com."), Some(FOLLOW));
        assert_eq!(classify("COMMENTS"), Some(Verdict { reason: COMMENTS, ends_article: true }));
        assert_eq!(reason("Please let us know if you're having issues with commenting."), Some(COMMENTS));
        assert_eq!(classify("Latest Headlines"), Some(Verdict { reason: NAV, ends_article: true }));
        assert_eq!(reason("Share this article"), Some(SHARE));
        assert_eq!(reason("Facebook | Twitter | Email"), Some(SHARE));
        assert_eq!(reason("Sign up for our daily newsletter"), Some(SHARE));
        assert_eq!(reason("Reuter"), Some(SIGNOFF));
        assert_eq!(reason("© 2025 Example News. All rights reserved."), Some(LEGAL));
    }

    #[test]
    fn article_text_is_kept() {
        for line in [
            "Russian President Vladimir Putin sent North Korean dictator Kim Jong-un greetings.",
            "Kim acknowledged the friendship and cooperation between Moscow and Pyongyang.",
            "Follow-up talks are planned for next week, the ministry said.",
            "The envoys announced, after their meeting with Kim Jong Un, that talks would follow.",
            "Share prices fell 3% in Tokyo after the announcement.",
            "Comments by the minister angered Beijing.",
            "He said the photo by the agency was fake, and demanded an apology.",
            "Reuters reported the talks had stalled.",
            "Copyright laws were changed by parliament on Tuesday.",
            "Oct/Dec            Jan/Dec",
            "ESTIMATED PEORIA/INDIANAPOLIS LIVESTOCK RECEIPTS",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    /// The two-automaton split with its pre-test gives the same verdict as one automaton
    /// over all rules, first match in rule order.
    #[test]
    fn split_sets_agree_with_one_set() {
        let Rules { rules, floating, .. } = &*RULES;
        // `may_match_floating` was written for these; a new floating rule needs a look at it.
        assert_eq!(floating.index.len(), 6, "a floating rule was added or removed: update may_match_floating");
        let one = RegexSet::new(rules.iter().map(|r| r.pattern.as_str())).unwrap();
        let reference = |line: &str| -> Option<Verdict> {
            if line.len() > MAX_BOILERPLATE_LEN || line.is_empty() {
                return None;
            }
            one.matches(line).iter().map(|i| &rules[i]).find(|r| line.len() <= r.max_len).map(|r| r.verdict)
        };
        let lines = [
            "Kim Jong Un called Putin this week. PHOTO BY KCNA/UPI | License Photo",
            "Leaders meet in Seoul. (AFP PHOTO)",
            "Leaders meet in Seoul. (AFP Photo)  ",
            "The flag is raised. Ed Jones/AFP",
            "\u{a9} 2024 Example News. ALL RIGHTS RESERVED.",
            "All rights reserved",
            "Photo courtesy of the ministry",
            "An IMAGE credit: Ministry of Defence",
            "The Picture by Smith shows the scene",
            "Maxim Shipenkov/Ed Jones/AFP/Getty",
            "Reuter",
            "COMMENTS",
            "Oct/Dec            Jan/Dec",
            "He said (in Moscow) that the talks would go on.",
            "Share prices fell 3% in Tokyo (Reuters)",
            "The reserved seats were sold out.",
            "The talks were approved",
            "Copyright 2019 Reuters",
            "follow @dyad",
            "x",
        ];
        for line in lines {
            assert_eq!(classify(line), reference(line), "{line}");
        }
        assert!(names_a_picture(b"an IMAGE") && names_a_picture(b"Pictures") && names_a_picture(b"x photo"));
        assert!(!names_a_picture(b"imag pict phot gag ppp"));
        // Every line of the seed-shaped fixture too.
        for line in include_str!("../../tests/fixtures/article.txt").lines().map(str::trim) {
            assert_eq!(classify(line), reference(line), "{line}");
        }
    }

    #[test]
    fn glued_ads() {
        assert_eq!(
            strip_glued_ad("Please let us know if you're having issues with commenting.Advertisement"),
            Some("Please let us know if you're having issues with commenting.")
        );
        assert_eq!(strip_glued_ad("Advertisement"), None);
        assert_eq!(strip_glued_ad("The Bureau of Advertisement"), None);
    }
}
