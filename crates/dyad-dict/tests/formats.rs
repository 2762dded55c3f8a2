//! Format features, diagnostics and the round trip, on small fixtures written for these tests.

use dyad_dict::load::parse_into;
use dyad_dict::PatternElement::*;
use dyad_dict::*;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn load(rel: &str) -> Loaded {
    load_dir(&fixture(rel), &LoadOptions::default()).expect("fixture loads")
}

fn phrase(ws: &[&str]) -> PatternElement {
    Phrase(ws.iter().map(|w| w.to_string()).collect())
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

fn errors(l: &Loaded) -> Vec<String> {
    l.errors().map(|d| d.to_string()).collect()
}

fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Source locations differ after a rewrite; compare everything else.
fn without_locations(mut d: Dictionaries) -> Dictionaries {
    let none = SourceRef::default();
    d.actors.iter_mut().for_each(|a| a.at = none.clone());
    d.agents.iter_mut().for_each(|a| a.at = none.clone());
    d.discards.iter_mut().for_each(|a| a.at = none.clone());
    d.issues.iter_mut().for_each(|a| a.at = none.clone());
    for v in &mut d.verbs {
        v.at = none.clone();
        for p in &mut v.patterns {
            p.at = none.clone();
            p.text.clear();
        }
    }
    d
}

#[test]
fn dyad_format_features() {
    let l = load("dyad");
    assert!(errors(&l).is_empty(), "{:?}", errors(&l));
    let d = &l.dicts;

    let russia = d.actors.iter().find(|a| a.name == "Russia").unwrap();
    assert_eq!(russia.code.as_deref(), Some("RUS"));
    assert_eq!(russia.kind, ActorKind::Country);
    assert_eq!(russia.names.len(), 3);
    let soviet = russia
        .names
        .iter()
        .find(|a| a.text == "Soviet Union")
        .unwrap();
    assert_eq!(
        soviet.range,
        Some(DateRange {
            from: None,
            to: Some(date("1991-12-25"))
        })
    );
    assert_eq!(russia.adjectives.len(), 2);
    let kremlin = russia
        .seats
        .iter()
        .find(|a| a.text == "the Kremlin")
        .unwrap();
    assert_eq!(kremlin.code.as_deref(), Some("RUSGOV"));
    assert_eq!(russia.short[0].text, "the Russians");
    assert_eq!(russia.at.line, 2);
    assert!(russia.at.file.ends_with("test.txt"));

    let putin = d
        .actors
        .iter()
        .find(|a| a.name == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin.dated.len(), 2);
    assert_eq!(putin.code_on(Some(date("2005-01-01"))), Some("RUSGOV"));
    assert_eq!(putin.code_on(Some(date("2010-01-01"))), Some("RUSELI"));
    assert_eq!(putin.notes, ["source: public record"]);
    let un = d
        .actors
        .iter()
        .find(|a| a.name == "United Nations")
        .unwrap();
    assert_eq!(un.names[0].text, "UN");

    assert_eq!(d.agents[0].role, "GOV");
    assert!(!d.agents[0].prefix);
    assert_eq!(d.agents[0].names, ["presidents", "head of state"]);
    assert!(d.agents[1].prefix && d.agents[1].role == "NGO");

    assert_eq!(d.sets["meeting"], ["meeting", "meetings", "talks"]);

    let congratulate = &d.verbs[0];
    assert_eq!(congratulate.lemmas, ["congratulate", "felicitate"]);
    assert!(congratulate.forms.contains(&"congratulated".to_string()));
    assert!(congratulate.forms.contains(&"felicitating".to_string()));
    assert_eq!(
        congratulate.patterns[0].elements,
        [Source, Verb, Target, phrase(&["on"])]
    );
    assert_eq!(
        congratulate.patterns[1].elements,
        [Verb, phrase(&["financial", "aid"]), Target]
    );

    let meet = &d.verbs[1];
    assert_eq!(meet.forms, ["meet", "meeting", "meets", "met"]);
    assert_eq!(
        meet.patterns[1].elements[1],
        AnyOf(vec![strings(&["visiting"]), strings(&["guest"])])
    );
    let paired = &meet.patterns[2];
    assert_eq!(
        paired.elements,
        [Verb, Set("meeting".into()), phrase(&["with"]), Target]
    );
    assert_eq!(
        (paired.code.as_deref(), paired.reverse_code.as_deref()),
        (Some("042"), Some("043"))
    );

    // `forms:` replaces generated forms only for the lemma they belong to.
    let hold = &d.verbs[2];
    assert_eq!(hold.code, None);
    assert_eq!(
        hold.forms,
        ["held", "hold", "stop", "stopped", "stopping", "stops"]
    );
    assert_eq!(hold.patterns[0].elements[1], Skip);

    assert_eq!(d.discards[0].scope, DiscardScope::Story);
    assert_eq!(d.discards[1].scope, DiscardScope::Sentence);
    assert!(d.issues[1].ignore && !d.issues[0].ignore);
    assert_eq!(
        d.codebook.entries["042"].plover_mode.as_deref(),
        Some("visit")
    );
    assert_eq!(d.codebook.lookup("0421").unwrap().code, "042");
}

#[test]
fn petrarch_actors() {
    let d = load("petrarch").dicts;
    let afg = &d.actors[0];
    assert_eq!(
        (afg.name.as_str(), afg.code.as_deref()),
        ("AFGHANISTAN", Some("AFG"))
    );
    assert_eq!(afg.names[0], Alias::plain("AFGHAN"));
    assert_eq!(afg.names[1].code.as_deref(), Some("AFGGOV"));

    let shah = &d.actors[1];
    assert_eq!(shah.name, "MOHAMMAD ZAHIR SHAH"); // `; comment` dropped
    assert_eq!(shah.code, None);
    assert_eq!(shah.kind, ActorKind::Person);
    assert_eq!(
        shah.dated[0].range,
        DateRange {
            from: Some(date("1932-01-01")),
            to: Some(date("1933-11-08"))
        }
    );
    assert_eq!(shah.dated[2].range.to, Some(date("2007-07-23"))); // 07 → 2007
    assert_eq!(shah.code_on(Some(date("1950-01-01"))), Some("AFGGOV"));

    let karzai = &d.actors[2];
    assert_eq!(karzai.code.as_deref(), Some("AFGMIL"));
    assert_eq!(
        karzai.dated[0].range,
        DateRange {
            from: Some(date("2001-12-22")),
            to: None
        }
    );
    assert_eq!(
        karzai.dated[1].range,
        DateRange {
            from: None,
            to: Some(date("1999-12-31"))
        }
    );
    assert_eq!(karzai.names[0].text, "BABRAK KARMAL");

    let cuellar = &d.actors[3];
    assert_eq!(cuellar.code.as_deref(), Some("ELI"));
    assert_eq!(cuellar.dated[0].code, "IGOUNO");

    // `[FRO/BIL/SAM]`: one name, several actors; all codes kept.
    let shire = &d.actors[4];
    assert_eq!(shire.code.as_deref(), Some("FRO"));
    assert_eq!(shire.extra_codes, ["BIL", "SAM"]);
    assert_eq!(shire.codes_on(None), ["FRO", "BIL", "SAM"]);
    assert_eq!(cuellar.codes_on(Some(date("1990-01-01"))), ["IGOUNO"]);
}

#[test]
fn petrarch_agents_discards_issues() {
    let d = load("petrarch").dicts;
    let a = |n: &str| {
        d.agents
            .iter()
            .find(|a| a.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    assert_eq!(a("PRESIDENT").names, ["PRESIDENTS"]);
    assert!(a("POLICE").names.is_empty(), "{{}} means no plural");
    assert_eq!(a("ATTORNEY GENERAL").names, ["ATTORNEYS GENERAL"]);
    assert_eq!(
        a("CONGRESSMAN").names,
        [
            "CONGRESSMEN",
            "CONGRESSWOMAN",
            "CONGRESSWOMEN",
            "CONGRESSPERSON"
        ]
    );
    assert_eq!(a("CONGRESSMAN").role, "LEG");
    assert!(a("HUMAN RIGHTS BODY").prefix);

    assert_eq!(d.discards.len(), 2);
    assert_eq!(
        (d.discards[0].phrase.as_str(), d.discards[0].scope),
        ("WORLD CUP", DiscardScope::Story)
    );
    assert_eq!(
        (d.discards[1].phrase.as_str(), d.discards[1].scope),
        ("BASEBALL", DiscardScope::Sentence)
    );

    let phrases: Vec<&str> = d.issues.iter().map(|i| i.phrase.as_str()).collect();
    for p in [
        "massacre",
        "massacres",
        "ethnic purged",
        "ethnic purging",
        "al zarqawi network",
        "al-zarqawi network",
        "saturday night massacre",
        "genocide",
    ] {
        assert!(phrases.contains(&p), "{p} in {phrases:?}");
    }
    assert!(
        d.issues
            .iter()
            .find(|i| i.phrase == "saturday night massacre")
            .unwrap()
            .ignore
    );
    // A code-less line inside <ISSUE CATEGORY="ATROCITY"> takes the category.
    assert_eq!(
        d.issues
            .iter()
            .find(|i| i.phrase == "genocide")
            .unwrap()
            .code,
        "ATROCITY"
    );
}

#[test]
fn petrarch_verbs() {
    let l = load("petrarch");
    assert!(errors(&l).is_empty(), "{:?}", errors(&l));
    let d = &l.dicts;
    assert_eq!(
        d.sets["currency"],
        ["dollar", "dollars", "euro", "euros", "cash"]
    );
    assert_eq!(
        d.sets["auxverb"],
        ["will", "is to"],
        "label ending in _: no plurals"
    );

    // RUSH has its own code: it becomes an entry of its own, sharing the patterns.
    let accel = d
        .verbs
        .iter()
        .find(|v| v.lemmas.contains(&"accelerate".to_string()))
        .unwrap();
    assert_eq!(accel.lemmas, ["accelerate", "hurry"]);
    assert_eq!(accel.code, None);
    assert!(
        accel.forms.contains(&"accelerated".to_string())
            && accel.forms.contains(&"hurried".to_string())
    );
    let rush = d.verbs.iter().find(|v| v.lemmas == ["rush"]).unwrap();
    assert_eq!(rush.code.as_deref(), Some("070"));
    assert_eq!(rush.patterns, accel.patterns);

    let p = &accel.patterns;
    assert_eq!(p.len(), 7);
    assert_eq!(p[0].elements, [Verb, phrase(&["to"])]);
    assert_eq!(
        (p[0].code.as_deref(), p[0].reverse_code.as_deref()),
        (Some("042"), Some("043"))
    );
    assert_eq!(p[1].elements, [Verb, phrase(&["arms", "shipment"])]);
    assert_eq!(
        p[2].elements,
        [
            Verb,
            phrase(&["police"]),
            phrase(&["to"]),
            phrase(&["border"])
        ]
    );
    assert_eq!(p[3].elements, [Verb, Set("currency".into())]);
    assert_eq!(p[4].elements, [Source, Verb, Skip, Target]);
    assert_eq!(p[5].elements, [Verb, Target], "% dropped");
    assert_eq!(
        p[6].elements,
        [
            Verb,
            phrase(&["of"]),
            Set("currency".into()),
            Join,
            phrase(&["aid"])
        ],
        "`{{&CURRENCY AID}}`: consecutive"
    );
    assert_eq!(
        (p[6].code.as_deref(), p[6].reverse_code.as_deref()),
        (None, Some("073"))
    );
    assert!(p[0].text.starts_with("* (TO)"));
    assert!(l
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Info && d.message.contains('%')));
    assert!(l
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Info && d.message.contains("transformation")));

    let cordon = d
        .verbs
        .iter()
        .find(|v| v.lemmas.contains(&"cordon off".to_string()))
        .unwrap();
    assert_eq!(cordon.code.as_deref(), Some("190"));
    for f in [
        "cordon off",
        "cordoned off",
        "cordons off",
        "cordoning off",
        "wire tap",
        "wire tapped",
        "wire taps",
        "wire tapping",
    ] {
        assert!(
            cordon.forms.contains(&f.to_string()),
            "{f} in {:?}",
            cordon.forms
        );
    }
    assert_eq!(
        cordon.patterns[0].elements,
        [phrase(&["in", "and"]), Join, Verb, Join, phrase(&["out"])],
        "`_` joins elements: no words between them"
    );
}

#[test]
fn tabari_files() {
    let l = load("tabari");
    assert!(errors(&l).is_empty(), "{:?}", errors(&l));
    let d = &l.dicts;
    let sharon = d.actors.iter().find(|a| a.name == "ARIEL SHARON").unwrap();
    assert_eq!(sharon.code.as_deref(), Some("ISRELI"));
    assert_eq!(sharon.dated[0].code, "ISRGOV");
    assert_eq!(d.discards[0].phrase, "SPORTS CLUB", "[###] marks a discard");
    assert_eq!(
        d.discards.len(),
        1,
        "a commented-out [###] line stays a comment"
    );
    // No `---` headers: each verb line after patterns starts a block.
    assert_eq!(d.verbs.len(), 2);
    assert_eq!(d.verbs[0].code.as_deref(), Some("112"));
    assert_eq!(d.verbs[0].patterns.len(), 2);
    assert_eq!(d.verbs[1].lemmas, ["abandon"]);
    assert_eq!(d.agents.len(), 2);
}

#[test]
fn malformed_lines_are_reported_with_file_and_line_and_skipped() {
    let l = load("bad");
    let errs = errors(&l);
    let has = |file: &str, line: usize| {
        errs.iter()
            .any(|e| e.contains(&format!("{file}:{line}: error")))
    };
    assert!(has("bad.actors.txt", 2), "{errs:#?}"); // 2020-0101 is not a date
    assert!(has("bad.actors.txt", 3)); // empty synonym
    assert!(has("bad.actors.txt", 4)); // bad code
    assert!(has("bad.actors.txt", 5)); // month 13
    assert!(has("bad.agents.txt", 1)); // no code
    assert!(has("bad.agents.txt", 2)); // no ~
    assert!(has("bad.agents.txt", 4)); // undefined marker
    assert!(has("bad.verbs.txt", 1)); // pattern outside a block
    assert!(has("bad.verbs.txt", 2)); // bad block code
    assert!(has("bad.verbs.txt", 4)); // unclosed brace
    assert!(has("bad.verbs.txt", 5)); // no code
                                      // The good lines around them still load.
    let d = &l.dicts;
    assert!(d.actors.iter().any(|a| a.name == "GOOD TOO"));
    assert!(d.agents.iter().any(|a| a.name == "FINE"));
    assert_eq!(d.verbs[0].patterns.len(), 1);
    // --strict turns the first error into a failure.
    let err = load_dir(&fixture("bad"), &LoadOptions { strict: true }).unwrap_err();
    assert!(err.to_string().contains("bad.actors.txt:2"), "{err}");
}

fn parse(text: &str, kind: FileKind) -> (Dictionaries, Vec<Diagnostic>) {
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    parse_into(text, "t.txt", kind, &mut d, &mut diags);
    (d, diags)
}

#[test]
fn dyad_format_errors() {
    let actors = FileKind::new(Format::Dyad, Content::Actors);
    let (d, diags) = parse("  name: orphan\nX [ABC]\n  colour: red\n  code: ABC 2020-01-01\n  type: planet\n  name: Foo (2020-13-01..)\nY [abc]\n", actors);
    let lines: Vec<(usize, Severity)> = diags.iter().map(|d| (d.line, d.severity)).collect();
    assert_eq!(
        lines,
        [
            (1, Severity::Error),
            (3, Severity::Error),
            (4, Severity::Error),
            (5, Severity::Error),
            (6, Severity::Error),
            (7, Severity::Error)
        ],
        "{diags:#?}"
    );
    assert!(diags[1].message.contains("colour"));
    assert_eq!(d.actors.len(), 1);

    let verbs = FileKind::new(Format::Dyad, Content::Verbs);
    let (d, diags) = parse("say\nask [020]\n  pattern: * for (aid\n  pattern: * for aid\n  pattern: * ) [020]\n  pattern: * & [020]\n  pattern: * ok [020]\n", verbs);
    assert_eq!(
        diags.iter().map(|d| d.line).collect::<Vec<_>>(),
        [1, 3, 4, 5, 6],
        "{diags:#?}"
    );
    assert_eq!(d.verbs[0].patterns.len(), 1);

    let (_, diags) = parse("", verbs);
    assert_eq!(diags.len(), 1, "an empty file is worth a warning");
    assert_eq!(diags[0].severity, Severity::Warning);

    let codebook = FileKind::new(Format::Dyad, Content::Codebook);
    let (d, diags) = parse("010\t0\t1\t\t\tok\n0x1\t0\t1\t\t\tbad code\n011\tmuch\t1\t\t\tbad score\n012\t0\t7\t\t\tbad quad\n013\t0\n", codebook);
    assert_eq!(
        diags.iter().map(|d| d.line).collect::<Vec<_>>(),
        [2, 3, 4, 5]
    );
    assert_eq!(d.codebook.entries.len(), 1);
}

#[test]
fn empty_or_missing_folders_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_dir(dir.path(), &LoadOptions::default()).unwrap_err();
    assert!(matches!(err, LoadError::NoDictionaries(_)), "{err}");
    let err = load_dir(&dir.path().join("nope"), &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("nope"), "{err}");
}

#[test]
fn detects_formats_by_name_and_content() {
    use dyad_dict::load::detect;
    let k = |p: &str, t: &str| detect(Path::new(p), t).map(|k| (k.format, k.content));
    assert_eq!(
        k("cameo.txt", "010\t0\t1\t\t\tx\n"),
        Some((Format::Dyad, Content::Codebook))
    );
    assert_eq!(
        k("CAMEO.2.0.txt", "--- SAY [010] ---\n"),
        Some((Format::Petrarch, Content::Verbs))
    );
    assert_eq!(k("actors/x.txt", ""), Some((Format::Dyad, Content::Actors)));
    assert_eq!(k("verbs/sets.txt", ""), Some((Format::Dyad, Content::Sets)));
    assert_eq!(
        k("verbs/01.txt", "say [010]\n"),
        Some((Format::Dyad, Content::Verbs))
    );
    assert_eq!(
        k("Phoenix.agents.txt", ""),
        Some((Format::Petrarch, Content::Agents))
    );
    assert_eq!(
        k("Phoenix.IssueCoding.txt", ""),
        Some((Format::Petrarch, Content::Issues))
    );
    assert_eq!(k("x.verbs", ""), Some((Format::Tabari, Content::Verbs)));
    assert_eq!(k("README.md", ""), None);
}

#[test]
fn round_trip_dyad_fixture() {
    let l = load("dyad");
    let out = tempfile::tempdir().unwrap();
    let (_, skipped) = write::write_dir(&l.dicts, out.path()).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    let back = load_dir(out.path(), &LoadOptions::default()).unwrap();
    assert!(errors(&back).is_empty(), "{:?}", errors(&back));
    assert_eq!(without_locations(back.dicts), without_locations(l.dicts));
}

#[test]
fn round_trip_petrarch_fixture() {
    let l = load("petrarch");
    let out = tempfile::tempdir().unwrap();
    let (_, skipped) = write::write_dir(&l.dicts, out.path()).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    let back = load_dir(out.path(), &LoadOptions::default()).unwrap();
    assert!(errors(&back).is_empty(), "{:?}", errors(&back));
    assert_eq!(without_locations(back.dicts), without_locations(l.dicts));
}

#[test]
fn round_trip_builtin() {
    let l = builtin();
    let out = tempfile::tempdir().unwrap();
    let (_, skipped) = write::write_dir(&l.dicts, out.path()).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    let back = load_dir(out.path(), &LoadOptions::default()).unwrap();
    assert_eq!(without_locations(back.dicts), without_locations(l.dicts));
}
