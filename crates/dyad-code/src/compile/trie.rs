//! A trie over token ids: the matcher for every phrase list (actor names, agents, verb forms,
//! discards). Walking it from a sentence position costs one hash lookup per word, so longest
//! match is cheap even with tens of thousands of names.

use rustc_hash::FxHashMap;

pub struct Trie<T> {
    next: FxHashMap<(u32, u32), u32>,
    /// Payloads of the phrases ending at each node (node 0 is the root).
    out: Vec<Vec<T>>,
}

impl<T> Default for Trie<T> {
    fn default() -> Self {
        Self { next: FxHashMap::default(), out: vec![Vec::new()] }
    }
}

impl<T> Trie<T> {
    pub fn insert(&mut self, phrase: &[u32], value: T) {
        if phrase.is_empty() {
            return;
        }
        let mut node = 0u32;
        for &tok in phrase {
            node = match self.next.get(&(node, tok)) {
                Some(&n) => n,
                None => {
                    let n = self.out.len() as u32;
                    self.out.push(Vec::new());
                    self.next.insert((node, tok), n);
                    n
                }
            };
        }
        self.out[node as usize].push(value);
    }

    /// Every phrase starting at `words[at]`, shortest first, as (length, payloads).
    pub fn matches_at<'a>(&'a self, words: &'a [u32], at: usize) -> impl Iterator<Item = (usize, &'a [T])> + 'a {
        let mut node = 0u32;
        let mut i = at;
        std::iter::from_fn(move || {
            while i < words.len() {
                node = *self.next.get(&(node, words[i]))?;
                i += 1;
                let out = &self.out[node as usize];
                if !out.is_empty() {
                    return Some((i - at, out.as_slice()));
                }
            }
            None
        })
    }

    /// The longest phrase starting at `words[at]` whose payloads pass `keep`.
    pub fn longest_at<'a>(&'a self, words: &'a [u32], at: usize, keep: impl Fn(&T) -> bool) -> Option<(usize, Vec<&'a T>)> {
        let mut best = None;
        for (len, vals) in self.matches_at(words, at) {
            let kept: Vec<&T> = vals.iter().filter(|v| keep(v)).collect();
            if !kept.is_empty() {
                best = Some((len, kept));
            }
        }
        best
    }

    pub fn phrases(&self) -> usize {
        self.out.iter().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let mut t = Trie::default();
        t.insert(&[1], "north");
        t.insert(&[1, 2], "north korea");
        t.insert(&[1, 2, 3], "north korea regime");
        let words = [1, 2, 9];
        assert_eq!(t.longest_at(&words, 0, |_| true).unwrap(), (2, vec![&"north korea"]));
        let all: Vec<_> = t.matches_at(&words, 0).map(|(l, _)| l).collect();
        assert_eq!(all, vec![1, 2]);
        assert!(t.longest_at(&words, 2, |_| true).is_none());
        // A filter can reject the longer phrase (e.g. a name not valid on this date).
        assert_eq!(t.longest_at(&words, 0, |v| *v == "north").unwrap().0, 1);
        assert_eq!(t.phrases(), 3);
    }
}
