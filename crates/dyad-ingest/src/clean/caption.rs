//! A caption that repeats the lead: scraped pages often put the photo caption, a near copy
//! of the first sentence, just above the story. Such a paragraph is boilerplate.

use super::Cleaned;
use dyad_doc::Removed;

/// How many leading paragraphs may be captions.
const LOOK_AT: usize = 3;

pub fn drop_captions_repeating_lead(c: &mut Cleaned) {
    let mut i = 0;
    while i < LOOK_AT.min(c.paragraphs.len()) && i + 1 < c.paragraphs.len() {
        let candidate = &c.paragraphs[i];
        let later = c.paragraphs[i + 1..].iter().take(2);
        let repeats = candidate.single_line && later.into_iter().any(|p| repeats_lead(&candidate.text, &p.text));
        if repeats {
            let p = c.paragraphs.remove(i);
            c.removed.push(Removed { line: p.line, text: p.text, reason: "caption repeating the lead".into() });
        } else {
            i += 1;
        }
    }
}

/// The caption is not longer than the lead, the lead opens the story proper (it starts
/// with a dateline: captions sit above agency copy), and most of the caption's words (80%,
/// at least 5) appear in it. A short first paragraph that a longer second one elaborates
/// (common in BBC-style copy) has no dateline after it and is kept.
fn repeats_lead(caption: &str, lead: &str) -> bool {
    if caption.len() > lead.len() || caption.len() > 400 {
        return false;
    }
    if crate::meta::dateline::split(lead).is_none() {
        return false;
    }
    let words = || caption.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let total = words().count();
    if total < 5 {
        return false;
    }
    let lead_words: Vec<&str> = lead.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let in_lead = |w: &str| {
        lead_words.iter().any(|l| l.eq_ignore_ascii_case(w) || (!w.is_ascii() && l.to_lowercase() == w.to_lowercase()))
    };
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
        // A short lead that the next paragraph elaborates, without a dateline: article text.
        let body = "Sales of hybrid cars in the US are set to double in 2005, research suggests.\n\nSales of hybrid cars in the US will double in 2005 to 200,000, research firm JD Power suggests.\n";
        assert_eq!(clean(body, false).paragraphs.len(), 2);
    }
}
