//! Loads the third-party PETRARCH dictionaries from `../shared`. Run with
//! `DYAD_CORPUS_TESTS=1 cargo test -p dyad-dict --test corpus`; without the variable these
//! tests do nothing, with it and without the data they fail.

use dyad_dict::{check::check, load_dir, stats::Stats, write, LoadOptions, Loaded, Severity};
use std::path::{Path, PathBuf};

fn shared(rel: &str) -> Option<PathBuf> {
    if std::env::var("DYAD_CORPUS_TESTS").as_deref() != Ok("1") {
        return None;
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    assert!(
        p.exists(),
        "DYAD_CORPUS_TESTS=1 but {} is missing",
        p.display()
    );
    Some(p)
}

/// Error diagnostics as `file-name:line`.
fn error_lines(l: &Loaded) -> Vec<String> {
    l.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            eprintln!("{d}");
            format!(
                "{}:{}",
                Path::new(&d.file).file_name().unwrap().to_string_lossy(),
                d.line
            )
        })
        .collect()
}

/// Lines that are wrong in the files themselves (checked by eye): impossible dates, a
/// missing code, junk after a code.
const PHOENIX_KNOWN_BAD: &[&str] = &[
    "Phoenix.Countries.actors.txt:2039", // [ARMUNR 9008223-911221]: 7-digit date
    "Phoenix.Countries.actors.txt:14190", // [EGYGOV 20121207-20120802]: ends before it starts
    "Phoenix.Countries.actors.txt:18010", // >201005011: 9-digit date
    "Phoenix.Countries.actors.txt:22508", // 1920030320: 10-digit date
    "Phoenix.Countries.actors.txt:22519", // same
    "Phoenix.Countries.actors.txt:31715", // [MNEGOV 20121204]: date without < > or range
    "Phoenix.Countries.actors.txt:43613", // 1920050709: 10-digit date
    "Phoenix.Countries.actors.txt:51384", // [USAGOV 19820101]: date without < > or range
    "Phoenix.International.actors.txt:40", // 2004017: 7-digit date
    "Phoenix.IssueCoding.txt:3053",      // `[NAMED_TERROR_GROUP]*******`
    "Phoenix.agents.txt:1927",           // ISLAMIC_EXTREMIST without a code
];

/// The validation suite's dictionaries contain deliberate junk to test PETRARCH's reader.
const VALIDATION_KNOWN_BAD: &[&str] = &[
    "PETR.Validate.actors.txt:112", // [+++]
    "PETR.Validate.verbs.txt:233",  // block code [+++]
    "PETR.Validate.verbs.txt:975",  // block code [025?]
    "PETR.Validate.verbs.txt:989",  // pattern code [+++]
    "PETR.Validate.verbs.txt:992",  // `[` never closed
    "PETR.Validate.verbs.txt:1051", // block code [023?]
];

#[test]
fn phoenix_dictionaries_load() {
    let Some(dir) = shared("petrarch2/dictionaries") else {
        return;
    };
    let l = load_dir(&dir, &LoadOptions::default()).expect("load");
    let s = Stats::of(&l.dicts);
    eprintln!("{s}");
    assert!(s.actor_names >= 15_000, "{} actor names", s.actor_names);
    assert!(s.dated_codes >= 20_000, "{} dated codes", s.dated_codes);
    assert!(s.patterns >= 4_000, "{} patterns", s.patterns);
    assert!(s.verb_lemmas >= 1_500, "{} verbs", s.verb_lemmas);
    assert!(s.agents >= 2_000, "{} agents", s.agents);
    assert!(s.sets >= 40, "{} sets", s.sets);
    assert!(s.discards >= 400, "{} discards", s.discards);
    assert!(s.issues >= 2_000, "{} issues", s.issues);
    assert!(s.codebook_codes > 200, "built-in codebook merged in");
    assert_eq!(error_lines(&l), PHOENIX_KNOWN_BAD);

    // Spot checks of features against the files.
    let d = &l.dicts;
    let karzai = d
        .actors
        .iter()
        .find(|a| a.name == "HAMID KARZAI")
        .expect("Karzai");
    assert!(karzai.dated.iter().any(|c| c.code == "AFGGOV"));
    let cordon = d
        .verbs
        .iter()
        .find(|v| v.lemmas.iter().any(|l| l == "cordon off"))
        .expect("cordon off");
    assert!(cordon.forms.contains(&"cordoned off".to_string()));
    assert!(d.sets.contains_key("currency") && d.sets["currency"].contains(&"dollars".to_string()));
    assert!(
        d.verbs
            .iter()
            .flat_map(|v| &v.patterns)
            .any(|p| p.reverse_code.is_some()),
        "paired codes"
    );

    // Everything converts to dyad's format and loads back without errors.
    let out = std::env::temp_dir().join(format!("dyad-dict-corpus-{}", std::process::id()));
    let (_files, skipped) = write::write_dir(&l.dicts, &out).expect("write");
    let back = load_dir(&out, &LoadOptions::default()).expect("reload");
    std::fs::remove_dir_all(&out).ok();
    let back_errors: Vec<_> = back.errors().map(|d| d.to_string()).take(10).collect();
    assert!(back_errors.is_empty(), "{back_errors:#?}");
    let b = Stats::of(&back.dicts);
    assert_eq!(
        b.actors + skipped.iter().filter(|s| s.contains("actor name")).count(),
        s.actors
    );
    let instances =
        |d: &dyad_dict::Dictionaries| d.verbs.iter().map(|v| v.patterns.len()).sum::<usize>();
    let skipped_patterns = skipped.iter().filter(|s| s.contains("pattern")).count();
    eprintln!("skipped: {skipped:#?}");
    assert_eq!(
        instances(&back.dicts) + skipped_patterns,
        instances(&l.dicts)
    );
    for (v, w) in l
        .dicts
        .verbs
        .iter()
        .zip(&back.dicts.verbs)
        .filter(|(v, w)| v.forms != w.forms)
        .take(5)
    {
        let extra: Vec<_> = w.forms.iter().filter(|f| !v.forms.contains(f)).collect();
        let missing: Vec<_> = v.forms.iter().filter(|f| !w.forms.contains(f)).collect();
        eprintln!("{:?}: extra {extra:?} missing {missing:?}", v.lemmas);
    }
    assert_eq!(b.verb_forms, s.verb_forms);
    let _ = check(&back.dicts);
}

#[test]
fn validation_dictionaries_load() {
    let Some(dir) = shared("petrarch2/validation/dictionaries") else {
        return;
    };
    let l = load_dir(&dir, &LoadOptions::default()).expect("load");
    let s = Stats::of(&l.dicts);
    eprintln!("{s}");
    assert!(s.actors >= 120, "{} actors", s.actors);
    assert!(s.patterns >= 450, "{} patterns", s.patterns);
    assert!(s.agents >= 80, "{} agents", s.agents);
    assert_eq!(s.discards, 9);
    assert_eq!(error_lines(&l), VALIDATION_KNOWN_BAD);
    let d = &l.dicts;
    // `!PERSON!` substitution: CONGRESS!PERSON! → CONGRESSMAN ... CONGRESSPERSON.
    let congress = d
        .agents
        .iter()
        .find(|a| a.name == "CONGRESSMAN")
        .expect("substituted agent");
    assert!(congress.names.contains(&"CONGRESSWOMEN".to_string()));
    assert!(
        d.agents.iter().any(|a| a.prefix),
        "[NGO~]-style prefix agent"
    );
    assert_eq!(
        d.discards
            .iter()
            .filter(|x| x.scope == dyad_dict::DiscardScope::Story)
            .count(),
        4
    );
}

#[test]
fn strict_load_fails_on_the_known_bad_lines() {
    let Some(dir) = shared("petrarch2/validation/dictionaries") else {
        return;
    };
    let err = load_dir(&dir, &LoadOptions { strict: true }).expect_err("strict");
    assert!(
        err.to_string().contains("PETR.Validate.actors.txt:112"),
        "{err}"
    );
}
