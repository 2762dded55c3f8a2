//! Matching a verb's patterns around one occurrence of the verb. Elements before `*` are
//! looked for leftwards from the verb, elements after it rightwards, each within a few words
//! of the previous one; `$` and `+` take the actor mention found there.

use crate::compile::{CompiledPattern, Element};
use crate::mention::Mention;
use crate::tag::{Tagged, VerbMatch};

/// Most words allowed between two consecutive pattern elements.
const MAX_GAP: usize = 6;

#[derive(Clone, Debug, Default)]
pub struct PatternMatch {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// Word ranges the pattern used (besides the verb), so modality does not count them twice.
    pub used: Vec<(usize, usize)>,
}

impl PatternMatch {
    pub fn uses(&self, k: usize) -> bool {
        self.used.iter().any(|(s, e)| *s <= k && k < *e)
    }
}

fn blocked(t: &Tagged, from: usize, to: usize) -> bool {
    t.words[from..to].iter().any(|w| w.norm == ";" || w.norm == ".")
}

pub fn try_match(t: &Tagged, mentions: &[Mention], p: &CompiledPattern, v: &VerbMatch) -> Option<PatternMatch> {
    if !p.required.iter().all(|firsts| firsts.iter().any(|w| t.present.contains(w))) {
        return None;
    }
    let verb_at = p.elements.iter().position(|e| matches!(e, Element::Verb))?;
    let mut m = PatternMatch::default();
    // Leftwards from the verb.
    let mut pos = v.start;
    for e in p.elements[..verb_at].iter().rev() {
        match e {
            Element::Verb | Element::Skip => {}
            Element::Source | Element::Target => {
                let idx = mentions.partition_point(|x| x.end <= pos).checked_sub(1)?;
                let men = &mentions[idx];
                if pos - men.end > MAX_GAP {
                    return None;
                }
                if blocked(t, men.end, pos) {
                    return None;
                }
                if matches!(e, Element::Source) {
                    m.source = Some(idx)
                } else {
                    m.target = Some(idx)
                }
                pos = men.start;
            }
            Element::Words(alts) => {
                let lo = pos.saturating_sub(MAX_GAP + alts.iter().map(Vec::len).max().unwrap_or(1));
                let found = (lo..pos).rev().find_map(|s| {
                    alts.iter().find(|a| s + a.len() <= pos && t.ids[s..s + a.len()] == a[..]).map(|a| (s, s + a.len()))
                })?;
                if blocked(t, found.1, pos) {
                    return None;
                }
                m.used.push(found);
                pos = found.0;
            }
        }
    }
    // Rightwards.
    let mut pos = v.end;
    for e in &p.elements[verb_at + 1..] {
        match e {
            Element::Verb | Element::Skip => {}
            Element::Source | Element::Target => {
                let idx = mentions.partition_point(|x| x.start < pos);
                let men = mentions.get(idx).filter(|x| x.start - pos <= MAX_GAP)?;
                if blocked(t, pos, men.start) {
                    return None;
                }
                if matches!(e, Element::Source) {
                    m.source = Some(idx)
                } else {
                    m.target = Some(idx)
                }
                pos = men.end;
            }
            Element::Words(alts) => {
                let hi = (pos + MAX_GAP + 1).min(t.words.len());
                let found = (pos..hi).find_map(|s| {
                    alts.iter().find(|a| s + a.len() <= t.words.len() && t.ids[s..s + a.len()] == a[..]).map(|a| (s, s + a.len()))
                })?;
                if blocked(t, pos, found.0) {
                    return None;
                }
                m.used.push(found);
                pos = found.1;
            }
        }
    }
    Some(m)
}
