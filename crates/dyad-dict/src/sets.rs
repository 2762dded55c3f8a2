//! Synonym sets may name other sets (`&weapon` as a member). The coder wants the flat list.

use crate::Dictionaries;
use std::collections::BTreeSet;

impl Dictionaries {
    /// Every phrase of set `name` (without `&`), members that name other sets expanded.
    /// Undefined or circular references contribute nothing (`dyad dict check` reports them).
    pub fn set_phrases(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        self.expand_set(name, &mut seen, &mut out);
        out
    }

    fn expand_set<'a>(
        &'a self,
        name: &'a str,
        seen: &mut BTreeSet<&'a str>,
        out: &mut Vec<String>,
    ) {
        if !seen.insert(name) {
            return;
        }
        for w in self.sets.get(name).into_iter().flatten() {
            match w.strip_prefix('&') {
                Some(inner) => self.expand_set(inner, seen, out),
                None => out.push(w.clone()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Dictionaries;

    #[test]
    fn nested_and_circular_sets_expand_safely() {
        let mut d = Dictionaries::default();
        d.sets.insert("a".into(), vec!["x".into(), "&b".into()]);
        d.sets
            .insert("b".into(), vec!["y".into(), "&a".into(), "&missing".into()]);
        assert_eq!(d.set_phrases("a"), ["x", "y"]);
        assert!(d.set_phrases("nope").is_empty());
    }
}
