//! The coding commands as a user runs them: `dyad code`, `dyad explain`, `dyad validate`,
//! `dyad dict who`, on small fixtures (the dictionaries of dyad-code's tests).

use std::path::{Path, PathBuf};
use std::process::Command;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn dicts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dyad-code/tests/fixtures/dict")
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().expect("dyad runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn article(dir: &Path) -> PathBuf {
    let p = dir.join("article.txt");
    std::fs::write(
        &p,
        "Gondor criticizes Mordor\n\nGondor criticized Mordor on Tuesday after the attack.\n\nVladimir Putin wrote to Kim Jong Un. \u{201C}I am ready to meet you,\u{201D} he said.\n",
    )
    .unwrap();
    p
}

#[test]
fn code_prints_events_as_json_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, out, err) =
        run(dyad().args(["code", "--no-db"]).arg("--dictionaries").arg(dicts()).args(["--date", "2018-08-16"]).arg(article(tmp.path())));
    assert!(ok, "{err}");
    let events: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let find = |code: &str| events.iter().find(|e| e["code"] == code).unwrap_or_else(|| panic!("no {code} in {out}"));
    let e = find("111");
    assert_eq!((e["source"].as_str(), e["target"].as_str()), (Some("GON"), Some("MOR")));
    for field in [
        "article",
        "sentence",
        "sentence_text",
        "date",
        "source",
        "target",
        "code",
        "root",
        "quad_class",
        "goldstein",
        "evidence",
    ] {
        assert!(e.get(field).is_some(), "field {field} missing in {e}");
    }
    // "on Tuesday" in an article published Thursday 2018-08-16: the event date is that Tuesday.
    assert_eq!(e["date"], "2018-08-14");
    assert_eq!(e["root"], "11");
    assert_eq!(e["evidence"]["verb_span"]["text"], "criticized");
    assert!(e["evidence"]["pattern"].as_str().unwrap().contains("test.txt:"), "{e}");
    let intent = find("036");
    assert_eq!((intent["source"].as_str(), intent["target"].as_str()), (Some("RUSGOV"), Some("PRKGOV")));
    assert!(!out.contains("\"010\""), "bare 'said' makes no event: {out}");
}

#[test]
fn code_tsv_has_a_header() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, out, err) =
        run(dyad().args(["code", "--no-db"]).arg("--dictionaries").arg(dicts()).args(["--format", "tsv"]).arg(article(tmp.path())));
    assert!(ok, "{err}");
    let mut lines = out.lines();
    assert!(lines.next().unwrap().starts_with("article\tsentence\tdate\tsource\ttarget\tcode"));
    assert!(lines.any(|l| l.contains("\tGON\tMOR\t111\t")), "{out}");
}

#[test]
fn explain_shows_matches_and_decisions() {
    let (ok, out, err) = run(dyad().arg("explain").arg("--dictionaries").arg(dicts()).arg("Gondor did not attack Mordor."));
    assert!(ok, "{err}");
    assert!(out.contains("actor Gondor [GON]"), "{out}");
    assert!(out.contains("no event: negated (not)"), "{out}");
    let (ok, out, _) = run(dyad().arg("explain").arg("--dictionaries").arg(dicts()).arg("🙂 !!!"));
    assert!(ok);
    assert!(out.contains("events:") || out.contains("no sentences"), "{out}");
}

#[test]
fn validate_scores_a_suite() {
    let tmp = tempfile::tempdir().unwrap();
    let suite = tmp.path().join("suite.xml");
    std::fs::write(
        &suite,
        r#"<Sentences>
<Sentence date="20200101" id="A-1" category="T" sentence="true">
<EventCoding sourcecode="GON" targetcode="MOR" eventcode="111"></EventCoding>
<Text>Gondor criticized Mordor.</Text>
</Sentence>
<Sentence date="20200101" id="A-2" category="T" sentence="true">
<EventCoding sourcecode="ARN" targetcode="ROH" eventcode="190"></EventCoding>
<Text>Arnor criticized Rohan.</Text>
</Sentence>
</Sentences>"#,
    )
    .unwrap();
    let (ok, out, err) = run(dyad().arg("validate").arg(&suite).arg("--dictionaries").arg(dicts()));
    assert!(ok, "{err}");
    assert!(out.contains("FAIL A-2"), "{out}");
    assert!(out.contains("expected: ARN ROH 190"), "{out}");
    assert!(out.contains("produced: ARN ROH 111"), "{out}");
    assert!(!out.contains("FAIL A-1"), "{out}");
    let (ok, out, _) = run(dyad().arg("validate").arg(&suite).arg("--dictionaries").arg(dicts()).arg("--quiet"));
    assert!(ok);
    assert!(!out.contains("FAIL") && out.contains("correct 1 (50.0% of expected)"), "{out}");
    // Events from `dyad code` scored by the same rule.
    let events = tmp.path().join("events.jsonl");
    std::fs::write(&events, r#"{"article":"A-2","sentence":0,"sentence_text":"x","date":null,"source":"ARN","target":"ROH","code":"190","root":"19","quad_class":4,"goldstein":-10.0,"evidence":{"sentence_start":0,"sentence_end":1,"verb_span":{"start":0,"end":1,"text":"x"},"pattern":"p"}}"#).unwrap();
    let (ok, out, err) = run(dyad().arg("validate").arg(&suite).arg("--events").arg(&events).arg("--quiet"));
    assert!(ok, "{err}");
    assert!(out.contains("correct 1 (50.0% of expected)") && out.contains("extra 0"), "{out}");
    let (ok, out, _) = run(dyad().arg("validate").arg(&suite).arg("--dictionaries").arg(dicts()).arg("--json"));
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["correct"], 1);
    assert_eq!(v["summary"]["extra"], 1);
    assert_eq!(v["summary"]["sentences_correct"], 1);
    // A broken suite is an error naming the file and line.
    std::fs::write(&suite, "<Sentence date=\"1995\" id=\"x\"><Text>a</Text></Sentence>").unwrap();
    let (ok, _, err) = run(dyad().arg("validate").arg(&suite).arg("--dictionaries").arg(dicts()));
    assert!(!ok);
    assert!(err.contains("suite.xml:1: bad date"), "{err}");
}

#[test]
fn dict_who_resolves_through_the_matcher() {
    let (ok, out, err) =
        run(dyad().args(["dict", "who", "Kim Jong-un", "--date", "2018-03-20"]).arg("--dictionaries").arg(dicts()));
    assert!(ok, "{err}");
    assert!(out.contains("actor Kim Jong Un"), "{out}");
    assert!(out.contains("code on 2018-03-20: PRKGOV"), "{out}");
    assert!(out.contains("dated: PRKGOV 2011-12-17.."), "{out}");
    let (ok, out, _) = run(dyad().args(["dict", "who", "North Korean leader"]).arg("--dictionaries").arg(dicts()));
    assert!(ok);
    assert!(out.contains("as a noun phrase: \"North Korean leader\" = PRKGOV"), "{out}");
    let (ok, out, _) = run(dyad().args(["dict", "who", "Nobody Special"]).arg("--dictionaries").arg(dicts()));
    assert!(!ok);
    assert!(out.contains("no actor or agent"), "{out}");
}

#[test]
fn eval_scores_india_police_events_by_story() {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("ipe.jsonl");
    // Story 1: the arrest is an agentless passive (the police are implicit); story 2: a
    // police killing with a kill word, and a sentence the gold says nothing about.
    std::fs::write(
        &gold,
        concat!(
            r#"{"id": "ipe-1-0", "date": "2002-03-10", "text": "fifty persons were arrested on sunday.", "labels": ["ARREST", "ANY_ACTION"]}"#, "\n",
            r#"{"id": "ipe-2-0", "date": "2002-03-11", "text": "police killed two persons in the city.", "labels": ["KILL", "FORCE", "ANY_ACTION"]}"#, "\n",
            r#"{"id": "ipe-2-1", "date": "2002-03-11", "text": "the city was quiet.", "labels": []}"#, "\n",
        ),
    )
    .unwrap();
    let (ok, out, err) = run(dyad().args(["eval", "--json"]).arg(&gold));
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON summary");
    assert_eq!((v["sentences"].as_u64(), v["documents"].as_u64()), (Some(3), Some(2)));
    // Every question answered right: macro-F1 1.
    assert_eq!(v["dyad_macro_f1"].as_f64(), Some(1.0), "{out}");
    // The table for a terminal.
    let (ok, out, _) = run(dyad().arg("eval").arg(&gold));
    assert!(ok && out.contains("IndiaPoliceEvents") && out.contains("macro-F1"), "{out}");
    // A malformed record is an error naming the file and line.
    std::fs::write(&gold, "{\"id\": \"ipe-1-0\", \"text\": \"x\", \"labels\": \"KILL\"}\n").unwrap();
    let (ok, _, err) = run(dyad().arg("eval").arg(&gold));
    assert!(!ok && err.contains("ipe.jsonl:1"), "{err}");
}

// ---- with ../shared (DYAD_CORPUS_TESTS=1; fails loudly when the data is missing) ----

#[test]
fn india_police_events_dev_figure_holds() {
    if !std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1") {
        eprintln!("SKIPPED: set DYAD_CORPUS_TESTS=1 to score ../shared/eval/ipe_dev.jsonl");
        return;
    }
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/ipe_dev.jsonl");
    assert!(gold.exists(), "DYAD_CORPUS_TESTS=1 but {} is missing", gold.display());
    let (ok, out, err) = run(dyad().args(["eval", "--json"]).arg(&gold));
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON summary");
    assert_eq!(v["sentences"].as_u64(), Some(10413));
    // docs/accuracy.md: 0.568 (keyword baseline 0.539); a small margin.
    let f1 = v["dyad_macro_f1"].as_f64().unwrap_or(0.0);
    assert!(f1 >= 0.55, "IPE dev macro-F1 fell to {f1:.3}");
    assert!(f1 > v["keyword_macro_f1"].as_f64().unwrap_or(1.0), "below the keyword baseline: {out}");
}
