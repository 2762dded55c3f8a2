//! A small database and a running server on an ephemeral loopback port, and a raw HTTP
//! client (raw, so tests can send targets a normal client would clean up, like `/../`).
#![allow(dead_code)]
use dyad_doc::{Document, Event, Evidence, EvidenceSpan, Origin, Sentence};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn doc(id: &str, day: &str, text: &str) -> Document {
    // One sentence per ". ".
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ").chain(std::iter::once((text.len() - 1, ""))) {
        let end = i + 1;
        sentences.push(Sentence {
            start,
            end,
            char_start: text[..start].chars().count(),
            char_end: text[..end].chars().count(),
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        });
        start = (end + 1).min(text.len());
    }
    Document {
        id: id.into(),
        origin: Origin { path: format!("{id}.txt"), record: None },
        url: Some(format!("https://news.example.org/{id}")),
        title: Some(format!("Title <b>{id}</b>")),
        date: Some(day.parse().unwrap()),
        text: text.into(),
        sentences,
        ..Default::default()
    }
}

fn span(doc: &Document, needle: &str) -> EvidenceSpan {
    let at = doc.text.find(needle).unwrap();
    let start = doc.text[..at].chars().count();
    EvidenceSpan { start, end: start + needle.chars().count(), text: needle.into() }
}

fn event(doc: &Document, sentence: usize, src: (&str, &str), code: &str, quad: u8, tgt: (&str, &str), verb: &str) -> Event {
    let s = doc.sentences[sentence];
    Event {
        article: doc.id.clone(),
        sentence,
        sentence_text: doc.sentence_text(&s).into(),
        date: doc.date,
        source: src.0.into(),
        target: tgt.0.into(),
        code: code.into(),
        root: code[..2].into(),
        quad_class: quad,
        goldstein: if quad <= 2 { 3.4 } else { -5.0 },
        plover_type: None,
        plover_mode: None,
        location: None,
        source_location: None,
        target_location: None,
        evidence: Evidence {
            sentence_start: s.char_start,
            sentence_end: s.char_end,
            source_span: Some(span(doc, src.1)),
            target_span: Some(span(doc, tgt.1)),
            verb_span: span(doc, verb),
            pattern: format!("* {} [{code}] (verbs.txt:3)", verb.to_uppercase()),
            source_entry: Some(format!("{} (actors.txt:1)", src.1)),
            target_entry: Some(format!("{} (actors.txt:2)", tgt.1)),
            modifier: None,
        },
    }
}

/// Three articles: Kim congratulates Putin (twice reported), and a later threat.
pub fn make_db(dir: &Path) -> PathBuf {
    let path = dir.join("serve.db");
    let mut store = dyad_store::Store::open(&path).unwrap();
    store.begin_batch().unwrap();
    let a = doc("kcna-1", "2018-03-20", "North Korean leader Kim Jong Un congratulated Russian President Vladimir Putin on his re-election. Ties are old.");
    let ea = vec![event(&a, 0, ("PRKGOV", "North Korean leader Kim Jong Un"), "051", 1, ("RUSGOV", "Russian President Vladimir Putin"), "congratulated")];
    let b = doc("upi-2", "2018-03-20", "Kim Jong Un congratulated Vladimir Putin, the Kremlin said.");
    let eb = vec![event(&b, 0, ("PRKGOV", "Kim Jong Un"), "051", 1, ("RUSGOV", "Vladimir Putin"), "congratulated")];
    let c = doc("ap-3", "2018-06-02", "Russia threatened North Korea with sanctions.");
    let ec = vec![event(&c, 0, ("RUS", "Russia"), "138", 3, ("PRK", "North Korea"), "threatened")];
    for (d, e) in [(a, ea), (b, eb), (c, ec)] {
        store.add(&d, &e).unwrap();
    }
    store.commit().unwrap();
    drop(store);
    path
}

/// Start a server on 127.0.0.1 with an OS-chosen port; it lives until the test process ends.
pub fn start(db: &Path) -> SocketAddr {
    let server = dyad_serve::Server::bind(db, "127.0.0.1", 0, 2).unwrap();
    let addr = server.addr().unwrap();
    std::thread::spawn(move || server.run().unwrap());
    addr
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Send `method target` exactly as given and read the whole response.
pub fn request(addr: SocketAddr, method: &str, target: &str) -> Response {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let body = if method == "POST" || method == "PUT" { "x=1" } else { "" };
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
        .collect();
    Response { status, headers, body: body.to_string() }
}

pub fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target)
}

/// SHA-256 of a file, hex.
pub fn file_hash(path: &Path) -> String {
    use sha2::Digest;
    let bytes = std::fs::read(path).unwrap();
    sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}
