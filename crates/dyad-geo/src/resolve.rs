//! Which place a name means: evidence rules, "X, Y" qualifiers, then a score from population,
//! the kind of place, and the countries the article has named so far.
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::key::{key_of, NameRef};
use crate::mention::{context, Candidate, DocumentPlaces, PlaceMention};
use dyad_doc::Document;

/// The document's countries so far (ISO2, times named).
#[derive(Default)]
pub(crate) struct Countries(Vec<(String, u32)>);

impl Countries {
    fn count(&self, iso2: &str) -> u32 {
        self.0.iter().find(|(c, _)| c == iso2).map_or(0, |(_, n)| *n)
    }
    fn add(&mut self, iso2: &str) {
        if iso2.is_empty() {
            return;
        }
        match self.0.iter_mut().find(|(c, _)| c == iso2) {
            Some((_, n)) => *n += 1,
            None => self.0.push((iso2.to_string(), 1)),
        }
    }
}

/// The score of one reading and its parts, for `dyad dict who`.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub total: f64,
    pub population: f64,
    pub kind: f64,
    pub primary: f64,
    /// How many names the world has for it: a sign of how often it is written about
    /// (Geneva, Switzerland has dozens; Geneva, Illinois a few).
    pub prominence: f64,
    pub context: f64,
}

fn kind_bonus(k: PlaceKind) -> f64 {
    match k {
        PlaceKind::Country => 4.0,
        PlaceKind::Area => 3.0,
        PlaceKind::Adm1 => 2.0,
        PlaceKind::City => 0.0,
    }
}

pub(crate) fn score(g: &Gazetteer, n: &NameRef, seen: &Countries) -> Score {
    let p = g.place(n.place);
    let population = (p.population as f64 + 1.0).ln();
    let kind = kind_bonus(p.kind);
    let primary = if n.name == 0 { 1.5 } else { 0.0 };
    let prominence = 0.75 * (1.0 + p.names().count() as f64).ln();
    let c = seen.count(p.country);
    let context = if c > 0 { 2.5 + 0.25 * c.min(4) as f64 } else { 0.0 };
    Score { total: population + kind + primary + prominence + context, population, kind, primary, prominence, context }
}

fn best(g: &Gazetteer, names: &[NameRef], seen: &Countries) -> Option<(NameRef, Score)> {
    names
        .iter()
        .map(|n| (*n, score(g, n, seen)))
        .max_by(|a, b| a.1.total.total_cmp(&b.1.total).then(b.0.place.cmp(&a.0.place)))
}

/// The place a name most likely means with no context: the dateline, `country_of`.
pub(crate) fn best_without_context(g: &Gazetteer, name: &str) -> Option<u32> {
    let (first, _) = g.lookup(key_of(name))?;
    let names: Vec<NameRef> = g.chain(first).collect();
    best(g, &names, &Countries::default()).map(|(n, _)| n.place)
}

/// Every reading of `name` with its score and flags, best first (`dyad dict who`).
pub fn readings(g: &Gazetteer, name: &str) -> Vec<Reading> {
    let Some((first, _)) = g.lookup(key_of(name)) else { return Vec::new() };
    let mut out: Vec<Reading> = g
        .chain(first)
        .map(|n| Reading {
            place: n.place,
            name: g.name_text(&n).to_string(),
            primary: n.name == 0,
            common: n.common,
            word: n.word,
            score: score(g, &n, &Countries::default()),
        })
        .collect();
    out.sort_by(|a, b| b.score.total.total_cmp(&a.score.total));
    out
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub place: u32,
    pub name: String,
    pub primary: bool,
    pub common: bool,
    pub word: bool,
    pub score: Score,
}

fn qualifies(g: &Gazetteer, q: &NameRef, n: &NameRef) -> bool {
    let (q, p) = (g.place(q.place), g.place(n.place));
    if q.country.is_empty() || q.country != p.country || q.id == p.id {
        return false;
    }
    match q.kind {
        PlaceKind::Country => p.kind != PlaceKind::Country,
        PlaceKind::Adm1 => p.kind == PlaceKind::City && p.admin1 == q.admin1,
        _ => false,
    }
}

pub(crate) fn resolve(g: &Gazetteer, doc: &Document, cands: Vec<Candidate>, lower_doc: bool) -> DocumentPlaces {
    let mut seen = Countries::default();
    let mut out = DocumentPlaces::default();
    if let Some(place) = doc.dateline.as_ref().and_then(|d| d.place.as_deref()) {
        // "WASHINGTON/MOSCOW": the first place.
        let first = place.split(['/', ',']).next().unwrap_or(place);
        out.dateline = best_without_context(g, first.trim());
        if let Some(p) = out.dateline {
            seen.add(g.place(p).country);
        }
    }
    // "X, Y": which candidates are qualified by the next one.
    let n = cands.len();
    let mut qualified: Vec<Option<Vec<NameRef>>> = vec![None; n];
    let mut is_qualifier = vec![false; n];
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&cands[i], &cands[i + 1]);
        if a.sentence != b.sentence || b.start != a.end + 1 || doc.text[doc.tokens[a.end].start..doc.tokens[a.end].end] != *"," {
            continue;
        }
        let fit: Vec<NameRef> =
            a.names.iter().copied().filter(|n| b.names.iter().any(|q| qualifies(g, q, n))).collect();
        if !fit.is_empty() {
            qualified[i] = Some(fit);
            is_qualifier[i + 1] = true;
        }
    }
    // A name once written as a person's ("Kim Jong Un", "Mr Jackson") is a person's
    // throughout the article ("Kim said").
    let title_case = crate::mention::title_case_sentences(doc);
    let contexts: Vec<_> = (0..n)
        .map(|i| context(doc, &cands[i], i.checked_sub(1).map(|j| cands[j].end), &title_case))
        .collect();
    let span_of = |c: &Candidate| &doc.text[doc.tokens[c.start].start..doc.tokens[c.end - 1].end];
    let people: std::collections::HashSet<String> =
        (0..n).filter(|&i| contexts[i].person).map(|i| span_of(&cands[i]).to_lowercase()).collect();
    // The names each candidate may still mean, given the countries seen so far.
    let allowed = |i: usize, seen: &Countries| -> Vec<NameRef> {
        let (c, ctx) = (&cands[i], &contexts[i]);
        if let Some(fit) = &qualified[i] {
            return fit.clone();
        }
        let span_text = span_of(c);
        if ctx.person || (!people.is_empty() && people.contains(&span_text.to_lowercase())) {
            return Vec::new();
        }
        let short = span_text.chars().filter(|c| c.is_alphanumeric()).count() <= 3;
        c.names
            .iter()
            .copied()
            .filter(|n| {
                let p = g.place(n.place);
                let known = seen.count(p.country) > 0;
                if n.common {
                    // A common word ("Nice", "Reading") is a place only after "in", "at" ...
                    return !lower_doc && ctx.locative;
                }
                if lower_doc && p.kind == PlaceKind::City {
                    // Without capitals, a town's alternate name or a small town's name is
                    // often a word ("para military", "temple"): only after "in" in a country
                    // the story is about.
                    let own = n.name == 0 || same_letters(g.name_text(n), p.name());
                    if !own || p.population < LOWER_CASE_TOWN {
                        return ctx.locative && known;
                    }
                }
                if (n.word || short) && (lower_doc || ctx.sentence_initial) {
                    // A name that is also a word ("bath"), where capitals say nothing.
                    return ctx.locative || known;
                }
                if !ctx.locative && !known && p.kind == PlaceKind::City {
                    // A small town abroad named with no "in" and no word of its country is
                    // more often a person or a thing ("Senator Dole"); without capitals, a
                    // town's name is often a word of another language ("pujan", "sabha").
                    return p.population >= if lower_doc { 1_000_000 } else { 100_000 };
                }
                true
            })
            .collect()
    };
    // The document's countries: the dateline's, then those of places named with evidence
    // (after "in", qualified, or cities of a million) anywhere in it.
    let mut seeds = Countries::default();
    for i in 0..n {
        let names = allowed(i, &seen);
        if let Some((chosen, _)) = best(g, &names, &seen) {
            let p = g.place(chosen.place);
            if contexts[i].locative || qualified[i].is_some() || (p.kind == PlaceKind::City && p.population >= 1_000_000) {
                seeds.add(p.country);
            }
        }
    }
    for (c, _) in &seeds.0 {
        seen.add(c);
    }
    for (i, c) in cands.iter().enumerate() {
        let ctx = &contexts[i];
        let span_text = span_of(c);
        let names = allowed(i, &seen);
        let why_q = qualified[i].as_ref().map(|_| {
            let q = &doc.text[doc.tokens[c.end + 1].start..];
            format!("qualified by {}", q.split([',', '.', ';', '\n']).next().unwrap_or("").trim())
        });
        if names.is_empty() {
            continue;
        }
        let mut places: Vec<u32> = names.iter().map(|n| n.place).collect();
        places.sort_unstable();
        places.dedup();
        let Some((chosen, sc)) = best(g, &names, &seen) else { continue };
        let why = match why_q {
            Some(w) => w,
            None if places.len() == 1 => "the only place of that name".to_string(),
            None if sc.context > 0.0 => {
                let blind = best(g, &names, &Countries::default()).map(|(n, _)| n.place);
                if blind != Some(chosen.place) {
                    format!("in a country the article names ({})", g.place(chosen.place).country)
                } else {
                    format!("the largest of {} places of that name", places.len())
                }
            }
            None => format!("the largest of {} places of that name", places.len()),
        };
        let p = g.place(chosen.place);
        seen.add(p.country);
        let (t0, t1) = (&doc.tokens[c.start], &doc.tokens[c.end - 1]);
        out.mentions.push(PlaceMention {
            sentence: c.sentence,
            token_start: c.start,
            token_end: c.end,
            char_start: t0.char_start,
            char_end: t1.char_end,
            text: span_text.to_string(),
            place: chosen.place,
            candidates: places.len(),
            why,
            locative: ctx.locative,
            scene: ctx.scene,
            qualifies_previous: is_qualifier[i],
        });
    }
    out.countries = seen.0;
    out
}

/// In lower-case text, the fewest people a town named by its own name must have to be read
/// as a place without an "in" before it.
pub const LOWER_CASE_TOWN: u64 = 100_000;

/// The same letters, case and accents aside: "ahmedabad" = "Ahmedabad", "belem" = "Belém".
pub fn same_letters(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                c => c,
            })
            .collect()
    };
    fold(a) == fold(b)
}
