//! dyad's own syntactic analysis: a UPOS tagger, a lemmatiser and a labelled dependency
//! parser producing Universal Dependencies trees, all linear models trained on UD English
//! EWT and embedded in the binary.
//!
//! Layers, one folder per learned model: [`tagger`] (averaged perceptron, greedy),
//! [`parser`] (arc-eager transitions, dynamic oracle), [`relabeller`] (the relations of the
//! finished tree re-predicted from the whole tree), [`lemma`] (lookup and suffix rules);
//! [`words`] computes what both models read of a word; [`weights`] and [`io`] hold the
//! model's numbers and their file format; [`conllu`] reads and writes treebanks; [`train`]
//! ties training together and [`score`] measures it.

mod augment;
pub mod clusters;
pub mod conllu;
mod display;
mod hash;
mod io;
pub mod lemma;
pub mod parser;
pub mod relabeller;
pub mod score;
pub mod tagger;
pub mod train;
pub mod weights;
pub mod words;

use std::cell::RefCell;
use std::path::Path;
use std::sync::OnceLock;

use dyad_doc::{DepRel, Document, Upos};

use clusters::Clusters;
use lemma::Lemmatizer;
use parser::transition::State;
use parser::DepParser;
use relabeller::Relabeller;
use tagger::Tagger;
use words::{analyse, Scratch, WordInfo};

pub use display::tree_text;

/// The model built into dyad (trained on UD English EWT; see `model/README.md`).
static BUILTIN_MODEL: &[u8] = include_bytes!("../model/en_ewt.dyadparse");
/// Size of the built-in model file.
pub const BUILTIN_MODEL_BYTES: usize = include_bytes!("../model/en_ewt.dyadparse").len();

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a dyad parser model (bad magic bytes)")]
    NotAModel,
    #[error("model file is truncated: expected {expected} bytes, found {found}")]
    Truncated { expected: u64, found: u64 },
    #[error("model format version {found} is not supported (this dyad reads version {supported})")]
    Version { found: u32, supported: u32 },
    #[error("model checksum does not match: the file is corrupt")]
    Checksum,
    #[error("model is corrupt: {0}")]
    Corrupt(String),
    #[error("cannot read model {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// Tagger, lemmatiser and parser together.
pub struct Parser {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: DepParser,
    /// Word clusters both models read (empty for a model trained without them).
    pub clusters: Clusters,
    /// Second-stage relation labeller (absent when it did not help on dev).
    pub relabeller: Option<Relabeller>,
}

/// Per-thread buffers for one sentence, so parsing allocates nothing in steady state
/// (except the lemma strings the document keeps).
#[derive(Default)]
struct Work {
    scratch: Scratch,
    words: Vec<WordInfo>,
    buf: tagger::TagBuffers,
    tags: Vec<Upos>,
    state: State,
    relabel: relabeller::RelabelBuffers,
}

thread_local! {
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

/// One analysed sentence: tags, and heads (by position, 0 = root) with labels.
pub struct Analysis<'a> {
    pub tags: &'a [Upos],
    /// `heads[p]` for word position `p` in `1..=n`.
    pub heads: &'a [u32],
    pub labels: &'a [u8],
}

/// A sentence's tags and tree by word index (see [`Parser::parse_words`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordTree {
    pub upos: Vec<Upos>,
    pub head: Vec<Option<usize>>,
    pub rel: Vec<DepRel>,
}

/// The parses of some sentences of one document, by sentence index: what one stage parsed
/// (the coder) handed to a later one (event locations), so no sentence is parsed twice.
#[derive(Clone, Debug, Default)]
pub struct SentenceParses {
    /// Sorted by sentence index.
    parses: Vec<(usize, WordTree)>,
}

impl SentenceParses {
    /// Keep the parse of sentence `sentence` (over its tokens in the document), replacing
    /// any kept before.
    pub fn insert(&mut self, sentence: usize, tree: WordTree) {
        match self.parses.binary_search_by_key(&sentence, |(s, _)| *s) {
            Ok(k) => self.parses[k].1 = tree,
            Err(k) => self.parses.insert(k, (sentence, tree)),
        }
    }

    pub fn get(&self, sentence: usize) -> Option<&WordTree> {
        self.parses.binary_search_by_key(&sentence, |(s, _)| *s).ok().map(|k| &self.parses[k].1)
    }

    pub fn len(&self) -> usize {
        self.parses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parses.is_empty()
    }
}

impl Parser {
    /// The model embedded in the binary, loaded once.
    pub fn builtin() -> &'static Parser {
        static PARSER: OnceLock<Parser> = OnceLock::new();
        PARSER.get_or_init(|| Parser::from_bytes(BUILTIN_MODEL).expect("the built-in parser model is valid"))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut r = io::Reader::open(bytes)?;
        let tagger = Tagger::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = DepParser::read(&mut r)?;
        let clusters = if r.at_tag(b"CLUS") { Clusters::read(&mut r)? } else { Clusters::default() };
        let relabeller = if r.at_end() { None } else { Some(Relabeller::read(&mut r)?) };
        r.done()?;
        Ok(Parser { tagger, lemmatizer, parser, clusters, relabeller })
    }

    pub fn load(path: &Path) -> Result<Parser, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io { path: path.display().to_string(), source })?;
        Parser::from_bytes(&bytes)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = io::Writer::default();
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        if !self.clusters.is_empty() {
            self.clusters.write(&mut w);
        }
        if let Some(r) = &self.relabeller {
            r.write(&mut w);
        }
        w.finish()
    }

    /// Tags and parses the words `forms`; `parse` false stops after tagging (heads then
    /// empty). The analysis is handed to `f` (it lives in per-thread buffers).
    pub fn analyse<R>(&self, forms: &[&str], parse: bool, f: impl FnOnce(Analysis) -> R) -> R {
        WORK.with(|w| {
            let mut w = w.borrow_mut();
            let Work { scratch, words, buf, tags, state, relabel } = &mut *w;
            words.clear();
            words.extend(forms.iter().map(|f| analyse(f, scratch)));
            self.clusters.fill(words);
            self.tagger.tag_fast(words, buf, tags);
            if parse {
                self.parser.parse(words, tags, state);
                if let Some(r) = &self.relabeller {
                    r.relabel(words, tags, &state.head, &mut state.label, &state.label_scores, relabel);
                }
                f(Analysis { tags, heads: &state.head, labels: &state.label })
            } else {
                f(Analysis { tags, heads: &[], labels: &[] })
            }
        })
    }

    /// Tags and parses the words `forms`, by word index: each word's tag, head (0-based, `None`
    /// for the root) and relation. For callers that keep the tree apart from the document.
    pub fn parse_words(&self, forms: &[&str]) -> WordTree {
        self.analyse(forms, true, |a| {
            let n = forms.len();
            let (head, rel) = (1..=n)
                .map(|p| match a.heads.get(p).copied() {
                    Some(h) if h >= 1 && h as usize <= n => (
                        Some(h as usize - 1),
                        a.labels.get(p).and_then(|&l| DepRel::from_index(l as usize)).unwrap_or(DepRel::DEP),
                    ),
                    _ => (None, DepRel::ROOT),
                })
                .unzip();
            WordTree { upos: a.tags.to_vec(), head, rel }
        })
    }

    /// Tag, lemmatise and parse one sentence of the document in place (fills upos, head,
    /// deprel of its tokens and their lemmas; `doc.lemmas` is resized to `doc.tokens.len()`
    /// if needed, other entries left as they are).
    pub fn parse_sentence(&self, doc: &mut Document, sentence: usize) {
        let Some(s) = doc.sentences.get(sentence).copied() else { return };
        let (start, end) = (s.token_start.min(doc.tokens.len()), s.token_end.min(doc.tokens.len()));
        if start >= end {
            return;
        }
        if doc.lemmas.len() < doc.tokens.len() {
            let missing: Vec<String> = doc.tokens[doc.lemmas.len()..].iter().map(|t| doc.text[t.start..t.end].to_lowercase()).collect();
            doc.lemmas.extend(missing);
        }
        let Document { text, tokens, lemmas, .. } = doc;
        let forms: Vec<&str> = tokens[start..end].iter().map(|t| &text[t.start..t.end]).collect();
        self.analyse(&forms, true, |a| {
            for (i, tok) in tokens[start..end].iter_mut().enumerate() {
                let p = i + 1;
                tok.upos = a.tags[i];
                let h = a.heads[p];
                if h == 0 {
                    tok.head = None;
                    tok.deprel = DepRel::ROOT;
                } else {
                    tok.head = Some((start + h as usize - 1) as u32);
                    tok.deprel = DepRel::from_index(a.labels[p] as usize).unwrap_or(DepRel::DEP);
                }
                lemmas[start + i] = self.lemmatizer.lemma(forms[i], a.tags[i]);
            }
        });
    }

    pub fn parse_document(&self, doc: &mut Document) {
        for i in 0..doc.sentences.len() {
            self.parse_sentence(doc, i);
        }
    }

    /// Predicts UPOS, LEMMA, HEAD and DEPREL of a CoNLL-U sentence's words, keeping its
    /// forms and comments (other columns are cleared).
    pub fn annotate(&self, s: &mut conllu::Sentence) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let out: Vec<(Upos, u32, u8)> =
            self.analyse(&forms, true, |a| (0..forms.len()).map(|i| (a.tags[i], a.heads[i + 1], a.labels[i + 1])).collect());
        for (w, (upos, head, label)) in s.words.iter_mut().zip(out) {
            w.lemma = self.lemmatizer.lemma(&w.form, upos);
            w.upos = upos.as_str().to_string();
            w.xpos = "_".into();
            w.feats = "_".into();
            w.head = Some(head);
            w.deprel = if head == 0 { "root".into() } else { DepRel::from_index(label as usize).unwrap_or(DepRel::DEP).as_str().into() };
            w.deps = "_".into();
        }
    }
}
