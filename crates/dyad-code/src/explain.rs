//! `dyad explain`: every step of coding one sentence, in words a dictionary editor can act on.

use crate::compile::NounHit;
use crate::event::describe;
use crate::sentence::Analysis;
use dyad_dict::Dictionaries;
use dyad_doc::{Document, Event};
use std::fmt;

pub struct Explanation {
    pub sentence: usize,
    pub text: String,
    /// Normalised words; unknown ones (in no dictionary) are marked with `?`.
    pub words: Vec<String>,
    /// Actor and agent phrases found: "words → entry".
    pub nouns: Vec<String>,
    /// Mentions (noun phrases and compounds) with their codes.
    pub mentions: Vec<String>,
    /// Per verb: its entry, candidate patterns, the choice and the outcome.
    pub verbs: Vec<Vec<String>>,
    pub discard: Option<String>,
    pub events: Vec<Event>,
}

impl Explanation {
    pub fn empty(sentence: usize, count: usize) -> Self {
        Explanation {
            sentence,
            text: format!("(no sentence {sentence}: the document has {count})"),
            words: vec![],
            nouns: vec![],
            mentions: vec![],
            verbs: vec![],
            discard: None,
            events: vec![],
        }
    }

    pub(crate) fn new(d: &Dictionaries, doc: &Document, sentence: usize, a: Analysis, events: Vec<Event>) -> Self {
        let t = &a.tagged;
        let phrase = |s: usize, e: usize| t.words[s..e].iter().map(|w| w.norm.as_str()).collect::<Vec<_>>().join(" ");
        let words = t
            .words
            .iter()
            .zip(&t.ids)
            .zip(&t.in_quote)
            .map(|((w, id), q)| {
                let mut s = w.norm.clone();
                if w.possessive {
                    s.push_str("'s");
                }
                if *id == crate::compile::UNKNOWN && !w.punct {
                    s.push('?');
                }
                if *q {
                    s = format!("«{s}»");
                }
                s
            })
            .collect();
        let nouns = t
            .nouns
            .iter()
            .map(|n| {
                let hits: Vec<String> = n
                    .hits
                    .iter()
                    .map(|h| match h {
                        NounHit::Actor { entry, kind, code, .. } => {
                            let e = &d.actors[*entry as usize];
                            let all = e.codes_on(doc.date).join("/");
                            let code = code.clone().or((!all.is_empty()).then_some(all)).unwrap_or_else(|| "---".into());
                            format!("actor {} [{}] as {:?} ({})", e.name, code, kind, e.at)
                        }
                        NounHit::Agent { entry } => {
                            let g = &d.agents[*entry as usize];
                            format!("agent {} [~{}] ({})", g.name, g.role, g.at)
                        }
                    })
                    .collect();
                format!("\"{}\" → {}", phrase(n.start, n.end), hits.join(" | "))
            })
            .collect();
        let mentions = a
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let codes = m.codes();
                let codes = if codes.is_empty() { "(null code)".to_string() } else { codes.join(", ") };
                let mut line = format!("m{i} \"{}\" = {}   [{}]", phrase(m.start, m.end), codes, describe(d, m));
                for u in &m.units {
                    line.push_str(&noun_phrase(d, t, u));
                }
                line
            })
            .collect();
        let verbs = a
            .decisions
            .iter()
            .map(|dec| {
                let v = &d.verbs[dec.verb.entry as usize];
                let mut lines = vec![format!(
                    "verb \"{}\" → {} [{}] ({}), {} pattern(s){}",
                    phrase(dec.verb.start, dec.verb.end),
                    v.lemmas.join(" | "),
                    v.code.as_deref().unwrap_or("---"),
                    v.at,
                    v.patterns.len(),
                    if dec.passive { ", passive" } else { "" }
                )];
                if dec.candidates.is_empty() {
                    lines.push("  no pattern matched: the verb's own code applies".into());
                }
                for (k, c) in dec.candidates.iter().enumerate() {
                    let p = &v.patterns[c.pattern];
                    let mark = if Some(k) == dec.chosen { "chosen" } else { "matched" };
                    lines.push(format!("  {mark} (specificity {}): {} ({})", c.weight, p.text, p.at));
                }
                if dec.chosen.is_some() && dec.candidates.len() > 1 {
                    lines.push("  the most specific pattern wins; among equals the first written".into());
                }
                let role = |m: Option<usize>, via: Option<&str>| match (m, via) {
                    (Some(i), Some(via)) => format!("m{i} ({via})"),
                    (Some(i), None) => format!("m{i}"),
                    (None, _) => "none".to_string(),
                };
                lines.push(format!(
                    "  code {}{}, source {}, target {}, modality {:?}",
                    dec.coding.code.as_deref().unwrap_or("---"),
                    dec.coding.reverse_code.as_deref().map(|r| format!(" (reverse {r})")).unwrap_or_default(),
                    if dec.coding.implicit_police { "implicit (the police)".to_string() } else { role(dec.coding.source, dec.coding.source_via) },
                    role(dec.coding.target, dec.coding.target_via),
                    dec.modality
                ));
                lines.push(match &dec.skipped {
                    Some(why) => format!("  → no event: {why}"),
                    None => "  → event".into(),
                });
                lines
            })
            .collect();
        let discard = t.discard.map(|(scope, s, e)| format!("{scope:?} discard on \"{}\"", phrase(s, e)));
        Explanation {
            sentence,
            text: doc.sentence_text(&doc.sentences[sentence]).to_string(),
            words,
            nouns,
            mentions,
            verbs,
            discard,
            events,
        }
    }
}

/// A unit's noun-phrase structure, when the tree built it: its head word, and each name and
/// role with the dependency that brought it in; `*` marks those its code was composed from
/// (the nearest to the head: `mention::compose`).
fn noun_phrase(d: &Dictionaries, t: &crate::tag::Tagged, u: &crate::mention::Unit) -> String {
    let Some(h) = u.head else { return String::new() };
    if u.pronoun.is_some() {
        return String::new();
    }
    let near = u.actors.iter().filter(|a| a.code.is_some()).map(|a| a.rank).min();
    let near_agent = u.agents.iter().map(|g| g.rank).min();
    let mut parts = Vec::new();
    for a in &u.actors {
        let e = &d.actors[a.entry as usize];
        let used = if Some(a.rank) == near { "*" } else { "" };
        parts.push(format!("{used}{} [{}] ({})", e.name, a.code.as_deref().unwrap_or("---"), a.via));
    }
    for g in &u.agents {
        let e = &d.agents[g.entry as usize];
        let used = if Some(g.rank) == near_agent { "*" } else { "" };
        parts.push(format!("{used}{} [~{}] ({})", e.name, g.role, g.via));
    }
    let place = u.country_from.as_deref().map(|f| format!("; country from {f}")).unwrap_or_default();
    format!(
        "\n      phrase head \"{}\" → {}: {}{place}",
        t.words.get(h).map_or("?", |w| w.norm.as_str()),
        if u.codes.is_empty() { "(null code)".to_string() } else { u.codes.join("/") },
        parts.join(", ")
    )
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentence {}: {}", self.sentence, self.text)?;
        writeln!(f, "words: {}", self.words.join(" "))?;
        writeln!(f, "actor/agent phrases:")?;
        if self.nouns.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for n in &self.nouns {
            writeln!(f, "  {n}")?;
        }
        writeln!(f, "mentions:")?;
        for m in &self.mentions {
            writeln!(f, "  {m}")?;
        }
        if let Some(dis) = &self.discard {
            writeln!(f, "{dis}: the sentence is not coded")?;
        }
        writeln!(f, "verbs:")?;
        if self.verbs.is_empty() {
            writeln!(f, "  (none found)")?;
        }
        for v in &self.verbs {
            for l in v {
                writeln!(f, "  {l}")?;
            }
        }
        writeln!(f, "events:")?;
        if self.events.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for e in &self.events {
            writeln!(
                f,
                "  {} {} {} (root {}, quad {}, goldstein {}) by {}",
                e.source, e.code, e.target, e.root, e.quad_class, e.goldstein, e.evidence.pattern
            )?;
        }
        Ok(())
    }
}
