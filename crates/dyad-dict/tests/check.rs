//! `dyad dict check` findings on dictionaries built to contain each problem.

use dyad_dict::check::{check, normalise_name};
use dyad_dict::load::parse_into;
use dyad_dict::*;

fn dicts(parts: &[(&str, FileKind)]) -> Dictionaries {
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    for (text, kind) in parts {
        parse_into(text, "t.txt", *kind, &mut d, &mut diags);
    }
    assert!(
        diags.iter().all(|x| x.severity != Severity::Error),
        "{diags:#?}"
    );
    d
}

const CODEBOOK: &str = "04\t1\t1\t\t\tConsult\n040\t1\t1\t\t\tConsult\n042\t1.9\t1\t\t\tVisit\n";

fn findings(d: &Dictionaries, severity: Severity) -> Vec<String> {
    check(d)
        .into_iter()
        .filter(|x| x.severity == severity)
        .map(|x| x.to_string())
        .collect()
}

#[test]
fn empty_dictionaries_are_errors() {
    let errs = findings(&Dictionaries::default(), Severity::Error);
    assert_eq!(errs.len(), 3, "{errs:?}"); // no actors, verbs, codebook
}

#[test]
fn finds_each_kind_of_problem() {
    let dy = |c| FileKind::new(Format::Dyad, c);
    let d = dicts(&[
        (CODEBOOK, dy(Content::Codebook)),
        (
            "Russia [RUS]\n  name: Russian-Federation\nRussian Federation [RUSGOV]\nPutin [RUSELI]\n  code: RUSGOV 2000-01-01..2008-05-07\n  code: RUSPTY 2004-01-01..2010-01-01\nOdd [RUSG]\n",
            dy(Content::Actors),
        ),
        ("president [~GOV]\n", dy(Content::Agents)),
        ("&a\n  words: x | &b\n&b\n  words: &a\n&c\n  words: &nowhere\n", dy(Content::Sets)),
        (
            "meet [040]\n  pattern: * with + [042]\n  pattern: * with + [040]\n  pattern: with + [040]\n  pattern: * &undefined [040]\n  pattern: * ok [0421]\n  pattern: * bad [099]\nmeets [042]\n",
            dy(Content::Verbs),
        ),
    ]);
    let errs = findings(&d, Severity::Error);
    let warns = findings(&d, Severity::Warning);
    let any = |v: &[String], s: &str| v.iter().any(|x| x.contains(s));
    assert!(any(&errs, "code 099 is not in the codebook"), "{errs:#?}");
    assert!(
        any(
            &warns,
            "code 0421 is not in the codebook (scored as its parent 042)"
        ),
        "{warns:#?}"
    );
    assert!(any(&errs, "has 0 `*`"));
    assert!(any(&errs, "undefined set &undefined"));
    assert!(any(&errs, "set &a contains itself"));
    assert!(any(&errs, "set &c names undefined set &nowhere"));
    assert!(
        any(
            &warns,
            "`Russian Federation` is RUSGOV here but RUS at t.txt:1"
        ),
        "{warns:#?}"
    );
    assert!(any(&warns, "RUSGOV and RUSPTY overlap"));
    assert!(any(&warns, "RUSG is not made of 3-letter parts"));
    assert!(any(&warns, "repeats t.txt:2 with another code"));
    assert!(any(
        &warns,
        "verb form `meets` has default code 042 here but 040"
    ));
    // Each finding points at a line.
    assert!(check(&d)
        .iter()
        .filter(|x| x.file == "t.txt")
        .all(|x| x.line > 0));
}

#[test]
fn handover_dates_are_not_overlaps() {
    let d = dicts(&[("Lee [USAELI]\n  code: USAGOV 1977-05-28..1978-01-03\n  code: USAELI 1978-01-03..1985-01-03\n", FileKind::new(Format::Dyad, Content::Actors))]);
    assert!(!check(&d).iter().any(|x| x.message.contains("overlap")));
}

#[test]
fn name_normalisation() {
    assert_eq!(
        normalise_name("Kim  Jong-un"),
        normalise_name("kim jong un")
    );
    assert_ne!(normalise_name("Kim Jong-il"), normalise_name("Kim Jong-un"));
}

#[test]
fn builtin_dictionaries_load_cleanly() {
    let l = builtin();
    let errs: Vec<String> = l.errors().map(|d| d.to_string()).collect();
    assert!(errs.is_empty(), "{errs:#?}");
    let s = stats::Stats::of(&l.dicts);
    assert!(
        s.actors > 0 && s.verb_entries > 0 && s.codebook_codes > 200,
        "{s}"
    );
}
