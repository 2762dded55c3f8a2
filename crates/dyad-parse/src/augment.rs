//! News syntax that EWT's web text seldom shows, added to the parser's training data. Wire
//! copy puts a time phrase between the subject and its verb in nearly every lead ("Germany on
//! Wednesday lifted sanctions", "Israel yesterday struck targets"); EWT has a handful, and a
//! parser trained on it reads "Germany" as the root and "lifted" as an adjective.
//! `time_phrases` copies a share of the sentences whose verb has a subject before it, with
//! such a phrase right after the subject; the originals stay. Chosen by a seeded hash, so
//! training stays reproducible.

use dyad_doc::{DepRel, Upos};

use crate::parser::transition::NONE;
use crate::train::Example;

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// One inserted word: form, tag, lemma, relation, and its head as an index into the phrase
/// (`None`: the verb).
type PhraseWord = (&'static str, Upos, &'static str, &'static str, Option<usize>);

/// The time phrase for the `k`-th copy: "on Wednesday" (most), "yesterday", "last week".
fn phrase(k: u64) -> Vec<PhraseWord> {
    match k % 10 {
        0 | 1 => vec![("yesterday", Upos::NOUN, "yesterday", "obl:unmarked", None)],
        2 => vec![("last", Upos::ADJ, "last", "amod", Some(1)), ("week", Upos::NOUN, "week", "obl:unmarked", None)],
        _ => {
            let day = DAYS[(k / 10 % 7) as usize];
            vec![("on", Upos::ADP, "on", "case", Some(1)), (day, Upos::PROPN, day, "obl", None)]
        }
    }
}

/// A deterministic 64-bit mix of the seed and a sentence index (splitmix64).
fn mix(seed: u64, i: u64) -> u64 {
    let mut z = seed.wrapping_add(i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Where a time phrase can go in `ex`: after the last word of the subject of its first verb
/// that has one before it, when only auxiliaries and adverbs stand between the subject and
/// the verb. Returns (the position after which to insert, the verb's position), 1-based.
fn insertion_point(ex: &Example) -> Option<(usize, usize)> {
    let n = ex.forms.len();
    let nsubj = DepRel::parse("nsubj");
    let allowed_between = [DepRel::parse("aux"), DepRel::parse("advmod")];
    for v in 1..=n {
        if ex.tags[v - 1] != Upos::VERB {
            continue;
        }
        let Some(s) = (1..v).find(|&s| ex.heads[s] as usize == v && DepRel::from_index(ex.labels[s] as usize).is_some_and(|r| r.base() == nsubj.base())) else {
            continue;
        };
        // The subject's last word: the largest position its subtree reaches.
        let mut end = s;
        for w in s + 1..v {
            let mut h = w;
            for _ in 0..n {
                if h == s || h == 0 || ex.heads[h] == NONE {
                    break;
                }
                h = ex.heads[h] as usize;
            }
            if h == s {
                end = w;
            }
        }
        let plain_gap = (end + 1..v).all(|w| {
            ex.heads[w] as usize == v && DepRel::from_index(ex.labels[w] as usize).is_some_and(|r| allowed_between.iter().any(|a| a.base() == r.base()))
        });
        // Not after a punctuation mark or inside quotes: "He said, ..." reads badly.
        if plain_gap && ex.tags[end - 1] != Upos::PUNCT {
            return Some((end, v));
        }
        return None;
    }
    None
}

/// Copies of about `share` of the sentences (0..1) with a time phrase after the subject,
/// each with the index of the sentence it copies.
pub fn time_phrases(examples: &[Example], seed: u64, share: f64) -> Vec<(usize, Example)> {
    let threshold = (share.clamp(0.0, 1.0) * u64::MAX as f64) as u64;
    let mut out = Vec::new();
    for (i, ex) in examples.iter().enumerate() {
        if !ex.has_tree || mix(seed, i as u64) > threshold {
            continue;
        }
        let Some((after, verb)) = insertion_point(ex) else { continue };
        out.push((i, insert(ex, after, verb, &phrase(mix(seed ^ 0x5eed, i as u64)))));
    }
    out
}

/// Insert `words` after 1-based position `after` of `ex`; a word's head is an index into
/// `words` or, for `None`, the (old) position `anchor`.
fn insert(ex: &Example, after: usize, anchor: usize, words: &[PhraseWord]) -> Example {
    let k = words.len();
    // Old positions after `after` move right by k; the root slot (0) and NONE stay.
    let shift = |p: u32| if p != NONE && p as usize > after { p + k as u32 } else { p };
    let mut copy = Example {
        forms: ex.forms.clone(),
        tags: ex.tags.clone(),
        lemmas: ex.lemmas.clone(),
        heads: ex.heads.iter().map(|&h| shift(h)).collect(),
        labels: ex.labels.clone(),
        pred_tags: None,
        has_tree: true,
    };
    let anchor = shift(anchor as u32);
    for (j, &(form, tag, lemma, rel, head)) in words.iter().enumerate() {
        let pos = after + j; // the new word's index into forms/tags (0-based)
        copy.forms.insert(pos, form.to_string());
        copy.tags.insert(pos, tag);
        copy.lemmas.insert(pos, lemma.to_string());
        let h = match head {
            Some(q) => (after + 1 + q) as u32,
            None => anchor,
        };
        copy.heads.insert(pos + 1, h);
        copy.labels.insert(pos + 1, DepRel::parse(rel).index() as u8);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(forms: &[&str], tags: &[Upos], heads: &[u32], rels: &[&str]) -> Example {
        Example {
            forms: forms.iter().map(|s| s.to_string()).collect(),
            tags: tags.to_vec(),
            lemmas: forms.iter().map(|s| s.to_lowercase()).collect(),
            heads: std::iter::once(NONE).chain(heads.iter().copied()).collect(),
            labels: std::iter::once(0u8).chain(rels.iter().map(|r| DepRel::parse(r).index() as u8)).collect(),
            pred_tags: None,
            has_tree: true,
        }
    }

    #[test]
    fn a_time_phrase_goes_after_the_whole_subject_and_hangs_on_the_verb() {
        use Upos::*;
        // "The army lifted the ban ." : the(1)→army(2), army→lifted(3), lifted root, the(4)→ban(5), ban→lifted, .→lifted
        let ex = example(&["The", "army", "lifted", "the", "ban", "."], &[DET, NOUN, VERB, DET, NOUN, PUNCT], &[2, 3, 0, 5, 3, 3], &["det", "nsubj", "root", "det", "obj", "punct"]);
        assert_eq!(insertion_point(&ex), Some((2, 3)));
        let copies = time_phrases(&[ex], 7, 1.0);
        assert_eq!(copies.len(), 1);
        let c = &copies[0].1;
        let n = c.forms.len();
        assert!(n == 7 || n == 8, "{:?}", c.forms);
        // The verb keeps the root; every head is inside the sentence; the phrase's head word
        // hangs on the verb.
        let verb = c.forms.iter().position(|f| f == "lifted").unwrap() + 1;
        assert_eq!(c.heads[verb], 0);
        assert!(c.heads[1..].iter().all(|&h| (h as usize) <= n));
        let inserted: Vec<usize> = (3..verb).collect();
        assert!(inserted.iter().any(|&p| c.heads[p] as usize == verb), "{:?} {:?}", c.forms, c.heads);
        // The subject and object still point at the verb; the determiners at their nouns.
        assert_eq!(c.heads[2] as usize, verb);
        assert_eq!(c.heads[verb + 2] as usize, verb);
        assert_eq!(c.heads[verb + 1] as usize, verb + 2);
        assert_eq!(c.heads.len(), n + 1);
        assert_eq!(c.labels.len(), n + 1);
    }

    #[test]
    fn no_phrase_where_the_subject_is_not_right_before_the_verb() {
        use Upos::*;
        // "Lifted the ban ." has no subject; a subject after its verb gets none either.
        let ex = example(&["Lifted", "the", "ban", "."], &[VERB, DET, NOUN, PUNCT], &[0, 3, 1, 1], &["root", "det", "obj", "punct"]);
        assert_eq!(insertion_point(&ex), None);
        assert!(time_phrases(&[ex], 7, 1.0).is_empty());
    }

    #[test]
    fn the_share_is_seeded_and_reproducible() {
        use Upos::*;
        let ex = || example(&["Police", "arrested", "him", "."], &[NOUN, VERB, PRON, PUNCT], &[2, 0, 2, 2], &["nsubj", "root", "obj", "punct"]);
        let many: Vec<Example> = (0..200).map(|_| ex()).collect();
        let a = time_phrases(&many, 3, 0.25);
        let b = time_phrases(&many, 3, 0.25);
        assert_eq!(a.len(), b.len());
        assert!(a.len() > 20 && a.len() < 80, "{}", a.len());
        assert!(a.iter().zip(&b).all(|(x, y)| x.0 == y.0 && x.1.forms == y.1.forms));
    }
}
