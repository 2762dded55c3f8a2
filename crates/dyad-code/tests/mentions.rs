//! Actor mentions from noun phrases (the parse tree), pronouns, the story's country, and text
//! in lower case or capitals, with the built-in dictionaries.

use dyad_code::Coder;
use dyad_doc::Event;
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::new(&dyad_dict::builtin().dicts))
}

fn date() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2018, 5, 1)
}

/// The mentions of one sentence: (words, codes).
fn mentions(text: &str) -> Vec<(String, Vec<String>)> {
    coder().resolve(text, date())
}

/// The codes of the mention whose words contain `words`.
fn codes_of(text: &str, words: &str) -> Vec<String> {
    let all = mentions(text);
    all.iter().find(|(w, _)| w.to_lowercase().contains(words)).map(|(_, c)| c.clone()).unwrap_or_else(|| panic!("no mention with {words:?} in {all:?}"))
}

fn code(text: &str) -> Vec<Event> {
    let mut doc = dyad_segment::segment_text(text);
    doc.date = date();
    coder().code_document(&doc)
}

fn triples(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| format!("{} {} {}", e.source, e.code, e.target)).collect()
}

#[test]
fn an_apposition_and_a_place_do_not_outrank_the_head_modifier() {
    let text = "The NATO commander in Kosovo, a Danish general, held talks with the governor of Khost.";
    // NATO's military: not Kosovo's ("in"), not Denmark's (the apposition).
    assert_eq!(codes_of(text, "commander"), ["IGOWSTNATMIL"]);
    // The apposition belongs to the same mention: no separate Danish actor.
    assert!(mentions(text).iter().all(|(_, c)| !c.iter().any(|c| c.starts_with("DNK"))), "{:?}", mentions(text));
    // A person named in apposition keeps their own code.
    assert_eq!(codes_of("Sergei Lavrov, Russia's foreign minister, criticized Japan.", "lavrov"), ["RUSGOV"]);
}

#[test]
fn of_phrases_give_the_country() {
    assert_eq!(codes_of("The governor of the eastern Afghan province of Khost met the press.", "governor"), ["AFGGOV"]);
    assert_eq!(codes_of("The president of Russia criticized Japan.", "president"), ["RUSGOV"]);
    // "talks with China" is no part of Russia's phrase.
    let m = mentions("Russia's talks with China failed.");
    assert_eq!(m.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>(), [vec!["RUS".to_string()], vec!["CHN".to_string()]], "{m:?}");
}

#[test]
fn possessives_compose() {
    assert_eq!(codes_of("Turkey's main opposition party criticized the government.", "turkey"), ["TUROPP"]);
    assert_eq!(triples(&code("Turkey's main opposition party criticized Russian officials.")), ["TUROPP 111 RUSGOV"]);
}

#[test]
fn coordination_makes_compounds_and_distributes_roles() {
    // Conjuncts of the head: one mention, a unit each.
    assert_eq!(codes_of("Russia and China condemned Japan.", "russia"), ["RUS", "CHN"]);
    // Conjuncts of a modifier share the head: Russian officials and Chinese officials.
    assert_eq!(codes_of("Japan criticized Russian and Chinese officials.", "officials"), ["RUSGOV", "CHNGOV"]);
    // Roles coordinated with the head share its place.
    assert_eq!(triples(&code("Lawmakers and officials in Kenya criticized Japan.")), ["KENGOV 111 JPN", "KENLEG 111 JPN"]);
    // Modifiers joined by "and" without a conjunct in the parse.
    assert_eq!(codes_of("The Red Cross said US and British forces must ensure security.", "forces"), ["USAMIL", "GBRMIL"]);
    assert_eq!(
        triples(&code("Turkey's main opposition party criticized Russian and Chinese officials.")),
        ["TUROPP 111 RUSGOV", "TUROPP 111 CHNGOV"]
    );
}

#[test]
fn an_object_pronoun_is_not_its_clauses_subject() {
    let text = "Russian President Vladimir Putin congratulated Chinese President Xi Jinping on his re-election and invited him to visit Russia.";
    let t = triples(&code(text));
    assert!(t.contains(&"RUSGOV 036 CHNGOV".to_string()), "{t:?}");
    assert!(!t.iter().any(|t| t.starts_with("RUSGOV") && t.ends_with(" RUSGOV")), "{t:?}");
    // In the controlled infinitive Kim is the subject, so "him" is Putin.
    let t = triples(&code("Vladimir Putin invited Kim Jong Un to visit him in Moscow."));
    assert!(t.contains(&"PRKGOV 036 RUSGOV".to_string()), "{t:?}");
}

#[test]
fn a_place_governed_by_an_agent_gives_its_country_with_the_evidence() {
    let events = code("Police in Ahmedabad arrested two men.");
    assert_eq!(triples(&events), ["INDCOP 173 "]);
    let from = events[0].evidence.source_entry.as_deref().unwrap_or("");
    assert!(from.contains("place: Ahmedabad (gazetteer)"), "{from}");
    // A place in the phrase gives a country only to roles without one: NATO's commander in
    // Kabul stays NATO's; officers in Seoul are South Korea's.
    assert_eq!(codes_of("The NATO commander in Kabul criticized the police.", "commander"), ["IGOWSTNATMIL"]);
    assert_eq!(codes_of("Military officers in Seoul criticized Japan.", "officers"), ["KORMIL"]);
    // A place the parser hangs on the verb still gives a bare agent before it its country.
    let t = triples(&code("Sudanese militias massacred civilians in Darfur."));
    assert!(t.iter().any(|t| t.starts_with("SDNUAF 20") && t.ends_with(" SDNCVL")), "{t:?}");
}

#[test]
fn agents_take_the_story_country_from_the_dateline_or_earlier_mentions() {
    // A dateline place only the gazetteer knows.
    let mut doc = dyad_segment::segment_text("Police arrested five men.");
    doc.date = date();
    doc.dateline = Some(dyad_doc::Dateline { raw: "AHMEDABAD, May 1 --".into(), place: Some("AHMEDABAD".into()), ..Default::default() });
    let events = coder().code_document(&doc);
    assert_eq!(triples(&events), ["INDCOP 173 "]);
    let from = events[0].evidence.source_entry.as_deref().unwrap_or("");
    assert!(from.contains("dateline \"AHMEDABAD\"") && from.contains("gazetteer"), "{from}");
    let events = code("Kenya's president spoke on Monday. Police arrested five men in the capital.");
    let arrest = events.iter().find(|e| e.code == "173").expect("an arrest");
    assert_eq!(arrest.source, "KENCOP");
    assert!(arrest.evidence.source_entry.as_deref().unwrap_or("").contains("named in the story"));
}

#[test]
fn lower_case_and_capitals_give_the_same_mentions_and_events() {
    for text in [
        "Turkey's main opposition party criticized Russian and Chinese officials.",
        "The governor of the eastern Afghan province of Khost met the NATO commander in Kosovo.",
        "Kenyan police arrested opposition leaders in Nairobi.",
        "Police in Ahmedabad arrested two men.",
        "Chinese President Xi Jinping met Russian Foreign Minister Sergei Lavrov.",
    ] {
        let want = triples(&code(text));
        assert!(!want.is_empty(), "{text}");
        assert_eq!(triples(&code(&text.to_lowercase())), want, "lower case: {text}");
        assert_eq!(triples(&code(&text.to_uppercase())), want, "capitals: {text}");
        let codes = |t: &str| mentions(t).into_iter().map(|(_, c)| c).collect::<Vec<_>>();
        assert_eq!(codes(&text.to_lowercase()), codes(text), "lower case: {text}");
    }
}

#[test]
fn a_three_hundred_word_phrase_makes_no_panic() {
    let text = format!("The {} officials criticized China.", "Russian ".repeat(300));
    let m = mentions(&text);
    assert!(m.iter().any(|(_, c)| c.contains(&"RUSGOV".to_string())), "{:?}", m.len());
    let _ = code(&text);
    let junk = format!("{} police", "of the in , and ".repeat(80));
    let _ = code(&junk);
}

#[test]
fn explain_shows_the_phrase_head_and_what_composed_it() {
    let doc = dyad_segment::segment_text("The NATO commander in Kosovo, a Danish general, held talks with the governor of Khost.");
    let e = coder().explain(&doc, 0).to_string();
    assert!(e.contains("phrase head \"commander\" → IGOWSTNATMIL"), "{e}");
    assert!(e.contains("Kosovo [KSV] (in)") && e.contains("(appos)") && e.contains("*commander [~MIL] (head)"), "{e}");
}

#[test]
fn the_two_countries_are_the_last_two_named() {
    let t = triples(&code("Russia criticized China on Monday.\n\nThe two countries signed an agreement on Friday."));
    assert!(t.contains(&"RUS 057 CHN".to_string()) && t.contains(&"CHN 057 RUS".to_string()), "{t:?}");
    // With no countries before, nobody.
    assert!(code("The two countries signed an agreement on Friday.").is_empty());
}
