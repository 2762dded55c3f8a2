//! Crash safety: a writer killed with SIGKILL at several points leaves a database that opens,
//! and re-running the same input completes it to exactly the state of an uninterrupted run.
//!
//! The writer is this test binary itself, re-run with `--ignored --exact writer_child` and the
//! database path in an environment variable.
mod common;

use common::*;
use dyad_doc::{Document, Event};
use dyad_store::Store;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_DB: &str = "DYAD_STORE_KILL_CHILD_DB";
const ARTICLES: usize = 2000;
const BATCH: usize = 25;

const ACTORS: [(&str, &str); 6] = [
    ("USAGOV", "Washington"),
    ("RUSGOV", "Moscow"),
    ("CHNGOV", "Beijing"),
    ("IGOUNO", "the United Nations"),
    ("PRKMIL", "Pyongyang's army"),
    ("ISR", "Israel"),
];
const VERBS: [(&str, &str); 4] = [
    ("057", "praised"),
    ("112", "accused"),
    ("190", "attacked"),
    ("042", "visited"),
];

/// Article `i` of a generated corpus: events repeat across articles so deduplication merges them.
fn article(i: usize) -> (Document, Vec<Event>) {
    let (s, t) = (ACTORS[i % 6], ACTORS[(i / 6 + 1 + i % 6) % 6]);
    let (v, w) = (VERBS[i % 4], VERBS[(i / 4) % 4]);
    let text = format!(
        "{} {} {} in statement {i}. Officials met.\n\n{} {} {} later.",
        s.1, v.1, t.1, t.1, w.1, s.1
    );
    let day = format!("2024-02-{:02}", 1 + i % 20);
    let url = format!("https://site{}.example/story/{i}", i % 9);
    let d = doc(&format!("gen-{i}"), Some(&url), None, &day, &text);
    let events = vec![event(&d, 0, s, v.0, t, v.1), event(&d, 2, t, w.0, s, w.1)];
    (d, events)
}

#[test]
#[ignore = "run by killed_runs_complete_to_the_uninterrupted_state as a child process"]
fn writer_child() {
    let db = std::env::var(CHILD_DB)
        .expect("writer_child is started by the kill test with its database path");
    let mut store = Store::open(&db).unwrap();
    store.set_stamp("20260101000000");
    let ids: Vec<usize> = (0..ARTICLES).collect();
    for chunk in ids.chunks(BATCH) {
        store.begin_batch().unwrap();
        for &i in chunk {
            let (d, e) = article(i);
            store.add(&d, &e).unwrap();
        }
        store.commit().unwrap();
    }
}

fn spawn_writer(db: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["writer_child", "--exact", "--ignored", "--test-threads=1"])
        .env(CHILD_DB, db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn articles_in(db: &Path) -> i64 {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    rusqlite::Connection::open_with_flags(db, flags)
        .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
        .unwrap_or(0)
}

/// Row counts and a SHA-256 over every row of every data table, in key order.
fn fingerprint(db: &Path) -> (Vec<(String, i64)>, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut counts = Vec::new();
    let mut h = Sha256::new();
    for table in [
        "articles",
        "sentences",
        "events",
        "mentions",
        "actor_mentions",
        "dyad_meta",
    ] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let width = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut n = 0;
        while let Some(r) = rows.next().unwrap() {
            for i in 0..width {
                let v: rusqlite::types::Value = r.get(i).unwrap();
                h.update(format!("{v:?}\u{1f}").as_bytes());
            }
            h.update(b"\n");
            n += 1;
        }
        counts.push((table.to_string(), n));
    }
    (counts, format!("{:?}", h.finalize().as_slice()))
}

#[test]
fn killed_runs_complete_to_the_uninterrupted_state() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.db");
    assert!(
        spawn_writer(&reference).wait().unwrap().success(),
        "uninterrupted writer failed"
    );
    let expected = fingerprint(&reference);
    assert_eq!(expected.0[0], ("articles".to_string(), ARTICLES as i64));
    let events = expected.0[2].1;
    assert!(
        events < 2 * ARTICLES as i64,
        "generated events repeat and must merge ({events})"
    );

    let victim = dir.path().join("victim.db");
    let mut mid_run_kills = 0;
    // Kill right after start, then when the database holds this many articles.
    for threshold in [0, 150, 800, 1500, 1900] {
        let mut child = spawn_writer(&victim);
        let started = Instant::now();
        if threshold == 0 {
            std::thread::sleep(Duration::from_millis(15));
        } else {
            while articles_in(&victim) < threshold
                && child.try_wait().unwrap().is_none()
                && started.elapsed() < Duration::from_secs(120)
            {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        let stored = articles_in(&victim);
        if stored > 0 && stored < ARTICLES as i64 {
            mid_run_kills += 1;
        }
        assert_eq!(
            stored % BATCH as i64,
            0,
            "whole batches or nothing ({stored} articles)"
        );
        // Opens, passes SQLite's integrity check.
        let store = Store::open(&victim).expect("a killed run's database opens");
        drop(store);
        let conn = rusqlite::Connection::open(&victim).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
    assert!(
        mid_run_kills >= 2,
        "only {mid_run_kills} kills landed mid-run"
    );
    assert!(spawn_writer(&victim).wait().unwrap().success());
    assert_eq!(fingerprint(&victim), expected);
}
