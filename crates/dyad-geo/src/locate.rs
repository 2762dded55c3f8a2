//! Event locations, a stage after coding: which place an event happened in, by the first rule
//! that gives one (parse, sentence, dateline, actors, document), and the actors' own places.
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::mention::{find_places, DocumentPlaces, PlaceMention};
use dyad_doc::{Document, Event, EvidenceSpan, Location};

/// The location record of a place, with the rule that chose it and the words that named it.
pub fn location_of(g: &Gazetteer, place: u32, from: &str, span: Option<EvidenceSpan>) -> Location {
    let p = g.place(place);
    let fips = g.country(p.country).map(|c| c.fips.clone()).unwrap_or_default();
    let adm1 = match p.kind {
        PlaceKind::Country => fips.clone(),
        _ if p.admin1.is_empty() || fips.is_empty() => fips.clone(),
        _ => format!("{fips}{}", p.admin1),
    };
    Location {
        name: p.name().to_string(),
        country: p.country.to_string(),
        fips,
        adm1,
        lat: p.lat,
        lon: p.lon,
        geonames_id: p.geonames_id(),
        geo_type: p.geo_type(),
        from: from.to_string(),
        span,
    }
}

fn span_of(m: &PlaceMention) -> EvidenceSpan {
    EvidenceSpan { start: m.char_start, end: m.char_end, text: m.text.clone() }
}

fn inside(m: &PlaceMention, s: &Option<EvidenceSpan>) -> bool {
    s.as_ref().is_some_and(|s| m.char_start >= s.start && m.char_end <= s.end)
}

/// The place of an actor: a place name inside its span or just before it ("Ahmedabad police",
/// "a Kabul court"), the most specific one.
fn actor_place<'m>(g: &Gazetteer, ms: &[&'m PlaceMention], span: &Option<EvidenceSpan>) -> Option<&'m PlaceMention> {
    let s = span.as_ref()?;
    ms.iter()
        .copied()
        .filter(|m| (m.char_start >= s.start && m.char_end <= s.end) || (m.char_end <= s.start && s.start - m.char_end <= 1))
        .min_by_key(|m| (g.place(m.place).kind == PlaceKind::Country) as u8)
}

/// Rule 1: a place attached to the predicate in the parse ("protested in Moscow", "fighting
/// in northern Mali"): the place's head word is an oblique or nominal modifier within three
/// steps of the verb, and its preposition is not one of source, company or topic.
fn attached_to_verb(doc: &Document, m: &PlaceMention, verb: usize) -> bool {
    let toks = &doc.tokens;
    // A head outside the tokens (a malformed parse) ends the walk.
    let valid = |h: u32| (h as usize) < toks.len();
    let inside = |i: usize| i >= m.token_start && i < m.token_end;
    let Some(head) = (m.token_start..m.token_end)
        .find(|&i| toks[i].head.is_none_or(|h| !inside(h as usize)))
    else {
        return false;
    };
    if !matches!(toks[head].deprel.base(), "obl" | "nmod" | "advmod") {
        return false;
    }
    let s = &doc.sentences[m.sentence];
    let case = (s.token_start..s.token_end.min(toks.len()))
        .find(|&i| toks[i].head == Some(head as u32) && toks[i].deprel.is("case"))
        .map(|i| doc.text[toks[i].start..toks[i].end].to_lowercase());
    if matches!(case.as_deref(), Some("from" | "against" | "with" | "by" | "about" | "for" | "than" | "like" | "to")) {
        return false;
    }
    let mut cur = head;
    for _ in 0..3 {
        let Some(h) = toks[cur].head.filter(|&h| valid(h)) else { return false };
        if h as usize == verb {
            return true;
        }
        cur = h as usize;
        if !matches!(toks[cur].deprel.base(), "obl" | "nmod" | "obj" | "appos" | "compound") {
            return false;
        }
    }
    false
}

/// Give each event its location and its actors their places. Call after coding; costs one
/// pass over the document's tokens, and nothing when there are no events.
pub fn locate_events(g: &Gazetteer, doc: &Document, events: &mut [Event]) {
    if events.is_empty() {
        return;
    }
    let places = find_places(g, doc);
    for e in events.iter_mut() {
        locate_event(g, doc, &places, e);
    }
}

fn locate_event(g: &Gazetteer, doc: &Document, places: &DocumentPlaces, e: &mut Event) {
    // Mentions are in text order: the sentence's are one run of them.
    let all = &places.mentions;
    let lo = all.partition_point(|m| m.sentence < e.sentence);
    let hi = lo + all[lo..].partition_point(|m| m.sentence == e.sentence);
    let ms: Vec<&PlaceMention> = all[lo..hi].iter().collect();
    let (src, tgt) = (&e.evidence.source_span, &e.evidence.target_span);
    e.source_location = actor_place(g, &ms, src).map(|m| location_of(g, m.place, "actor", Some(span_of(m))));
    e.target_location = actor_place(g, &ms, tgt).map(|m| location_of(g, m.place, "actor", Some(span_of(m))));

    // A country that is itself an actor ("Russia attacked Ukraine") is not where it happened,
    // unless the text says so ("refuge in Germany").
    let usable: Vec<&PlaceMention> = ms
        .iter()
        .copied()
        .filter(|m| !m.qualifies_previous)
        .filter(|m| {
            let actor = inside(m, src) || inside(m, tgt);
            !(actor && g.place(m.place).kind == PlaceKind::Country && !m.locative)
        })
        .collect();

    let verb = &e.evidence.verb_span;
    if let Some(s) = doc.sentences.get(e.sentence) {
        // (A sentence whose tokens are missing has no parse to read.)
        if s.token_start <= s.token_end && s.token_end <= doc.tokens.len() && doc.is_parsed(s) {
            let v = (s.token_start..s.token_end.min(doc.tokens.len()))
                .find(|&i| doc.tokens[i].char_start <= verb.start && verb.start < doc.tokens[i].char_end);
            if let Some(v) = v {
                if let Some(m) = usable.iter().find(|m| attached_to_verb(doc, m, v)) {
                    e.location = Some(location_of(g, m.place, "parse", Some(span_of(m))));
                    return;
                }
            }
        }
    }
    // Rule 2: a place in the sentence: after "in"/"at" first, then not a country that is an
    // actor, then nearest the verb.
    let dist = |m: &PlaceMention| {
        if m.char_end <= verb.start {
            verb.start - m.char_end
        } else {
            m.char_start.saturating_sub(verb.end)
        }
    };
    if let Some(m) = usable
        .iter()
        .min_by_key(|m| {
            let actor_country = (inside(m, src) || inside(m, tgt)) && g.place(m.place).kind == PlaceKind::Country;
            (!m.scene, actor_country, dist(m))
        })
    {
        e.location = Some(location_of(g, m.place, "sentence", Some(span_of(m))));
        return;
    }
    if let Some(p) = places.dateline {
        e.location = Some(location_of(g, p, "dateline", None));
        return;
    }
    // Rule 4: both actors of one country.
    let country = |code: &str| code.get(..3).and_then(|c| g.country_by_iso3(c)).map(|c| c.iso2.clone());
    if let (Some(a), Some(b)) = (country(&e.source), country(&e.target)) {
        if a == b {
            if let Some(p) = g.country_place(&a) {
                e.location = Some(location_of(g, p, "actors", None));
                return;
            }
        }
    }
    // Rule 5: the country the article names most.
    if let Some(p) = places.main_country(g).and_then(|c| g.country_place(c)) {
        e.location = Some(location_of(g, p, "document", None));
    }
}

/// The CAMEO (ISO3) country a document is about: its dateline place's, else the country it
/// names most. For coding bare agents ("police said") in context.
pub fn context_country<'g>(g: &'g Gazetteer, doc: &Document) -> Option<&'g str> {
    let places = find_places(g, doc);
    let iso2 = places.main_country(g)?;
    g.country(iso2).map(|c| c.iso3.as_str())
}
