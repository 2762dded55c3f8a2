//! A user's places file with bad lines gets an error naming the file and line; a place with no
//! country never panics.
use dyad_geo::{find_places, locate_events, Gazetteer};
use std::io::Write;

const GOOD: &str = "x:one\tcity\tFR\t11\t48.85\t2.35\t100\tTestville\t\t\n";

fn user_dir(contents: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("places")).unwrap();
    let mut f = std::fs::File::create(dir.path().join("places/mine.tsv")).unwrap();
    f.write_all(contents).unwrap();
    dir
}

fn error(contents: &[u8]) -> String {
    let dir = user_dir(contents);
    match Gazetteer::with_dir(dir.path()) {
        Ok(_) => panic!("accepted {:?}", String::from_utf8_lossy(contents)),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_coordinates() {
    let e = error(format!("{GOOD}x:two\tcity\tFR\t\t200\t2.0\t5\tBadlat\n").as_bytes());
    assert!(e.contains("mine.tsv:2") && e.contains("latitude 200"), "{e}");
    let e = error(b"x:two\tcity\tFR\t\t10\teast\t5\tBadlon\n");
    assert!(e.contains("mine.tsv:1") && e.contains("longitude `east`"), "{e}");
}

#[test]
fn missing_fields() {
    let e = error(format!("# mine\n{GOOD}x:two\tcity\tFR\n").as_bytes());
    assert!(e.contains("mine.tsv:3") && e.contains("3 field(s)"), "{e}");
    let e = error(b"x:two\tcity\tFR\t\t1\t2\t3\t\n");
    assert!(e.contains("mine.tsv:1") && e.contains("no name"), "{e}");
    let e = error(b"x:two\tvillage\tFR\t\t1\t2\t3\tHamlet\n");
    assert!(e.contains("unknown kind `village`"), "{e}");
    let e = error(b"x:two\tcity\tFrance\t\t1\t2\t3\tHamlet\n");
    assert!(e.contains("not an ISO 3166-1 alpha-2"), "{e}");
}

#[test]
fn duplicate_ids() {
    let e = error(format!("{GOOD}{GOOD}").as_bytes());
    assert!(e.contains("mine.tsv:2") && e.contains("duplicate id `x:one`") && e.contains("mine.tsv:1"), "{e}");
}

#[test]
fn bad_encoding() {
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend_from_slice(b"x:two\tcity\tFR\t\t1\t2\t3\tCaf\xe9ville\n");
    let e = error(&bytes);
    assert!(e.contains("mine.tsv:2") && e.contains("UTF-8"), "{e}");
}

#[test]
fn user_places_are_found_and_a_place_with_no_country_never_panics() {
    let dir = user_dir(b"x:nowhere\tarea\t\t\t0\t0\t\tNowhere Sea\t\t\n");
    let g = Gazetteer::with_dir(dir.path()).unwrap();
    let d = dyad_segment::segment_text("Ships clashed in the Nowhere Sea.");
    let found = find_places(&g, &d);
    assert_eq!(found.mentions.len(), 1);
    assert_eq!(found.main_country(&g), None);
    let mut events = vec![dyad_doc::Event {
        article: "t".into(),
        sentence: 0,
        sentence_text: d.text.clone(),
        date: None,
        source: "---".into(),
        target: String::new(),
        code: "190".into(),
        root: "19".into(),
        quad_class: 4,
        goldstein: -10.0,
        plover_type: None,
        plover_mode: None,
        location: None,
        source_location: None,
        target_location: None,
        evidence: dyad_doc::Evidence {
            verb_span: dyad_doc::EvidenceSpan { start: 6, end: 13, text: "clashed".into() },
            ..Default::default()
        },
    }];
    locate_events(&g, &d, &mut events);
    let l = events[0].location.as_ref().unwrap();
    assert_eq!((l.name.as_str(), l.country.as_str(), l.fips.as_str(), l.geo_type), ("Nowhere Sea", "", "", 5));
    assert_eq!(g.country_of("Nowhere Sea"), None);
}

#[test]
fn the_builtin_files_pass_every_check_and_the_precomputed_index_matches() {
    let n = Gazetteer::check_builtin().expect("built-in gazetteer");
    let g = Gazetteer::compile_builtin().expect("built-in gazetteer");
    assert_eq!(n, g.places().len());
    assert!(g.name_count() > 100_000);
    // The index build.rs wrote finds what an index built now finds.
    let rebuilt = Gazetteer::from_parts(g.places().to_vec(), g.countries().to_vec());
    assert_eq!(rebuilt.name_count(), g.name_count());
    for name in ["Moscow", "Paris", "Gaza Strip", "U.S.", "Bosnia-Herzegovina", "Kerman", "Nice", "Xyzzy", "New"] {
        assert_eq!(g.candidates(name), rebuilt.candidates(name), "{name}");
    }
    for p in g.places().iter().step_by(997) {
        assert_eq!(g.candidates(p.name()), rebuilt.candidates(p.name()), "{}", p.name());
    }
}

fn event_at(d: &dyad_doc::Document, sentence: usize) -> dyad_doc::Event {
    dyad_doc::Event {
        article: "t".into(),
        sentence,
        sentence_text: String::new(),
        date: None,
        source: "RUS".into(),
        target: "UKR".into(),
        code: "190".into(),
        root: "19".into(),
        quad_class: 4,
        goldstein: -10.0,
        plover_type: None,
        plover_mode: None,
        location: None,
        source_location: None,
        target_location: None,
        evidence: dyad_doc::Evidence {
            verb_span: dyad_doc::EvidenceSpan { start: 0, end: d.text.chars().count(), text: String::new() },
            ..Default::default()
        },
    }
}

#[test]
fn documents_without_tokens_or_with_a_broken_parse_never_panic() {
    let g = Gazetteer::builtin();
    // Sentences whose token ranges point past the tokens (a stored document, not re-segmented).
    let mut d = dyad_segment::segment_text("Troops shelled Donetsk. Talks in Moscow failed.");
    d.tokens.clear();
    let mut events = vec![event_at(&d, 0), event_at(&d, 7)];
    locate_events(g, &d, &mut events);
    assert!(events.iter().all(|e| e.location.is_none()));
    // Heads outside the document and cycles.
    let mut d = dyad_segment::segment_text("Troops shelled Donetsk. Talks in Moscow failed.");
    let n = d.tokens.len() as u32;
    for (i, t) in d.tokens.iter_mut().enumerate() {
        t.head = Some(if i % 2 == 0 { n + 5 } else { i as u32 });
        t.deprel = dyad_doc::DepRel::parse(if i == 0 { "root" } else { "obl" });
    }
    let mut events = vec![event_at(&d, 0), event_at(&d, 1)];
    locate_events(g, &d, &mut events);
    assert_eq!(events[0].location.as_ref().map(|l| l.name.as_str()), Some("Donetsk"));
}

#[test]
fn the_built_in_dictionary_folder_loads_as_a_user_folder() {
    // `--dictionaries dictionaries` (a copy of the built-in folder) must load: its
    // `places/countries.tsv` is the country table, not a places file.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries");
    let g = Gazetteer::with_dir(&dir).unwrap();
    assert_eq!(g.places().len(), Gazetteer::builtin().places().len());
}

#[test]
fn a_bad_user_country_table_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("places")).unwrap();
    std::fs::write(dir.path().join("places/countries.tsv"), "XK\tXKX\tKV\tKosovo\nbad line\n").unwrap();
    let e = Gazetteer::with_dir(dir.path()).err().expect("rejected").to_string();
    assert!(e.contains("countries.tsv:2"), "{e}");
}
