//! Matching a verb's patterns around one occurrence of the verb. Elements before `*` are
//! looked for leftwards from the verb, elements after it rightwards, each within a few words
//! of the previous one; `$` and `+` take the actor mention found there, `^` steps over the
//! next actor mention, and a `Join` (PETRARCH `_`) allows no words between its neighbours.

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

/// Words a `^` looks past to find its noun phrase.
const PHRASE_LEAD: &[&str] = &["the", "a", "an", "with", "in", "at", "of", "to", "for", "on", "from", "by", "about"];

/// A word that can be part of a plain noun phrase ("their *populations*").
fn plain(t: &Tagged, k: usize) -> bool {
    let w = &t.words[k];
    !w.punct && !t.in_verb[k] && !PHRASE_LEAD.contains(&w.norm.as_str())
}

/// `^` after the verb: the end of the next noun phrase — an actor mention, else a run of plain
/// words — after any determiners and prepositions. No phrase: `pos` unchanged.
fn skip_phrase_right(t: &Tagged, mentions: &[Mention], pos: usize) -> usize {
    let mut k = pos;
    while k < t.words.len() && k - pos < MAX_GAP && PHRASE_LEAD.contains(&t.words[k].norm.as_str()) {
        k += 1;
    }
    if let Some(m) = mentions.iter().find(|m| m.start == k) {
        return m.end;
    }
    let start = k;
    while k < t.words.len() && plain(t, k) && !mentions.iter().any(|m| m.start == k) {
        k += 1;
    }
    if k > start { k } else { pos }
}

/// `^` before the verb: the start of the noun phrase before `pos`, likewise.
fn skip_phrase_left(t: &Tagged, mentions: &[Mention], pos: usize) -> usize {
    let mut k = pos;
    while k > 0 && pos - k < MAX_GAP && PHRASE_LEAD.contains(&t.words[k - 1].norm.as_str()) {
        k -= 1;
    }
    if let Some(m) = mentions.iter().find(|m| m.end == k) {
        return m.start;
    }
    let end = k;
    while k > 0 && plain(t, k - 1) && !mentions.iter().any(|m| m.end == k) {
        k -= 1;
    }
    if k < end { k } else { pos }
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
    // A `Join` (PETRARCH `_`): the next element found must touch the previous one.
    let mut adjacent = false;
    for e in p.elements[..verb_at].iter().rev() {
        let gap = if std::mem::take(&mut adjacent) { 0 } else { MAX_GAP };
        match e {
            Element::Verb => {}
            Element::Join => adjacent = true,
            Element::Skip => pos = skip_phrase_left(t, mentions, pos),
            Element::Source | Element::Target => {
                let idx = mentions.partition_point(|x| x.end <= pos).checked_sub(1)?;
                let men = &mentions[idx];
                if pos - men.end > gap {
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
                // The nearest end first; there, the longest alternative ("really did not", not
                // "did not", so that an element joined before it can still touch it).
                let found = (pos.saturating_sub(gap)..=pos).rev().find_map(|e| {
                    alts.iter()
                        .filter(|a| a.len() <= e && t.ids[e - a.len()..e] == a[..])
                        .max_by_key(|a| a.len())
                        .map(|a| (e - a.len(), e))
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
    adjacent = false;
    for e in &p.elements[verb_at + 1..] {
        let gap = if std::mem::take(&mut adjacent) { 0 } else { MAX_GAP };
        match e {
            Element::Verb => {}
            Element::Join => adjacent = true,
            Element::Skip => pos = skip_phrase_right(t, mentions, pos),
            Element::Source | Element::Target => {
                let idx = mentions.partition_point(|x| x.start < pos);
                let men = mentions.get(idx).filter(|x| x.start - pos <= gap)?;
                // ", the U.S. has taken": after a comma, an actor with its own verb is the
                // subject of another clause (as for an object, `clause::object`).
                let comma = t.words[pos..men.start].iter().any(|w| w.norm == ",");
                if blocked(t, pos, men.start) || (comma && crate::clause::verb_follows(t, men.end)) {
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
                let hi = (pos + gap + 1).min(t.words.len());
                let found = (pos..hi).find_map(|s| {
                    alts.iter()
                        .filter(|a| s + a.len() <= t.words.len() && t.ids[s..s + a.len()] == a[..])
                        .max_by_key(|a| a.len())
                        .map(|a| (s, s + a.len()))
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
