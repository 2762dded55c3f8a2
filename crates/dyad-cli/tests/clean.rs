//! `dyad clean` end to end: output shapes, standard input, exit status, threads.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("dyad runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        pipe.write_all(bytes).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn example() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/article.txt").display().to_string()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn bundled_example_as_json() {
    let out = dyad(&["clean", &example(), "--date", "2025-04-01"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["id"], "article");
    assert_eq!(d["title"], "China's Wang Yi Visits Moscow, Vows Closer Ties as West Warns Over Ukraine");
    assert_eq!(d["author"], "Daria Novak");
    assert_eq!(d["date"], "2025-04-01");
    assert_eq!(d["date_source"], "flag");
    assert_eq!(d["dateline"]["place"], "Moscow");
    assert_eq!(d["dateline"]["month"], 4);
    assert_eq!(d["dateline"]["day"], 1);
    assert_eq!(d["dateline"]["year"], 2025);
    assert_eq!(d["dateline"]["agency"], "UPI");
    assert!(d.get("removed").is_none(), "removed lines only with --show-removed");
    let text = d["text"].as_str().unwrap();
    assert!(text.starts_with("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday"));
    let sentences = d["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 10, "{} sentences", sentences.len());
    for s in sentences {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], s["text"].as_str().unwrap(), "offsets point into text");
        for junk in ["Advertisement", "Photo", "Follow", "COMMENTS", "Latest Headlines", "Share this", "missile"] {
            assert!(!s["text"].as_str().unwrap().contains(junk), "{junk} in {s}");
        }
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("dyad: 1 documents"));
}

#[test]
fn show_removed_explains_every_removal() {
    let out = dyad(&["clean", &example(), "--show-removed"], None);
    let d = &json_lines(&out)[0];
    let removed = d["removed"].as_array().unwrap();
    let reasons: Vec<&str> = removed.iter().map(|r| r["reason"].as_str().unwrap()).collect();
    for want in ["advertisement", "headline (moved to title)", "image slug", "photo credit", "byline (moved to author)", "share/subscribe line", "social-media follow line", "comments section"] {
        assert!(reasons.contains(&want), "{want} not in {reasons:?}");
    }
    let last = removed.last().unwrap();
    assert_eq!(last["text"], "North Korea fires ballistic missile into the sea");
    assert_eq!(last["reason"], "after end-of-article marker 'COMMENTS'");
    assert_eq!(d["date"], Value::Null, "no --date and no year in the text: no date");
}

#[test]
fn text_format_from_stdin() {
    let input = b"Talks Resume in Geneva\n\nGENEVA, May 5 (AP) -- Iran and the United States resumed talks on Monday.\n\nAdvertisement\n\nBoth sides called the meeting useful.\n";
    let out = dyad(&["clean", "-", "--format", "text"], Some(input));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Iran and the United States resumed talks on Monday.\n\nBoth sides called the meeting useful.\n"
    );
}

#[test]
fn skipped_inputs_set_exit_status_1_and_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"Mexico and Canada signed a water treaty.\"}\n{oops\n\n{\"title\": \"no text\"}\n").unwrap();
    let bin = dir.path().join("blob.txt");
    std::fs::write(&bin, b"\0\x01\x02\x03binary").unwrap();
    let out = dyad(&["clean", bad.to_str().unwrap(), bin.to_str().unwrap(), &example()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 2);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("dyad: skipped {}:2: malformed JSON:", bad.display())), "{err}");
    assert!(err.contains(&format!("dyad: skipped {}:4: missing text: no 'text' field", bad.display())), "{err}");
    assert!(err.contains(&format!("dyad: skipped {}: binary:", bin.display())), "{err}");
    assert!(err.contains("dyad: 2 documents") && err.contains("skipped 3 inputs (1 binary, 1 malformed JSON, 1 missing text)"), "{err}");
}

#[test]
fn bad_flags_are_fatal() {
    assert_eq!(dyad(&["clean", &example(), "--date", "16/08/2018"], None).status.code(), Some(2));
    assert_eq!(dyad(&["clean", &example(), "--field", "colour=red"], None).status.code(), Some(2));
}

#[test]
fn threads_keep_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.jsonl");
    let mut s = String::new();
    for i in 0..700 {
        s.push_str(&format!("{{\"id\": \"d{i}\", \"text\": \"Story {i}: Egypt and Sudan discussed the Nile dam. They met again.\"}}\n"));
    }
    std::fs::write(&p, s).unwrap();
    let one = dyad(&["clean", p.to_str().unwrap()], None);
    let two = dyad(&["clean", p.to_str().unwrap(), "--threads", "2"], None);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
    let docs = json_lines(&two);
    assert_eq!(docs.len(), 700);
    assert_eq!(docs[699]["id"], "d699");
}
