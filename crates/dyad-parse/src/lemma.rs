//! Lemmas: a lookup learned from the training data (form + UPOS → lemma), and for unseen
//! forms suffix rules learned from the same data ("-ies" NOUN → "-y": strip 3, append "y").

use dyad_doc::Upos;
use rustc_hash::FxHashMap;

use crate::hash::{key2, key3, str_hash};
use crate::io::{Reader, Writer};
use crate::ModelError;

const MAX_SUFFIX: usize = 5;

#[derive(Default)]
pub struct Lemmatizer {
    table: FxHashMap<u64, u32>,
    strings: Vec<String>,
    /// (UPOS, suffix) → (characters to strip, string index to append).
    rules: FxHashMap<u64, (u8, u32)>,
}

/// Proper nouns keep their case ("Russia"); other lemmas are looked up lower-cased.
fn table_key(form: &str, lower: &str, upos: Upos) -> u64 {
    let f = if upos == Upos::PROPN { form } else { lower };
    key2(1, str_hash(f), upos as u64)
}

fn rule_key(upos: Upos, suffix: &str) -> u64 {
    key3(2, upos as u64, suffix.chars().count() as u64, str_hash(suffix))
}

/// The last `n` characters of `s` (all of it when shorter), as a byte offset.
fn suffix_start(s: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(s.len());
    }
    s.char_indices().rev().nth(n - 1).map(|(i, _)| i)
}

impl Lemmatizer {
    pub fn lemma(&self, form: &str, upos: Upos) -> String {
        let lower = form.to_lowercase();
        if let Some(&i) = self.table.get(&table_key(form, &lower, upos)) {
            return self.strings[i as usize].clone();
        }
        let base = if upos == Upos::PROPN { form } else { lower.as_str() };
        if matches!(upos, Upos::NOUN | Upos::VERB | Upos::ADJ | Upos::PROPN | Upos::AUX | Upos::ADV) {
            for n in (1..=MAX_SUFFIX).rev() {
                let Some(at) = suffix_start(&lower, n) else { continue };
                if let Some(&(strip, append)) = self.rules.get(&rule_key(upos, &lower[at..])) {
                    let strip = strip as usize;
                    let Some(cut) = suffix_start(base, strip) else { break };
                    if cut == 0 {
                        break;
                    }
                    return format!("{}{}", &base[..cut], self.strings[append as usize]);
                }
            }
        }
        base.to_string()
    }

    /// Learns from (form, UPOS, lemma) triples.
    pub fn train<'a>(examples: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatizer {
        let mut forms: FxHashMap<u64, FxHashMap<&'a str, u32>> = FxHashMap::default();
        let mut rules: FxHashMap<u64, FxHashMap<(u8, String), u32>> = FxHashMap::default();
        for (form, upos, lemma) in examples {
            if lemma == "_" {
                continue;
            }
            let lower = form.to_lowercase();
            *forms.entry(table_key(form, &lower, upos)).or_default().entry(lemma).or_default() += 1;
            let lemma_cmp = if upos == Upos::PROPN { lemma.to_lowercase() } else { lemma.to_string() };
            let fc: Vec<char> = lower.chars().collect();
            let lc: Vec<char> = lemma_cmp.chars().collect();
            let common = fc.iter().zip(&lc).take_while(|(a, b)| a == b).count();
            let strip = fc.len() - common;
            if common == 0 || strip > MAX_SUFFIX {
                continue;
            }
            let append: String = lc[common..].iter().collect();
            for n in strip.max(1)..=MAX_SUFFIX.min(fc.len() - 1) {
                let suffix: String = fc[fc.len() - n..].iter().collect();
                *rules.entry(rule_key(upos, &suffix)).or_default().entry((strip as u8, append.clone())).or_default() += 1;
            }
        }
        let mut lem = Lemmatizer::default();
        let mut intern: FxHashMap<String, u32> = FxHashMap::default();
        let mut id = |s: &str, strings: &mut Vec<String>| -> u32 {
            *intern.entry(s.to_string()).or_insert_with(|| {
                strings.push(s.to_string());
                strings.len() as u32 - 1
            })
        };
        let mut keys: Vec<_> = forms.keys().copied().collect();
        keys.sort_unstable();
        for k in keys {
            let best = best_of(&forms[&k]);
            let i = id(best, &mut lem.strings);
            lem.table.insert(k, i);
        }
        let mut keys: Vec<_> = rules.keys().copied().collect();
        keys.sort_unstable();
        for k in keys {
            let counts = &rules[&k];
            let total: u32 = counts.values().sum();
            let (rule, n) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).unwrap();
            // A rule must be the clear majority for its suffix and seen more than once.
            if *n >= 2 && *n * 2 > total {
                let a = id(&rule.1, &mut lem.strings);
                lem.rules.insert(k, (rule.0, a));
            }
        }
        lem
    }

    pub fn write(&self, out: &mut Writer) {
        out.tag(b"LEMM");
        out.u64(self.strings.len() as u64);
        for s in &self.strings {
            out.str(s);
        }
        let mut t: Vec<_> = self.table.iter().map(|(&k, &v)| (k, v)).collect();
        t.sort_unstable();
        out.u64s(&t.iter().map(|p| p.0).collect::<Vec<_>>());
        out.u32s(&t.iter().map(|p| p.1).collect::<Vec<_>>());
        let mut r: Vec<_> = self.rules.iter().map(|(&k, &v)| (k, v)).collect();
        r.sort_unstable();
        out.u64s(&r.iter().map(|p| p.0).collect::<Vec<_>>());
        out.bytes(&r.iter().map(|p| p.1 .0).collect::<Vec<_>>());
        out.u32s(&r.iter().map(|p| p.1 .1).collect::<Vec<_>>());
    }

    pub fn read(r: &mut Reader) -> Result<Lemmatizer, ModelError> {
        r.tag(b"LEMM")?;
        let n = r.u64()?;
        let mut strings = Vec::new();
        for _ in 0..n {
            strings.push(r.str()?.to_string());
        }
        let bad = || ModelError::Corrupt("lemma tables disagree".into());
        let keys = r.u64s()?;
        let vals = r.u32s()?;
        if keys.len() != vals.len() || vals.iter().any(|&v| v as usize >= strings.len()) {
            return Err(bad());
        }
        let table = keys.into_iter().zip(vals).collect();
        let rkeys = r.u64s()?;
        let strips = r.bytes()?;
        let appends = r.u32s()?;
        if rkeys.len() != strips.len() || rkeys.len() != appends.len() || appends.iter().any(|&v| v as usize >= strings.len()) {
            return Err(bad());
        }
        let rules = rkeys.into_iter().zip(strips.iter().copied().zip(appends)).collect();
        Ok(Lemmatizer { table, strings, rules })
    }
}

fn best_of<'a>(counts: &FxHashMap<&'a str, u32>) -> &'a str {
    counts.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|p| *p.0).unwrap_or("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_lookups_and_suffix_rules() {
        let data = [
            ("armies", Upos::NOUN, "army"),
            ("parties", Upos::NOUN, "party"),
            ("cities", Upos::NOUN, "city"),
            ("talks", Upos::NOUN, "talk"),
            ("bombs", Upos::NOUN, "bomb"),
            ("attacked", Upos::VERB, "attack"),
            ("walked", Upos::VERB, "walk"),
            ("was", Upos::AUX, "be"),
            ("Russia", Upos::PROPN, "Russia"),
        ];
        let lem = Lemmatizer::train(data.iter().map(|&(f, u, l)| (f, u, l)));
        assert_eq!(lem.lemma("Was", Upos::AUX), "be");
        assert_eq!(lem.lemma("militias", Upos::NOUN), "militia");
        assert_eq!(lem.lemma("bodies", Upos::NOUN), "body");
        assert_eq!(lem.lemma("shelled", Upos::VERB), "shell");
        assert_eq!(lem.lemma("Kosovo", Upos::PROPN), "Kosovo");
        let mut w = Writer::default();
        lem.write(&mut w);
        let bytes = w.finish();
        let back = Lemmatizer::read(&mut Reader::open(&bytes).unwrap()).unwrap();
        assert_eq!(back.lemma("bodies", Upos::NOUN), "body");
        assert_eq!(back.lemma("was", Upos::AUX), "be");
    }
}
