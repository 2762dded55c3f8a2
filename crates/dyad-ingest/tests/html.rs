//! HTML pages: each date source in its order, metadata, caption runs, hostile pages.
//! Fixtures are small hand-written pages in `tests/fixtures/`.

use dyad_doc::{DateSource, Document, Origin};
use dyad_ingest::{build, ErrorKind, InputError, Options, Record, RecordKind};
use std::path::PathBuf;

fn page(bytes: Vec<u8>, url: Option<&str>, opts: &Options) -> Result<Document, InputError> {
    let rec = Record {
        origin: Origin { path: "page.html".into(), record: None },
        kind: RecordKind::Html,
        bytes,
        id: "page".into(),
        url: url.map(String::from),
        date: None,
        charset: None,
    };
    build(rec, opts)
}

fn fixture(name: &str, url: Option<&str>) -> Result<Document, InputError> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    page(std::fs::read(p).unwrap(), url, &Options::default())
}

fn date(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn json_ld_date_beats_meta_and_url() {
    let d = fixture("date_jsonld.html", Some("https://example.org/2019/01/01/talks")).unwrap();
    assert_eq!((d.date, d.date_source), (date(2021, 3, 8), Some(DateSource::JsonLd)));
    assert_eq!(d.author.as_deref(), Some("Claire Dubois"));
    assert_eq!(d.source.as_deref(), Some("Le Courrier"));
    assert_eq!(d.title.as_deref(), Some("Ministers hold talks in Paris"));
    assert_eq!(d.lang.as_deref(), Some("fr"));
}

#[test]
fn dublin_core_meta_beats_time() {
    let d = fixture("date_meta.html", None).unwrap();
    assert_eq!((d.date, d.date_source), (date(2019, 11, 5), Some(DateSource::Html)));
    assert_eq!(d.title.as_deref(), Some("Gespräche in Berlin"), "site name stripped from <title>");
}

#[test]
fn time_in_the_article_not_in_the_header() {
    let d = fixture("date_time.html", Some("https://example.org/2019/01/01/talks")).unwrap();
    assert_eq!((d.date, d.date_source), (date(2022, 6, 30), Some(DateSource::Time)));
}

#[test]
fn url_date_then_flag() {
    let d = fixture("undated.html", Some("https://example.org/news/2020/04/10/talks-resume")).unwrap();
    assert_eq!((d.date, d.date_source), (date(2020, 4, 10), Some(DateSource::Url)));
    let d = fixture("undated.html", None).unwrap();
    assert_eq!(d.date, None, "no date is invented");
    let opts = Options { date: date(2024, 1, 2), ..Options::default() };
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/date_jsonld.html");
    let d = page(std::fs::read(p).unwrap(), None, &opts).unwrap();
    assert_eq!((d.date, d.date_source), (date(2024, 1, 2), Some(DateSource::Flag)));
}

#[test]
fn bbc_kind_captions_and_player_notices_go() {
    let d = fixture("bbc_kind.html", None).unwrap();
    for bad in ["Media playback", "Image copyright", "Image caption", "Mourners attend", "AFP/Getty", "Read more"] {
        assert!(!d.text.contains(bad), "'{bad}' left in:\n{}", d.text);
    }
    assert!(d.text.starts_with("Hundreds of people gathered"), "{}", d.text);
    assert!(d.text.contains("killed at least 20 people at a crowded market in the west of the city."));
    let reasons: Vec<&str> = d.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"photo caption (glued to the text)"), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("video player notice") || r.contains("furniture")), "{reasons:?}");
    assert_eq!(d.title.as_deref(), Some("Funeral held in Kabul"));
}

#[test]
fn mojibake_is_repaired_and_noted() {
    let html = "<html><body><article><p>The ministerâ€™s visit to SÃ£o Paulo was â€œa successâ€\u{9d}, officials said on Monday after talks that lasted most of the day and ended with a joint statement on trade and investment.</p></article></body></html>";
    let d = page(html.as_bytes().to_vec(), None, &Options::default()).unwrap();
    assert!(d.text.contains("minister’s visit to São Paulo was “a success”,"), "{}", d.text);
    assert_eq!(dyad_ingest::mojibake_repairs(&d), 4);
}

#[test]
fn hostile_pages_are_errors_not_panics() {
    for name in ["frameset.html", "all_script.html", "nobody.html"] {
        let e = fixture(name, None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NoBody, "{name}: {e}");
    }
}

/// 10,000 levels of nesting: every walk over the tree is iterative. Run on a thread with a
/// small stack (rayon workers have 2 MiB) so that recursion would show.
#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let text = "The ministers met on Tuesday and agreed to meet again next month to settle the questions. ".repeat(5);
    for tag in ["div", "b"] {
        let html = format!("<html><body>{}<p>{text}</p>{}</body></html>", format!("<{tag}>").repeat(10_000), format!("</{tag}>").repeat(10_000));
        let r = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || page(html.into_bytes(), None, &Options::default()).map(|d| d.text))
            .unwrap()
            .join()
            .expect("no stack overflow or panic");
        match r {
            Ok(t) => assert!(t.contains("The ministers met on Tuesday"), "<{tag}>: {t}"),
            Err(e) => assert_eq!(e.kind, ErrorKind::NoBody, "<{tag}>: {e}"),
        }
    }
}

#[test]
fn wrong_charset_declaration_still_reads() {
    // Declares Windows-1252 but is UTF-8: valid UTF-8 wins.
    let html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>Zürich and Genève signed the agreement on Tuesday after months of talks between the two cantons about transport, schools and the shared hospital.</p></article></body></html>";
    let d = page(html.as_bytes().to_vec(), None, &Options::default()).unwrap();
    assert!(d.text.starts_with("Zürich and Genève"), "{}", d.text);
    // Declares nothing and is Latin-1: read as Windows-1252.
    let mut latin = b"<html><body><article><p>Z\xfcrich and Gen\xe8ve signed the agreement on Tuesday after months of talks between the two cantons about transport, schools and the shared hospital.</p></article></body></html>".to_vec();
    let d = page(std::mem::take(&mut latin), None, &Options::default()).unwrap();
    assert!(d.text.starts_with("Zürich and Genève"), "{}", d.text);
}

#[test]
fn json_ld_article_body_when_scoring_finds_only_a_teaser() {
    let para = "The ministers met in Geneva on Monday and agreed on a ceasefire that will start at midnight, officials said after the talks.";
    let body = format!("{para}\\n{para} Both sides will withdraw heavy weapons.\\n{para} Observers will monitor the line.\\n{para} Talks resume next week.");
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Ceasefire agreed","articleBody":"{body}"}}</script></head>
<body><article><p>Ceasefire agreed in Geneva after talks that lasted all day, officials said on Monday evening.</p></article></body></html>"#
    );
    let d = page(html.into_bytes(), None, &Options::default()).unwrap();
    assert_eq!(d.paragraphs.len(), 4, "{}", d.text);
    assert!(d.text.contains("Observers will monitor the line."));
}

#[test]
fn twice_escaped_entities_are_decoded() {
    let html = "<html><body><article><p>Dois soldados lotados na Rondesp Atl&amp;acirc;ntico foram presos junto com um comparsa, segundo a pol&amp;iacute;cia, que investiga o caso desde o ano passado.</p></article></body></html>";
    let d = page(html.as_bytes().to_vec(), None, &Options::default()).unwrap();
    assert!(d.text.contains("Rondesp Atlântico foram presos"), "{}", d.text);
    assert!(d.text.contains("polícia"), "{}", d.text);
}

#[test]
fn http_equiv_charset_is_honoured() {
    let text = "Министры встретились в Женеве в понедельник и договорились о прекращении огня, которое начнётся в полночь, сообщили официальные лица после переговоров.";
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let mut html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><article><p>".to_vec();
    html.extend_from_slice(&cyrillic);
    html.extend_from_slice(b"</p></article></body></html>");
    let d = page(html, None, &Options::default()).unwrap();
    assert_eq!(d.text, text);
    assert!(d.notes.iter().any(|n| n.contains("windows-1251")), "{:?}", d.notes);
}
