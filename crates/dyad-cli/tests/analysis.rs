//! `dyad code`'s terminal manners (table, summarised diagnostics, -q, --verbose, --report) and
//! the analysis commands `dyad timeline` and `dyad dyads`, as a user runs them.
use std::path::{Path, PathBuf};
use std::process::Command;

fn dyad(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store_congratulation.jsonl")
}

fn coded(dir: &Path) -> String {
    let db = dir.join("t.db").to_str().unwrap().to_string();
    let (ok, _, err) = dyad(&["code", "--format", "none", "--db", &db, fixture().to_str().unwrap()]);
    assert!(ok, "{err}");
    db
}

/// A JSONL file with `bad` empty-text records and the fixture's articles.
fn with_skips(dir: &Path, bad: usize) -> PathBuf {
    let mut s = String::new();
    for i in 0..bad {
        s.push_str(&format!("{{\"id\": \"empty-{i}\", \"text\": \"\"}}\n"));
    }
    s.push_str(&std::fs::read_to_string(fixture()).unwrap());
    let p = dir.join("mixed.jsonl");
    std::fs::write(&p, s).unwrap();
    p
}

#[test]
fn code_table_is_aligned_with_cameo_names_and_the_verb_marked() {
    let (ok, out, err) = dyad(&["code", "--no-db", "--format", "table", fixture().to_str().unwrap()]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("date") && lines[0].contains("evidence"), "{out}");
    assert!(lines.len() > 1, "{out}");
    let row = lines.iter().find(|l| l.contains("congratulated")).unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("*congratulated*"), "verb marked without colour when piped: {row}");
    assert!(row.contains("Praise or endorse") || row.contains("Congratulate") || row.contains(" 05"), "{row}");
    // Columns line up: the event column starts at the same character in every row.
    let col = |l: &str| l.chars().take(12 + 12).collect::<String>().chars().count();
    assert!(lines.iter().skip(1).all(|l| col(l) == 24 && l.chars().nth(10) == Some(' ')));
    assert!(!out.contains('\x1b'), "no escape codes when not on a terminal");
}

#[test]
fn code_piped_prints_json_lines_and_quiet_keeps_them() {
    let (ok, out, err) = dyad(&["code", "--no-db", fixture().to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.lines().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()), "{out}");
    assert!(err.contains("documents") && err.contains("events"), "summary on stderr: {err}");
    let (ok, quiet_out, quiet_err) = dyad(&["code", "--no-db", "-q", fixture().to_str().unwrap()]);
    assert!(ok);
    assert_eq!(quiet_out, out, "-q keeps the events on stdout");
    assert_eq!(quiet_err, "", "-q prints no summary");
}

#[test]
fn skip_messages_stop_after_ten_with_the_rest_counted() {
    let dir = tempfile::tempdir().unwrap();
    let input = with_skips(dir.path(), 25);
    let input = input.to_str().unwrap();
    let (_, _, err) = dyad(&["code", "--no-db", "--format", "none", input]);
    assert_eq!(err.matches("dyad: skipped").count(), 10, "{err}");
    assert!(err.contains("… and 15 more skipped inputs (--verbose or --report FILE lists them)"), "{err}");
    assert!(err.contains("skipped 25 inputs"), "{err}");
    let (_, _, verbose) = dyad(&["code", "--no-db", "--format", "none", "--verbose", input]);
    assert_eq!(verbose.matches("dyad: skipped").count(), 25, "{verbose}");
    let report = dir.path().join("report.txt");
    let (_, _, err) = dyad(&["code", "--no-db", "--format", "none", "--report", report.to_str().unwrap(), input]);
    assert!(err.contains(&format!("all are listed in {}", report.display())), "{err}");
    let text = std::fs::read_to_string(&report).unwrap();
    assert_eq!(text.lines().filter(|l| l.starts_with("skipped ")).count(), 25, "{text}");
    assert!(text.contains("empty-24") || text.contains(":25:"), "{text}");
    let (_, _, quiet) = dyad(&["code", "--no-db", "--format", "none", "-q", input]);
    assert_eq!(quiet, "");
}

#[test]
fn dictionary_diagnostics_are_one_line_unless_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let dicts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dyad-code/tests/fixtures/dict");
    // A copy of the test dictionaries with broken lines added.
    let broken = dir.path().join("dict");
    std::fs::create_dir_all(&broken).unwrap();
    for entry in walk(&dicts) {
        let rel = entry.strip_prefix(&dicts).unwrap();
        let to = broken.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let actors = walk(&broken).into_iter().find(|p| p.to_string_lossy().contains("actor")).expect("an actors file");
    let mut text = std::fs::read_to_string(&actors).unwrap();
    for i in 0..12 {
        text.push_str(&format!("\nBROKEN_{i} [XXX 20991399-1]\n"));
    }
    std::fs::write(&actors, text).unwrap();
    let fixture = fixture();
    let args = ["code", "--no-db", "--format", "none", "--dictionaries", broken.to_str().unwrap(), fixture.to_str().unwrap()];
    let (_, _, err) = dyad(&args);
    let dict_lines: Vec<&str> = err.lines().filter(|l| l.contains("dictionar")).collect();
    assert_eq!(dict_lines.len(), 1, "{err}");
    assert!(dict_lines[0].contains("errors") || dict_lines[0].contains("warnings"), "{err}");
    assert!(dict_lines[0].contains("dyad dict check"), "{err}");
    let mut verbose = args.to_vec();
    verbose.push("--verbose");
    let (_, _, err) = dyad(&verbose);
    assert!(err.lines().filter(|l| l.starts_with("dyad: dictionary:")).count() >= 12, "{err}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn timeline_prints_the_series_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = coded(dir.path());
    let (ok, json, err) = dyad(&["timeline", "--db", &db, "--source", "PRK", "--target", "RUS", "--by", "day"]);
    assert!(ok, "{err}");
    let series: serde_json::Value = serde_json::from_str(&json).expect("JSON when piped");
    let first = &series[0];
    assert!(first["period"].is_string() && first["events"].as_i64().unwrap() >= 1, "{json}");
    assert!(first["quad"]["1"].is_i64(), "{json}");
    let (ok, table, _) = dyad(&["timeline", "--db", &db, "--source", "PRK", "--target", "RUS", "--format", "table"]);
    assert!(ok);
    assert!(table.lines().nth(1).unwrap().starts_with("period"), "{table}");
    assert!(table.contains('█'), "{table}");
    let (ok, csv, _) = dyad(&["timeline", "--db", &db, "--source", "PRK", "--target", "RUS", "--format", "csv"]);
    assert!(ok);
    assert!(csv.starts_with("period,events,goldstein_sum,goldstein_mean,quad1"), "{csv}");
    let (ok, svg, _) = dyad(&["timeline", "--db", &db, "--source", "Kim Jong Un", "--format", "svg"]);
    assert!(ok);
    assert!(svg.starts_with("<svg") && svg.contains(r#"class="period""#), "{svg}");
    let png = dir.path().join("t.png");
    let (ok, _, err) = dyad(&["timeline", "--db", &db, "--format", "png", "--output", png.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
    let (ok, _, err) = dyad(&["timeline", "--db", &db, "--source", "no such person anywhere"]);
    assert!(!ok && err.contains("--source"), "{err}");
    let (ok, _, err) = dyad(&["timeline", "--db", &dir.path().join("missing.db").to_string_lossy()]);
    assert!(!ok && err.contains("missing.db"), "{err}");
}

#[test]
fn dyads_lists_the_busiest_with_their_balance() {
    let dir = tempfile::tempdir().unwrap();
    let db = coded(dir.path());
    let (ok, json, err) = dyad(&["dyads", "--db", &db, "--top", "5"]);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let top = &rows[0];
    assert!(top["events"].as_i64().unwrap() >= 1);
    assert_eq!(top["cooperation"].as_i64().unwrap() + top["conflict"].as_i64().unwrap(), top["events"].as_i64().unwrap());
    let (ok, table, _) = dyad(&["dyads", "--db", &db, "--format", "table", "--level", "code"]);
    assert!(ok);
    assert!(table.starts_with("source") && table.contains("balance"), "{table}");
    let (ok, _, err) = dyad(&["dyads", "--db", &db, "--top", "0"]);
    assert!(!ok && err.contains("--top"), "{err}");
}

#[test]
fn serve_says_where_it_listens_and_answers_read_only() {
    use std::io::{BufRead, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let db = coded(dir.path());
    let before = std::fs::read(&db).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--db", &db, "--port", "0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|s| s.split('/').next()).map(str::to_string);
    let result = std::panic::catch_unwind(|| {
        assert!(line.contains("read-only") && line.contains("this machine only"), "{line}");
        let addr = addr.clone().unwrap_or_else(|| panic!("no address in {line:?}"));
        assert!(addr.starts_with("127.0.0.1:"), "{addr}");
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(s, "GET /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut resp = String::new();
        s.read_to_string(&mut resp).unwrap();
        assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
        assert!(resp.contains("\"total\":"), "{resp}");
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(result.is_ok());
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database is unchanged");
    let (ok, _, err) = dyad(&["serve", "--db", &dir.path().join("none.db").to_string_lossy()]);
    assert!(!ok && err.contains("none.db"), "{err}");
}
