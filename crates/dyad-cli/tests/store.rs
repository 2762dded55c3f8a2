//! `dyad stats|events|export|recode` against a database coded from a small fixture with the
//! built-in dictionaries: the same congratulation reported by two outlets is one event.
use dyad_store::{Filter, Store};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store_congratulation.jsonl")
}

/// Code the fixture into a new database with `dyad code --db`, twice: the second run must add
/// nothing (articles are keyed by content hash).
fn coded_db(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    let fixture = fixture();
    let args = ["code", "--format=none", "--db", db.to_str().unwrap(), fixture.to_str().unwrap()];
    let (ok, _, err) = dyad(&args);
    assert!(ok, "{err}");
    assert!(err.contains("stored 2 new article(s)"), "{err}");
    let (ok, _, err) = dyad(&args);
    assert!(ok, "{err}");
    assert!(err.contains("stored 0 new article(s) with 0 events in") && err.contains("(2 already there)"), "{err}");
    db
}

fn dyad(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn congratulation_from_two_outlets_is_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = coded_db(dir.path());
    let store = Store::open_read_only(&db).unwrap();
    let events = store.events(&Filter::default()).unwrap();
    let congrats: Vec<_> = events
        .iter()
        .filter(|e| e.root == "05" || e.root == "01" || e.root == "03")
        .collect();
    let merged: Vec<_> = events.iter().filter(|e| e.num_articles == 2).collect();
    assert!(
        !merged.is_empty(),
        "the shared sentence's event merges across the two articles: {events:#?}"
    );
    for e in &merged {
        assert_eq!(e.num_sources, 2, "upi.com and example wire: {e:?}");
        assert_eq!(
            e.source_url, "https://www.upi.com/Top_News/World-News/kim-congratulates-putin/",
            "root = first seen"
        );
        assert!(
            e.source.starts_with("PRK")
                || e.target.starts_with("PRK")
                || e.source.starts_with("RUS"),
            "{e:?}"
        );
    }
    assert!(!congrats.is_empty(), "{events:#?}");
}

#[test]
fn stats_events_and_every_export_format_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = coded_db(dir.path());
    let db_s = db.to_str().unwrap();

    let (ok, out, err) = dyad(&["stats", "--db", db_s]);
    assert!(ok, "{err}");
    assert!(out.contains("articles      2"), "{out}");
    assert!(out.contains("by quad class"), "{out}");

    let (ok, out, err) = dyad(&["events", "--db", db_s, "--mentions"]);
    assert!(ok, "{err}");
    assert!(out.lines().next().unwrap().starts_with("date"), "{out}");
    assert!(out.contains("2018-03-20"), "{out}");
    assert!(
        out.contains("newswire.example.com/asia/88"),
        "mentions list the second article: {out}"
    );

    for (format, check) in [
        (
            "gdelt",
            Box::new(|s: &str| s.lines().all(|l| l.split('\t').count() == 61))
                as Box<dyn Fn(&str) -> bool>,
        ),
        (
            "gdelt-mentions",
            Box::new(|s: &str| s.lines().all(|l| l.split('\t').count() == 16)),
        ),
        (
            "jsonl",
            Box::new(|s: &str| {
                s.lines()
                    .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
            }),
        ),
        (
            "csv",
            Box::new(|s: &str| s.starts_with("global_event_id,date,")),
        ),
    ] {
        let (ok, out, err) = dyad(&["export", "--db", db_s, "--format", format]);
        assert!(ok, "{format}: {err}");
        assert!(!out.is_empty() && check(&out), "{format}: {out}");
    }
    let pq = dir.path().join("e.parquet");
    let (ok, _, err) = dyad(&[
        "export",
        "--db",
        db_s,
        "--format",
        "parquet",
        "-o",
        pq.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let bytes = std::fs::read(&pq).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));

    // Filters narrow.
    let (ok, out, _) = dyad(&[
        "export",
        "--db",
        db_s,
        "--format",
        "gdelt",
        "--from",
        "2019-01-01",
    ]);
    assert!(ok && out.is_empty(), "{out}");
}

#[test]
fn recode_replaces_events_and_can_change_the_dedup_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = coded_db(dir.path());
    let before = Store::open_read_only(&db).unwrap().stats(5).unwrap();
    let (ok, _, err) = dyad(&["recode", "--db", db.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(err.contains("recoded 2 articles"), "{err}");
    let after = Store::open_read_only(&db).unwrap().stats(5).unwrap();
    assert_eq!(
        (before.events, before.mentions),
        (after.events, after.mentions),
        "same dictionaries, same events"
    );

    let (ok, _, err) = dyad(&["recode", "--db", db.to_str().unwrap(), "--dedup", "none"]);
    assert!(ok, "{err}");
    let none = Store::open_read_only(&db).unwrap().stats(5).unwrap();
    assert_eq!(none.dedup, "none");
    assert_eq!(none.events, none.mentions, "every mention its own event");
    assert!(
        none.events > after.events,
        "the merged congratulation splits again"
    );
}

#[test]
fn bad_databases_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database\n".repeat(50)).unwrap();
    let (ok, _, err) = dyad(&["stats", "--db", text.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("notes.txt") && err.contains("not a dyad database"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "not a database\n".repeat(50)
    );

    let missing = dir.path().join("missing.db");
    let (ok, _, err) = dyad(&["events", "--db", missing.to_str().unwrap()]);
    assert!(!ok && err.contains("no such database"), "{err}");
    assert!(!missing.exists(), "queries never create a database");

    let db = coded_db(dir.path());
    let (ok, _, err) = dyad(&["export", "--db", db.to_str().unwrap(), "--format", "xlsx"]);
    assert!(!ok && err.contains("gdelt-mentions"), "{err}");
}

// ---- with ../shared (DYAD_CORPUS_TESTS=1; fails loudly when the data is missing) ----

fn corpus_tests() -> bool {
    std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1")
}

#[test]
fn seeds_store_query_and_export() {
    if !corpus_tests() {
        eprintln!("SKIPPED: set DYAD_CORPUS_TESTS=1 to run against ../shared/seeds");
        return;
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let files = [
        ("000_d22c485f5553405d.txt", "2018-08-16"),
        ("001_97ff7f5491bc3784.txt", "2018-03-20"),
    ];
    for (f, _) in files {
        assert!(
            seeds.join(f).exists(),
            "DYAD_CORPUS_TESTS=1 but {} is missing",
            seeds.join(f).display()
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    // What a user runs: `dyad code --date D SEED` into the same database; returns the number of
    // new articles the runs reported.
    let code_seeds = || {
        let mut new = 0;
        for (f, date) in files {
            let seed = seeds.join(f);
            let args = ["code", "--format=none", "--db", db.to_str().unwrap(), "--date", date, seed.to_str().unwrap()];
            let (ok, _, err) = dyad(&args);
            assert!(ok, "{err}");
            new += err.contains("stored 1 new article(s)") as usize;
        }
        new
    };
    assert_eq!(code_seeds(), 2);
    let first = Store::open_read_only(&db).unwrap().stats(5).unwrap();
    assert_eq!(code_seeds(), 0, "re-running the same input adds nothing");
    let again = Store::open_read_only(&db).unwrap().stats(5).unwrap();
    assert_eq!(first, again);
    assert_eq!(first.articles, 2);
    assert!(first.events > 0, "the seeds code to events: {first:?}");
    let events = Store::open_read_only(&db)
        .unwrap()
        .events(&Filter {
            actor: Some("PRK".into()),
            ..Filter::default()
        })
        .unwrap();
    assert!(
        !events.is_empty(),
        "the UPI seed has North Korea congratulating Russia"
    );

    let db_s = db.to_str().unwrap();
    let (ok, out, err) = dyad(&["stats", "--db", db_s]);
    assert!(ok && out.contains("articles      2"), "{out}{err}");
    let (ok, out, err) = dyad(&["events", "--db", db_s]);
    assert!(ok && out.lines().count() > 1, "{out}{err}");
    for format in ["gdelt", "gdelt-mentions", "jsonl", "csv"] {
        let (ok, out, err) = dyad(&["export", "--db", db_s, "--format", format]);
        assert!(ok && !out.is_empty(), "{format}: {err}");
    }
    let (ok, out, _) = dyad(&["export", "--db", db_s, "--format", "gdelt"]);
    assert!(ok && out.lines().all(|l| l.split('\t').count() == 61));
}
