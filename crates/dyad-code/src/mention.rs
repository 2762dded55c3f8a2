//! From dictionary matches to actor mentions.
//!
//! A *unit* is one noun phrase: adjacent actor and agent phrases ("Russian President Vladimir
//! Putin", "Gondor's government", "MSF Arnor diplomat"), composed into one code. A *mention* is
//! one or more units joined as a compound ("Russia and China", "Arnor, Osgiliath and Gondor"),
//! with agents distributed where English distributes them ("the ambassadors of Arnor and
//! Gondor", "South Korean and U.S. counterparts").

use crate::compile::{NameKind, NounHit};
use crate::tag::Tagged;
use chrono::NaiveDate;
use dyad_dict::{ActorKind, Dictionaries};
pub use np::{link, RANK_IN, RANK_OF};
pub use unnamed::{add as add_unnamed, UNNAMED_CODE};

mod np;
mod unnamed;

#[derive(Clone, Debug)]
pub struct ActorRef {
    pub entry: u32,
    pub kind: NameKind,
    /// The code on the document date; `None` is the null code.
    pub code: Option<String>,
    /// How far from the noun phrase's head the name sits (`Link::rank`): `compose` takes the
    /// nearest names only ("the NATO commander in Kosovo": NATO, not Kosovo).
    pub rank: u8,
    /// The dependency that brought it into the phrase: "head", "compound", "amod",
    /// "nmod:poss", "appos", "of", "in" (for `dyad explain`).
    pub via: &'static str,
    /// Its first word.
    pub word: usize,
    /// A person's entry: their code is theirs whatever role words surround it.
    pub person: bool,
}

#[derive(Clone, Debug)]
pub struct AgentRef {
    pub entry: u32,
    pub role: String,
    pub prefix: bool,
    /// As `ActorRef::rank` and `ActorRef::via`.
    pub rank: u8,
    pub via: &'static str,
    pub word: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Unit {
    /// Words `start..end` of the sentence.
    pub start: usize,
    pub end: usize,
    pub actors: Vec<ActorRef>,
    pub agents: Vec<AgentRef>,
    /// A pronoun ("he", "I", "you") standing for an actor named elsewhere.
    pub pronoun: Option<String>,
    /// Composed CAMEO codes (more than one for `A/B` dictionary codes). Empty: null actor.
    pub codes: Vec<String>,
    /// A person or an office holder: what "he", "I" and "you" can refer to.
    pub person_like: bool,
    /// A definite description standing for an actor named earlier: "the government", "the
    /// regime" (agents after "the", no actor), "the country" (pronoun "the country").
    pub definite: bool,
    /// "former" before or inside the phrase: CAMEO's elites (ELI) instead of the office.
    pub former: bool,
    /// Where the country of a code that had none came from, when a place named right before
    /// the agent gave it ("place: Ahmedabad (gazetteer)"): `context::Places`.
    pub country_from: Option<String>,
    /// The noun phrase's head word, when the tree built the unit ("commander" in "the NATO
    /// commander in Kosovo"). A common noun no dictionary names may lie outside the unit's
    /// words ("a United Nations appeal": head "appeal", words "United Nations").
    pub head: Option<usize>,
    /// A proper name no dictionary knows, coded `---` (`unnamed`).
    pub unnamed: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub units: Vec<Unit>,
}

impl Mention {
    pub fn codes(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for u in &self.units {
            for c in &u.codes {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}

const PRONOUNS: &[&str] = &["he", "she", "him", "i", "me", "we", "you"];
/// "they", "them": a group named before (`coref.rs`); dropped when there is none.
const GROUP_PRONOUNS: &[&str] = &["they", "them"];
const PREPOSITIONS_OF: &[&str] = &["of", "in", "from"];
/// Words that can stand between an "and" and the next actor ("and the evil Gondor").
const FILLERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];
/// Function words that are never skipped as adjectives.
const STOP: &[&str] = &[
    "and", "or", "nor", "but", "of", "in", "on", "at", "by", "for", "with", "to", "from", "that", "which", "who", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "be", "been", "not", "said", "says", "after", "before", "when",
    "while", "as",
];

/// The sentence's mentions: from its noun phrases when it was parsed (`np`), else from
/// adjacent dictionary matches (the fallback below).
pub fn build(t: &Tagged, d: &Dictionaries, date: Option<NaiveDate>) -> Vec<Mention> {
    if let Some(tree) = t.tree().filter(|tree| tree.root().is_some()) {
        // A place the parser attached to the verb ("massacred civilians in Darfur") still
        // gives a bare agent before it its country, as a reader takes it.
        let mut mentions = np::build(t, tree, d, date);
        distribute_prepositions(t, &mut mentions);
        return mentions;
    }
    let units = units(t, d, date);
    let mut mentions = compounds(t, units);
    distribute_prepositions(t, &mut mentions);
    mentions
}

fn pick_hit(hits: &[NounHit]) -> &NounHit {
    hits.iter()
        .find(|h| matches!(h, NounHit::Actor { kind: NameKind::Name, .. }))
        .or_else(|| hits.iter().find(|h| matches!(h, NounHit::Actor { .. })))
        .unwrap_or(&hits[0])
}

fn is_verb_at(t: &Tagged, i: usize) -> bool {
    t.in_verb[i]
}

fn units(t: &Tagged, d: &Dictionaries, date: Option<NaiveDate>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut n = 0;
    let mut i = 0;
    while i < t.words.len() {
        if n < t.nouns.len() && t.nouns[n].start == i {
            let mut u = Unit { start: i, end: i, ..Default::default() };
            loop {
                let m = &t.nouns[n];
                add_hit(&mut u, m, d, date);
                n += 1;
                let Some(next) = t.nouns.get(n) else { break };
                if next.start == u.end {
                    continue;
                }
                // "Arnor former security officials": the role after "former" is still Arnor's.
                let agent_next = next.hits.iter().any(|h| matches!(h, NounHit::Agent { .. }));
                if next.start == u.end + 1 && t.words[u.end].norm == "former" && agent_next && !u.actors.is_empty() {
                    u.former = true;
                    continue;
                }
                // "Gondor's (main) government": a possessive actor owns the agent after it.
                let gap = next.start - u.end;
                // Adjectives in between, possibly joined by "and" ("Ithilen's awful and evil
                // minister").
                let adjective = |k: usize| skippable(t, k) || (t.words[k].norm == "and" && k > u.end && skippable(t, k - 1));
                let owns = t.words[u.end - 1].possessive
                    && gap <= 3
                    && next.hits.iter().any(|h| matches!(h, NounHit::Agent { .. }))
                    && (u.end..next.start).all(adjective);
                if owns {
                    continue;
                }
                break;
            }
            // "President Umbardacil": capitalised unknown names after an agent belong to it.
            if !u.agents.is_empty() && !t.words[u.end - 1].possessive {
                while u.end < t.words.len()
                    && t.words[u.end].capitalized
                    && t.ids[u.end] == crate::compile::UNKNOWN
                    && !is_verb_at(t, u.end)
                {
                    u.end += 1;
                    if t.words[u.end - 1].possessive {
                        break;
                    }
                }
            }
            // Office holders ("the North Korean leader") can be "he" or "you"; armies cannot.
            u.person_like |= u.agents.iter().any(|g| office(&g.role))
                || u.agents.is_empty()
                    && u.actors.iter().any(|a| {
                        a.code.as_ref().is_some_and(|c| c.len() > 3 && (c[3..].starts_with("GOV") || c[3..].starts_with("ELI")))
                    });
            u.former |= u.start > 0 && t.words[u.start - 1].norm == "former";
            u.codes = codes_of(&u);
            u.definite = u.actors.is_empty() && u.start > 0 && t.words[u.start - 1].norm == "the";
            i = u.end;
            out.push(u);
        } else if let Some(u) = pronoun_at(t, i) {
            i = u.end;
            out.push(u);
        } else {
            i += 1;
        }
    }
    out
}

/// Add one dictionary match to a unit (its preferred hit: a name before other readings).
fn add_hit(u: &mut Unit, m: &crate::tag::NounMatch, d: &Dictionaries, date: Option<NaiveDate>) {
    match pick_hit(&m.hits) {
        NounHit::Actor { entry, kind, code, .. } => {
            let e = &d.actors[*entry as usize];
            // `[FRO/BIL/SAM]` entries stand for each code: `compose` splits on `/`.
            let code = code.clone().or_else(|| {
                let all = e.codes_on(date);
                (!all.is_empty()).then(|| all.join("/"))
            });
            u.person_like |= e.kind == ActorKind::Person;
            u.actors.push(ActorRef { entry: *entry, kind: *kind, code, rank: 0, via: "head", word: m.start, person: e.kind == ActorKind::Person });
        }
        NounHit::Agent { entry } => {
            let g = &d.agents[*entry as usize];
            let role = g.role.trim_matches('~').to_string();
            u.agents.push(AgentRef { entry: *entry, role, prefix: g.prefix, rank: 0, via: "head", word: m.start });
        }
    }
    u.end = m.end;
}

/// A pronoun unit at word `i`: "he", "him", "they", or "the country" (two words).
fn pronoun_at(t: &Tagged, i: usize) -> Option<Unit> {
    let w = &t.words[i].norm;
    // "the country", "the nation": a country named earlier (resolved in `coref`).
    if w == "the"
        && t.words.get(i + 1).is_some_and(|n| matches!(n.norm.as_str(), "country" | "nation") && !n.possessive)
        && !t.in_noun[i + 1]
    {
        return Some(Unit { start: i, end: i + 2, pronoun: Some("the country".into()), definite: true, ..Default::default() });
    }
    // "the two countries", "both nations": the last two countries named (`coref`).
    let plural = |k: usize| t.words.get(k).is_some_and(|n| matches!(n.norm.as_str(), "countries" | "nations") && !t.in_noun[k]);
    if w == "the" && t.words.get(i + 1).is_some_and(|n| n.norm == "two") && plural(i + 2) {
        return Some(Unit { start: i, end: i + 3, pronoun: Some("the two countries".into()), definite: true, ..Default::default() });
    }
    if w == "both" && plural(i + 1) {
        return Some(Unit { start: i, end: i + 2, pronoun: Some("the two countries".into()), definite: true, ..Default::default() });
    }
    if PRONOUNS.contains(&w.as_str()) || (w == "us" && !t.words[i].upper) {
        Some(Unit { start: i, end: i + 1, pronoun: Some(w.clone()), person_like: true, ..Default::default() })
    } else if GROUP_PRONOUNS.contains(&w.as_str()) {
        Some(Unit { start: i, end: i + 1, pronoun: Some(w.clone()), ..Default::default() })
    } else {
        None
    }
}

/// A role held by one person ("president" GOV, "foreign minister" GOVFRM), not by a body
/// ("state media" GOVMED) or a group ("soldiers" MIL).
fn office(role: &str) -> bool {
    matches!(role, "GOV" | "ELI" | "GOVFRM" | "GOVELI" | "LEG")
}

/// A word that may sit between a possessive and its agent ("Dagolath's first Deputy ...").
fn skippable(t: &Tagged, k: usize) -> bool {
    let w = &t.words[k];
    !w.punct && !STOP.contains(&w.norm.as_str()) && !is_verb_at(t, k)
}

/// A unit's codes: `compose`, then "former" makes the office holder an elite (CAMEO ELI):
/// "former Gondor prosecutors" GONJUD → GONELI, "former security officials in the White House"
/// USAGOV → USAGOVELI. A bare country stays ("the former Soviet Union").
pub fn codes_of(u: &Unit) -> Vec<String> {
    if !u.former || u.agents.is_empty() && !u.actors.iter().any(|a| a.code.as_ref().is_some_and(|c| c.len() > 3)) {
        return compose(&u.actors, &u.agents);
    }
    let agents: Vec<AgentRef> = u
        .agents
        .iter()
        .map(|g| if g.prefix { g.clone() } else { AgentRef { role: "ELI".into(), ..g.clone() } })
        .collect();
    let mut codes = compose(&u.actors, &agents);
    for c in &mut codes {
        if !c.ends_with("ELI") {
            c.push_str("ELI");
        }
    }
    codes
}

/// Compose actor and agent codes: prefix roles + base + suffix roles ("NGO" + "ARN" + "GOV").
/// An actor whose own code already has a role ("RUSGOV" for Putin) is taken as it is.
pub fn compose(actors: &[ActorRef], agents: &[AgentRef]) -> Vec<String> {
    // The names and roles nearest the phrase's head: "The NATO commander in Kosovo, a Danish
    // general" is NATO's commander (compound, rank 0), not Kosovo's ("in") or Denmark's
    // (apposition).
    let near = actors.iter().filter(|a| a.code.is_some()).map(|a| a.rank).min();
    let actors: Vec<ActorRef> = actors.iter().filter(|a| Some(a.rank) == near || a.code.is_none() && near.is_none()).cloned().collect();
    let near_agent = agents.iter().map(|g| g.rank).min();
    let agents: Vec<AgentRef> = agents.iter().filter(|g| Some(g.rank) == near_agent).cloned().collect();
    // The head noun says what the phrase is: an organisation's code with a role as its head
    // ("NATO commander") takes the role; a name as head ("President Putin") keeps its code.
    let agent_headed = agents.iter().any(|g| g.via == "head")
        && !actors.is_empty()
        && actors.iter().all(|a| a.via != "head" && !a.person);
    let base: String = if actors.is_empty() {
        "---".into()
    } else {
        let coded: Vec<&String> = actors.iter().filter_map(|a| a.code.as_ref()).collect();
        let Some(best) = coded.iter().rev().max_by_key(|c| c.len()) else { return vec![] };
        (*best).clone()
    };
    let mut out = Vec::new();
    for b in base.split('/').filter(|b| !b.is_empty()) {
        if agent_headed && b.len() > 3 {
            let mut code = b.to_string();
            // Not a government or elite role: "Red Cross officials", "al-Qaeda leaders" are
            // the organisation itself.
            for g in agents.iter().filter(|g| !g.prefix && !matches!(g.role.as_str(), "GOV" | "ELI")) {
                if !code[3..].contains(g.role.as_str()) {
                    code.push_str(&g.role);
                }
            }
            out.push(code);
            continue;
        }
        if b.len() > 3 && !actors.is_empty() || agents.is_empty() {
            out.push(b.to_string());
            continue;
        }
        let mut code = String::new();
        for g in agents.iter().filter(|g| g.prefix) {
            code.push_str(&g.role);
        }
        code.push_str(b);
        for g in agents.iter().filter(|g| !g.prefix) {
            if !code[3.min(code.len())..].contains(g.role.as_str()) {
                code.push_str(&g.role);
            }
        }
        out.push(code);
    }
    out
}

/// What joins two units of a compound: "," / "and" / ", and" / "or" / "nor", then optional
/// determiners and up to two adjectives. Returns whether the join is a comma only.
fn joiner(t: &Tagged, from: usize, to: usize) -> Option<bool> {
    let gap = &t.words[from..to];
    let mut k = 0;
    let mut comma = false;
    let mut conj = false;
    if gap.get(k).is_some_and(|w| w.norm == ",") {
        comma = true;
        k += 1;
    }
    if gap.get(k).is_some_and(|w| matches!(w.norm.as_str(), "and" | "or" | "nor")) {
        conj = true;
        k += 1;
    }
    if !comma && !conj {
        return None;
    }
    let mut adjectives = 0;
    while k < gap.len() {
        let w = &gap[k];
        if FILLERS.contains(&w.norm.as_str()) {
            k += 1;
        } else if skippable(t, from + k) && !w.capitalized && adjectives < 2 {
            adjectives += 1;
            k += 1;
        } else {
            return None;
        }
    }
    Some(!conj)
}

fn compounds(t: &Tagged, units: Vec<Unit>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut it = units.into_iter().peekable();
    while let Some(first) = it.next() {
        let mut chain = vec![(first, false)];
        while let Some(next) = it.peek() {
            let last = &chain.last().expect("non-empty").0;
            if last.pronoun.is_some() || next.pronoun.is_some() {
                break;
            }
            match joiner(t, last.end, next.start) {
                Some(comma_only) => chain.push((it.next().expect("peeked"), comma_only)),
                None => break,
            }
        }
        // A comma list must end in "and"/"or": "Dagolath, Gondor" alone is an apposition.
        let keep = chain.iter().rposition(|(_, comma_only)| !comma_only).unwrap_or(0);
        let rest: Vec<Unit> = chain.drain(keep + 1..).map(|(u, _)| u).collect();
        let mut units: Vec<Unit> = chain.into_iter().map(|(u, _)| u).collect();
        share_trailing_agents(&mut units);
        out.push(Mention { start: units[0].start, end: units.last().expect("non-empty").end, units });
        for u in rest {
            out.push(Mention { start: u.start, end: u.end, units: vec![u] });
        }
    }
    out
}

/// "South Korean and U.S. counterparts": bare adjectives share the last unit's agents.
/// "Danish media and government": bare agents share the first unit's country.
fn share_trailing_agents(units: &mut [Unit]) {
    if let Some((first, rest)) = units.split_first_mut() {
        let adjective = !first.actors.is_empty() && !first.agents.is_empty();
        if adjective
            && !rest.is_empty()
            && rest.iter().all(|u| u.actors.is_empty() && u.pronoun.is_none() && !u.agents.is_empty())
        {
            for u in rest {
                u.actors = first.actors.clone();
                u.codes = codes_of(u);
            }
        }
    }
    let Some((last, rest)) = units.split_last_mut() else { return };
    if last.agents.is_empty() || rest.is_empty() {
        return;
    }
    if rest.iter().all(|u| u.agents.is_empty() && !u.actors.is_empty() && u.actors.iter().all(|a| a.kind == NameKind::Adjective))
    {
        for u in rest {
            u.agents = last.agents.clone();
            u.former |= last.former;
            u.codes = codes_of(u);
            u.person_like = true;
        }
    }
}

/// "The ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost and Gondor":
/// agents without a country take the countries after of/in/from, one unit per pair.
fn distribute_prepositions(t: &Tagged, mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < mentions.len() {
        let (a, b) = (&mentions[k], &mentions[k + 1]);
        let agents_only = |u: &Unit| u.actors.is_empty() && u.pronoun.is_none() && !u.agents.is_empty();
        // The agents-only units at the end of `a` ("Ithilen and the government | of Gondor").
        let first_agent = a.units.iter().rposition(|u| !agents_only(u)).map_or(0, |p| p + 1);
        let countries = b.units.iter().all(|u| !u.actors.is_empty() && u.agents.is_empty());
        let prep = b.start == a.end + 1 && PREPOSITIONS_OF.contains(&t.words[a.end].norm.as_str());
        if first_agent < a.units.len() && countries && prep {
            let mut units: Vec<Unit> = a.units[..first_agent].to_vec();
            for c in &b.units {
                for g in &a.units[first_agent..] {
                    let mut u = c.clone();
                    u.start = g.start;
                    u.agents = g.agents.clone();
                    u.former |= g.former;
                    u.codes = codes_of(&u);
                    u.person_like = true;
                    units.push(u);
                }
            }
            let merged = Mention { start: a.start, end: b.end, units };
            mentions[k] = merged;
            mentions.remove(k + 1);
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, kind: NameKind) -> ActorRef {
        ActorRef { entry: 0, kind, code: Some(code.into()), rank: 0, via: "head", word: 0, person: false }
    }
    fn agent(role: &str, prefix: bool) -> AgentRef {
        AgentRef { entry: 0, role: role.into(), prefix, rank: 0, via: "head", word: 0 }
    }

    #[test]
    fn composition() {
        assert_eq!(compose(&[actor("RUS", NameKind::Adjective)], &[agent("GOV", false)]), vec!["RUSGOV"]);
        // A person's own full code wins over the agents around it.
        assert_eq!(
            compose(&[actor("RUS", NameKind::Adjective), actor("RUSGOV", NameKind::Name)], &[agent("GOV", false)]),
            vec!["RUSGOV"]
        );
        assert_eq!(compose(&[actor("ARN", NameKind::Name)], &[agent("NGO", true), agent("GOV", false)]), vec!["NGOARNGOV"]);
        assert_eq!(compose(&[], &[agent("EDU", false)]), vec!["---EDU"]);
        assert_eq!(compose(&[actor("FRO/BIL", NameKind::Name)], &[]), vec!["FRO", "BIL"]);
        assert!(compose(&[ActorRef { code: None, ..actor("X", NameKind::Name) }], &[]).is_empty());
        // No doubled roles.
        assert_eq!(compose(&[actor("USA", NameKind::Name)], &[agent("GOV", false), agent("GOV", false)]), vec!["USAGOV"]);
    }

    #[test]
    fn former_makes_elites() {
        let unit = |actors: Vec<ActorRef>, agents: Vec<AgentRef>| Unit { actors, agents, former: true, ..Default::default() };
        assert_eq!(codes_of(&unit(vec![actor("GON", NameKind::Name)], vec![agent("JUD", false)])), vec!["GONELI"]);
        // "Former security officials in the White House" (USAGOV): ELI after the actor's role.
        assert_eq!(codes_of(&unit(vec![actor("USAGOV", NameKind::Name)], vec![agent("GOV", false)])), vec!["USAGOVELI"]);
        // A bare country ("the former Soviet Union") keeps its code.
        assert_eq!(codes_of(&unit(vec![actor("USR", NameKind::Name)], vec![])), vec!["USR"]);
    }
}
