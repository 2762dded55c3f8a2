//! Names no dictionary knows (coded `---`), speakers of reported clauses ("X said it ..."),
//! what "he" may stand for, and acronyms written as names ("Nato"), with the built-in
//! dictionaries.

use dyad_code::{Coder, CoderOptions};
use dyad_doc::Event;
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::new(&dyad_dict::builtin().dicts))
}

fn code_with(coder: &Coder, text: &str) -> Vec<Event> {
    let mut doc = dyad_segment::segment_text(text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2019, 6, 1);
    coder.code_document(&doc)
}

fn triples(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| format!("{} {} {}", e.source, e.code, e.target)).collect()
}

fn code(text: &str) -> Vec<String> {
    triples(&code_with(coder(), text))
}

#[test]
fn an_unknown_name_as_subject_acts_on_a_known_actor() {
    let events = code_with(coder(), "Zorvanek condemned Canada for the decision.");
    assert_eq!(triples(&events), ["--- 111 CAN"]);
    let evidence = &events[0].evidence;
    assert_eq!(evidence.source_span.as_ref().map(|s| s.text.as_str()), Some("Zorvanek"));
    assert_eq!(evidence.source_entry.as_deref(), Some("a name no dictionary knows"));
    // As an object too, and a two-word name is one actor.
    assert_eq!(code("Canada condemned Mirela Zorvanek."), ["CAN 111 ---"]);
}

#[test]
fn two_unknown_names_or_one_alone_make_no_event() {
    assert!(code("Zorvanek condemned Mirela Tovasz.").is_empty());
    assert!(code("Zorvanek resigned on Tuesday.").is_empty());
}

#[test]
fn a_name_inside_a_known_phrase_is_that_phrase() {
    // Next to a known role, in apposition, or owned by a modifier phrase: the known actor acts.
    assert_eq!(code("The Canadian foreign minister, Mirela Zorvanek, condemned Russia."), ["CANGOV 111 RUS"]);
    assert_eq!(code("Canadian Foreign Minister Mirela Zorvanek condemned Russia."), ["CANGOV 111 RUS"]);
}

#[test]
fn names_that_are_not_participants_are_no_actors() {
    // A date, a modifier of a common noun, a place: no actor, so no event against them.
    assert!(code("Canada condemned the Zorvanek plan.").iter().all(|t| !t.ends_with("---")), "{:?}", code("Canada condemned the Zorvanek plan."));
    assert!(code("Canada protested on Tuesday.").iter().all(|t| !t.contains("---")));
}

#[test]
fn lower_case_text_has_no_unknown_names() {
    assert!(code("zorvanek condemned canada for the decision.").is_empty());
}

#[test]
fn petrarch_conventions_keep_unknown_names_out() {
    let options = CoderOptions { unnamed_actors: false, ..coder().options() };
    let plain = Coder::with_options(&dyad_dict::builtin().dicts, options);
    assert!(triples(&code_with(&plain, "Zorvanek condemned Canada for the decision.")).is_empty());
}

#[test]
fn the_subject_of_a_reported_clause_is_its_speaker() {
    // "it" after words that are not the speech verb's object: the tree links it to the speaker.
    let events = code("Norway said on Monday it had expelled diplomats from Chile.");
    assert!(events.iter().any(|t| t.starts_with("NOR 1") && t.ends_with("CHLGOV")), "{events:?}");
    let events = code("The rebels in Peru claimed on Sunday that they had attacked a Chilean convoy.");
    assert!(events.iter().any(|t| t.starts_with("PERREB 19")), "{events:?}");
}

#[test]
fn he_does_not_stand_for_a_country() {
    // "he" is not Norway: with no person before it, no actor, so no self-event is made up.
    let events = code("Norway granted asylum to the Chilean general after he fled.");
    assert!(events.iter().all(|t| !t.ends_with("NOR")), "{events:?}");
    assert!(events.iter().any(|t| t.starts_with("NOR 075 CHL")), "{events:?}");
}

#[test]
fn four_letter_acronyms_written_as_names_match() {
    assert_eq!(code("Nato condemned Russia."), ["IGOWSTNAT 111 RUS"]);
    // Not an ordinary word written with a capital.
    assert!(code("Care condemned Russia.").iter().all(|t| !t.starts_with("NGO")));
}
