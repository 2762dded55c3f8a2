//! The public API on hand-written fixtures: training smoke test, model save/load round trip,
//! corrupt and truncated models, CoNLL-U to documents, and the built-in model on text.

use dyad_doc::{DepRel, Upos};
use dyad_parse::parser::transition::{is_projective, oracle_parse, projectivize, Gold, NONE};
use dyad_parse::train::{train, Example, TrainOptions};
use dyad_parse::{conllu, ModelError, Parser};

const SMALL: &str = include_str!("fixtures/small.conllu");

fn small_model() -> Parser {
    let sents = conllu::read(SMALL, "small.conllu").unwrap();
    // A smoke training: the fixture repeated, a few epochs, gold tags for the parser.
    let train_set: Vec<conllu::Sentence> = (0..20).flat_map(|_| sents.clone()).collect();
    let opts = TrainOptions { seed: 7, tagger_epochs: 3, parser_epochs: 3, folds: 2, time_phrases: 0.1, relabel_epochs: 3 };
    train(&train_set, &sents, opts, Default::default(), &mut |_| {}).0
}

#[test]
fn smoke_training_learns_the_fixture_and_round_trips() {
    let sents = conllu::read(SMALL, "small.conllu").unwrap();
    let model = small_model();
    let bytes = model.to_bytes();
    let back = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes, "save → load → save is byte-identical");
    // Training is deterministic.
    assert_eq!(small_model().to_bytes(), bytes);
    let mut pred = sents.clone();
    for s in &mut pred {
        back.annotate(s);
    }
    let sc = dyad_parse::score::score(&sents, &pred);
    assert!(sc.pct(sc.upos) > 95.0, "UPOS on its own training data: {:.1}", sc.pct(sc.upos));
    assert!(sc.pct(sc.las) > 80.0, "LAS on its own training data: {:.1}", sc.pct(sc.las));
}

#[test]
fn a_model_with_word_clusters_keeps_them_through_a_round_trip() {
    use dyad_parse::clusters::{ClusterOptions, Clusters};
    let sents = conllu::read(SMALL, "small.conllu").unwrap();
    let mut scratch = dyad_parse::words::Scratch::default();
    let text: Vec<Vec<u64>> =
        sents.iter().map(|s| s.words.iter().map(|w| dyad_parse::words::analyse(&w.form, &mut scratch).lower).collect()).collect();
    let opts = ClusterOptions { fine: 4, coarse: 2, min_count: 1, ..ClusterOptions::default() };
    let clusters = Clusters::learn(&text, opts, &mut |_| {});
    assert!(!clusters.is_empty());
    let train_set: Vec<conllu::Sentence> = (0..20).flat_map(|_| sents.clone()).collect();
    let topts = TrainOptions { seed: 7, tagger_epochs: 3, parser_epochs: 3, folds: 2, time_phrases: 0.0, relabel_epochs: 3 };
    let model = train(&train_set, &sents, topts, clusters.clone(), &mut |_| {}).0;
    let bytes = model.to_bytes();
    let back = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(back.clusters.len(), clusters.len());
    assert_eq!(back.to_bytes(), bytes);
    // Clusters make a different model from the same data.
    assert_ne!(small_model().to_bytes(), bytes);
}

#[test]
fn the_built_in_model_has_clusters_and_a_relabeller_that_round_trip() {
    // The committed model is the documented one: trained with word clusters, and its
    // relabeller beat the parser's own labels on dev.
    let p = Parser::builtin();
    assert!(p.clusters.len() > 30_000, "{} clustered words", p.clusters.len());
    let r = p.relabeller.as_ref().expect("the built-in model has a relabeller");
    assert!(r.parser_weight + r.own_weight > 0 && r.margin > 0);
    let bytes = p.to_bytes();
    assert_eq!(bytes.len(), dyad_parse::BUILTIN_MODEL_BYTES);
    let back = Parser::from_bytes(&bytes).unwrap();
    let rb = back.relabeller.as_ref().unwrap();
    assert_eq!((rb.parser_weight, rb.own_weight, rb.margin), (r.parser_weight, r.own_weight, r.margin));
    // The relabeller may change labels, never heads or tags.
    let mut without = Parser::from_bytes(&bytes).unwrap();
    without.relabeller = None;
    let text = "The army said on Tuesday it had given the rebels a deadline , and the talks in Geneva were suspended .";
    let forms: Vec<&str> = text.split(' ').collect();
    let (a, b) = (p.parse_words(&forms), without.parse_words(&forms));
    assert_eq!(a.head, b.head);
    assert_eq!(a.upos, b.upos);
}

#[test]
fn truncated_and_corrupt_models_give_clear_errors() {
    let bytes = small_model().to_bytes();
    let err = |b: &[u8]| Parser::from_bytes(b).err().expect("must fail").to_string();
    assert!(err(&bytes[..bytes.len() / 2]).contains("truncated"));
    assert!(err(&bytes[..5]).contains("not a dyad parser model"));
    assert!(err(b"").contains("not a dyad parser model"));
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 3] ^= 0x40;
    assert!(err(&flipped).contains("checksum"));
    let mut version = bytes.clone();
    version[8] = 99;
    assert!(err(&version).contains("version"));
    let dir = std::env::temp_dir().join(format!("dyad-parse-test-{}", std::process::id()));
    let e = Parser::load(&dir.join("missing.model")).err().unwrap();
    assert!(matches!(e, ModelError::Io { .. }));
    assert!(e.to_string().contains("missing.model"));
}

#[test]
fn oracle_rebuilds_every_projective_fixture_tree_and_lifts_the_others() {
    for s in conllu::read(SMALL, "small.conllu").unwrap() {
        let ex = Example::from_conllu(&s);
        let mut heads = ex.heads.clone();
        let projective = is_projective(&heads);
        if !projective {
            assert!(projectivize(&mut heads) > 0);
            assert!(is_projective(&heads));
        }
        let (h, l) = oracle_parse(&Gold { head: &heads, label: &ex.labels }, ex.forms.len());
        assert_eq!(&h[1..], &heads[1..], "{:?}", s.comment("sent_id"));
        assert_eq!(&l[1..], &ex.labels[1..]);
        assert!(h[1..].iter().all(|&x| x != NONE));
    }
}

#[test]
fn documents_from_conllu_parse_in_place() {
    let mut doc = conllu::to_document(SMALL, "small.conllu").unwrap();
    let gold = doc.tokens.clone();
    let parser = Parser::builtin();
    // Wipe the gold analysis, then parse.
    for t in &mut doc.tokens {
        t.upos = Upos::X;
        t.head = None;
        t.deprel = DepRel::DEP;
    }
    doc.lemmas.clear();
    parser.parse_document(&mut doc);
    assert_eq!(doc.lemmas.len(), doc.tokens.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        assert!(doc.is_parsed(s), "sentence {si} has one root");
        for t in doc.sentence_tokens(s) {
            if let Some(h) = t.head {
                assert!((s.token_start..s.token_end).contains(&(h as usize)), "heads stay in the sentence");
            }
        }
    }
    let right = doc.tokens.iter().zip(&gold).filter(|(a, b)| a.upos == b.upos).count();
    assert!(right * 10 >= gold.len() * 9, "built-in model tags the fixture: {right}/{}", gold.len());
    assert_eq!(doc.lemma(2), Some("attack"));
}

#[test]
fn built_in_model_parses_segmented_news_and_odd_input() {
    let parser = Parser::builtin();
    let mut doc = dyad_segment::segment_text("Hamas-linked gunmen didn't attack Russia's embassy, the French deputy foreign minister said Tuesday.");
    parser.parse_document(&mut doc);
    let s = doc.sentences[0];
    assert!(doc.is_parsed(&s));
    let find = |w: &str| doc.tokens.iter().position(|t| doc.token_text(t) == w).unwrap();
    let said = find("said");
    assert_eq!(doc.tokens[said].upos, Upos::VERB);
    assert_eq!(doc.lemma(said), Some("say"));
    assert_eq!(doc.tokens[find("n't")].upos, Upos::PART);
    // Odd input: empty, punctuation only, non-Latin script, capitals, lower case, a very long sentence.
    let long = "the army attacked the village and ".repeat(900);
    for text in ["", "...!?", "Москва заявила о начале переговоров.", "金正恩会见了普京。", "REBELS SEIZED THE TOWN ON MONDAY.", "rebels seized the town on monday.", long.as_str()] {
        let mut d = dyad_segment::segment_text(text);
        parser.parse_document(&mut d);
        for s in &d.sentences {
            if s.token_end > s.token_start {
                assert!(d.is_parsed(s), "{text:.40}");
            }
        }
    }
    let mut d = dyad_segment::segment_text("REBELS SEIZED THE TOWN ON MONDAY.");
    parser.parse_document(&mut d);
    assert_eq!(d.tokens[1].upos, Upos::VERB, "ALL-CAPS verbs are verbs");
}

#[test]
fn malformed_conllu_names_file_and_line() {
    let bad = SMALL.replace("3\tattacked\tattack\tVERB\tVBD\t_\t0\troot", "3\tattacked\tattack\tVERB\tVBD\t_\t5\troot");
    let bad = bad.replacen("5\tvillage\tvillage\tNOUN\tNN\t_\t3\tobj", "5\tvillage\tvillage\tNOUN\tNN\t_\t3\tobj", 1);
    let e = conllu::read(&bad, "bad.conllu").unwrap_err();
    assert!(e.to_string().starts_with("bad.conllu:"), "{e}");
    assert!(e.message.contains("cycle"), "{e}");
    let e = conllu::to_document("1\tx\n", "t.conllu").unwrap_err();
    assert_eq!(e.line, 1);
}

#[test]
fn tokenizer_gives_the_fixture_words() {
    for s in conllu::read(SMALL, "small.conllu").unwrap() {
        let text = s.comment("text").unwrap();
        let doc = dyad_segment::segment_text(text);
        let ours: Vec<&str> = doc.tokens.iter().map(|t| doc.token_text(t)).collect();
        let gold: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(ours, gold, "{text}");
        // Offsets are exact: each token's text is where its offsets say.
        for t in &doc.tokens {
            assert_eq!(&text[t.start..t.end], doc.token_text(t));
        }
    }
}

#[test]
fn skipping_the_second_tagger_pass_for_sure_words_keeps_the_tags() {
    let p = Parser::builtin();
    let mut scratch = dyad_parse::words::Scratch::default();
    let mut buf = dyad_parse::tagger::TagBuffers::default();
    let (mut full, mut fast) = (Vec::new(), Vec::new());
    let (mut same, mut total) = (0, 0);
    for s in conllu::read(SMALL, "small.conllu").unwrap() {
        let words: Vec<_> = s.words.iter().map(|w| dyad_parse::words::analyse(&w.form, &mut scratch)).collect();
        p.tagger.tag(&words, &mut buf, &mut full);
        p.tagger.tag_fast(&words, &mut buf, &mut fast);
        assert_eq!(full.len(), fast.len());
        same += full.iter().zip(&fast).filter(|(a, b)| a == b).count();
        total += full.len();
        // The margins cover every word of the first pass.
        assert_eq!(buf.margin.len(), words.len());
    }
    assert!(same * 100 >= total * 97, "{same} of {total} tags agree");
}

#[test]
fn sentence_parses_are_kept_by_sentence_index() {
    let p = Parser::builtin();
    let a = p.parse_words(&["Kim", "met", "Putin", "."]);
    let b = p.parse_words(&["Police", "arrested", "him", "."]);
    let mut kept = dyad_parse::SentenceParses::default();
    assert!(kept.is_empty() && kept.get(0).is_none());
    kept.insert(4, b.clone());
    kept.insert(1, a.clone());
    assert_eq!(kept.len(), 2);
    assert_eq!(kept.get(1), Some(&a));
    assert_eq!(kept.get(4), Some(&b));
    assert!(kept.get(2).is_none());
    // A second parse of the same sentence replaces the first.
    kept.insert(1, b.clone());
    assert_eq!((kept.len(), kept.get(1)), (2, Some(&b)));
    assert_eq!(a.head[1], None, "{a:?}");
}
