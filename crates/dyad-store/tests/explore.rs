//! The browsing queries behind `dyad serve`, `dyad timeline` and `dyad dyads`.
mod common;

use common::*;
use dyad_store::{Browse, DyadLevel, Period, Sort, Store};

fn filled() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    store.begin_batch().unwrap();
    for (d, e) in congratulation_pair() {
        store.add(&d, &e).unwrap();
    }
    // A later conflict between the same dyad, a month on.
    let d = doc("later", None, None, "2024-05-02", "Chinese President Xi Jinping accused Russian President Vladimir Putin of lying.");
    let e = vec![event(&d, 0, ("CHNGOV", "Chinese President Xi Jinping"), "112", ("RUSGOV", "Russian President Vladimir Putin"), "accused")];
    store.add(&d, &e).unwrap();
    store.commit().unwrap();
    drop(store);
    (dir, Store::open_read_only(&path).unwrap())
}

#[test]
fn browse_filters_sorts_and_pages() {
    let (_dir, store) = filled();
    let all = store.browse(&Browse::default()).unwrap();
    assert_eq!(all.total, 3);
    assert_eq!(all.events[0].event.code, "112", "newest first by default");
    let chn = Browse { source: Some("CHN".into()), sort: Sort::Date, ..Browse::default() };
    let page = store.browse(&chn).unwrap();
    assert_eq!(page.total, 2, "CHN prefix matches CHNGOV");
    assert_eq!(page.events[0].event.code, "057");
    let snip = &page.events[0].snippet;
    let verb: String = snip.sentence_text.chars().skip(snip.verb_span.unwrap().0).take(snip.verb_span.unwrap().1 - snip.verb_span.unwrap().0).collect();
    assert_eq!(verb, "congratulated");
    let q = Browse { text: Some("kremlin".into()), ..Browse::default() };
    assert_eq!(store.browse(&q).unwrap().events[0].event.code, "051");
    let quad = Browse { quad: Some(3), ..Browse::default() };
    assert_eq!(store.browse(&quad).unwrap().total, 1);
    let code = Browse { code: Some("05".into()), ..Browse::default() };
    assert_eq!(store.browse(&code).unwrap().total, 2);
    let paged = Browse { limit: 1, offset: 1, sort: Sort::Date, ..Browse::default() };
    let p = store.browse(&paged).unwrap();
    assert_eq!((p.total, p.events.len()), (3, 1));
    let codes = store.top_codes(&chn, 5).unwrap();
    assert_eq!(codes, [("057".to_string(), 1), ("112".to_string(), 1)]);
    let far = Browse { offset: dyad_store::MAX_OFFSET, ..Browse::default() };
    assert!(store.browse(&far).unwrap().events.is_empty());
    let to = Browse { to: Some(date("2024-04-01")), ..Browse::default() };
    assert_eq!(store.browse(&to).unwrap().total, 2);
}

#[test]
fn event_detail_has_mentions_and_article_text() {
    let (_dir, store) = filled();
    let id = store.browse(&Browse { code: Some("057".into()), ..Browse::default() }).unwrap().events[0].event.id;
    let d = store.event_detail(id).unwrap().unwrap();
    assert_eq!(d.mentions.len(), 2, "two articles of one deduplicated event");
    assert!(d.mentions[0].is_root);
    let m = &d.mentions[0];
    let verb: String = m.article.text.chars().skip(m.verb_start as usize).take((m.verb_end - m.verb_start) as usize).collect();
    assert_eq!(verb, "congratulated");
    assert!(store.event_detail(987654321).unwrap().is_none());
}

#[test]
fn timeline_by_month_fills_gaps_and_counts_quads() {
    let (_dir, store) = filled();
    let t = store.timeline(Some("CHN"), Some("RUS"), Period::Month).unwrap();
    let labels: Vec<_> = t.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(labels, ["2024-03", "2024-04", "2024-05"]);
    assert_eq!((t[0].events, t[0].quad.verbal_cooperation), (1, 1));
    assert_eq!((t[1].events, t[1].goldstein_mean), (0, None));
    assert_eq!((t[2].events, t[2].quad.verbal_conflict, t[2].goldstein_sum), (1, 1, -4.0));
    let json = serde_json::to_value(&t[2]).unwrap();
    assert_eq!(json["quad"]["3"], 1);
    assert_eq!(json["period"], "2024-05");
    let reverse = store.timeline(Some("RUS"), Some("CHN"), Period::Day).unwrap();
    assert_eq!(reverse.len(), 1);
    assert_eq!(reverse[0].period, "2024-03-20");
}

#[test]
fn dyads_and_actors() {
    let (_dir, store) = filled();
    let d = store.dyads(10, DyadLevel::Country).unwrap();
    assert_eq!((d[0].source.as_str(), d[0].target.as_str(), d[0].events), ("CHN", "RUS", 2));
    assert_eq!((d[0].cooperation, d[0].conflict), (1, 1));
    let codes = store.dyads(10, DyadLevel::Code).unwrap();
    assert_eq!(codes[0].source, "CHNGOV");
    let a = store.actor("RUS", 10).unwrap();
    assert_eq!((a.as_source, a.as_target), (1, 2));
    assert_eq!(a.partners[0].code, "CHNGOV");
    assert_eq!(a.names[0].0, "RUSSIAN PRESIDENT VLADIMIR PUTIN");
    assert_eq!(store.resolve_actor("putin").unwrap().as_deref(), Some("RUSGOV"));
    assert_eq!(store.resolve_actor("chn").unwrap().as_deref(), Some("CHN"));
    assert_eq!(store.resolve_actor("nobody at all").unwrap(), None);
}

#[test]
fn migration_adds_the_browsing_indexes() {
    let (dir, _store) = filled();
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for want in ["events_dyad_date", "events_target_date", "events_root_date", "events_quad_date"] {
        assert!(names.iter().any(|n| n == want), "{names:?}");
    }
    let version: i64 = conn.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, dyad_store::SCHEMA_VERSION);
}

/// Turn a current database back into schema version 2 (as an older dyad wrote it, before the
/// browsing indexes).
fn downgrade_to_v2(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER event_text_root; DROP TRIGGER event_text_gone; DROP TABLE event_text;
         DROP INDEX events_dyad_date; DROP INDEX events_target_date; DROP INDEX events_root_date;
         DROP INDEX events_code_date; DROP INDEX events_quad_date;
         CREATE INDEX events_source ON events(source); CREATE INDEX events_target ON events(target);
         DELETE FROM schema_version WHERE version > 2;",
    )
    .unwrap();
}

#[test]
fn migrating_an_existing_database_fills_the_search_text() {
    let (dir, store) = filled();
    drop(store);
    let path = dir.path().join("t.db");
    downgrade_to_v2(&path);
    let err = Store::open_read_only(&path).err().expect("a v2 database needs upgrading first");
    assert!(err.to_string().contains("upgrading"), "{err}");
    drop(Store::open(&path).unwrap());
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.browse(&Browse::default()).unwrap().total, 3, "events kept");
    let q = Browse { text: Some("kremlin".into()), ..Browse::default() };
    assert_eq!(store.browse(&q).unwrap().total, 1, "search text backfilled");
}

#[test]
fn search_text_follows_recode() {
    let (dir, store) = filled();
    drop(store);
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    // Re-code each article into one event made of the first three words of its first sentence.
    store
        .recode(None, |doc| {
            let first = doc.sentence_text(&doc.sentences[0]).to_string();
            let w: Vec<&str> = first.split_whitespace().take(3).collect();
            vec![event(doc, 0, ("AAA", w[0]), "010", ("BBB", w[1]), w[2])]
        })
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (events, texts): (i64, i64) = conn
        .query_row("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_text)", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(events, texts, "one search text per event after recode");
}
