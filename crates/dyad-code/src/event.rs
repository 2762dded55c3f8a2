//! Turning a sentence's decisions into `Event` records: codes from the codebook, one event per
//! (source, target) pair of compound actors, duplicates within the sentence dropped, the date
//! (`when.rs`), and the evidence (character spans, the pattern and entries that fired).

use crate::mention::Mention;
use crate::sentence::{Analysis, VerbDecision};
use dyad_dict::Dictionaries;
use dyad_doc::{Document, Event, Evidence, EvidenceSpan, Sentence};

pub fn events(d: &Dictionaries, doc: &Document, index: usize, s: &Sentence, a: &Analysis) -> Vec<Event> {
    let text = doc.sentence_text(s);
    let mut out: Vec<Event> = Vec::new();
    // The sentence's day references, read only once an event needs a date.
    let mut days: Option<Vec<(usize, usize, chrono::NaiveDate)>> = None;
    for dec in &a.decisions {
        if dec.skipped.is_some() {
            continue;
        }
        let Some(si) = dec.coding.source else { continue };
        let date = doc.date.map(|published| {
            let refs = days.get_or_insert_with(|| crate::when::day_references(&a.tagged, text, s.char_start, published));
            crate::when::event_day(&a.tagged, &dec.verb, refs).unwrap_or(published)
        });
        let src = &a.mentions[si];
        // No target (only kept for codes that need none, see `sentence::targetless_code`):
        // the event's target is "".
        let tgt = dec.coding.target.map(|ti| &a.mentions[ti]);
        let mut pairs = Vec::new();
        if let Some(code) = &dec.coding.code {
            pairs.push((Some(src), tgt, code.clone()));
        }
        if let (Some(code), Some(tgt)) = (&dec.coding.reverse_code, tgt) {
            pairs.push((Some(tgt), Some(src), code.clone()));
        }
        for (from, to, code) in pairs {
            let Some(from) = from else { continue };
            let target_codes = to.map(|m| m.codes()).unwrap_or_else(|| vec![String::new()]);
            for sc in from.codes() {
                for tc in target_codes.iter().cloned() {
                    if sc == tc || out.iter().any(|e| e.source == sc && e.target == tc && e.code == code) {
                        continue;
                    }
                    out.push(make(d, doc, index, s, text, a, dec, from, to, sc.clone(), tc, code.clone(), date));
                }
            }
        }
    }
    out
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
    src: &Mention,
    tgt: Option<&Mention>,
    source: String,
    target: String,
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
        _ => dec.passive.then(|| "passive".to_string()),
    };
    Event {
        article: doc.id.clone(),
        sentence: index,
        sentence_text: text.to_string(),
        date,
        source,
        target,
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
            source_span: Some(span(src.start, src.end)),
            target_span: tgt.map(|t| span(t.start, t.end)),
            verb_span: span(dec.verb.start, dec.verb.end),
            pattern,
            source_entry: Some(describe(d, src)),
            target_entry: tgt.map(|t| describe(d, t)),
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
