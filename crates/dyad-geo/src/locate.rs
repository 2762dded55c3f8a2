//! Event locations, a stage after coding: which place an event happened in, by the first rule
//! that gives one (parse, sentence, dateline, actors, document), and the actors' own places.
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::mention::{find_places, DocumentPlaces, PlaceMention};
use crate::tree::SentenceTree;
use dyad_doc::{Document, Event, EvidenceSpan, Location};
use dyad_parse::SentenceParses;

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
/// "a Kabul court"), or, in the tree, a place modifying one of its words ("police in
/// Ahmedabad"); the most specific one.
fn actor_place<'m>(
    g: &Gazetteer,
    doc: &Document,
    tree: Option<&SentenceTree>,
    ms: &[&'m PlaceMention],
    span: &Option<EvidenceSpan>,
) -> Option<&'m PlaceMention> {
    let s = span.as_ref()?;
    let near = |m: &PlaceMention| {
        (m.char_start >= s.start && m.char_end <= s.end) || (m.char_end <= s.start && s.start - m.char_end <= 1)
    };
    let modifies = |m: &PlaceMention| {
        tree.is_some_and(|t| {
            let words = token_range(doc, m.sentence, s.start, s.end);
            words.is_some_and(|(lo, hi)| t.modifies(m.token_start, m.token_end, lo, hi))
        })
    };
    ms.iter()
        .copied()
        .filter(|m| near(m) || modifies(m))
        .min_by_key(|m| (g.place(m.place).kind == PlaceKind::Country) as u8)
}

/// The tokens of sentence `sentence` that overlap characters `start..end`.
fn token_range(doc: &Document, sentence: usize, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = doc.sentences.get(sentence)?;
    let toks = doc.tokens.get(s.token_start..s.token_end)?;
    let lo = toks.iter().position(|t| t.char_end > start)?;
    let hi = toks.iter().rposition(|t| t.char_start < end)?;
    (lo <= hi).then_some((s.token_start + lo, s.token_start + hi + 1))
}

/// Give each event its location and its actors their places. Call after coding; costs one
/// pass over the document's tokens, and nothing when there are no events.
pub fn locate_events(g: &Gazetteer, doc: &Document, events: &mut [Event]) {
    locate_events_parsed(g, doc, events, &SentenceParses::default());
}

/// The same, reading the trees of `parsed` (the coder's parses of the event sentences, see
/// `dyad_code::Coder::code_document_parsed`) instead of parsing those sentences again.
pub fn locate_events_parsed(g: &Gazetteer, doc: &Document, events: &mut [Event], parsed: &SentenceParses) {
    if events.is_empty() {
        return;
    }
    let places = find_places(g, doc);
    // Trees of the sentences where one can change a location, parsed once each.
    let mut trees: Vec<(usize, Option<SentenceTree>)> = Vec::new();
    for e in events.iter_mut() {
        let ms = sentence_mentions(&places, e.sentence);
        let tree = if !tree_can_matter(g, doc, &ms, e) {
            None
        } else {
            let k = match trees.iter().position(|(s, _)| *s == e.sentence) {
                Some(k) => k,
                None => {
                    trees.push((e.sentence, doc.sentences.get(e.sentence).and_then(|s| SentenceTree::of(doc, s, parsed.get(e.sentence)))));
                    trees.len() - 1
                }
            };
            trees[k].1.as_ref()
        };
        locate_event(g, doc, &places, &ms, tree, e);
    }
}

/// Whether the tree can change what the event's rules give, so that the sentence is worth
/// parsing: it names a country (an actor's, or one that qualifies a noun), or two places (which
/// one the predicate takes), or a place right after an actor's words ("police in Ahmedabad").
/// With one city alone, the predicate rule and the sentence rule agree.
fn tree_can_matter(g: &Gazetteer, doc: &Document, ms: &[&PlaceMention], e: &Event) -> bool {
    let ms: Vec<&PlaceMention> = ms.iter().copied().filter(|m| !m.qualifies_previous).collect();
    let Some(first) = ms.first() else { return false };
    if ms.iter().any(|m| m.place != first.place) {
        return true;
    }
    // One country: the tree can tell that it qualifies a noun ("U.S. officials"), which matters
    // when the rules would take it (not after "in", not an actor's), or that an actor's country
    // is where it happened after all ("in the north of Mali").
    let after_of = |m: &PlaceMention| {
        m.token_start
            .checked_sub(1)
            .and_then(|i| doc.tokens.get(i))
            .is_some_and(|t| doc.text.get(t.start..t.end).is_some_and(|w| w.eq_ignore_ascii_case("of")))
    };
    if ms
        .iter()
        .any(|m| g.place(m.place).kind == PlaceKind::Country && !m.scene && (!is_actor_country(g, m, e) || after_of(m)))
    {
        return true;
    }
    let after_actor = |span: &Option<EvidenceSpan>| {
        let end = span.as_ref().and_then(|s| token_range(doc, e.sentence, s.start, s.end)).map(|(_, hi)| hi);
        end.is_some_and(|hi| ms.iter().any(|m| m.token_start >= hi && m.token_start - hi <= 3))
    };
    after_actor(&e.evidence.source_span) || after_actor(&e.evidence.target_span)
}

/// A country that is one of the event's actors, by its words or its code ("the US" for USAGOV).
fn is_actor_country(g: &Gazetteer, m: &PlaceMention, e: &Event) -> bool {
    let p = g.place(m.place);
    let code = |c: &str| c.get(..3).and_then(|c| g.country_by_iso3(c)).is_some_and(|c| c.iso2 == p.country);
    p.kind == PlaceKind::Country
        && (inside(m, &e.evidence.source_span)
            || inside(m, &e.evidence.target_span)
            || code(&e.source)
            || code(&e.target))
}

/// The place mentions of one sentence (mentions are in text order, so they are one run).
fn sentence_mentions(places: &DocumentPlaces, sentence: usize) -> Vec<&PlaceMention> {
    let all = &places.mentions;
    let lo = all.partition_point(|m| m.sentence < sentence);
    let hi = lo + all[lo..].partition_point(|m| m.sentence == sentence);
    all[lo..hi].iter().collect()
}

fn locate_event(
    g: &Gazetteer,
    doc: &Document,
    places: &DocumentPlaces,
    ms: &[&PlaceMention],
    tree: Option<&SentenceTree>,
    e: &mut Event,
) {
    let (src, tgt) = (&e.evidence.source_span, &e.evidence.target_span);
    e.source_location = actor_place(g, doc, tree, ms, src).map(|m| location_of(g, m.place, "actor", Some(span_of(m))));
    e.target_location = actor_place(g, doc, tree, ms, tgt).map(|m| location_of(g, m.place, "actor", Some(span_of(m))));

    // A country that only qualifies a noun in the tree ("U.S. President") is no scene.
    let affiliation = |m: &PlaceMention| {
        g.place(m.place).kind == PlaceKind::Country
            && !m.locative
            && tree.is_some_and(|t| t.qualifies_noun(m.token_start, m.token_end))
    };
    let actor_country = |m: &PlaceMention| is_actor_country(g, m, e);
    // A country that is itself an actor ("Russia attacked Ukraine", "offered to Britain") is
    // not where it happened, unless the text says so ("refuge in Germany").
    let usable: Vec<&PlaceMention> = ms
        .iter()
        .copied()
        .filter(|m| !m.qualifies_previous && !affiliation(m))
        .filter(|m| m.scene || !actor_country(m))
        .collect();

    let verb = &e.evidence.verb_span;
    // Rule 1: a place attached to the predicate in the tree; the strongest attachment (after
    // "in" before a bare object, fewest steps), then the nearest. A country that is an actor
    // counts only after a preposition of where ("Russia sent troops into Ukraine", not
    // "offered to Britain").
    if let Some(t) = tree {
        let v = token_range(doc, e.sentence, verb.start, verb.end.max(verb.start + 1)).map(|(lo, _)| lo);
        if let Some(v) = v {
            let best = ms
                .iter()
                .copied()
                .filter(|m| !m.qualifies_previous && !affiliation(m))
                .filter_map(|m| t.attachment(m.token_start, m.token_end, v).map(|a| (a, m)))
                .filter(|(a, m)| a.tier == 0 || !actor_country(m))
                .min_by_key(|(a, m)| (*a, m.token_start.abs_diff(v)));
            if let Some((_, m)) = best {
                e.location = Some(location_of(g, m.place, "parse", Some(span_of(m))));
                return;
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
    if let Some(m) = usable.iter().min_by_key(|m| (!m.scene, actor_country(m), dist(m))) {
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
