//! A caption that repeats the lead: scraped pages often put the photo caption, a near copy
//! of the first sentence, just above the story. Such a paragraph is boilerplate.

use super::Cleaned;
use dyad_doc::Removed;

/// How many leading paragraphs may be captions.
const LOOK_AT: usize = 3;

pub fn drop_captions_repeating_lead(c: &mut Cleaned) {
    let mut i = 0;
    while i < LOOK_AT.min(c.paragraphs.len()) && i + 1 < c.paragraphs.len() {
        let candidate = &c.paragraphs[i].text;
        let later = c.paragraphs[i + 1..].iter().take(2);
        let repeats = later.into_iter().any(|p| repeats_lead(candidate, &p.text));
        if repeats {
            let p = c.paragraphs.remove(i);
            c.removed.push(Removed { line: p.line, text: p.text, reason: "caption repeating the lead".into() });
        } else {
            i += 1;
        }
    }
}

/// Most of the caption's words (80%, at least 5) appear in the lead, and the caption is
/// not longer than it. Case-insensitive; no allocation for the common early rejection.
fn repeats_lead(caption: &str, lead: &str) -> bool {
    if caption.len() > lead.len() || caption.len() > 400 {
        return false;
    }
    let words = || caption.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let total = words().count();
    if total < 5 {
        return false;
    }
    let lead_words: Vec<&str> = lead.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let in_lead = |w: &str| lead_words.iter().any(|l| l.eq_ignore_ascii_case(w) || l.to_lowercase() == w.to_lowercase());
    // Cheap rejection on the first five words before counting them all.
    let head_misses = words().take(5).filter(|w| !in_lead(w)).count();
    if head_misses > 1 {
        return false;
    }
    let shared = words().filter(|w| in_lead(w)).count();
    shared * 5 >= total * 4
}

#[cfg(test)]
mod tests {
    use super::super::clean;

    #[test]
    fn caption_copy_of_lead_is_removed() {
        let body = "Kim Jong Un congratulates Putin on his election victory\n\nMOSCOW, March 20 (UPI) -- North Korean leader Kim Jong Un congratulates Putin on his election victory, state media said.\n\nMore text follows here.\n";
        let c = clean(body, false);
        assert_eq!(c.paragraphs.len(), 2);
        assert!(c.paragraphs[0].text.starts_with("MOSCOW"));
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].reason, "caption repeating the lead");
        assert_eq!(c.removed[0].line, 1);
    }

    #[test]
    fn different_paragraphs_are_kept() {
        let body = "The talks began on Monday in Geneva with both delegations.\n\nThe Russian side proposed a ceasefire, which Ukraine rejected.\n";
        assert_eq!(clean(body, false).paragraphs.len(), 2);
    }
}
