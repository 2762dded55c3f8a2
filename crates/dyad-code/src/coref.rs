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
    /// Codes of person-like units (people and office holders), most recent last.
    pub persons: Vec<Vec<String>>,
    /// Codes of named people (person entries), most recent last.
    pub people: Vec<Vec<String>>,
    /// The speaker of the most recent quotation.
    pub speaker: Option<Vec<String>>,
    /// The most recent person who was a sentence's subject: "he" prefers them.
    pub subject: Option<Vec<String>>,
    /// Country codes named so far, most recent last: "the country", "the government".
    pub countries: Vec<String>,
    /// Codes of groups (agents without a person: "police", "protesters", "the rebels"),
    /// most recent last: what "they" and "them" refer to.
    pub groups: Vec<Vec<String>>,
}

/// Verbs that frame reported speech ("X said", "his message read").
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "continued",
    "continues",
    "read",
    "reads",
    "wrote",
    "writes",
    "stated",
    "states",
    "declared",
    "noted",
    "stressed",
    "affirmed",
    "insisted",
];

impl Memory {
    fn recent_person(&self, not: Option<&Vec<String>>) -> Option<Vec<String>> {
        self.persons.iter().rev().find(|p| Some(*p) != not && !p.is_empty()).cloned()
    }

    fn remember(&mut self, u: &Unit, kinds: impl Fn(u32) -> bool) {
        if u.codes.is_empty() {
            return;
        }
        let mut lists = Vec::new();
        if u.person_like {
            lists.push(&mut self.persons);
        }
        if u.actors.iter().any(|a| kinds(a.entry)) {
            lists.push(&mut self.people);
        }
        for list in lists {
            list.retain(|p| *p != u.codes);
            list.push(u.codes.clone());
            if list.len() > 8 {
                list.remove(0);
            }
        }
    }

    /// Definite descriptions, from earlier sentences only: "the country" → the most recent
    /// country; "the government", "the regime", "the leader" → that country with the role
    /// (PRK + GOV = PRKGOV, what "the North Korean leader" composes to).
    fn describe_definites(&self, t: &Tagged, mentions: &mut [Mention]) {
        // "the two countries": the two most recent countries, one unit each (a compound, so
        // that a symmetric verb codes both directions).
        for m in mentions.iter_mut() {
            if m.units.len() == 1 && m.units[0].pronoun.as_deref() == Some("the two countries") {
                if let [.., a, b] = &self.countries[..] {
                    let mut second = m.units[0].clone();
                    m.units[0].codes = vec![a.clone()];
                    second.codes = vec![b.clone()];
                    m.units.push(second);
                }
            }
        }
        let Some(country) = self.countries.last() else { return };
        for u in mentions.iter_mut().flat_map(|m| m.units.iter_mut()) {
            // Government words only: "the soldiers of the Red Army" are not the country's army.
            if !u.definite || !u.actors.is_empty() || !u.agents.iter().all(|g| g.role == "GOV") || u.pronoun.as_deref() == Some("the two countries") {
                continue;
            }
            if u.pronoun.is_some() {
                u.codes = vec![country.clone()];
                continue;
            }
            let base = crate::mention::ActorRef {
                entry: 0,
                kind: crate::compile::NameKind::Name,
                code: Some(country.clone()),
                rank: 0,
                via: "the story's country",
                word: u.start,
                person: false,
            };
            u.codes = crate::mention::compose(&[base], &u.agents);
            // Shown in the evidence as `"the government" → PRKGOV`.
            let words: Vec<&str> = t.words[u.start - 1..u.end].iter().map(|w| w.norm.as_str()).collect();
            u.pronoun = Some(words.join(" "));
        }
    }

    /// Resolve the pronouns of a sentence's mentions and update the memory with its actors.
    /// `is_person` tells whether an actor entry is a person; `countries` are the country codes.
    pub fn resolve(
        &mut self,
        t: &Tagged,
        mentions: &mut [Mention],
        is_person: impl Fn(u32) -> bool,
        countries: &FxHashSet<String>,
    ) {
        self.describe_definites(t, mentions);
        // The actor the sentence opens with ("Frodo said he ..."), if any.
        let first: Option<(usize, Vec<String>)> = mentions
            .first()
            .filter(|m| m.start <= 1 && m.units.iter().all(|u| u.pronoun.is_none()) && !t.words[m.end - 1].possessive)
            .map(|m| (m.start, m.codes()))
            .filter(|(_, c)| !c.is_empty());
        let first = first.as_ref();
        // The same, when it can be "he" or "she": a person or an office holder.
        let first_person = first.filter(|(start, _)| mentions.iter().find(|m| m.start == *start).is_some_and(|m| m.units.iter().all(|u| u.person_like)));
        // "they"/"them": the last group named before it in this sentence, else in the story.
        let groups_here: Vec<(usize, Vec<String>)> =
            mentions.iter().flat_map(|m| &m.units).filter(|u| is_group(u)).map(|u| (u.end, u.codes.clone())).collect();
        // "the mob was shooting at them": an object "them" is not its own clause's subject
        // (as for "him" below), so it is the group before that one.
        let them_subjects = clause_subjects_of(t, mentions, "them");
        for u in mentions.iter_mut().flat_map(|m| m.units.iter_mut()) {
            if matches!(u.pronoun.as_deref(), Some("they" | "them")) {
                let not = them_subjects.iter().find(|(at, _)| *at == u.start).map(|(_, c)| c);
                let allowed = |c: &Vec<String>| Some(c) != not;
                let here = groups_here.iter().rev().find(|(end, c)| *end <= u.start && allowed(c)).map(|(_, c)| c.clone());
                if let Some(c) = here.or_else(|| self.groups.iter().rev().find(|c| allowed(c)).cloned()) {
                    u.codes = c;
                }
            }
        }
        // Named persons of this sentence (end word, codes), for an object "him".
        let earlier_persons: Vec<(usize, Vec<String>)> = mentions
            .iter()
            .flat_map(|m| &m.units)
            .filter(|u| u.pronoun.is_none() && u.person_like && !u.codes.is_empty())
            .map(|u| (u.end, u.codes.clone()))
            .collect();
        // With a tree: the subject of the clause an object "him" belongs to, which "him" is
        // not (a non-reflexive pronoun is never its own clause's subject).
        let clause_subjects = clause_subjects_of(t, mentions, "him");
        // Third-person pronouns first: the speaker may be "he".
        for m in mentions.iter_mut() {
            for u in &mut m.units {
                if let Some((_, subject)) = clause_subjects.iter().find(|(at, _)| *at == u.start) {
                    let other = earlier_persons.iter().rev().find(|(end, c)| *end <= u.start && c != subject).map(|(_, c)| c.clone());
                    if let Some(c) = other.or_else(|| self.recent_person(Some(subject))) {
                        u.codes = c;
                        continue;
                    }
                }
                match u.pronoun.as_deref() {
                    // "Putin congratulated Xi ... and invited him": an object "him" is not the
                    // sentence's subject; it is the last other person named before it.
                    // ("Putin invited Kim to visit him": in Kim's infinitive "him" is Putin,
                    // so a "to" between the other person and "him" keeps the subject.)
                    Some("him")
                        if first.is_some_and(|(start, _)| *start < u.start)
                            && earlier_persons
                                .iter()
                                .rev()
                                .find(|(end, c)| *end <= u.start && Some(c) != first.map(|(_, c)| c))
                                .is_some_and(|(end, _)| !t.words[*end..u.start].iter().any(|w| w.norm == "to")) =>
                    {
                        let subject = first.map(|(_, c)| c);
                        let other = earlier_persons.iter().rev().find(|(end, c)| *end <= u.start && Some(c) != subject);
                        if let Some((_, c)) = other {
                            u.codes = c.clone();
                        } else if let Some(p) = self.recent_person(subject) {
                            u.codes = p;
                        }
                    }
                    Some("he" | "she" | "him") => {
                        // Else the sentence's own first actor before it ("Frodo said he ...").
                        // ("Ecuador granted asylum to X after he ...": not a country.)
                        let own = || first_person.filter(|(start, _)| *start < u.start).map(|(_, c)| c.clone());
                        if let Some(p) = self.subject.clone().or_else(|| self.recent_person(None)).or_else(own) {
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
            match speaker(t, mentions) {
                Speaker::Known(s) => self.speaker = Some(s),
                Speaker::Unknown => self.speaker = None,
                Speaker::NotSaid if self.speaker.is_none() => self.speaker = self.recent_person(None),
                Speaker::NotSaid => {}
            }
        }
        let speaker = self.speaker.clone();
        // "you" is only resolved to a named person (not "the Senate", not an office).
        let addressee = self.people.iter().rev().find(|p| Some(*p) != speaker.as_ref()).cloned();
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
                        // A country, or a person or body of one ("Kim Il Sung" PRKGOV → PRK).
                        if let Some(c) = a.code.as_ref().and_then(|c| c.get(..3)).filter(|c| countries.contains(*c)) {
                            self.countries.retain(|x| x != c);
                            self.countries.push(c.to_string());
                        }
                    }
                    self.remember(u, &is_person);
                    if is_group(u) {
                        self.groups.retain(|g| *g != u.codes);
                        self.groups.push(u.codes.clone());
                        if self.groups.len() > 8 {
                            self.groups.remove(0);
                        }
                    }
                }
            }
        }
    }
}

/// For each object pronoun `pronoun` of the sentence, with a tree: (its word, the codes of
/// its clause's subject), which a non-reflexive pronoun never is.
fn clause_subjects_of(t: &Tagged, mentions: &[Mention], pronoun: &str) -> Vec<(usize, Vec<String>)> {
    let Some(tree) = t.tree() else { return Vec::new() };
    mentions
        .iter()
        .flat_map(|m| &m.units)
        .filter(|u| u.pronoun.as_deref() == Some(pronoun))
        .filter_map(|u| {
            let w = clause_subject(tree, u.start)?;
            let m = mentions.iter().find(|m| m.start <= w && w < m.end)?;
            Some((u.start, m.codes()))
        })
        .collect()
}

/// The subject word of the clause whose object (or oblique) is word `w`: the verb's `nsubj`;
/// for a coordinated verb without one, the first verb's ("Putin congratulated Xi and invited
/// him"); for a controlled verb (`xcomp`), the controller: the object of the verb above, else
/// its subject ("Putin invited Kim to visit him": Kim).
fn clause_subject(tree: &crate::tree::Tree, w: usize) -> Option<usize> {
    if !(tree.rel_is(w, "obj") || tree.rel_is(w, "iobj") || tree.rel_is(w, "obl")) {
        return None;
    }
    let mut verb = tree.head[w]?;
    for _ in 0..tree.len() {
        if let Some(s) = tree.child(verb, "nsubj") {
            return Some(s);
        }
        if tree.rel_is(verb, "xcomp") {
            let up = tree.head[verb]?;
            return tree.child(up, "obj").or_else(|| tree.child(up, "nsubj"));
        }
        if !tree.rel_is(verb, "conj") {
            return None;
        }
        verb = tree.head[verb]?;
    }
    None
}

/// A group: agents and no person or office ("police", "the protesters", "Indian troops").
fn is_group(u: &Unit) -> bool {
    u.pronoun.is_none() && !u.agents.is_empty() && !u.person_like && !u.codes.is_empty()
}

/// The speaker of this sentence's quotation: the actor of a speech verb outside the quotes —
/// before it ("Putin's message read", "Kim, which said") or right after it ("said Putin").
fn speaker(t: &Tagged, mentions: &[Mention]) -> Speaker {
    let mut framed = false;
    for (i, w) in t.words.iter().enumerate() {
        if t.in_quote[i] || !SPEECH.contains(&w.norm.as_str()) {
            continue;
        }
        framed = true;
        let before = mentions.iter().rfind(|m| m.end <= i && !t.in_quote[m.start] && i - m.end <= 4);
        let after = mentions.iter().find(|m| m.start > i && m.start <= i + 2 && !t.in_quote[m.start]);
        if let Some(m) = before.or(after) {
            let codes = m.codes();
            if !codes.is_empty() {
                return Speaker::Known(codes);
            }
        }
    }
    if framed {
        Speaker::Unknown
    } else {
        Speaker::NotSaid
    }
}

enum Speaker {
    /// The speech frame names a known actor.
    Known(Vec<String>),
    /// "..., said Perrin Long": someone dyad cannot code is speaking.
    Unknown,
    /// No speech frame in the sentence: the quotation continues the last speaker's.
    NotSaid,
}
