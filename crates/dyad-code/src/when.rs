//! The date of an event: the publication date, unless the verb's own clause names a day
//! ("met Kim on Thursday", "yesterday attacked"), resolved by `dyad_time` against it, or an
//! earlier month ("In January, Putin described Kim ..." in an August story): then the first of
//! that month, the month being all the text says. Week and year references and the
//! publication's own month ("last week", "in 2015", "in August") keep the publication date.

use crate::tag::{Tagged, VerbMatch};
use chrono::{Datelike, NaiveDate};
use dyad_time::{Precision, TimeRef};

/// Words that end the reach of a time reference: it dates the verb on its side of them.
const CLAUSE_BREAKS: &[&str] = &[";", ":", "after", "before", "when", "while", "because", "since", "until", "but"];

/// Day-precision references of a sentence, and month references to a month before the
/// publication's, as word ranges (`start..end`) with their dates.
pub fn day_references(t: &Tagged, text: &str, char_base: usize, published: NaiveDate) -> Vec<(usize, usize, NaiveDate)> {
    let refs: Vec<TimeRef> = dyad_time::resolve_all(text, published);
    let mut out = Vec::new();
    for r in refs {
        let earlier_month =
            r.precision == Precision::Month && r.date < published.with_day(1).unwrap_or(published);
        if !(r.precision == Precision::Day || earlier_month) || r.text.to_lowercase().starts_with("since") {
            continue;
        }
        // Byte span in the sentence → character offsets in the document → words.
        let (Some(before), Some(through)) = (text.get(..r.span.0), text.get(..r.span.1)) else { continue };
        let cs = char_base + before.chars().count();
        let ce = char_base + through.chars().count();
        let start = t.words.iter().position(|w| w.char_end > cs);
        let end = t.words.iter().rposition(|w| w.char_start < ce).map(|e| e + 1);
        if let (Some(s), Some(e)) = (start, end) {
            if s < e {
                out.push((s, e, r.date));
            }
        }
    }
    out
}

/// The day that governs verb `v`: the nearest Day reference with no other verb (nor a speech
/// verb, nor a clause break) between it and `v`. "X met Y on Thursday, officials said on
/// Friday": Thursday for *met*, Friday for *said*.
pub fn event_day(t: &Tagged, v: &VerbMatch, refs: &[(usize, usize, NaiveDate)]) -> Option<NaiveDate> {
    let interrupts = |from: usize, to: usize| {
        (from..to).any(|k| {
            let w = t.words[k].norm.as_str();
            (t.verb_start[k] && k != v.start) || crate::coref::SPEECH.contains(&w) || CLAUSE_BREAKS.contains(&w)
        })
    };
    refs.iter()
        .filter(|(s, e, _)| if *s >= v.end { !interrupts(v.end, *s) } else { !interrupts(*e, v.start) })
        .min_by_key(|(s, e, _)| if *s >= v.end { s - v.end } else { v.start - e })
        .map(|(_, _, d)| *d)
}
