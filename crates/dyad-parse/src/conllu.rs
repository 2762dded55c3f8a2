//! CoNLL-U: reading (with errors that name the file and line), writing, and building a
//! [`Document`] from gold trees so later stages can be tested on hand-written sentences.
//!
//! Multi-word token ranges ("1-2") and empty nodes ("8.1") are skipped: dyad works on the
//! syntactic words.

use dyad_doc::{DepRel, Document, Sentence as DocSentence, TextSpan, Token, TokenKind, Upos};
use std::fmt::Write as _;

/// One syntactic word (a CoNLL-U line with an integer ID).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root; `None` when the column is "_".
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

impl Word {
    /// A word with only its form known.
    pub fn new(form: &str) -> Word {
        let u = "_".to_string();
        Word {
            form: form.to_string(),
            lemma: u.clone(),
            upos: u.clone(),
            xpos: u.clone(),
            feats: u.clone(),
            head: None,
            deprel: u.clone(),
            deps: u.clone(),
            misc: u,
        }
    }
    /// "SpaceAfter=No" in MISC.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading "# ".
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    /// 1-based line of the sentence's first line in its file.
    pub line: usize,
}

impl Sentence {
    /// The value of a "# key = value" comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{origin}:{line}: {message}")]
pub struct ConlluError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

/// Reads every sentence of `text`; `origin` (a file name) is used in errors.
pub fn read(text: &str, origin: &str) -> Result<Vec<Sentence>, ConlluError> {
    let err = |line: usize, message: String| ConlluError { origin: origin.to_string(), line, message };
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    // Line of each word of `cur`, for cycle errors.
    let mut word_lines: Vec<usize> = Vec::new();
    let finish = |cur: &mut Sentence, word_lines: &mut Vec<usize>, out: &mut Vec<Sentence>| -> Result<(), ConlluError> {
        if cur.words.is_empty() && cur.comments.is_empty() {
            return Ok(());
        }
        if cur.words.is_empty() {
            return Err(err(cur.line, "a sentence with comments but no words".into()));
        }
        check_heads(cur, word_lines).map_err(|(line, m)| err(line, m))?;
        out.push(std::mem::take(cur));
        word_lines.clear();
        Ok(())
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            finish(&mut cur, &mut word_lines, &mut out)?;
            continue;
        }
        if cur.words.is_empty() && cur.comments.is_empty() {
            cur.line = n;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments.push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(n, format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            // A multi-word token range or an empty node: not a syntactic word.
            let ok = id.split(['-', '.']).all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(err(n, format!("ID {id:?} is not a number, a range or a decimal")));
            }
            continue;
        }
        let id: usize = id.parse().map_err(|_| err(n, format!("ID {id:?} is not a number")))?;
        if id != cur.words.len() + 1 {
            return Err(err(n, format!("ID {id} out of sequence (expected {})", cur.words.len() + 1)));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse::<u32>().map_err(|_| err(n, format!("HEAD {h:?} is not a number")))?),
        };
        if cols[1].is_empty() {
            return Err(err(n, "empty FORM".into()));
        }
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
        word_lines.push(n);
    }
    finish(&mut cur, &mut word_lines, &mut out)?;
    Ok(out)
}

/// Heads in range, and no cycles (every word reaches the root).
fn check_heads(s: &Sentence, lines: &[usize]) -> Result<(), (usize, String)> {
    let n = s.words.len();
    for (i, w) in s.words.iter().enumerate() {
        if let Some(h) = w.head {
            if h as usize > n {
                return Err((lines[i], format!("HEAD {h} is outside the sentence ({n} words)")));
            }
            if h as usize == i + 1 {
                return Err((lines[i], format!("word {} is its own head", i + 1)));
            }
        }
    }
    // 0 = unvisited, 1 = on the current path, 2 = reaches the root.
    let mut state = vec![0u8; n + 1];
    state[0] = 2;
    for start in 1..=n {
        let mut path = Vec::new();
        let mut v = start;
        loop {
            if state[v] == 2 {
                break;
            }
            if state[v] == 1 {
                return Err((lines[v - 1], format!("the heads of words {} form a cycle", cycle_text(&path, v))));
            }
            state[v] = 1;
            path.push(v);
            match s.words[v - 1].head {
                Some(h) => v = h as usize,
                None => break,
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
    Ok(())
}

fn cycle_text(path: &[usize], v: usize) -> String {
    let from = path.iter().position(|&p| p == v).unwrap_or(0);
    path[from..].iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" → ")
}

/// Writes sentences as CoNLL-U (each followed by a blank line).
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

pub fn write_sentence(s: &Sentence, out: &mut String) {
    for c in &s.comments {
        out.push_str("# ");
        out.push_str(c);
        out.push('\n');
    }
    for (i, w) in s.words.iter().enumerate() {
        let head = w.head.map(|h| h.to_string()).unwrap_or_else(|| "_".into());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            clean(&w.form),
            clean(&w.lemma),
            clean(&w.upos),
            clean(&w.xpos),
            clean(&w.feats),
            head,
            clean(&w.deprel),
            clean(&w.deps),
            clean(&w.misc)
        );
    }
    out.push('\n');
}

/// A field may hold neither tabs nor line breaks, nor be empty.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        return "_".into();
    }
    if s.contains(['\t', '\n', '\r']) {
        return s.replace(['\t', '\n', '\r'], " ").into();
    }
    s.into()
}

/// A document of the sentences in `text`: its text is the words joined by spaces (no space
/// where MISC says `SpaceAfter=No`), sentences joined by one space in one paragraph; tokens
/// carry the gold UPOS, head and relation, and `lemmas` the gold lemmas.
pub fn to_document(text: &str, origin: &str) -> Result<Document, ConlluError> {
    let sentences = read(text, origin)?;
    let mut doc = Document { id: origin.to_string(), ..Document::default() };
    doc.origin.path = origin.to_string();
    for s in &sentences {
        append_sentence(&mut doc, s);
    }
    doc.paragraphs = vec![TextSpan::new(0, doc.text.len())];
    Ok(doc)
}

/// Appends `s` to `doc` as one more sentence of its last paragraph (text, tokens, lemmas).
pub fn append_sentence(doc: &mut Document, s: &Sentence) {
    if !doc.text.is_empty() {
        doc.text.push(' ');
    }
    let base = doc.tokens.len();
    let start = doc.text.len();
    let char_start = doc.text.chars().count();
    let mut chars = char_start;
    doc.lemmas.resize(base, String::new());
    for (i, w) in s.words.iter().enumerate() {
        let form = w.form.replace(char::is_whitespace, "\u{a0}");
        let b = doc.text.len();
        doc.text.push_str(&form);
        let n = form.chars().count();
        let upos = Upos::parse(&w.upos).unwrap_or(Upos::X);
        let kind = match upos {
            Upos::PUNCT => TokenKind::Punct,
            Upos::NUM => TokenKind::Number,
            Upos::SYM => TokenKind::Symbol,
            _ => TokenKind::Word,
        };
        let mut t = Token::new(b, doc.text.len(), chars, chars + n, kind);
        chars += n;
        t.upos = upos;
        t.head = w.head.and_then(|h| h.checked_sub(1)).map(|h| (base + h as usize) as u32);
        t.deprel = if w.head == Some(0) { DepRel::ROOT } else { DepRel::parse(&w.deprel) };
        doc.tokens.push(t);
        doc.lemmas.push(if w.lemma == "_" && w.form != "_" { w.form.to_lowercase() } else { w.lemma.clone() });
        if i + 1 < s.words.len() && !w.no_space_after() {
            doc.text.push(' ');
            chars += 1;
        }
    }
    doc.sentences.push(DocSentence {
        start,
        end: doc.text.len(),
        char_start,
        char_end: chars,
        paragraph: 0,
        token_start: base,
        token_end: doc.tokens.len(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a\n# text = Russia's army didn't attack.\n\
1\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No\n\
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
3\tarmy\tarmy\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n\
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tdid\tdo\tAUX\tVBD\t_\t6\taux\t_\tSpaceAfter=No\n\
5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n\
6\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_skipping_ranges_and_writes_them_back() {
        let s = read(SAMPLE, "t.conllu").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 7);
        assert_eq!(s[0].words[3].form, "did");
        assert_eq!(s[0].comment("sent_id"), Some("a"));
        let out = write(&s);
        let again = read(&out, "out").unwrap();
        assert_eq!(again, {
            let mut s = s.clone();
            s[0].line = 1;
            s
        });
        assert!(!out.contains("4-5"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad_cols = "1\tx\tx\tX\n";
        let e = read(bad_cols, "f.conllu").unwrap_err();
        assert_eq!((e.origin.as_str(), e.line), ("f.conllu", 1));
        assert!(e.message.contains("10"), "{e}");

        let bad_head = SAMPLE.replace("3\tnmod:poss", "x\tnmod:poss");
        let e = read(&bad_head, "f.conllu").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("HEAD"), "{e}");

        // Word 1 hangs from 3 and word 3 from 1.
        let cycle = SAMPLE.replace("6\tnsubj", "1\tnsubj");
        let e = read(&cycle, "f.conllu").unwrap_err();
        assert!(e.message.contains("cycle"), "{e}");
        assert!(e.to_string().starts_with("f.conllu:"), "{e}");
    }

    #[test]
    fn to_document_keeps_exact_offsets_and_gold_columns() {
        let doc = to_document(SAMPLE, "t").unwrap();
        assert_eq!(doc.text, "Russia's army didn't attack.");
        assert_eq!(doc.tokens.len(), 7);
        let forms: Vec<&str> = doc.tokens.iter().map(|t| doc.token_text(t)).collect();
        assert_eq!(forms, ["Russia", "'s", "army", "did", "n't", "attack", "."]);
        assert_eq!(doc.tokens[0].head, Some(2));
        assert_eq!(doc.tokens[5].deprel, DepRel::ROOT);
        assert_eq!(doc.tokens[5].head, None);
        assert_eq!(doc.tokens[0].deprel.as_str(), "nmod:poss");
        assert_eq!(doc.tokens[2].upos, Upos::NOUN);
        assert_eq!(doc.lemma(3), Some("do"));
        assert!(doc.is_parsed(&doc.sentences[0]));
        for t in &doc.tokens {
            let chars: String = doc.text.chars().skip(t.char_start).take(t.char_end - t.char_start).collect();
            assert_eq!(chars, doc.token_text(t));
        }
    }
}
