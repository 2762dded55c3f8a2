//! What a document has said so far, for references back to it: which full names appeared
//! (so their short forms may match), who the recent people are ("he", "she"), and who is
//! speaking in quotations ("I", "we" → the speaker; "you" → the person addressed).

use crate::mention::{Mention, Unit};
use crate::tag::Tagged;
use rustc_hash::FxHashSet;

#[derive(Default, Clone, Debug)]
pub struct Memory {
    /// Actor entries whose full name has appeared.
    pub seen: FxHashSet<u32>,
    /// Codes of person-like units, most recent last.
    pub persons: Vec<Vec<String>>,
    /// The speaker of the most recent quotation.
    pub speaker: Option<Vec<String>>,
    /// The most recent person who was a sentence's subject: "he" prefers them.
    pub subject: Option<Vec<String>>,
}

/// Verbs that frame reported speech ("X said", "his message read").
const SPEECH: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "continued", "continues", "read", "reads", "wrote", "writes",
    "stated", "states", "declared", "noted", "stressed", "affirmed", "insisted",
];

impl Memory {
    fn recent_person(&self, not: Option<&Vec<String>>) -> Option<Vec<String>> {
        self.persons.iter().rev().find(|p| Some(*p) != not && !p.is_empty()).cloned()
    }

    fn remember(&mut self, u: &Unit) {
        if u.person_like && !u.codes.is_empty() {
            self.persons.retain(|p| *p != u.codes);
            self.persons.push(u.codes.clone());
            if self.persons.len() > 8 {
                self.persons.remove(0);
            }
        }
    }

    /// Resolve the pronouns of a sentence's mentions and update the memory with its actors.
    pub fn resolve(&mut self, t: &Tagged, mentions: &mut [Mention]) {
        // Third-person pronouns first: the speaker may be "he".
        for m in mentions.iter_mut() {
            for u in &mut m.units {
                match u.pronoun.as_deref() {
                    Some("he" | "she" | "him") => {
                        if let Some(p) = self.subject.clone().or_else(|| self.recent_person(None)) {
                            u.codes = p;
                        }
                    }
                    None => {}
                    Some(_) => continue,
                }
            }
        }
        let has_quote = t.in_quote.iter().any(|q| *q);
        if has_quote {
            if let Some(s) = speaker(t, mentions) {
                self.speaker = Some(s);
            } else if self.speaker.is_none() {
                self.speaker = self.recent_person(None);
            }
        }
        let speaker = self.speaker.clone();
        let addressee = self.recent_person(speaker.as_ref());
        for m in mentions.iter_mut() {
            for u in &mut m.units {
                let quoted = t.in_quote.get(u.start).copied().unwrap_or(false);
                match u.pronoun.as_deref() {
                    Some("i" | "me" | "we" | "us") if quoted => u.codes = speaker.clone().unwrap_or_default(),
                    Some("you") if quoted => u.codes = addressee.clone().unwrap_or_default(),
                    _ => {}
                }
            }
        }
        // The sentence's subject: its first person outside quotes and not after a preposition.
        if let Some(m) = mentions.iter().find(|m| !t.in_quote[m.start] && !crate::clause::governed_by_preposition(t, m)) {
            if m.units.iter().all(|u| u.person_like) && !m.codes().is_empty() {
                self.subject = Some(m.codes());
            }
        }
        for m in mentions.iter() {
            for u in &m.units {
                if u.pronoun.is_none() {
                    for a in &u.actors {
                        if a.kind != crate::compile::NameKind::Short {
                            self.seen.insert(a.entry);
                        }
                    }
                    self.remember(u);
                }
            }
        }
    }
}

/// The speaker of this sentence's quotation: the actor of a speech verb outside the quotes —
/// before it ("Putin's message read", "Kim, which said") or right after it ("said Putin").
fn speaker(t: &Tagged, mentions: &[Mention]) -> Option<Vec<String>> {
    for (i, w) in t.words.iter().enumerate() {
        if t.in_quote[i] || !SPEECH.contains(&w.norm.as_str()) {
            continue;
        }
        let before = mentions
            .iter()
            .filter(|m| m.end <= i && !t.in_quote[m.start] && i - m.end <= 4)
            .next_back();
        let after = mentions.iter().find(|m| m.start > i && m.start <= i + 2 && !t.in_quote[m.start]);
        if let Some(m) = before.or(after) {
            let codes = m.codes();
            if !codes.is_empty() {
                return Some(codes);
            }
        }
    }
    None
}
