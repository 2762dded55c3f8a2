//! One test per input kind and per kind of bad input, on fixtures written for dyad
//! (`tests/fixtures/`) or generated here.

use dyad_doc::{DateSource, Document};
use dyad_ingest::{documents, ErrorKind, FieldMap, Format, InputError, Options};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn read(paths: &[PathBuf], opts: &Options) -> (Vec<Document>, Vec<InputError>) {
    let (mut docs, mut errs) = (Vec::new(), Vec::new());
    for r in documents(paths, opts) {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    (docs, errs)
}

fn date(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn plain_text_article() {
    let (docs, errs) = read(&[fixture("article.txt")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    let d = &docs[0];
    assert_eq!(d.id, "article");
    assert_eq!(d.origin.path, fixture("article.txt").display().to_string());
    assert_eq!(d.title.as_deref(), Some("Chile and Argentina Agree to Joint Patrols in Beagle Channel"));
    assert_eq!(d.author.as_deref(), Some("Tomás Ruiz"));
    let dl = d.dateline.as_ref().unwrap();
    assert_eq!((dl.place.as_deref(), dl.month, dl.day, dl.agency.as_deref()), (Some("Santiago"), Some(6), Some(3), Some("EFE")));
    assert_eq!(d.date, None);
    assert_eq!(d.source.as_deref(), Some("EFE"));
    assert_eq!(
        d.text,
        "Chile and Argentina agreed on Monday to run joint naval patrols in the Beagle Channel, the foreign ministers of the two countries said after talks in Santiago.\n\n\
         Chilean Foreign Minister Alberto van Klaveren said the agreement \"closes a long chapter of mistrust\" between the neighbours.\n\n\
         Argentine Foreign Minister Gerardo Werthein thanked Chile for its hospitality and invited his counterpart to Buenos Aires in September."
    );
    assert_eq!(d.paragraphs.len(), 3);
    let removed: Vec<(usize, &str)> = d.removed.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(
        removed,
        [
            (1, "advertisement"),
            (3, "headline (moved to title)"),
            (5, "image slug"),
            (6, "photo credit"),
            (8, "byline (moved to author)"),
            (12, "advertisement"),
            (18, "social-media follow line"),
            (20, "comments section"),
            (22, "after end-of-article marker 'COMMENTS'"),
            (24, "after end-of-article marker 'COMMENTS'"),
        ]
    );
}

#[test]
fn date_flag_beats_everything_and_fills_the_dateline_year() {
    let opts = Options { date: date(2024, 6, 4), ..Options::default() };
    let (docs, _) = read(&[fixture("article.txt")], &opts);
    assert_eq!(docs[0].date, date(2024, 6, 4));
    assert_eq!(docs[0].date_source, Some(DateSource::Flag));
    assert_eq!(docs[0].dateline.as_ref().unwrap().year, Some(2024));
}

#[test]
fn jsonl_lines_and_their_errors() {
    let path = fixture("wire.jsonl");
    let (docs, errs) = read(std::slice::from_ref(&path), &Options::default());
    assert_eq!(docs.len(), 2, "{errs:?}");
    let d = &docs[0];
    assert_eq!(d.id, "wire-1");
    assert_eq!(d.origin.record, Some(1));
    assert_eq!(d.title.as_deref(), Some("Japan protests Chinese patrol near Senkakus"));
    assert_eq!((d.date, d.date_source), (date(2025, 3, 4), Some(DateSource::Field)));
    assert_eq!(d.url.as_deref(), Some("https://example.org/wire/1"));
    assert_eq!(d.source.as_deref(), Some("Example Wire"));
    assert_eq!(d.dateline.as_ref().unwrap().year, Some(2025));
    assert!(d.text.starts_with("Japan lodged a formal protest"));
    assert_eq!(d.text.split("\n\n").count(), 2);

    // No id: file stem and line; Reuters-style date.
    assert_eq!(docs[1].id, "wire:2");
    assert_eq!(docs[1].date, date(1987, 2, 26));
    assert_eq!(docs[1].title, None, "JSONL text never gives up its first line as a title");


    let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    let p = path.display();
    assert_eq!(errs.len(), 4, "{shown:?}");
    assert!(shown[0].starts_with(&format!("{p}:4: malformed JSON: EOF while parsing")), "{}", shown[0]);
    assert_eq!(shown[1], format!("{p}:5: missing text: no 'text' field"));
    assert_eq!(shown[2], format!("{p}:6: malformed JSON: line is JSON but not an object"));
    // Line 7 uses another schema ("body"): without a --field mapping it has no text.
    assert_eq!(shown[3], format!("{p}:7: missing text: no 'text' field"));
    assert_eq!(errs[0].kind, ErrorKind::MalformedJson);
    assert_eq!(errs[0].record, Some(4));
}

#[test]
fn jsonl_field_mapping() {
    let mut fields = FieldMap::default();
    fields.set("text=body").unwrap();
    fields.set("title=headline").unwrap();
    fields.set("date=published").unwrap();
    let opts = Options { fields, ..Options::default() };
    let (docs, _) = read(&[fixture("wire.jsonl")], &opts);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "wire-6");
    assert_eq!(docs[0].title.as_deref(), Some("Mapped"));
    assert_eq!(docs[0].date, date(2024, 5, 29));
    assert!(FieldMap::default().set("text").is_err());
    assert!(FieldMap::default().set("colour=red").is_err());
}

#[test]
fn html_page() {
    let (docs, errs) = read(&[fixture("page.html")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    let d = &docs[0];
    assert_eq!(d.id, "page");
    assert_eq!(d.title.as_deref(), Some("Finland and Sweden sign Arctic research pact"));
    assert_eq!(d.author.as_deref(), Some("Aino Virtanen"));
    assert_eq!((d.date, d.date_source), (date(2025, 2, 11), Some(DateSource::Html)));
    let dl = d.dateline.as_ref().unwrap();
    assert_eq!((dl.place.as_deref(), dl.month, dl.day, dl.year), (Some("Helsinki"), Some(2), Some(11), Some(2025)));
    assert!(d.text.starts_with("Finland and Sweden signed an agreement on Tuesday"), "{}", d.text);
    assert!(d.text.ends_with("expected to begin operating in the spring."), "{}", d.text);
    assert_eq!(d.text.split("\n\n").count(), 4, "{}", d.text);
    for junk in ["Home", "Lapland", "tracker", "Related", "First!", "Privacy", "console", "font-family"] {
        assert!(!d.text.contains(junk), "'{junk}' in {}", d.text);
    }
}

#[test]
fn html_without_body_is_an_error() {
    let (docs, errs) = read(&[fixture("nobody.html")], &Options::default());
    assert!(docs.is_empty());
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, ErrorKind::NoBody);
    assert!(errs[0].to_string().contains("nobody.html: no article body"), "{}", errs[0]);
}

#[test]
fn warc_responses() {
    let (docs, errs) = read(&[fixture("pages.warc")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2, "only the two HTML responses are articles");
    let (a, b) = (&docs[0], &docs[1]);
    assert_eq!(a.id, "urn:uuid:00000000-0000-0000-0000-000000000002");
    assert_eq!(a.origin.record, Some(3));
    assert_eq!(a.url.as_deref(), Some("https://news.example.org/arctic"));
    assert_eq!((a.date, a.date_source), (date(2025, 2, 11), Some(DateSource::Html)), "meta tags beat WARC-Date");
    assert_eq!(a.title.as_deref(), Some("Finland and Sweden sign Arctic research pact"));

    assert_eq!(b.origin.record, Some(5));
    assert_eq!((b.date, b.date_source), (date(2025, 2, 14), Some(DateSource::Warc)));
    assert_eq!(b.source.as_deref(), Some("Example"), "the dateline's agency");
    assert_eq!(b.dateline.as_ref().unwrap().place.as_deref(), Some("Dakar"));
    assert!(b.text.contains("praised the équipe"), "chunked, Latin-1 payload: {}", b.text);
    assert!(b.text.starts_with("Senegal and Mauritania signed a deal on Friday"), "{}", b.text);
}

#[test]
fn gzip_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.warc.gz", &gzip(&std::fs::read(fixture("pages.warc")).unwrap()));
    write(dir.path(), "b.jsonl.gz", &gzip(&std::fs::read(fixture("wire.jsonl")).unwrap()));
    write(dir.path(), "c.txt.gz", &gzip(&std::fs::read(fixture("article.txt")).unwrap()));
    write(dir.path(), "notes.md", b"not an input");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(&dir.path().join("sub"), "d.html", &std::fs::read(fixture("page.html")).unwrap());
    let (docs, errs) = read(&[dir.path().to_path_buf()], &Options::default());
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "urn:uuid:00000000-0000-0000-0000-000000000002",
            "urn:uuid:00000000-0000-0000-0000-000000000004",
            "wire-1",
            "b:2",
            "c",
            "d"
        ]
    );
    assert_eq!(errs.len(), 4, "the JSONL file's four bad lines");
    assert_eq!(docs[4].title.as_deref(), Some("Chile and Argentina Agree to Joint Patrols in Beagle Channel"));
}

#[test]
fn format_flag_overrides_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "feed.data", &std::fs::read(fixture("wire.jsonl")).unwrap());
    let (docs, _) = read(std::slice::from_ref(&p), &Options::default());
    assert_eq!(docs.len(), 2, "sniffed as JSONL from its first byte");
    let (docs, errs) = read(&[p], &Options { format: Format::Text, ..Options::default() });
    assert_eq!((docs.len(), errs.len()), (1, 0), "read as one plain-text article");
}

#[test]
fn binary_empty_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"\n  \n\t\n");
    let only_boilerplate = write(dir.path(), "junk.txt", b"Advertisement\n\nShare this article\n");
    let missing = dir.path().join("nope.txt");
    let good = fixture("article.txt");
    let (docs, errs) = read(&[bin, empty, blank, only_boilerplate, missing, good], &Options::default());
    assert_eq!(docs.len(), 1, "the good file after the bad ones is still read");
    let kinds: Vec<ErrorKind> = errs.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ErrorKind::Binary, ErrorKind::Empty, ErrorKind::Empty, ErrorKind::Empty, ErrorKind::Unreadable]);
    assert!(errs[0].to_string().ends_with("photo.txt: binary: binary data, not text"), "{}", errs[0]);
    assert!(errs[3].message.contains("no article text left after cleaning (2 lines removed"), "{}", errs[3]);
    assert!(errs[4].to_string().contains("nope.txt: unreadable:"), "{}", errs[4]);
}

#[test]
fn windows_1252_is_decoded_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    // "Café talks in Montréal – “progress”" in Windows-1252.
    let p = write(dir.path(), "cp.txt", b"Caf\xe9 talks in Montr\xe9al \x96 \x93progress\x94 was made, the ministers said.\n");
    let (docs, errs) = read(&[p], &Options::default());
    assert!(errs.is_empty());
    assert_eq!(docs[0].text, "Café talks in Montréal – “progress” was made, the ministers said.");
    assert_eq!(docs[0].notes, ["not valid UTF-8; decoded as windows-1252"]);

    let line = b"{\"text\": \"Le ministre fran\xe7ais a rencontr\xe9 son homologue.\"}\n";
    let p = write(dir.path(), "cp.jsonl", line);
    let (docs, _) = read(&[p], &Options::default());
    assert_eq!(docs[0].text, "Le ministre français a rencontré son homologue.");
}

#[test]
fn utf16_with_bom_is_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Norway and Iceland signed a fisheries accord on Friday.\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = write(dir.path(), "utf16.txt", &bytes);
    let (docs, errs) = read(&[p], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs[0].text, "Norway and Iceland signed a fisheries accord on Friday.");
    assert_eq!(docs[0].notes, ["decoded as UTF-16LE"]);
}

#[test]
fn empty_and_binary_files_of_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for name in ["e.jsonl", "e.warc", "e.html", "e.txt.gz"] {
        let bytes = if name.ends_with(".gz") { gzip(b"") } else { Vec::new() };
        paths.push(write(dir.path(), name, &bytes));
    }
    paths.push(write(dir.path(), "b.jsonl", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\n\x03\0>\0\n"));
    let (docs, errs) = read(&paths, &Options::default());
    assert!(docs.is_empty());
    let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown.len(), 5, "one error per file, not per line: {shown:?}");
    for (e, p) in errs[..4].iter().zip(&paths) {
        assert_eq!(e.to_string(), format!("{}: empty: empty file", p.display()));
    }
    assert_eq!(errs[4].kind, ErrorKind::Binary);
}

#[test]
fn a_50_megabyte_line_is_skipped_not_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = Vec::with_capacity(50 << 20);
    big.extend_from_slice(b"{\"text\": \"");
    big.resize(50 << 20, b'a');
    big.extend_from_slice(b"\"}\n{\"text\": \"Peru and Bolivia signed a trade accord.\"}\n");
    let p = write(dir.path(), "big.jsonl", &big);
    let (docs, errs) = read(std::slice::from_ref(&p), &Options::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].origin.record, Some(2));
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, ErrorKind::TooLarge);
    assert_eq!(errs[0].to_string(), format!("{}:1: too large: line of 52.4 MB is over the 16.8 MB limit for one article", p.display()));

    let p = write(dir.path(), "big.txt", &big);
    let (_, errs) = read(&[p], &Options::default());
    assert_eq!(errs[0].kind, ErrorKind::TooLarge);
}

#[test]
fn truncated_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..2000 {
        lines.push_str(&format!("{{\"id\": \"n{i}\", \"text\": \"Story number {i} about talks between India and Pakistan on water sharing.\"}}\n"));
    }
    let gz = gzip(lines.as_bytes());
    let p = write(dir.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let (docs, errs) = read(&[p.clone(), fixture("article.txt")], &Options::default());
    assert!(docs.len() > 100 && docs.len() < 2000, "{} lines before the cut", docs.len());
    assert_eq!(docs.last().unwrap().id, "article", "later inputs are still read");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, ErrorKind::Truncated);
    assert!(errs[0].to_string().contains("gzip stream is truncated or corrupt"), "{}", errs[0]);

    let txt = gzip(&std::fs::read(fixture("article.txt")).unwrap());
    let p = write(dir.path(), "cut.txt.gz", &txt[..txt.len() - 10]);
    let (docs, errs) = read(&[p], &Options::default());
    assert!(docs.is_empty());
    assert_eq!(errs[0].kind, ErrorKind::Truncated);
}

#[test]
fn truncated_and_malformed_warc() {
    let dir = tempfile::tempdir().unwrap();
    let warc = std::fs::read(fixture("pages.warc")).unwrap();
    let p = write(dir.path(), "cut.warc", &warc[..warc.len() - 200]);
    let (docs, errs) = read(std::slice::from_ref(&p), &Options::default());
    assert_eq!(docs.len(), 1, "the records before the cut");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, ErrorKind::Truncated);
    assert_eq!(errs[0].record, Some(5));
    assert!(errs[0].to_string().starts_with(&format!("{}:5: truncated: Content-Length says", p.display())), "{}", errs[0]);

    let p = write(dir.path(), "bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n");
    let (_, errs) = read(&[p], &Options::default());
    assert_eq!(errs[0].kind, ErrorKind::MalformedWarc);
    assert!(errs[0].to_string().contains(":1: malformed WARC: missing or invalid Content-Length"), "{}", errs[0]);

    let p = write(dir.path(), "junk.warc", b"HTTP/1.1 200 OK\r\n\r\n");
    let (_, errs) = read(&[p], &Options::default());
    assert_eq!(errs[0].kind, ErrorKind::MalformedWarc);
}
