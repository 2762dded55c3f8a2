//! Hostile requests against a running server on 127.0.0.1: SQL injection in every parameter,
//! path traversal on every static route, other methods, huge limits, headers, listings; and
//! the database file is byte-for-byte unchanged afterwards.
mod common;

use common::*;

const INJECTIONS: &[&str] = &[
    "' OR '1'='1",
    "1 OR 1=1",
    "RUS' UNION SELECT text, 1, 1 FROM articles --",
    "1; DROP TABLE events; --",
    "\" OR \"\"=\"",
    "%27%20OR%201%3D1%20--",
    "05') OR ('a'='a",
    "RUS%",
    "*",
    "-1",
    "99999999999999999999999999",
    "2018-01-01' OR date IS NOT NULL --",
    "%00",
    "%ff%fe",
];

const PARAMS: &[&str] = &["source", "target", "root", "code", "quad", "from", "to", "q", "limit", "offset", "sort", "by", "level"];

const ROUTES: &[&str] = &["/api/events", "/api/timeline", "/api/dyads", "/events", "/dyad", "/"];

fn encode(s: &str) -> String {
    // Send most strings percent-encoded, as a browser would; the ones already encoded go raw.
    if s.contains('%') {
        s.replace(' ', "%20")
    } else {
        form_urlencoded::byte_serialize(s.as_bytes()).collect()
    }
}

#[test]
fn hostile_session_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = make_db(dir.path());
    let before = file_hash(&db);
    let addr = start(&db);
    let total = get(addr, "/api/events").json()["total"].as_u64().unwrap();
    assert_eq!(total, 2);

    // SQL injection in every parameter of every route: a 400 with a JSON error, or a normal
    // answer that matches nothing extra; never a 500, never more rows.
    let mut answered = 0;
    for route in ROUTES {
        for param in PARAMS {
            for inj in INJECTIONS {
                let target = format!("{route}?{param}={}", encode(inj));
                let r = get(addr, &target);
                assert!(r.status == 200 || r.status == 400, "{target}: {} {}", r.status, r.body);
                if route.starts_with("/api/") {
                    let v = r.json();
                    if r.status == 400 {
                        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{target}: {v}");
                    } else if let Some(t) = v.get("total") {
                        assert!(t.as_u64().unwrap() <= total, "{target} returned more events than exist");
                    }
                }
                answered += 1;
            }
        }
    }
    assert!(answered > 1000);
    // Free text is a bound parameter: the injection is searched for, literally, and not found.
    let r = get(addr, &format!("/api/events?q={}", encode("' OR '1'='1")));
    assert_eq!((r.status, r.json()["total"].as_u64()), (200, Some(0)));
    // Path parameters.
    for inj in INJECTIONS {
        for prefix in ["/api/events/", "/api/actors/", "/events/", "/actors/"] {
            let target = format!("{prefix}{}", encode(inj));
            let r = get(addr, &target);
            assert!(matches!(r.status, 400 | 404), "{target}: {} {}", r.status, r.body);
        }
    }

    assert_eq!(get(addr, "/api/events").json()["total"].as_u64(), Some(total), "events intact");
    assert_eq!(file_hash(&db), before, "the database file changed");
    // SQLite readers of a WAL database keep a -wal beside it; nothing may have been written there.
    let wal = dir.path().join("serve.db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0, "the session wrote to the WAL");
}

#[test]
fn path_traversal_is_not_found_on_every_static_route() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    let attempts = [
        "/assets/../Cargo.toml",
        "/assets/../../../../etc/passwd",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/assets/..%2F..%2F..%2Fetc%2Fpasswd",
        "/assets/%252e%252e%252fCargo.toml",
        "/assets/....//....//etc/passwd",
        "/assets/style.css/../../../etc/passwd",
        "/assets/..%5c..%5cCargo.toml",
        "/assets/%c0%ae%c0%ae/etc/passwd",
        "/assets//etc/passwd",
        "/assets/%2Fetc%2Fpasswd",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/events/../../etc/passwd",
        "/actors/..%2F..%2Fetc%2Fpasswd",
        "/api/events/..%2F..%2Fetc%2Fpasswd",
        "/api/../../etc/passwd",
    ];
    for target in attempts {
        let r = get(addr, target);
        assert!(matches!(r.status, 400 | 404), "{target}: {}", r.status);
        assert!(!r.body.contains("root:") && !r.body.contains("[package]"), "{target} leaked a file");
    }
    // The real assets are there, with their types.
    let css = get(addr, "/assets/style.css");
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert_eq!(get(addr, "/assets/icon.svg").status, 200);
}

#[test]
fn no_directory_listing() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    for target in ["/assets", "/assets/", "/assets/.", "/api", "/api/", "/api/nothing", "/.git/", "/src/"] {
        let r = get(addr, target);
        assert_eq!(r.status, 404, "{target}");
        assert!(r.body.contains("Not found") || r.body.contains("no such API route"), "{target}: {}", r.body);
        assert!(!r.body.contains("icon.svg</a>") && !r.body.contains("Index of"), "{target} lists files");
    }
}

#[test]
fn methods_other_than_get_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = make_db(dir.path());
    let before = file_hash(&db);
    let addr = start(&db);
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
        for target in ["/", "/api/events", "/api/events/1", "/assets/style.css", "/events"] {
            let r = request(addr, method, target);
            assert_eq!(r.status, 405, "{method} {target}");
            assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method} {target}");
        }
    }
    let head = request(addr, "HEAD", "/api/events");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(file_hash(&db), before);
}

#[test]
fn huge_limits_and_offsets_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    for target in [
        "/api/events?limit=501",
        "/api/events?limit=1000000000",
        "/api/events?limit=18446744073709551616",
        "/api/events?limit=0",
        "/api/events?limit=-5",
        "/api/events?limit=1e9",
        "/api/events?offset=10000001",
        "/api/events?offset=999999999999999999999",
        "/api/events?offset=-1",
        "/api/dyads?limit=100000",
        "/api/actors/RUS?limit=100000",
        "/events?limit=100000",
    ] {
        let r = get(addr, target);
        assert_eq!(r.status, 400, "{target}: {}", r.body);
    }
    let r = get(addr, "/api/events?limit=500&offset=10000000");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!((v["total"].as_u64(), v["events"].as_array().map(Vec::len)), (Some(2), Some(0)));
    // A target longer than the server reads is refused, not parsed.
    let long = format!("/api/events?q={}", "a".repeat(5000));
    assert_eq!(get(addr, &long).status, 414);
}

#[test]
fn every_response_carries_the_security_headers() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    for (method, target) in [
        ("GET", "/"),
        ("GET", "/events"),
        ("GET", "/api/events"),
        ("GET", "/api/events?limit=0"),
        ("GET", "/nothing"),
        ("GET", "/assets/style.css"),
        ("POST", "/"),
    ] {
        let r = request(addr, method, target);
        let csp = r.header("content-security-policy").unwrap_or_else(|| panic!("{target}: no CSP"));
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("script-src"), "no script is ever allowed");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
}

#[test]
fn html_pages_escape_what_the_database_holds() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(&make_db(dir.path()));
    let id = get(addr, "/api/events?code=051").json()["events"][0]["id"].as_i64().unwrap();
    let page = get(addr, &format!("/events/{id}"));
    assert_eq!(page.status, 200);
    // The title is stored as "Title <b>kcna-1</b>"; it must come out as text.
    assert!(page.body.contains("Title &lt;b&gt;kcna-1&lt;/b&gt;"));
    assert!(!page.body.contains("<b>kcna-1</b>"));
    // Typed input echoed back into forms is escaped too.
    let r = get(addr, "/dyad?source=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert!(!r.body.contains("<script>"), "{}", r.body);
}

#[test]
fn a_damaged_database_does_not_break_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = make_db(dir.path());
    {
        // Offsets past the text, reversed spans, an impossible quad class, a bad date.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "UPDATE mentions SET verb_start = 100000, verb_end = 5, source_start = -7, source_end = 999999,
                                 sentence_start = 50, sentence_end = 10;
             UPDATE events SET quad_class = 0, date = 'not a date';",
        )
        .unwrap();
    }
    let addr = start(&db);
    let list = get(addr, "/api/events");
    assert_eq!(list.status, 200, "{}", list.body);
    for e in list.json()["events"].as_array().unwrap() {
        let id = e["id"].as_i64().unwrap();
        for target in [format!("/events/{id}"), format!("/api/events/{id}")] {
            let r = get(addr, &target);
            assert_eq!(r.status, 200, "{target}: {}", r.body);
        }
    }
    for target in ["/", "/events", "/dyad?source=PRK&target=RUS", "/actors/PRK", "/api/timeline", "/api/dyads"] {
        assert_eq!(get(addr, target).status, 200, "{target}");
    }
}
