//! The document's context with the built-in dictionaries: agents without a country take the
//! story's (dateline, countries named so far, publisher), agentless passive arrests take the
//! police as implicit source, and caseless archives still match names. Sentences written for
//! these tests.

mod common;

use dyad_code::Coder;
use dyad_doc::{Dateline, Event};
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(&dyad_dict::builtin().dicts))
}

fn code_with(text: &str, edit: impl FnOnce(&mut dyad_doc::Document)) -> Vec<Event> {
    let mut doc = dyad_segment::segment_text(text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2002, 3, 10);
    edit(&mut doc);
    coder().code_document(&doc)
}

fn triples(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| format!("{} {} {}", e.source, e.code, e.target)).collect()
}

#[test]
fn implicit_police_for_an_agentless_passive_arrest() {
    let events = code_with("Fifty persons were arrested after the clashes.", |_| {});
    assert_eq!(triples(&events), ["---COP 173 "]);
    let e = &events[0];
    assert!(e.evidence.source_span.is_none(), "no words name the source");
    assert!(e.evidence.source_entry.as_deref().is_some_and(|s| s.contains("implicit")), "{:?}", e.evidence);
    assert!(e.evidence.modifier.as_deref().is_some_and(|s| s.contains("implicit")), "{:?}", e.evidence);
}

#[test]
fn the_passive_subject_is_the_target_of_an_implicit_arrest() {
    let events = code_with("Two Russian journalists were detained on Sunday.", |_| {});
    assert_eq!(triples(&events), ["---COP 173 RUSMED"]);
}

#[test]
fn a_passive_with_its_agent_is_no_implicit_event() {
    let events = code_with("Two activists were arrested by Turkish police.", |_| {});
    assert_eq!(triples(&events), ["TURCOP 173 ---OPP"]);
    assert!(events[0].evidence.source_span.is_some());
}

#[test]
fn negated_or_other_passives_make_no_implicit_event() {
    assert!(code_with("Nobody has been arrested yet, and the suspects were not arrested.", |_| {}).is_empty());
    // Not an arrest: an agentless passive attack has no implicit source.
    assert!(code_with("Three villages were attacked overnight.", |_| {}).is_empty());
}

#[test]
fn agents_take_the_country_named_in_the_story() {
    let text = "Kenya's election commission delayed the results. Police arrested five protesters in the capital.";
    let events = code_with(text, |_| {});
    let arrest = events.iter().find(|e| e.code == "173").expect("the arrest is coded");
    assert_eq!(arrest.source, "KENCOP");
    let entry = arrest.evidence.source_entry.as_deref().unwrap_or("");
    assert!(entry.contains("country KEN from named in the story"), "{entry}");
}

#[test]
fn no_country_when_the_story_names_several_evenly() {
    let text = "Kenya and Uganda signed a border deal. Police arrested five protesters.";
    let events = code_with(text, |_| {});
    let arrest = events.iter().find(|e| e.code == "173").expect("the arrest is coded");
    assert_eq!(arrest.source, "---COP");
}

#[test]
fn the_dateline_place_gives_the_country() {
    let events = code_with("Police arrested five protesters.", |d| {
        d.dateline = Some(Dateline { raw: "KABUL, March 10 --".into(), place: Some("KABUL".into()), ..Default::default() });
    });
    // The protesters are Afghans too.
    assert_eq!(triples(&events), ["AFGCOP 173 AFGCVL"]);
    assert!(events[0].evidence.source_entry.as_deref().unwrap_or("").contains("dateline \"KABUL\""));
}

#[test]
fn the_publisher_gives_the_country_last() {
    let events = code_with("fifty persons were arrested in the city on sunday.", |d| d.source = Some("Times of India".into()));
    assert_eq!(triples(&events), ["INDCOP 173 "]);
    assert!(events[0].evidence.source_entry.as_deref().unwrap_or("").contains("source \"Times of India\""));
}

#[test]
fn caseless_text_matches_acronyms_and_verbs_after_a_day() {
    // "bsf" is an acronym of three letters: in caseless text it still names the force.
    let events = code_with("bsf jawans on sunday arrested two smugglers.", |_| {});
    assert_eq!(triples(&events), ["INDCOP 173 ---CRM"]);
    // "us" stays the pronoun.
    assert!(code_with("they told us nothing and police arrested two men.", |_| {}).iter().all(|e| e.target != "USA"));
}

#[test]
fn force_with_written_victims_who_are_no_actor() {
    // The victims are written ("two persons") but are no actor: the event has an empty target.
    let events = code_with("Turkish police killed two persons.", |_| {});
    assert_eq!(triples(&events), ["TURCOP 190 "]);
    let events = code_with("Two persons were killed in police firing in Ankara, Turkey.", |_| {});
    assert!(triples(&events).iter().any(|t| t.ends_with("COP 193 ")), "{:?}", triples(&events));
    // No victims written, or mutual fighting without the other side: nothing.
    assert!(code_with("Turkish police attacked on Monday.", |_| {}).is_empty());
    assert!(code_with("Turkish soldiers fought shoulder to shoulder for freedom.", |_| {}).is_empty());
}

#[test]
fn police_dispersing_and_charging_crowds() {
    let t = |s: &str| triples(&code_with(s, |_| {}));
    assert_eq!(t("Police lathi-charged the mob."), ["---COP 175 ---CVL"]);
    assert_eq!(t("Kenyan police opened fire to disperse the protesters."), ["KENCOP 175 ---CVL"]);
    assert_eq!(t("Kenyan police dispersed the crowd."), ["KENCOP 175 ---CVL"]);
}

#[test]
fn the_tagger_rescues_verbs_in_caseless_text() {
    let dicts = &dyad_dict::builtin().dicts;
    let with = |tagger: bool, text: &str| {
        let options = dyad_code::CoderOptions { tagger, ..dyad_code::CoderOptions::for_dictionaries(dicts) };
        let coder = dyad_code::Coder::with_options(dicts, options);
        let doc = dyad_segment::segment_text(text);
        triples(&coder.code_document(&doc))
    };
    // "in ahmedabad arrested": a preposition and an unknown lowercase word before the verb
    // form read as a noun phrase to the heuristics; the tagger sees the verb.
    let text = "police in ahmedabad arrested two men.";
    // The tree gives "police" its place ("in ahmedabad", the gazetteer): INDCOP.
    assert_eq!(with(true, text), ["INDCOP 173 "]);
    assert!(with(false, text).is_empty(), "without the tagger: {:?}", with(false, text));
    // "the arrested men": a participle after a determiner is never a predicate.
    assert!(with(true, "the arrested men were released by police.").iter().all(|t| !t.contains(" 173 ")));
}

#[test]
fn they_is_the_last_group_named() {
    let text = "Kenyan police reached the village on Monday. They arrested five men.";
    assert_eq!(triples(&code_with(text, |_| {})), ["KENCOP 173 "]);
    // No group before it: "they" is no actor and takes no role.
    assert!(code_with("They arrested five men.", |_| {}).is_empty());
}

#[test]
fn seized_weapons_are_property_without_an_owner() {
    assert_eq!(triples(&code_with("Kenyan police recovered weapons and explosives from the house.", |_| {})), ["KENCOP 1711 "]);
    assert!(code_with("The Kenyan economy recovered quickly.", |_| {}).is_empty());
}

#[test]
fn picked_up_by_police_is_an_arrest() {
    assert_eq!(triples(&code_with("The trader was picked up by Kenyan police on Monday.", |_| {})), ["KENCOP 173 "]);
    assert!(code_with("The Kenyan minister picked up the phone.", |_| {}).is_empty());
}

#[test]
fn died_in_police_firing_is_police_force() {
    assert_eq!(triples(&code_with("The protesters died in Kenyan police firing.", |_| {})), ["KENCOP 193 "]);
    assert!(code_with("The Kenyan minister died on Monday.", |_| {}).is_empty());
}

#[test]
fn a_sentence_of_ten_thousand_words_makes_no_event_and_no_panic() {
    let words = ["police", "arrested", "the", "men", "and", "Russia", "attacked", "Ukraine", "of", "Putin", "said"];
    let long: Vec<&str> = (0..10_000).map(|i| words[i * 7 % words.len()]).collect();
    let text = format!("{}. Kenyan police arrested five protesters.", long.join(" "));
    let events = code_with(&text, |_| {});
    // Only the real sentence after it is coded.
    assert!(events.iter().all(|e| e.sentence == 1), "{:?}", triples(&events));
    assert_eq!(triples(&events), ["KENCOP 173 ---CVL"]);
    // A mention of 300 words: no panic.
    let names = format!("{} soldiers attacked Kyiv.", vec!["Russian"; 300].join(" "));
    let _ = code_with(&names, |_| {});
}

#[test]
fn a_first_sentence_gives_its_own_country_outside_the_event() {
    let code = |text: &str| {
        let events = common::events_with(common::builtin(), text);
        common::triples(&events).into_iter().zip(events.iter().map(|e| e.evidence.source_entry.clone())).collect::<Vec<_>>()
    };
    // A country named elsewhere in the sentence, before the story named any.
    let events = code("The police arrested the opposition leaders at a rally in Nairobi organised by Kenyan students.");
    assert!(events.iter().any(|(t, _)| t.starts_with("KENCOP 173")), "{events:?}");
    let from = events.iter().find(|(t, _)| t.starts_with("KENCOP")).and_then(|(_, e)| e.clone()).unwrap_or_default();
    assert!(from.contains("named in the sentence"), "{from}");
    // Not the event's other side: the government that criticizes Peru is not Peru's.
    let events = code("The government criticized Peru.");
    assert_eq!(events.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["---GOV 111 PER"]);
}
