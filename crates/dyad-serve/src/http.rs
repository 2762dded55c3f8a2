//! From a request to a route and back: method check, path and query decoding, the security
//! headers every response carries, and the embedded assets.
use crate::{api, pages, Context};
use std::io::Cursor;

/// Every response: no scripts, no plugins, nothing from other origins, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Longest request target accepted (the longest filter form is far shorter).
const MAX_URL: usize = 4096;

/// Files served under `/assets/`, embedded at compile time. Only these names exist.
pub const ASSETS: &[(&str, &str, &str)] = &[
    ("style.css", "text/css; charset=utf-8", include_str!("../assets/style.css")),
    ("icon.svg", "image/svg+xml", include_str!("../assets/icon.svg")),
];

/// A response before it goes on the wire.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra headers (name, value).
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn html(status: u16, body: String) -> Reply {
        Reply { status, content_type: "text/html; charset=utf-8", body: body.into_bytes(), headers: vec![] }
    }

    pub fn json(status: u16, value: &impl serde::Serialize) -> Reply {
        let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{\"error\":\"serialisation failed\"}".to_vec());
        Reply { status, content_type: "application/json", body, headers: vec![] }
    }

    pub fn json_error(status: u16, message: &str) -> Reply {
        Reply::json(status, &serde_json::json!({ "error": message }))
    }
}

/// The decoded query string. Empty values count as absent (an empty form field means
/// "no filter"); a repeated name keeps its last value.
#[derive(Debug, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(raw: &str) -> Query {
        Query(form_urlencoded::parse(raw.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.as_str())
    }

    /// `parse` applied to the value, when there is one.
    pub fn parsed<T>(&self, name: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
        self.get(name).map(|v| parse(v).map_err(|e| format!("{name}: {e}"))).transpose()
    }
}

/// What a request asks for, after decoding.
pub struct Request<'a> {
    /// Path segments, percent-decoded (`/api/events/12` → ["api", "events", "12"]).
    pub segments: Vec<String>,
    pub query: Query,
    pub ctx: &'a Context,
}

/// Answer one request; never panics the worker.
pub fn answer(ctx: &Context, request: tiny_http::Request) {
    let is_head = *request.method() == tiny_http::Method::Head;
    let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| route(ctx, request.method(), request.url())))
        .unwrap_or_else(|_| Reply::json_error(500, "internal error (a bug: please report it)"));
    let mut response = tiny_http::Response::new(
        tiny_http::StatusCode(reply.status),
        Vec::new(),
        Cursor::new(if is_head { Vec::new() } else { reply.body.clone() }),
        Some(reply.body.len()),
        None,
    );
    let mut headers = vec![
        ("Content-Type", reply.content_type.to_string()),
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        ("Cache-Control", "no-store".to_string()),
    ];
    headers.extend(reply.headers);
    for (name, value) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    // The client may have gone; nothing to do about it.
    let _ = request.respond(response);
}

/// Method and target → reply. Public for tests that skip the socket.
pub fn route(ctx: &Context, method: &tiny_http::Method, url: &str) -> Reply {
    use tiny_http::Method;
    if !matches!(method, Method::Get | Method::Head) {
        let mut r = Reply::json_error(405, "only GET and HEAD are allowed: this server is read-only");
        r.headers.push(("Allow", "GET, HEAD".into()));
        return r;
    }
    if url.len() > MAX_URL {
        return Reply::json_error(414, "the request target is too long");
    }
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut segments = Vec::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        match percent_encoding::percent_decode_str(raw).decode_utf8() {
            Ok(s) => segments.push(s.into_owned()),
            Err(_) => return Reply::json_error(400, "the path is not valid UTF-8"),
        }
    }
    let req = Request { segments, query: Query::parse(query), ctx };
    let seg: Vec<&str> = req.segments.iter().map(String::as_str).collect();
    match seg.as_slice() {
        ["api", rest @ ..] => api::route(&req, rest),
        ["assets", name] => asset(name),
        [] => pages::overview(&req),
        ["events"] => pages::events(&req),
        ["events", id] => pages::event(&req, id),
        ["dyad"] => pages::dyad(&req),
        ["actors", code] => pages::actor(&req, code),
        _ => pages::not_found(),
    }
}

fn asset(name: &str) -> Reply {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => Reply {
            status: 200,
            content_type,
            body: body.as_bytes().to_vec(),
            headers: vec![],
        },
        None => pages::not_found(),
    }
}
