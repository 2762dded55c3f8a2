//! The JSON API's shapes and meaning (docs/serve.md), over a running server.
mod common;

use common::*;

#[test]
fn events_list_filters_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    let r = get(addr, "/api/events");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    assert_eq!(v["total"], 2, "the two reports of the congratulation are one event");
    let first = &v["events"][0];
    assert_eq!(first["code"], "138", "newest first");
    for field in ["id", "date", "source", "target", "code", "root", "quad_class", "goldstein", "source_name", "target_name",
        "num_mentions", "num_articles", "num_sources", "sentence_text", "verb_span", "source_span", "target_span"] {
        assert!(first.get(field).is_some(), "missing {field}: {first}");
    }
    let congrats = get(addr, "/api/events?source=PRK&target=RUS&q=CONGRATULATED").json();
    assert_eq!(congrats["total"], 1);
    let e = &congrats["events"][0];
    assert_eq!((e["num_mentions"].as_i64(), e["num_articles"].as_i64()), (Some(2), Some(2)));
    let text = e["sentence_text"].as_str().unwrap();
    let verb = e["verb_span"].as_array().unwrap();
    let (a, b) = (verb[0].as_u64().unwrap() as usize, verb[1].as_u64().unwrap() as usize);
    assert_eq!(text.chars().skip(a).take(b - a).collect::<String>(), "congratulated");
    for (query, total) in [
        ("root=13", 1), ("root=5", 1), ("code=05", 1), ("code=051", 1), ("quad=3", 1), ("quad=1", 1),
        ("from=2018-04-01", 1), ("to=2018-03-20", 1), ("from=2018-03-21&to=2018-06-01", 0), ("source=RUSGOV", 0),
        ("source=rus", 1), ("target=PRK", 1), ("q=sanctions", 1),
    ] {
        assert_eq!(get(addr, &format!("/api/events?{query}")).json()["total"], total, "{query}");
    }
    let sorted = get(addr, "/api/events?sort=goldstein").json();
    assert_eq!(sorted["events"][0]["code"], "138");
    let paged = get(addr, "/api/events?limit=1&offset=1&sort=date").json();
    assert_eq!((paged["total"].as_u64(), paged["events"][0]["code"].as_str()), (Some(2), Some("138")));
    let bad = get(addr, "/api/events?sort=sideways");
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].as_str().unwrap().starts_with("sort: must be one of"));
    assert_eq!(get(addr, "/api/events?from=2018-05-01&to=2018-01-01").status, 400);
}

#[test]
fn one_event_has_evidence_article_text_and_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    let id = get(addr, "/api/events?code=051").json()["events"][0]["id"].as_i64().unwrap();
    let v = get(addr, &format!("/api/events/{id}")).json();
    assert_eq!(v["id"], id);
    assert_eq!(v["code_name"], "Praise or endorse");
    let mentions = v["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[0]["is_root"], true);
    let m = &mentions[0];
    let text = m["article"]["text"].as_str().unwrap();
    let cut = |a: &str, b: &str| -> String {
        let (a, b) = (m[a].as_u64().unwrap() as usize, m[b].as_u64().unwrap() as usize);
        text.chars().skip(a).take(b - a).collect()
    };
    assert_eq!(cut("verb_start", "verb_end"), "congratulated");
    assert_eq!(cut("source_start", "source_end"), "North Korean leader Kim Jong Un");
    assert_eq!(cut("target_start", "target_end"), "Russian President Vladimir Putin");
    assert!(m["pattern"].as_str().unwrap().contains("CONGRATULATED"));
    assert!(m["source_entry"].as_str().is_some());
    assert_eq!(get(addr, "/api/events/123").status, 404);
    assert_eq!(get(addr, "/api/events/abc").status, 400);
    assert_eq!(get(addr, "/api/events/0").status, 400);
}

#[test]
fn timeline_dyads_and_actors() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    let t = get(addr, "/api/timeline?source=PRK&target=RUS&by=month").json();
    let t = t.as_array().unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0]["period"], "2018-03");
    assert_eq!(t[0]["events"], 1);
    assert_eq!(t[0]["goldstein_sum"], 3.4);
    assert_eq!(t[0]["goldstein_mean"], 3.4);
    assert_eq!(t[0]["quad"], serde_json::json!({"1": 1, "2": 0, "3": 0, "4": 0}));
    // All actors, by month: March to June with the gap months present.
    let all = get(addr, "/api/timeline").json();
    let periods: Vec<_> = all.as_array().unwrap().iter().map(|p| p["period"].as_str().unwrap().to_string()).collect();
    assert_eq!(periods, ["2018-03", "2018-04", "2018-05", "2018-06"]);
    assert_eq!(all[1]["goldstein_mean"], serde_json::Value::Null);
    let weeks = get(addr, "/api/timeline?by=week").json();
    assert_eq!(weeks[0]["period"], "2018-W12");
    assert_eq!(get(addr, "/api/timeline?by=year").status, 400);

    let d = get(addr, "/api/dyads?limit=5").json();
    assert_eq!(d.as_array().unwrap().len(), 2);
    assert_eq!((d[0]["source"].as_str(), d[0]["target"].as_str()), (Some("PRK"), Some("RUS")));
    assert_eq!((d[0]["cooperation"].as_i64(), d[0]["conflict"].as_i64()), (Some(1), Some(0)));
    let codes = get(addr, "/api/dyads?level=code").json();
    assert_eq!(codes[0]["source"], "PRKGOV");

    let a = get(addr, "/api/actors/RUS").json();
    assert_eq!((a["as_source"].as_i64(), a["as_target"].as_i64()), (Some(1), Some(1)));
    assert_eq!((a["cooperation"].as_i64(), a["conflict"].as_i64()), (Some(1), Some(1)));
    assert!(a["partners"].as_array().unwrap().iter().any(|p| p["code"] == "PRKGOV"));
    assert_eq!(get(addr, "/api/actors/ZZZ").status, 404);
}

#[test]
fn pages_render_the_evidence_without_javascript() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="timeline""#));
    assert!(!home.body.contains("<script"), "no JavaScript");
    let list = get(addr, "/events?source=PRK&target=RUS");
    assert!(list.body.contains(r#"data-total="1""#));
    assert!(list.body.contains(r#"<span class="ev-verb">congratulated</span>"#));
    // Newest first by default; the Date header then links to oldest first, keeping the filter.
    assert!(list.body.contains(r#"href="/events?source=PRK&amp;target=RUS&amp;sort=date">Date ▼"#), "{}", list.body);
    let id = get(addr, "/api/events?code=051").json()["events"][0]["id"].as_i64().unwrap();
    let ev = get(addr, &format!("/events/{id}")).body;
    assert!(ev.contains(r#"<mark id="sentence" class="sentence"><span class="ev-source">North Korean leader Kim Jong Un</span> <span class="ev-verb">congratulated</span> <span class="ev-target">Russian President Vladimir Putin</span>"#), "{ev}");
    assert!(ev.contains("Other reports of this event"));
    let dyad = get(addr, "/dyad?source=Kim+Jong+Un&target=putin&by=day").body;
    assert!(dyad.contains("PRKGOV → RUSGOV"), "names resolve to codes");
    assert_eq!(dyad.matches(r#"<g class="period""#).count(), 1);
    assert_eq!(get(addr, "/dyad?source=nobody+here").status, 200);
    assert_eq!(get(addr, "/events?quad=9").status, 400);
    assert_eq!(get(addr, "/actors/PRKGOV").status, 200);
    assert_eq!(get(addr, "/events/999").status, 404);
    // The first load of the overview with its stylesheet and icon stays small.
    let size = home.body.len() + get(addr, "/assets/style.css").body.len() + get(addr, "/assets/icon.svg").body.len();
    assert!(size < 300_000, "{size} bytes");
}
