//! Counts for `dyad dict stats`.

use crate::{ActorKind, Dictionaries};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    pub actors: usize,
    pub actors_by_kind: BTreeMap<String, usize>,
    /// Every matchable actor string: header names, names, adjectives, seats, short forms.
    pub actor_names: usize,
    pub dated_codes: usize,
    pub agents: usize,
    pub agent_names: usize,
    pub verb_entries: usize,
    pub verb_lemmas: usize,
    pub verb_forms: usize,
    pub patterns: usize,
    pub sets: usize,
    pub set_phrases: usize,
    pub discards: usize,
    pub issues: usize,
    pub codebook_codes: usize,
    /// Distinct event codes the verbs and patterns produce.
    pub codes_used: usize,
    /// Codebook codes some verb or pattern produces.
    pub codebook_covered: usize,
}

fn kind_name(k: ActorKind) -> String {
    format!("{k:?}").to_lowercase()
}

/// Every event code verbs and patterns can produce (paired codes included).
pub fn event_codes_used(d: &Dictionaries) -> BTreeSet<&str> {
    let mut used = BTreeSet::new();
    for v in &d.verbs {
        used.extend(v.code.as_deref());
        used.extend(v.reverse_code.as_deref());
        for p in &v.patterns {
            used.extend(p.code.as_deref());
            used.extend(p.reverse_code.as_deref());
        }
    }
    used
}

impl Stats {
    pub fn of(d: &Dictionaries) -> Self {
        let mut s = Stats {
            actors: d.actors.len(),
            agents: d.agents.len(),
            verb_entries: d.verbs.len(),
            sets: d.sets.len(),
            discards: d.discards.len(),
            issues: d.issues.len(),
            codebook_codes: d.codebook.entries.len(),
            ..Default::default()
        };
        for a in &d.actors {
            *s.actors_by_kind.entry(kind_name(a.kind)).or_default() += 1;
            s.actor_names += 1 + a.names.len() + a.adjectives.len() + a.seats.len() + a.short.len();
            s.dated_codes += a.dated.len();
        }
        s.agent_names = d.agents.iter().map(|a| 1 + a.names.len()).sum();
        for v in &d.verbs {
            s.verb_lemmas += v.lemmas.len();
            s.verb_forms += v.forms.len();
        }
        // PETRARCH blocks whose verbs have codes of their own share patterns: count lines.
        s.patterns = d
            .verbs
            .iter()
            .flat_map(|v| &v.patterns)
            .map(|p| (&p.at.file, p.at.line))
            .collect::<BTreeSet<_>>()
            .len();
        s.set_phrases = d.sets.values().map(Vec::len).sum();
        let used = event_codes_used(d);
        s.codes_used = used.len();
        s.codebook_covered = d
            .codebook
            .entries
            .keys()
            .filter(|c| used.contains(c.as_str()))
            .count();
        s
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "actors        {:>7}  ({} names, {} dated codes)",
            self.actors, self.actor_names, self.dated_codes
        )?;
        for (k, n) in &self.actors_by_kind {
            writeln!(f, "  {k:<12}{n:>7}")?;
        }
        writeln!(
            f,
            "agents        {:>7}  ({} names)",
            self.agents, self.agent_names
        )?;
        writeln!(
            f,
            "verb entries  {:>7}  ({} lemmas, {} forms)",
            self.verb_entries, self.verb_lemmas, self.verb_forms
        )?;
        writeln!(f, "patterns      {:>7}", self.patterns)?;
        writeln!(
            f,
            "sets          {:>7}  ({} phrases)",
            self.sets, self.set_phrases
        )?;
        writeln!(f, "discards      {:>7}", self.discards)?;
        writeln!(f, "issues        {:>7}", self.issues)?;
        writeln!(
            f,
            "codebook      {:>7}  codes; {} covered by verbs/patterns; {} distinct codes used",
            self.codebook_codes, self.codebook_covered, self.codes_used
        )
    }
}
