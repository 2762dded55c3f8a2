//! End-to-end tests of the store API: adding, idempotence, deduplication, recode, queries,
//! bad databases.
mod common;

use common::*;
use dyad_store::{content_hash, Dedup, Filter, Options, Store, StoreError};
use std::time::Duration;

fn fill(store: &mut Store) {
    store.begin_batch().unwrap();
    for (d, e) in congratulation_pair() {
        assert!(store.add(&d, &e).unwrap().new);
    }
    store.commit().unwrap();
}

#[test]
fn same_congratulation_from_two_sources_is_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    fill(&mut store);
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
    let congrats = events.iter().find(|e| e.code == "057").unwrap();
    assert_eq!(
        (
            congrats.num_mentions,
            congrats.num_articles,
            congrats.num_sources
        ),
        (2, 2, 2)
    );
    assert_eq!(
        congrats.source_url, "https://www.upi.com/a/1",
        "root is the first article seen"
    );
    assert_eq!(congrats.source_name, "CHINESE PRESIDENT XI JINPING");
    assert!(congrats.is_root, "found in the lead paragraph");
    assert_eq!(congrats.plover_type.as_deref(), Some("SUPPORT"));
    let thanks = events.iter().find(|e| e.code == "051").unwrap();
    assert_eq!(
        (thanks.num_mentions, thanks.num_articles, thanks.num_sources),
        (1, 1, 1)
    );
    assert!(!thanks.is_root, "second paragraph");

    let mentions = store.mentions_of(congrats.id).unwrap();
    assert_eq!(mentions.len(), 2);
    assert!(mentions[0].is_root && !mentions[1].is_root);
    assert_eq!(
        mentions[1].article_url.as_deref(),
        Some("https://news.example.org/x/7")
    );
    assert_eq!(
        mentions[0].source_start,
        Some(UPI_TEXT.find("Chinese").unwrap() as i64)
    );
}

#[test]
fn same_source_twice_counts_one_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let mut pair = congratulation_pair();
    pair[1].0.url = Some("https://upi.com/other/9".into());
    for (d, e) in &pair {
        store.add(d, e).unwrap();
    }
    let e = store
        .events(&Filter {
            root: Some("05".into()),
            ..Filter::default()
        })
        .unwrap();
    let c = e.iter().find(|e| e.code == "057").unwrap();
    assert_eq!(
        (c.num_articles, c.num_sources),
        (2, 1),
        "upi.com and www.upi.com are one source"
    );
}

#[test]
fn two_mentions_in_one_article_count_once_as_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let d = doc(
        "a",
        None,
        Some("AP"),
        "2024-01-02",
        "Iran accused Israel. Later Iran accused Israel again.",
    );
    let ev = vec![
        event(&d, 0, ("IRN", "Iran"), "112", ("ISR", "Israel"), "accused"),
        event(&d, 1, ("IRN", "Iran"), "112", ("ISR", "Israel"), "accused"),
    ];
    store.add(&d, &ev).unwrap();
    let e = store.events(&Filter::default()).unwrap();
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].num_mentions, e[0].num_articles, e[0].num_sources),
        (2, 1, 1)
    );
    assert_eq!(
        e[0].source_url, "a",
        "no URL: the article id is the citation"
    );
}

#[test]
fn dedup_none_keeps_every_mention_apart() {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options {
        dedup: Some(Dedup::None),
        ..Options::default()
    };
    let mut store = Store::open_with(dir.path().join("t.db"), &opts).unwrap();
    fill(&mut store);
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 3);
    assert!(events
        .iter()
        .all(|e| e.num_mentions == 1 && e.num_articles == 1));
    drop(store);
    // The rule belongs to the database.
    let err = Store::open_with(
        dir.path().join("t.db"),
        &Options {
            dedup: Some(Dedup::Day),
            ..Options::default()
        },
    );
    assert!(
        matches!(err, Err(StoreError::DedupMismatch { .. })),
        "{:?}",
        err.err()
    );
    assert_eq!(
        Store::open(dir.path().join("t.db")).unwrap().dedup(),
        Dedup::None
    );
}

#[test]
fn rerunning_the_same_input_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    fill(&mut store);
    let before = store.stats(10).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    for (d, e) in congratulation_pair() {
        assert!(store.has_article(&content_hash(&d)).unwrap());
        let added = store.add(&d, &e).unwrap();
        assert!(!added.new);
        assert_eq!(added.mentions, 0);
    }
    let after = store.stats(10).unwrap();
    assert_eq!(before, after);
    assert_eq!((after.articles, after.events, after.mentions), (2, 2, 3));
    assert_eq!(after.sentences, 4);
    assert_eq!(
        after.actor_mentions, 6,
        "Xi and Putin in both articles, Kremlin and Beijing in one"
    );
}

#[test]
fn stored_document_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let (mut d, e) = congratulation_pair().remove(0);
    d.author = Some("Jane Roe".into());
    d.notes = vec!["decoded as windows-1252".into()];
    let added = store.add(&d, &e).unwrap();
    let back = store.document(added.article).unwrap();
    assert_eq!(back, d);
}

#[test]
fn recode_replaces_events_from_stored_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    fill(&mut store);
    // A "changed dictionary": every sentence mentioning "congratulated" is now code 051 (praise).
    let recoded = store
        .recode(None, |doc| {
            doc.sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| doc.sentence_text(s).contains("congratulated"))
                .map(|(i, _)| {
                    event(
                        doc,
                        i,
                        ("CHNGOV", "Xi Jinping"),
                        "051",
                        ("RUSGOV", "Vladimir Putin"),
                        "congratulated",
                    )
                })
                .collect()
        })
        .unwrap();
    assert_eq!(
        (recoded.articles, recoded.mentions, recoded.events),
        (2, 2, 1)
    );
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].code, "051");
    assert_eq!(events[0].num_articles, 2);
    let s = store.stats(5).unwrap();
    assert_eq!((s.articles, s.mentions, s.actor_mentions), (2, 2, 4));

    // Recode can change the rule too.
    let r = store.recode(Some(Dedup::None), |doc| {
        vec![event(
            doc,
            0,
            ("CHNGOV", "Xi Jinping"),
            "057",
            ("RUSGOV", "Vladimir Putin"),
            "congratulated",
        )]
    });
    assert_eq!(r.unwrap().events, 2);
    assert_eq!(store.dedup(), Dedup::None);
}

#[test]
fn filters_select_by_date_actor_and_root() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    fill(&mut store);
    let d = doc(
        "later",
        None,
        Some("afp"),
        "2024-05-01",
        "Israel attacked Hamas.",
    );
    let e = vec![event(
        &d,
        0,
        ("ISRMIL", "Israel"),
        "190",
        ("PSEREB", "Hamas"),
        "attacked",
    )];
    store.add(&d, &e).unwrap();
    let count = |f: Filter| store.events(&f).unwrap().len();
    assert_eq!(count(Filter::default()), 3);
    assert_eq!(
        count(Filter {
            from: Some(date("2024-04-01")),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            to: Some(date("2024-03-20")),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            actor: Some("rus".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            actor: Some("PSE".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            root: Some("5".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            root: Some("19".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            limit: Some(1),
            ..Filter::default()
        }),
        1
    );
    let s = store.stats(1).unwrap();
    assert_eq!(s.by_quad, vec![(1, 2, 3), (4, 1, 1)]);
    assert_eq!(s.top_dyads.len(), 1);
    assert_eq!(
        (s.first_date.as_deref(), s.last_date.as_deref()),
        (Some("2024-03-20"), Some("2024-05-01"))
    );
}

#[test]
fn event_ids_are_stable_across_databases() {
    let dir = tempfile::tempdir().unwrap();
    let ids = |name: &str, reverse: bool| {
        let mut store = Store::open(dir.path().join(name)).unwrap();
        let mut pair = congratulation_pair();
        if reverse {
            pair.reverse();
        }
        for (d, e) in &pair {
            store.add(d, e).unwrap();
        }
        let mut ids: Vec<i64> = store
            .events(&Filter::default())
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("a.db", false), ids("b.db", true));
}

// ---- bad databases ----

#[test]
fn a_text_file_is_not_a_database_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let content = "These are my notes, not a database.\n".repeat(100);
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).err().expect("must fail");
    assert!(matches!(err, StoreError::NotDyad { .. }), "{err}");
    assert!(
        err.to_string().contains("notes.txt"),
        "names the file: {err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
}

#[test]
fn a_foreign_sqlite_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x');")
        .unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("must fail");
    assert!(matches!(err, StoreError::NotDyad { .. }), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    fill(&mut Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO schema_version (version, applied) VALUES (99, 'future')",
        [],
    )
    .unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("must fail");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer"), "{err}");
    assert!(Store::open_read_only(&path).is_err());
}

#[test]
fn a_missing_database_is_an_error_for_readers() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open_read_only(dir.path().join("nope.db"))
        .err()
        .expect("must fail");
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    assert!(!dir.path().join("nope.db").exists());
}

#[test]
fn a_locked_database_gives_a_clear_error_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let pair = congratulation_pair();
    let mut first = Store::open(&path).unwrap();
    first.add(&pair[0].0, &pair[0].1).unwrap();
    first.begin_batch().unwrap(); // holds the write lock
    let opts = Options {
        busy_timeout: Some(Duration::from_millis(100)),
        ..Options::default()
    };
    let mut second = Store::open_with(&path, &opts).unwrap();
    let err = second
        .add(&pair[1].0, &pair[1].1)
        .expect_err("must fail while locked");
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("locked"));
    first.commit().unwrap();
    assert!(
        second.add(&pair[1].0, &pair[1].1).unwrap().new,
        "works once the lock is gone"
    );
    assert_eq!(second.stats(1).unwrap().articles, 2);
}

#[test]
fn writing_through_a_read_only_handle_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let pair = congratulation_pair();
    Store::open(&path)
        .unwrap()
        .add(&pair[0].0, &pair[0].1)
        .unwrap();
    let mut ro = Store::open_read_only(&path).unwrap();
    let err = ro.add(&pair[1].0, &pair[1].1).expect_err("must fail");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert_eq!(ro.stats(1).unwrap().articles, 1);
}

#[test]
fn a_full_disk_rolls_back_the_batch_and_keeps_what_was_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let pair = congratulation_pair();
    Store::open(&path)
        .unwrap()
        .add(&pair[0].0, &pair[0].1)
        .unwrap();
    let pages = {
        let s = Store::open_read_only(&path).unwrap();
        s.page_count().unwrap()
    };
    // Cap the file at its current size: the next article cannot fit.
    let opts = Options {
        max_pages: Some(pages),
        ..Options::default()
    };
    let mut store = Store::open_with(&path, &opts).unwrap();
    store.begin_batch().unwrap();
    let big = doc(
        "big",
        Some("https://big.example/1"),
        None,
        "2024-03-21",
        &"Words fill the page. ".repeat(2000),
    );
    let err = store.add(&big, &[]).expect_err("must fail: disk full");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert!(err.to_string().contains("t.db"));
    drop(store);
    let s = Store::open(&path).unwrap();
    let stats = s.stats(1).unwrap();
    assert_eq!((stats.articles, stats.mentions), (1, 2));
}

#[test]
fn incremental_counts_match_a_full_recount() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let outlets = [None, Some("AP"), Some("Reuters")];
    store.begin_batch().unwrap();
    for i in 0..60 {
        let url = format!("https://site{}.example/{i}", i % 4);
        let d = doc(
            &format!("d{i}"),
            Some(&url),
            outlets[i % 3],
            "2024-06-01",
            "Iran accused Israel. Israel accused Iran. Iran accused Israel.",
        );
        let mut ev = vec![event(
            &d,
            0,
            ("IRN", "Iran"),
            "112",
            ("ISR", "Israel"),
            "accused",
        )];
        if i % 2 == 0 {
            ev.push(event(
                &d,
                2,
                ("IRN", "Iran"),
                "112",
                ("ISR", "Israel"),
                "accused",
            ));
        }
        if i % 5 == 0 {
            ev.push(event(
                &d,
                1,
                ("ISR", "Israel"),
                "112",
                ("IRN", "Iran"),
                "accused",
            ));
        }
        store.add(&d, &ev).unwrap();
    }
    store.commit().unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mismatches: i64 = conn
        .query_row(
            "SELECT count(*) FROM events e WHERE
                num_mentions != (SELECT count(*) FROM mentions m WHERE m.event = e.id) OR
                num_articles != (SELECT count(DISTINCT article) FROM mentions m WHERE m.event = e.id) OR
                num_sources  != (SELECT count(DISTINCT a.source_name) FROM mentions m
                                 JOIN articles a ON a.id = m.article WHERE m.event = e.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatches, 0);
    let (mentions, articles, sources): (i64, i64, i64) = conn
        .query_row(
            "SELECT num_mentions, num_articles, num_sources FROM events WHERE source = 'IRN'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    // 60 articles, 30 with a second mention; sources: AP, Reuters, and site0..site3 hosts for
    // the articles without a source field (i % 3 == 0 → i % 4 takes all four values).
    assert_eq!((mentions, articles, sources), (90, 60, 6));
}

fn moscow() -> dyad_doc::Location {
    dyad_doc::Location {
        name: "Moscow".into(),
        country: "RU".into(),
        fips: "RS".into(),
        adm1: "RS48".into(),
        lat: 55.7522,
        lon: 37.6156,
        geonames_id: Some(524901),
        geo_type: 4,
        from: "sentence".into(),
        span: None,
    }
}

#[test]
fn a_version_1_database_upgrades_in_place_losing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    fill(&mut Store::open(&path).unwrap());
    let before = Store::open_read_only(&path).unwrap().stats(10).unwrap();
    // Turn it back into a version-1 file: drop what versions 3 and 2 added.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER event_text_root; DROP TRIGGER event_text_gone; DROP TABLE event_text;
         DROP INDEX events_dyad_date; DROP INDEX events_target_date; DROP INDEX events_root_date;
         DROP INDEX events_code_date; DROP INDEX events_quad_date;
         CREATE INDEX events_source ON events(source); CREATE INDEX events_target ON events(target);",
    )
    .unwrap();
    for c in [
        "location_country", "location_fips", "location_adm1", "location_lat", "location_lon",
        "location_geonames_id", "location_type", "location_from", "source_location", "target_location",
    ] {
        conn.execute_batch(&format!("ALTER TABLE events DROP COLUMN {c}")).unwrap();
    }
    conn.execute("DELETE FROM schema_version WHERE version > 1", []).unwrap();
    conn.execute("UPDATE events SET location = 'Seoul'", []).unwrap();
    drop(conn);
    assert!(Store::open_read_only(&path).is_err(), "an old schema is upgraded by a writer, not read as is");

    let mut store = Store::open(&path).unwrap();
    let after = store.stats(10).unwrap();
    assert_eq!(after.schema_version, dyad_store::SCHEMA_VERSION);
    assert_eq!(
        (after.articles, after.sentences, after.events, after.mentions, after.actor_mentions),
        (before.articles, before.sentences, before.events, before.mentions, before.actor_mentions)
    );
    assert_eq!(after.by_root, before.by_root);
    let events = store.events(&Filter::default()).unwrap();
    assert!(events.iter().all(|e| e.location.as_ref().is_some_and(|l| l.name == "Seoul" && l.lat == 0.0)));
    // New events carry the whole location.
    let mut pair = congratulation_pair();
    let (d, mut evs) = pair.remove(0);
    let mut d = d;
    d.id = "upi-2".into();
    d.text.push_str(" Again.");
    evs[0].location = Some(moscow());
    evs[0].date = Some(date("2018-04-01")); // a new event, not a mention of a stored one
    store.add(&d, &evs).unwrap();
    let events = store.events(&Filter::default()).unwrap();
    assert!(events.iter().any(|e| e.location == Some(dyad_doc::Location { span: None, ..moscow() })));
}

#[test]
fn gdelt_export_fills_the_geo_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let mut pair = congratulation_pair();
    let (d, mut evs) = pair.remove(0);
    evs[0].location = Some(moscow());
    evs[0].source_location = Some(dyad_doc::Location { from: "actor".into(), ..moscow() });
    store.add(&d, &evs).unwrap();
    let mut out = Vec::new();
    dyad_store::export(&store, dyad_store::Format::Gdelt, &Filter::default(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let row: Vec<&str> = text.lines().find(|l| l.contains("Moscow")).expect("the located event").split('\t').collect();
    assert_eq!(row.len(), 61);
    // Actor1Geo 35..43, Actor2Geo 43..51, ActionGeo 51..59 (0-based).
    assert_eq!(&row[51..59], &["4", "Moscow, RU", "RS", "RS48", "", "55.7522", "37.6156", "524901"]);
    assert_eq!(row[35], "4");
    assert_eq!(row[43], "0", "no place for the target");
    let mut csv = Vec::new();
    dyad_store::export(&store, dyad_store::Format::Csv, &Filter::default(), &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.lines().next().unwrap().contains("location_lat"));
    assert!(csv.contains("55.7522"));
}
