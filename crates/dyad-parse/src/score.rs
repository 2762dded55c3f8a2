//! Scoring predicted trees against gold ones with the standard definitions: UPOS = share of
//! words with the right tag, UAS = right head, LAS = right head and relation, relation
//! subtypes ignored. Words are matched by position (the gold words were kept).

use crate::conllu::Sentence;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
}

impl Scores {
    pub fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Compares `pred` with `gold` sentence by sentence; extra or missing words count as wrong.
pub fn score(gold: &[Sentence], pred: &[Sentence]) -> Scores {
    let mut s = Scores::default();
    for (i, g) in gold.iter().enumerate() {
        let p = pred.get(i).map(|p| p.words.as_slice()).unwrap_or(&[]);
        for (j, gw) in g.words.iter().enumerate() {
            s.words += 1;
            let Some(pw) = p.get(j) else { continue };
            s.upos += (pw.upos == gw.upos) as usize;
            s.lemma += (pw.lemma == gw.lemma) as usize;
            if pw.head == gw.head && gw.head.is_some() {
                s.uas += 1;
                s.las += (base(&pw.deprel) == base(&gw.deprel)) as usize;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::read;

    #[test]
    fn subtypes_are_ignored_and_wrong_heads_count() {
        let gold = read("1\ta\ta\tDET\t_\t_\t2\tdet\t_\t_\n2\tb\tb\tNOUN\t_\t_\t0\troot\t_\t_\n3\tc\tc\tVERB\t_\t_\t2\tnsubj:pass\t_\t_\n", "g").unwrap();
        let pred = read("1\ta\ta\tDET\t_\t_\t2\tdet\t_\t_\n2\tb\tb\tVERB\t_\t_\t0\troot\t_\t_\n3\tc\tc\tVERB\t_\t_\t2\tnsubj\t_\t_\n", "p").unwrap();
        let s = score(&gold, &pred);
        assert_eq!((s.words, s.upos, s.uas, s.las), (3, 2, 3, 3));
        let worse = read("1\ta\ta\tDET\t_\t_\t3\tdet\t_\t_\n2\tb\tb\tNOUN\t_\t_\t0\troot\t_\t_\n3\tc\tc\tVERB\t_\t_\t2\tobj\t_\t_\n", "p").unwrap();
        let s = score(&gold, &worse);
        assert_eq!((s.uas, s.las), (2, 1));
    }
}
