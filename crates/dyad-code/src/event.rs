//! Turning a sentence's decisions into `Event` records: codes from the codebook, one event per
//! (source, target) pair of compound actors, duplicates within the sentence dropped, the date
//! (`when.rs`), and the evidence (character spans, the pattern and entries that fired).

use crate::context::StoryCountry;
use crate::mention::Mention;
use crate::sentence::{Analysis, VerbDecision};
use dyad_dict::Dictionaries;
use dyad_doc::{Document, Event, Evidence, EvidenceSpan, Sentence};

/// Events of one sentence. `country` gives the story's country (`context.rs`) for an event
/// whose roles are the given mentions: agents without a country take it ("police" → INDCOP),
/// and the evidence says where it came from. `targetless`: `CoderOptions::targetless`, for a
/// source and target that the story's country made one actor.
pub fn events(
    d: &Dictionaries,
    doc: &Document,
    index: usize,
    s: &Sentence,
    a: &Analysis,
    country: &dyn Fn(&[usize]) -> Option<StoryCountry>,
    targetless: bool,
) -> Vec<Event> {
    let text = doc.sentence_text(s);
    let mut out: Vec<Event> = Vec::new();
    // Per event: its verb is a passive, whose subject names the victims ("one person was
    // killed").
    let mut victims_written: Vec<bool> = Vec::new();
    // The sentence's day references, read only once an event needs a date.
    let mut days: Option<Vec<(usize, usize, chrono::NaiveDate)>> = None;
    for dec in &a.decisions {
        if dec.skipped.is_some() {
            continue;
        }
        let src = match dec.coding.source {
            Some(si) => Side::Mention(&a.mentions[si]),
            None if dec.coding.implicit_police => Side::ImplicitPolice,
            None => continue,
        };
        let date = doc.date.map(|published| {
            let refs = days.get_or_insert_with(|| crate::when::day_references(&a.tagged, text, s.char_start, published));
            crate::when::event_day(&a.tagged, &dec.verb, refs).unwrap_or(published)
        });
        // No target (only kept for codes that need none, see `sentence::targetless_code`):
        // the event's target is "".
        let tgt = match dec.coding.target {
            Some(ti) => Side::Mention(&a.mentions[ti]),
            None => Side::Nobody,
        };
        let roles: Vec<usize> = [dec.coding.source, dec.coding.target].into_iter().flatten().collect();
        let country = country(&roles);
        let country = country.as_ref();
        let mut pairs = Vec::new();
        if let Some(code) = &dec.coding.code {
            pairs.push((src, tgt, code.clone()));
        }
        if let (Some(code), Side::Mention(_)) = (&dec.coding.reverse_code, tgt) {
            pairs.push((tgt, src, code.clone()));
        }
        for (from, mut to, code) in pairs {
            let mut target_codes = to.codes_in(country);
            // "he was detained by police", with "he" bound to no actor: the arrest still
            // happened; a code that needs no target keeps the event without one.
            let no_reverse = dec.coding.reverse_code.is_none();
            if target_codes.is_empty() && targetless && no_reverse && crate::sentence::targetless_code(&code) {
                (to, target_codes) = (Side::Nobody, Side::Nobody.codes_in(country));
            }
            for (sc, s_from) in from.codes_in(country) {
                for (mut tc, mut t_from) in target_codes.iter().cloned() {
                    let mut to = to;
                    // "Macron rejected accusations his government had ...": the same actor on
                    // both sides acts on nobody; a code that needs no target keeps the event
                    // without one (as `sentence::decide` does for actors named alike).
                    if sc == tc && !tc.is_empty() {
                        if !(targetless && no_reverse && crate::sentence::targetless_code(&code)) {
                            continue;
                        }
                        (to, tc, t_from) = (Side::Nobody, String::new(), None);
                    }
                    // An event needs a known actor: a name no dictionary knows with nobody, or
                    // beside another such name, says nothing an analyst can use.
                    let unknown = |c: &str| c.is_empty() || c == crate::mention::UNNAMED_CODE;
                    if sc == tc || (unknown(&sc) && unknown(&tc)) || out.iter().any(|e| e.source == sc && e.target == tc && e.code == code) {
                        continue;
                    }
                    let roles = Roles { from, to, source: sc.clone(), target: tc, source_country: s_from.clone(), target_country: t_from };
                    out.push(make(d, doc, index, s, text, a, dec, roles, code.clone(), date));
                    victims_written.push(dec.passive);
                }
            }
        }
    }
    // "police opened fire to disperse the protesters": force without a target says less than
    // force by the same source with a target in the sentence; it is the same act. (Statements
    // and intentions are separate acts: "promised to ..." stays beside "invited Kim"; so are
    // force and arrests: "fired 6,500 rounds ... and arrested 10,000 people" is both; and so
    // are victims written as a passive's subject: "one person was killed when the police
    // fired to disperse the mob" is a killing beside the dispersal.)
    let force = |e: &Event| crate::sentence::force_code(&e.code) || e.code == "175";
    let subsumed = |(e, victims): (&Event, &bool)| {
        !victims && e.target.is_empty() && force(e) && out.iter().any(|o| !o.target.is_empty() && o.source == e.source && force(o))
    };
    let keep: Vec<bool> = out.iter().zip(&victims_written).map(|ev| !subsumed(ev)).collect();
    let mut k = keep.iter();
    out.retain(|_| *k.next().unwrap_or(&true));
    out
}

/// Who fills a role: a mention, the implied police, or nobody (an empty target).
#[derive(Clone, Copy)]
enum Side<'a> {
    Mention(&'a Mention),
    ImplicitPolice,
    Nobody,
}

impl Side<'_> {
    /// The codes, those without a country given the story's, each with where its country came
    /// from when it was inferred (a place before the agent, else the story).
    fn codes_in(&self, country: Option<&StoryCountry>) -> Vec<(String, Option<String>)> {
        match self {
            Side::Mention(m) => {
                let mut out: Vec<(String, Option<String>)> = Vec::new();
                for u in &m.units {
                    for c in &u.codes {
                        let coded = match &u.country_from {
                            Some(from) => (c.clone(), Some(from.clone())),
                            None => in_story(c.clone(), country),
                        };
                        if !out.iter().any(|(o, _)| *o == coded.0) {
                            out.push(coded);
                        }
                    }
                }
                out
            }
            Side::ImplicitPolice => vec![in_story("---COP".into(), country)],
            Side::Nobody => vec![(String::new(), None)],
        }
    }
}

/// A code without a country takes the story's: `(code, where the country came from)`.
fn in_story(code: String, country: Option<&StoryCountry>) -> (String, Option<String>) {
    match country {
        Some(c) if crate::context::lacks_country(&code) => {
            (crate::context::with_country(&code, &c.code), Some(format!("country {} from {}", c.code, c.from)))
        }
        _ => (code, None),
    }
}

struct Roles<'a> {
    from: Side<'a>,
    to: Side<'a>,
    source: String,
    target: String,
    source_country: Option<String>,
    target_country: Option<String>,
}

#[allow(clippy::too_many_arguments)]
fn make(
    d: &Dictionaries,
    doc: &Document,
    index: usize,
    s: &Sentence,
    text: &str,
    a: &Analysis,
    dec: &VerbDecision,
    roles: Roles,
    code: String,
    date: Option<chrono::NaiveDate>,
) -> Event {
    let entry = d.codebook.lookup(&code);
    let root = code.get(..2).unwrap_or(&code).to_string();
    let quad_class = entry.map(|e| e.quad_class).unwrap_or_else(|| quad_of_root(&root));
    let words = &a.tagged.words;
    let span = |start: usize, end: usize| {
        let (cs, ce) = (words[start].char_start, words[end - 1].char_end);
        EvidenceSpan { start: cs, end: ce, text: text.chars().skip(cs - s.char_start).take(ce - cs).collect() }
    };
    let verb = &d.verbs[dec.verb.entry as usize];
    let pattern = match dec.chosen {
        Some(i) => {
            let p = &verb.patterns[dec.candidates[i].pattern];
            // Dictionary files align codes with runs of spaces: one is enough here.
            format!("{} ({})", p.text.split_whitespace().collect::<Vec<_>>().join(" "), p.at)
        }
        None => format!("{} [{}] ({})", verb.lemmas.join(" | "), verb.code.as_deref().unwrap_or("---"), verb.at),
    };
    let modifier = match &dec.modality {
        crate::modality::Modality::Intent(w) => Some(format!("intent: {w}")),
        crate::modality::Modality::Refusal(w) => Some(format!("refusal: {w}")),
        _ if dec.coding.implicit_police => Some("passive; source implicit".to_string()),
        _ => dec.passive.then(|| "passive".to_string()),
    };
    let mention_span = |side: Side| match side {
        Side::Mention(m) => Some(span(m.start, m.end)),
        _ => None,
    };
    let entry_of = |side: Side, country: Option<String>| {
        let described = match side {
            Side::Mention(m) => describe(d, m),
            Side::ImplicitPolice => "implicit: the police (agentless passive of an arrest)".to_string(),
            Side::Nobody => return None,
        };
        Some(match country {
            Some(c) => format!("{described}; {c}"),
            None => described,
        })
    };
    Event {
        article: doc.id.clone(),
        sentence: index,
        sentence_text: text.to_string(),
        date,
        source: roles.source,
        target: roles.target,
        root,
        quad_class,
        goldstein: entry.map(|e| e.goldstein).unwrap_or(0.0),
        plover_type: entry.and_then(|e| e.plover_type.clone()),
        plover_mode: entry.and_then(|e| e.plover_mode.clone()),
        code,
        location: None,
        source_location: None,
        target_location: None,
        evidence: Evidence {
            sentence_start: s.char_start,
            sentence_end: s.char_end,
            source_span: mention_span(roles.from),
            target_span: mention_span(roles.to),
            verb_span: span(dec.verb.start, dec.verb.end),
            pattern,
            source_entry: entry_of(roles.from, roles.source_country),
            target_entry: entry_of(roles.to, roles.target_country),
            modifier,
        },
    }
}

/// CAMEO's quad classes by root: 01–05 verbal cooperation, 06–09 material cooperation,
/// 10–14 verbal conflict, 15–20 material conflict.
pub fn quad_of_root(root: &str) -> u8 {
    match root.parse::<u8>() {
        Ok(1..=5) => 1,
        Ok(6..=9) => 2,
        Ok(10..=14) => 3,
        Ok(15..=20) => 4,
        _ => 0,
    }
}

/// "Vladimir Putin (actors/people.txt:3) + president (agents.txt:1)", or "he → RUSGOV".
pub fn describe(d: &Dictionaries, m: &Mention) -> String {
    let mut parts = Vec::new();
    for u in &m.units {
        if let Some(p) = &u.pronoun {
            parts.push(format!("\"{p}\" → {}", u.codes.join("/")));
            continue;
        }
        if u.unnamed {
            parts.push("a name no dictionary knows".to_string());
            continue;
        }
        let mut names = Vec::new();
        for a in &u.actors {
            let e = &d.actors[a.entry as usize];
            names.push(format!("{} ({})", e.name, e.at));
        }
        for g in &u.agents {
            let e = &d.agents[g.entry as usize];
            names.push(format!("{} ({})", e.name, e.at));
        }
        parts.push(names.join(" + "));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn quad_classes() {
        assert_eq!(super::quad_of_root("05"), 1);
        assert_eq!(super::quad_of_root("08"), 2);
        assert_eq!(super::quad_of_root("12"), 3);
        assert_eq!(super::quad_of_root("19"), 4);
        assert_eq!(super::quad_of_root("ab"), 0);
    }
}
