//! `dyad parse` end to end: articles to CoNLL-U, CoNLL-U round trip and scoring, errors,
//! a smoke training.

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

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path).display().to_string()
}

fn fixture() -> String {
    repo("crates/dyad-parse/tests/fixtures/small.conllu")
}

#[test]
fn articles_become_conllu_with_ids_and_text() {
    for threads in ["1", "2"] {
        let out = dyad(&["parse", &repo("examples/article.txt"), "--threads", threads], None);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with("# newdoc id = article\n# doc_id = article\n"), "{text:.200}");
        assert!(text.contains("# sent_id = article-1\n# text = "));
        let sentences = dyad_parse::conllu::read(&text, "stdout").expect("valid CoNLL-U");
        assert!(sentences.len() >= 5);
        for s in &sentences {
            assert_eq!(s.words.iter().filter(|w| w.head == Some(0)).count(), 1, "one root");
        }
    }
}

#[test]
fn conllu_keeps_words_and_scores() {
    let out = dyad(&["parse", "--conllu", &fixture()], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let pred = dyad_parse::conllu::read(&String::from_utf8(out.stdout).unwrap(), "stdout").unwrap();
    let gold = dyad_parse::conllu::read(&std::fs::read_to_string(fixture()).unwrap(), "gold").unwrap();
    assert_eq!(pred.len(), gold.len());
    for (p, g) in pred.iter().zip(&gold) {
        let pf: Vec<_> = p.words.iter().map(|w| &w.form).collect();
        let gf: Vec<_> = g.words.iter().map(|w| &w.form).collect();
        assert_eq!(pf, gf);
        assert_eq!(p.comment("sent_id"), g.comment("sent_id"));
    }
    let out = dyad(&["parse", "--conllu", &fixture(), "--score"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON when piped");
    assert_eq!(v["words"], 69);
    assert!(v["upos"].as_f64().unwrap() > 85.0 && v["las"].as_f64().unwrap() > 60.0, "{v}");
}

#[test]
fn malformed_conllu_and_models_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tThe\tthe\tDET\t_\t_\tx\tdet\t_\t_\n").unwrap();
    let out = dyad(&["parse", "--conllu", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conllu:1:") && err.contains("HEAD"), "{err}");
    let model = dir.path().join("broken.model");
    std::fs::write(&model, b"DYADPARS\x01\x00\x00\x00").unwrap();
    let out = dyad(&["parse", "--conllu", &fixture(), "--model", model.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated"));
}

#[test]
fn smoke_training_writes_a_loadable_model() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("small.model");
    let f = fixture();
    let out = dyad(&["parse", "train", "--train", &f, "--dev", &f, "--out", model.to_str().unwrap(), "--epochs", "2", "--tagger-epochs", "2"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("parser epoch 2"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("dev UPOS"));
    let out = dyad(&["parse", "--conllu", &f, "--model", model.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn clusters_from_articles_feed_a_smoke_training() {
    let dir = tempfile::tempdir().unwrap();
    let clusters = dir.path().join("small.clusters");
    let c = clusters.to_str().unwrap();
    let out = dyad(&["parse", "clusters", &repo("examples/article.txt"), "--out", c, "--fine", "4", "--coarse", "2", "--min-count", "1"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("words"), "{}", String::from_utf8_lossy(&out.stderr));
    let model = dir.path().join("small.model");
    let f = fixture();
    let m = model.to_str().unwrap();
    let train = |clusters: &str| {
        dyad(&["parse", "train", "--train", &f, "--dev", &f, "--out", m, "--epochs", "2", "--tagger-epochs", "2", "--clusters", clusters], None)
    };
    let out = train(c);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = dyad(&["parse", "--conllu", &f, "--model", m], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // A file that is not a clusters file is an error naming it, not a panic.
    let out = train(&f);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a clusters file"), "{}", String::from_utf8_lossy(&out.stderr));
}
