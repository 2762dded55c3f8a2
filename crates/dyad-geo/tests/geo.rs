//! The gazetteer, place mentions and event locations, on sentences written for these tests.
use dyad_doc::{Dateline, DepRel, Document, Event, Evidence, EvidenceSpan};
use dyad_geo::{find_places, locate_events, Gazetteer, PlaceKind};

fn doc(text: &str) -> Document {
    dyad_segment::segment_text(text)
}

/// (text, place name, country) of every place found.
fn places(text: &str) -> Vec<(String, String, String)> {
    let g = Gazetteer::builtin();
    let d = doc(text);
    find_places(g, &d)
        .mentions
        .iter()
        .map(|m| {
            let p = g.place(m.place);
            (m.text.clone(), p.name().to_string(), p.country.to_string())
        })
        .collect()
}

fn one(text: &str) -> (String, String, String) {
    let p = places(text);
    assert_eq!(p.len(), 1, "{text}: {p:?}");
    p.into_iter().next().unwrap()
}

fn none(text: &str) {
    let p = places(text);
    assert!(p.is_empty(), "{text}: expected no place, got {p:?}");
}

#[test]
fn builtin_gazetteer_loads_with_codes() {
    let g = Gazetteer::builtin();
    assert!(g.places().len() > 34_000, "{}", g.places().len());
    assert_eq!(g.country_of("Kabul"), Some("AFG"));
    assert_eq!(g.country_of("Ahmedabad"), Some("IND"));
    assert_eq!(g.country_of("Pyongyang"), Some("PRK"));
    assert_eq!(g.country_of("Kosovo"), Some("KSV"), "CAMEO's code for Kosovo");
    assert_eq!(g.country_of("Xyzzyville"), None);
    // The cheap name test agrees with the index: case and dots ignored.
    assert!(g.has_name("ahmedabad") && g.has_name("Tel Aviv") && g.has_name("u.s."));
    assert!(!g.has_name("Xyzzyville"));
    let ru = g.country("RU").unwrap();
    assert_eq!((ru.iso3.as_str(), ru.fips.as_str()), ("RUS", "RS"));
    for hand in ["Gaza Strip", "West Bank", "Golan Heights", "Crimea", "Donbas", "Gujarat", "Texas"] {
        assert!(!g.candidates(hand).is_empty(), "{hand} is in the gazetteer");
    }
}

#[test]
fn a_city_after_in() {
    assert_eq!(one("Protesters gathered in Moscow on Sunday."), ("Moscow".into(), "Moscow".into(), "RU".into()));
    assert_eq!(one("Talks in Pyongyang ended without a deal.").2, "KP");
}

#[test]
fn multi_word_and_punctuated_names() {
    assert_eq!(one("Shelling hit the Gaza Strip overnight.").1, "Gaza Strip");
    assert_eq!(one("Aid reached Bosnia-Herzegovina.").2, "BA");
    assert_eq!(one("The U.S. sent a delegation.").2, "US");
    assert_eq!(one("Officials in New York said so.").1, "New York City");
}

#[test]
fn qualified_names_pick_the_place_the_qualifier_names() {
    let p = places("The quake struck near Kerman, Iran, at dawn.");
    assert_eq!((p[0].1.as_str(), p[0].2.as_str()), ("Kerman", "IR"), "{p:?}");
    let p = places("She grew up in Paris, Texas, and moved away.");
    assert_eq!(p[0].2, "US", "{p:?}");
    let g = Gazetteer::builtin();
    let d = doc("She grew up in Paris, Texas, and moved away.");
    let found = find_places(g, &d);
    assert!(found.mentions[0].why.starts_with("qualified by Texas"), "{}", found.mentions[0].why);
    assert!(found.mentions[1].qualifies_previous);
    assert_eq!(one("The summit opened in Paris on Monday.").2, "FR", "the largest Paris without a qualifier");
}

#[test]
fn countries_named_earlier_decide_ambiguous_names() {
    // Georgia: the country, unless the article is about the United States.
    assert_eq!(one("Troops withdrew from Georgia.").2, "GE");
    let p = places("The governor spoke in Atlanta. Later Georgia passed the law.");
    assert_eq!(p[1].2, "US", "{p:?}");
    let g = Gazetteer::builtin();
    let georgia =
        g.place(find_places(g, &doc("The governor spoke in Atlanta. Later Georgia passed the law.")).mentions[1].place);
    assert_eq!(georgia.kind, PlaceKind::Adm1);
}

#[test]
fn prominent_places_beat_namesakes_in_the_articles_country() {
    // A US article: Geneva is still the Swiss city (dozens of names in the world's languages),
    // not Geneva, Illinois; a small French town "Dole" is no place without "in".
    let p = places("Officials in Chicago said the talks in Geneva would resume. Dole said he agreed.");
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!((p[1].1.as_str(), p[1].2.as_str()), ("Geneva", "CH"), "{p:?}");
    assert_eq!(one("The wine fair was held in Dole.").2, "FR");
}

#[test]
fn common_words_are_not_places() {
    none("Nice to see you again.");
    none("It was a nice day for a walk.");
    none("Reading the report, the minister frowned.");
    none("Mobile phones were banned in the chamber.");
    none("Split decisions are rare.");
    none("Of the ten delegates, six voted.");
    none("Bath time came early.");
    none("Hope is fading for the miners.");
    // With evidence they are places.
    assert_eq!(one("The festival was held in Nice last week.").2, "FR");
    assert_eq!(one("The ferry docked in Split at noon.").2, "HR");
}

#[test]
fn abbreviations_and_word_runs_are_not_places() {
    none("The U.N. envoy arrived.");
    // "for a" is not the Afghan province "Fora"/Farah, "to go" is not Togo.
    none("they asked for a debate and refused to go.");
    assert_eq!(one("The U.S. envoy arrived.").2, "US");
}

#[test]
fn acronyms_translations_and_continents() {
    none("The agency IRNA reported the talks.");
    assert_eq!(one("TROOPS ENTER PARIS").2, "FR");
    // "White House" is no name of Casablanca (an English translation dropped by the script).
    none("The White House said so.");
    let g = Gazetteer::builtin();
    let d = doc("Aid to Africa rose.");
    let m = find_places(g, &d).mentions;
    assert_eq!((g.place(m[0].place).name(), g.place(m[0].place).country), ("Africa", ""));
}

#[test]
fn a_name_once_a_persons_stays_a_persons() {
    none("Kim Jong Un spoke on Monday. Kim said the talks would go on.");
}

#[test]
fn peoples_names_are_not_places() {
    none("Michael Jackson sang at the gala.");
    none("Florence Nightingale nursed the wounded.");
    none("Mr Jackson declined to comment.");
    none("The winner was Paris Hilton.");
    assert_eq!(one("Officials in Florence said the museum would reopen.").2, "IT");
    let g = Gazetteer::builtin();
    let d = doc("Storms hit Jackson, Mississippi, on Tuesday.");
    let jackson = g.place(find_places(g, &d).mentions[0].place);
    assert_eq!((jackson.name(), jackson.country, jackson.admin1), ("Jackson", "US", "MS"));
}

#[test]
fn country_adjectives_are_not_places() {
    none("Iranian officials met French and German diplomats.");
    let p = places("Iranian officials travelled to Iran.");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "Iran");
}

#[test]
fn lower_case_archives_match_without_capitals_but_ask_for_more() {
    assert_eq!(one("police in ahmedabad arrested five men on monday.").2, "IN");
    // "us" is the pronoun, "bath" and "reading" are words.
    none("they told us that he took a bath after reading the paper.");
    let p = places("the mob attacked shops in vadodara and ahmedabad on thursday.");
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p.iter().all(|x| x.2 == "IN"));
}

#[test]
fn mixed_case_text_needs_capitals() {
    // A mixed-case sentence: "moscow" in lower case is no name there.
    none("They said the moscow talks failed, Officials Said.");
    assert_eq!(one("They said the Moscow talks failed.").2, "RU");
}

#[test]
fn five_hundred_places_in_one_sentence() {
    let names = ["Moscow", "Paris", "Kabul", "Lagos", "Lima", "Seoul", "Cairo", "Tehran", "Dhaka", "Hanoi"];
    let text: String = (0..500).map(|i| names[i % names.len()]).collect::<Vec<_>>().join(", ") + ".";
    let g = Gazetteer::builtin();
    let d = doc(&text);
    let found = find_places(g, &d);
    assert_eq!(found.mentions.len(), 500);
    assert_eq!(g.place(found.mentions[499].place).name(), "Hanoi");
}

fn event(d: &Document, verb: &str, source: (&str, &str), target: Option<(&str, &str)>) -> Event {
    let span = |w: &str| {
        let b = d.text.find(w).expect("in text");
        let start = d.text[..b].chars().count();
        EvidenceSpan { start, end: start + w.chars().count(), text: w.to_string() }
    };
    Event {
        article: "t".into(),
        sentence: 0,
        sentence_text: d.text.clone(),
        date: None,
        source: source.0.into(),
        target: target.map(|t| t.0.to_string()).unwrap_or_default(),
        code: "010".into(),
        root: "01".into(),
        quad_class: 1,
        goldstein: 0.0,
        plover_type: None,
        plover_mode: None,
        location: None,
        source_location: None,
        target_location: None,
        evidence: Evidence {
            source_span: Some(span(source.1)),
            target_span: target.map(|t| span(t.1)),
            verb_span: span(verb),
            ..Evidence::default()
        },
    }
}

fn locate(d: &Document, mut e: Event) -> Event {
    locate_events(Gazetteer::builtin(), d, std::slice::from_mut(&mut e));
    e
}

#[test]
fn event_in_a_place_named_in_its_sentence() {
    let d = doc("Russia and North Korea signed a pact in Pyongyang on Wednesday.");
    let e = locate(&d, event(&d, "signed", ("RUS", "Russia"), Some(("PRK", "North Korea"))));
    let l = e.location.expect("located");
    assert_eq!(
        (l.name.as_str(), l.country.as_str(), l.fips.as_str(), l.from.as_str()),
        ("Pyongyang", "KP", "KN", "parse")
    );
    assert_eq!(l.geo_type, 4);
    assert!(l.geonames_id.is_some() && (l.lat - 39.0).abs() < 1.0);
    assert_eq!(l.span.unwrap().text, "Pyongyang");
}

#[test]
fn actor_countries_are_not_the_location() {
    let mut d = doc("Russia criticised Ukraine over the talks.");
    let e = locate(&d, event(&d, "criticised", ("RUS", "Russia"), Some(("UKR", "Ukraine"))));
    assert_eq!(e.location, None, "no place but the actors, no dateline, two countries");
    d.dateline =
        Some(Dateline { raw: "SEOUL, March 20 (UPI) --".into(), place: Some("SEOUL".into()), ..Dateline::default() });
    let e = locate(&d, event(&d, "criticised", ("RUS", "Russia"), Some(("UKR", "Ukraine"))));
    let l = e.location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str(), l.span), ("Seoul", "dateline", None));
}

#[test]
fn both_actors_of_one_country_give_a_country_location() {
    let d = doc("The army arrested the opposition leader.");
    let e = locate(&d, event(&d, "arrested", ("RUSMIL", "The army"), Some(("RUSOPP", "the opposition leader"))));
    let l = e.location.unwrap();
    assert_eq!((l.country.as_str(), l.geo_type, l.from.as_str()), ("RU", 1, "actors"));
    assert_eq!(l.adm1, "RS");
}

#[test]
fn actor_places_fill_actor_geo() {
    let d = doc("Ahmedabad police arrested 12 rioters.");
    let e = locate(&d, event(&d, "arrested", ("INDCOP", "Ahmedabad police"), Some(("IND", "12 rioters"))));
    let s = e.source_location.unwrap();
    assert_eq!((s.name.as_str(), s.country.as_str(), s.from.as_str()), ("Ahmedabad", "IN", "actor"));
    assert!(s.adm1.starts_with("IN"));
    let d = doc("Protesters denounced a Kabul court.");
    let e = locate(&d, event(&d, "denounced", ("CVL", "Protesters"), Some(("AFGJUD", "court"))));
    assert_eq!(e.target_location.unwrap().name, "Kabul");
}

#[test]
fn a_place_attached_to_the_verb_in_the_parse_wins() {
    // "Envoys from Seoul met in Moscow": Seoul is nearer the verb in text order, but the parse
    // attaches Moscow to "met".
    let mut d = doc("Envoys from Seoul met officials in Moscow.");
    let idx = |w: &str| d.tokens.iter().position(|t| &d.text[t.start..t.end] == w).unwrap();
    let (envoys, from, seoul, met, officials, inn, moscow, dot) =
        (idx("Envoys"), idx("from"), idx("Seoul"), idx("met"), idx("officials"), idx("in"), idx("Moscow"), idx("."));
    let set = |d: &mut Document, i: usize, head: Option<usize>, rel: &str| {
        d.tokens[i].head = head.map(|h| h as u32);
        d.tokens[i].deprel = DepRel::parse(rel);
    };
    set(&mut d, envoys, Some(met), "nsubj");
    set(&mut d, from, Some(seoul), "case");
    set(&mut d, seoul, Some(envoys), "nmod");
    set(&mut d, met, None, "root");
    set(&mut d, officials, Some(met), "obj");
    set(&mut d, inn, Some(moscow), "case");
    set(&mut d, moscow, Some(met), "obl");
    set(&mut d, dot, Some(met), "punct");
    assert!(d.is_parsed(&d.sentences[0]));
    let e = locate(&d, event(&d, "met", ("KOR", "Envoys from Seoul"), Some(("---", "officials"))));
    let l = e.location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Moscow", "parse"));
    // Unparsed, dyad's parser gives the same tree.
    let d = doc("Envoys from Seoul met officials in Moscow.");
    let e = locate(&d, event(&d, "met", ("KOR", "Envoys from Seoul"), Some(("---", "officials"))));
    let l = e.location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Moscow", "parse"));
}

/// The location of the event on `verb` in the one-sentence text, with its rule.
fn located(text: &str, verb: &str, source: (&str, &str), target: Option<(&str, &str)>) -> (String, String) {
    let d = doc(text);
    let l = locate(&d, event(&d, verb, source, target)).location.expect("located");
    (l.name, l.from)
}

/// A one-sentence document with a dateline (`raw` as printed, `place` its place).
fn datelined(text: &str, raw: &str, place: &str) -> Document {
    let mut d = doc(text);
    d.dateline = Some(Dateline { raw: raw.into(), place: Some(place.into()), ..Dateline::default() });
    d
}

fn pair(name: &str, from: &str) -> (String, String) {
    (name.to_string(), from.to_string())
}

#[test]
fn the_predicates_place_beats_a_nearer_place_of_the_sentence() {
    // Geneva is nearer "shelled" and after "in", but it is where the talks were.
    assert_eq!(
        located(
            "After talks in Geneva, the army shelled rebel positions near Aleppo.",
            "shelled",
            ("SYRMIL", "the army"),
            None
        ),
        pair("Aleppo", "parse")
    );
    // "near the border town of X": through "of" to the town the preposition names.
    assert_eq!(
        located(
            "After a meeting in Quetta, militants attacked an army post near the border town of Chaman.",
            "attacked",
            ("PAKREB", "militants"),
            None
        ),
        pair("Chaman", "parse")
    );
}

#[test]
fn in_northern_mali_and_on_the_korean_peninsula() {
    assert_eq!(
        located(
            "Troops from Chad killed 12 rebels in northern Mali on Tuesday.",
            "killed",
            ("TCDMIL", "Troops"),
            Some(("MLIREB", "12 rebels"))
        ),
        pair("Mali", "parse")
    );
    assert_eq!(
        located(
            "French troops fought rebels in the north of Mali.",
            "fought",
            ("FRAMIL", "French troops"),
            Some(("MLIREB", "rebels"))
        ),
        pair("Mali", "parse")
    );
    // (Japan, whence the envoys come, is not where they talked.)
    let (name, from) = located(
        "Envoys from Japan discussed tensions on the Korean Peninsula.",
        "discussed",
        ("JPNGOV", "Envoys"),
        None,
    );
    assert_eq!((name.as_str(), from.as_str()), ("Korean Peninsula", "parse"));
    // One city alone: the sentence rule says the same without parsing.
    assert_eq!(
        located(
            "Militants attacked an army post near the border town of Chaman.",
            "attacked",
            ("PAKREB", "Militants"),
            None
        ),
        pair("Chaman", "sentence")
    );
}

#[test]
fn a_place_of_a_reported_clause_is_not_the_main_verbs() {
    let text = "The minister said in Paris that troops had killed 20 fighters in Mali.";
    assert_eq!(located(text, "killed", ("FRAMIL", "troops"), Some(("MLIREB", "20 fighters"))), pair("Mali", "parse"));
    assert_eq!(located(text, "said", ("FRAGOV", "The minister"), None), pair("Paris", "parse"));
}

#[test]
fn a_place_of_a_participant_does_not_beat_the_predicates_own() {
    // Lahore modifies "the leader" (and is nearer the verb); Karachi is where the arrest was.
    assert_eq!(
        located(
            "Police arrested the leader of a group in Lahore at a hotel in Karachi.",
            "arrested",
            ("PAKCOP", "Police"),
            Some(("PAKREB", "the leader"))
        ),
        pair("Karachi", "parse")
    );
    // Whence is not where: "envoys from Seoul" met in Doha; nor is a subject's own place
    // without a preposition of where ("the mayor of Berlin").
    assert_eq!(
        located(
            "Officials from Kabul and Kandahar met in Doha to discuss the truce.",
            "met",
            ("AFGGOV", "Officials"),
            None
        ),
        pair("Doha", "parse")
    );
    assert_eq!(
        located("The mayor of Berlin criticised protesters in Hamburg.", "criticised", ("DEUGOV", "The mayor"), None),
        pair("Hamburg", "parse")
    );
}

#[test]
fn a_country_that_qualifies_a_noun_is_no_scene() {
    // "U.S. President" says whose president, not where the meeting was: the dateline decides.
    let d = datelined("The envoys met U.S. President Donald Trump.", "SEOUL, March 9 --", "SEOUL");
    let l = locate(&d, event(&d, "met", ("KORGOV", "The envoys"), Some(("USAGOV", "Donald Trump")))).location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Seoul", "dateline"));
    // A city before a noun is where that thing is ("a Kabul court").
    assert_eq!(located("Police raided a Kabul court.", "raided", ("AFGCOP", "Police"), None), pair("Kabul", "parse"));
}

#[test]
fn an_actors_country_as_destination_or_object_is_not_the_scene() {
    // Britain is the target (by its code as well as its words), not where Libya made the
    // offer: the dateline is.
    let d = datelined("Libya has offered to hand over two suspects to Britain.", "CAIRO, May 4 --", "CAIRO");
    let l = locate(&d, event(&d, "offered", ("LBYGOV", "Libya"), Some(("GBRGOV", "Britain")))).location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Cairo", "dateline"));
    let l = locate(&d, event(&d, "offered", ("LBYGOV", "Libya"), Some(("GBR", "two suspects")))).location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Cairo", "dateline"));
    // A destination that is no actor is the scene ("sent inspectors to Bosnia").
    assert_eq!(
        located("The United Nations sent inspectors to Bosnia.", "sent", ("IGOUNO", "The United Nations"), None),
        pair("Bosnia and Herzegovina", "parse")
    );
}

#[test]
fn without_an_attachment_the_sentence_rule_still_decides() {
    // "Speaking in Tokyo" is a clause of its own: no place hangs from "criticised".
    assert_eq!(
        located(
            "Speaking in Tokyo, the prime minister criticised China.",
            "criticised",
            ("JPNGOV", "the prime minister"),
            Some(("CHN", "China"))
        ),
        pair("Tokyo", "sentence")
    );
}

#[test]
fn no_tree_or_a_broken_tree_falls_back_to_the_old_order() {
    // A stored parse whose head leaves the sentence is not read (and nothing panics).
    let mut d = doc("Envoys from Seoul met officials in Moscow.");
    let n = d.tokens.len();
    for (i, t) in d.tokens.iter_mut().enumerate() {
        t.head = if i == 3 { None } else { Some((n + 7) as u32) };
        t.deprel = if i == 3 { DepRel::ROOT } else { DepRel::parse("obl") };
    }
    assert!(d.is_parsed(&d.sentences[0]));
    let l = locate(&d, event(&d, "met", ("KOR", "Envoys from Seoul"), None)).location.unwrap();
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Moscow", "sentence"));
    // A sentence too long to parse (a list) uses the sentence rule.
    let mut text = String::from("Rebels attacked Homs");
    for _ in 0..450 {
        text.push_str(", Hama");
    }
    text.push('.');
    assert_eq!(located(&text, "attacked", ("SYRREB", "Rebels"), None), pair("Homs", "sentence"));
    // A verb span outside the sentence's tokens.
    let d = doc("Troops from Homs shelled Aleppo.");
    let mut e = event(&d, "shelled", ("SYRMIL", "Troops"), None);
    e.evidence.verb_span = EvidenceSpan { start: 500, end: 510, text: "x".into() };
    assert_eq!(locate(&d, e).location.unwrap().from, "sentence");
}

#[test]
fn a_place_modifying_an_agent_is_its_place() {
    let d = doc("Police in Ahmedabad arrested 40 rioters.");
    let e = locate(&d, event(&d, "arrested", ("INDCOP", "Police"), Some(("IND", "40 rioters"))));
    let s = e.source_location.expect("the police's place");
    assert_eq!((s.name.as_str(), s.from.as_str()), ("Ahmedabad", "actor"));
    assert_eq!(e.target_location, None);
    // The event happened there too (the subject's place, after "in").
    assert_eq!(e.location.unwrap().name, "Ahmedabad");
    // Whence an actor comes is its place, not the event's.
    let d = doc("Envoys from Seoul met officials in Moscow.");
    let e = locate(&d, event(&d, "met", ("KOR", "Envoys"), Some(("---", "officials"))));
    assert_eq!(e.source_location.unwrap().name, "Seoul");
    assert_eq!(e.location.unwrap().name, "Moscow");
}

#[test]
fn a_city_that_is_an_actor_is_a_location_and_a_country_after_in_beats_a_city_without() {
    let d = doc("Tanks fired shells at targets in Jericho, in a rare incident in the West Bank city.");
    let e = locate(&d, event(&d, "fired", ("ISRMIL", "Tanks"), Some(("PSE", "Jericho"))));
    assert_eq!(e.location.unwrap().name, "Jericho");
    let d = doc("Albanians demonstrated in Serbia, Belgrade radio said.");
    let e = locate(&d, event(&d, "demonstrated", ("ALB", "Albanians"), Some(("SRB", "Serbia"))));
    assert_eq!(e.location.unwrap().name, "Serbia");
}

#[test]
fn the_document_country_is_the_last_resort() {
    let d = doc("Riots spread across Gujarat. The police fired tear gas.");
    let mut e = event(&d, "fired", ("INDCOP", "The police"), None);
    e.sentence = 1;
    let e = locate(&d, e);
    let l = e.location.unwrap();
    assert_eq!((l.country.as_str(), l.from.as_str()), ("IN", "document"));
    assert_eq!(dyad_geo::context_country(Gazetteer::builtin(), &d), Some("IND"));
}

#[test]
fn a_parse_handed_over_gives_the_locations_of_parsing_here() {
    let d = doc("Russia and North Korea signed a pact in Pyongyang after talks in Moscow.");
    let e = event(&d, "signed", ("RUS", "Russia"), Some(("PRK", "North Korea")));
    let s = d.sentences[0];
    let forms: Vec<&str> = d.sentence_tokens(&s).iter().map(|t| &d.text[t.start..t.end]).collect();
    let mut parses = dyad_parse::SentenceParses::default();
    parses.insert(0, dyad_parse::Parser::builtin().parse_words(&forms));
    let mut handed = e.clone();
    dyad_geo::locate_events_parsed(Gazetteer::builtin(), &d, std::slice::from_mut(&mut handed), &parses);
    let here = locate(&d, e.clone());
    let l = handed.location.clone().expect("located");
    assert_eq!((l.name.as_str(), l.from.as_str()), ("Pyongyang", "parse"));
    assert_eq!(handed.location, here.location);
    // A parse of the wrong length (not this sentence's) is not read: the sentence is parsed.
    let mut wrong = dyad_parse::SentenceParses::default();
    wrong.insert(0, dyad_parse::Parser::builtin().parse_words(&forms[..2]));
    let mut e2 = e;
    dyad_geo::locate_events_parsed(Gazetteer::builtin(), &d, std::slice::from_mut(&mut e2), &wrong);
    assert_eq!(e2.location, here.location);
}
