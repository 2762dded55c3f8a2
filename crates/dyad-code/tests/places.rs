//! Places for agents without a country, read with the built-in gazetteer (`dyad_geo`): a place
//! right before the agent ("ahmedabad police", "a Kabul court"), and a dateline place the
//! dictionaries do not know. The gazetteer's own rules decide what is a place (case, common
//! words, people's names, small towns). Sentences written for these tests.

use dyad_code::{Coder, CoderOptions};
use dyad_doc::{Dateline, Event};
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(&dyad_dict::builtin().dicts))
}

fn code_with(coder: &Coder, text: &str, edit: impl FnOnce(&mut dyad_doc::Document)) -> Vec<Event> {
    let mut doc = dyad_segment::segment_text(text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2002, 3, 10);
    edit(&mut doc);
    coder.code_document(&doc)
}

fn code(text: &str) -> Vec<Event> {
    code_with(coder(), text, |_| {})
}

fn sources(events: &[Event]) -> Vec<&str> {
    events.iter().map(|e| e.source.as_str()).collect()
}

fn source_entry(e: &Event) -> &str {
    e.evidence.source_entry.as_deref().unwrap_or("")
}

#[test]
fn a_lower_case_city_before_police_gives_its_country() {
    let events = code("ahmedabad police arrested four men on sunday.");
    assert_eq!(sources(&events), ["INDCOP"], "{events:?}");
    assert!(source_entry(&events[0]).contains("place: Ahmedabad (gazetteer)"), "{}", source_entry(&events[0]));
}

#[test]
fn a_capitalised_city_before_police_gives_its_country() {
    // Faisalabad is in no dictionary (Lahore is, as a Pakistani place: the dictionaries
    // answer first).
    let events = code("Faisalabad police arrested three students after the rally.");
    assert_eq!(sources(&events), ["PAKCOP"], "{events:?}");
    assert!(source_entry(&events[0]).contains("place: Faisalabad (gazetteer)"), "{}", source_entry(&events[0]));
    let events = code("Lahore police arrested three students after the rally.");
    assert_eq!(sources(&events), ["PAKCOP"], "{events:?}");
}

#[test]
fn a_place_inside_the_phrase_before_the_agent() {
    let events = code("A Kabul court sentenced the smugglers to prison.");
    let e = events.first().expect("the sentence is coded");
    assert_eq!(e.source, "AFGJUD", "{events:?}");
}

#[test]
fn the_place_wins_over_the_story_country() {
    // The story names Pakistan, but the police are Indian by their city.
    let text = "Pakistan protested on Monday. Mumbai police arrested two men on Tuesday.";
    let events = code(text);
    let arrest = events.iter().find(|e| e.code == "173").expect("the arrest is coded");
    assert_eq!(arrest.source, "INDCOP", "{events:?}");
}

#[test]
fn common_words_are_no_places() {
    // "Mobile" and "Reading" are towns too, but here they are words: no country.
    let events = code("Mobile police arrested four men.");
    assert!(sources(&events).iter().all(|s| !s.starts_with("USA")), "{events:?}");
    let events = code("Reading police arrested four men.");
    assert!(sources(&events).iter().all(|s| !s.starts_with("GBR")), "{events:?}");
}

#[test]
fn lower_case_small_towns_abroad_are_no_places() {
    // "pujan" is a small Chinese town: a lower-case word before an agent is not read as one.
    let events = code("pujan police arrested four men.");
    assert!(sources(&events).iter().all(|s| !s.starts_with("CHN")), "{events:?}");
}

#[test]
fn the_dateline_place_from_the_gazetteer() {
    let events = code_with(coder(), "Police arrested five protesters.", |d| {
        d.dateline = Some(Dateline { raw: "MULTAN, March 10 --".into(), place: Some("MULTAN".into()), ..Default::default() });
    });
    assert_eq!(sources(&events), ["PAKCOP"], "{events:?}");
    let entry = source_entry(&events[0]);
    assert!(entry.contains("dateline \"MULTAN\"") && entry.contains("gazetteer"), "{entry}");
}

#[test]
fn without_places_the_agent_keeps_no_country() {
    let mut options = coder().options();
    options.places = false;
    let plain = Coder::with_options(&dyad_dict::builtin().dicts, CoderOptions { places: false, ..options });
    let events = code_with(&plain, "ahmedabad police arrested four men on sunday.", |_| {});
    assert_eq!(sources(&events), ["---COP"], "{events:?}");
}

#[test]
fn lower_case_text_needs_the_place_s_own_name_and_no_small_town() {
    // "para" is an old name of Belém (Brazil), "union" a small town in New Jersey: in a
    // lower-case archive neither gives an agent a country.
    let text = "para military forces attacked the protesters on monday. \
                the union labour minister criticized the strike on tuesday.";
    let events = code(text);
    assert!(!events.is_empty(), "the sentences are coded");
    for e in &events {
        assert!(!e.source.starts_with("BRA") && !e.source.starts_with("USA"), "{events:?}");
        assert!(!source_entry(e).contains("gazetteer"), "{}", source_entry(e));
    }
}
