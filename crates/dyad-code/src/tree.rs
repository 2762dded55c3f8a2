//! The sentence's dependency tree, read onto the coder's words.
//!
//! The coder matches dictionaries on its own normalised words (`normalize`: "Russia's" is one
//! word with a possessive mark, hyphens are dropped), while the parser (`dyad_parse`) reads
//! Universal Dependencies words ("Russia" "'s", "Hamas" "-" "linked"). The sentence is parsed
//! on its UD words (the document's tokens, or the segmenter's words of the sentence text when
//! the document has none) and each coder word takes the relation of the UD word that heads
//! the words it covers; a UD word no coder word covers ("-", "'s") passes its head on.

use crate::normalize::Word;
use dyad_doc::{DepRel, Token, Upos};
use dyad_parse::WordTree;

/// Longest sentence parsed (in UD words); longer runs are tables or lists, and the coder skips
/// them anyway (`MAX_SENTENCE_TOKENS`).
const MAX_PARSED_WORDS: usize = 400;

/// Heads, relations and tags per coder word. Word indices are the coder's (`Tagged::words`).
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// The head word; `None` for the root (and for a word no UD word covers).
    pub head: Vec<Option<usize>>,
    pub rel: Vec<DepRel>,
    pub upos: Vec<Upos>,
    /// Children of each word, in word order (`kids[kid_start[i]..kid_start[i + 1]]`).
    kids: Vec<usize>,
    kid_start: Vec<usize>,
    /// The parse over the document's tokens of the sentence, when it was parsed on them: later
    /// stages (event locations, `dyad_geo`) read it instead of parsing the sentence again.
    pub tokens: Option<WordTree>,
}

impl Tree {
    /// Parse the sentence whose text is `text` (document character `char_base` onwards) and
    /// whose coder words are `words`. `tokens` are the document's tokens of the sentence with
    /// the document's text, when it was segmented. `None` for a sentence too long to parse or
    /// with no words.
    pub fn parse(text: &str, char_base: usize, tokens: Option<(&str, &[Token])>, words: &[Word]) -> Option<Tree> {
        Tree::parse_with_names(text, char_base, tokens, words, &[])
    }

    /// [`Tree::parse`], the words marked in `names` (by coder word) shown to the parser with a
    /// capital: in a caseless sentence the dictionaries know which words are names ("kosovo",
    /// "ahmedabad"), which the tagger, trained on cased text, cannot tell.
    pub fn parse_with_names(
        text: &str,
        char_base: usize,
        tokens: Option<(&str, &[Token])>,
        words: &[Word],
        names: &[bool],
    ) -> Option<Tree> {
        let own;
        let (source, tokens, documents) = match tokens {
            Some((doc_text, t)) if !t.is_empty() => (doc_text, t, true),
            _ => {
                own = dyad_segment::words(text, char_base);
                (text, &own[..], false)
            }
        };
        if tokens.is_empty() || tokens.len() > MAX_PARSED_WORDS || words.is_empty() {
            return None;
        }
        let word_of = words_of_tokens(tokens, words);
        let forms: Vec<std::borrow::Cow<str>> = tokens
            .iter()
            .zip(&word_of)
            .map(|(t, w)| {
                let form = source.get(t.start..t.end).unwrap_or("");
                match w {
                    Some(w) if names.get(*w).copied().unwrap_or(false) => capitalised(form),
                    _ => std::borrow::Cow::Borrowed(form),
                }
            })
            .collect();
        let forms: Vec<&str> = forms.iter().map(|f| f.as_ref()).collect();
        let parsed = dyad_parse::Parser::builtin().parse_words(&forms);
        let mut tree = Tree::from_tokens(tokens, &parsed.head, &parsed.rel, &parsed.upos, words);
        tree.tokens = documents.then_some(parsed);
        Some(tree)
    }

    /// Project a tree over UD words (`tokens`, with their heads as indices into `tokens`) onto
    /// the coder's `words`, matched by character offsets.
    fn from_tokens(tokens: &[Token], tok_head: &[Option<usize>], tok_rel: &[DepRel], tok_upos: &[Upos], words: &[Word]) -> Tree {
        let word_of = words_of_tokens(tokens, words);
        // Each word's UD words, and among them the one whose head lies outside the word.
        let mut main: Vec<Option<usize>> = vec![None; words.len()];
        let mut main_outside = vec![false; words.len()];
        for (j, wo) in word_of.iter().enumerate() {
            let Some(i) = *wo else { continue };
            let outside = tok_head[j].is_none_or(|h| word_of[h] != Some(i));
            if main[i].is_none() || (outside && !main_outside[i]) {
                main[i] = Some(j);
                main_outside[i] = outside;
            }
        }
        let n = words.len();
        let mut head = vec![None; n];
        let mut rel = vec![DepRel::DEP; n];
        let mut upos = vec![Upos::X; n];
        for i in 0..n {
            let Some(j) = main[i] else { continue };
            rel[i] = tok_rel[j];
            upos[i] = tok_upos[j];
            // Climb past UD words that belong to no coder word, or to this one.
            let mut h = tok_head[j];
            let mut steps = 0;
            while let Some(hj) = h {
                match word_of[hj] {
                    Some(hw) if hw != i => {
                        head[i] = Some(hw);
                        break;
                    }
                    _ => h = tok_head[hj],
                }
                steps += 1;
                if steps > tokens.len() {
                    break;
                }
            }
            if head[i].is_none() && rel[i] != DepRel::ROOT {
                rel[i] = DepRel::ROOT;
            }
        }
        break_cycles(&mut head, &mut rel);
        let mut tree = Tree { head, rel, upos, kids: Vec::new(), kid_start: Vec::new(), tokens: None };
        tree.index_children();
        tree
    }

    /// A tree given word by word (for tests and callers that parsed elsewhere). Heads outside
    /// the sentence are dropped.
    pub fn from_parts(head: Vec<Option<usize>>, rel: Vec<DepRel>, upos: Vec<Upos>) -> Tree {
        let n = head.len();
        let mut head: Vec<Option<usize>> = head.into_iter().map(|h| h.filter(|&h| h < n)).collect();
        let mut rel = rel;
        rel.resize(n, DepRel::DEP);
        let mut upos = upos;
        upos.resize(n, Upos::X);
        break_cycles(&mut head, &mut rel);
        let mut tree = Tree { head, rel, upos, kids: Vec::new(), kid_start: Vec::new(), tokens: None };
        tree.index_children();
        tree
    }

    fn index_children(&mut self) {
        let n = self.head.len();
        let mut count = vec![0usize; n + 1];
        for h in self.head.iter().flatten() {
            count[*h + 1] += 1;
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let mut fill = count.clone();
        self.kids = vec![0; count[n]];
        for (i, h) in self.head.iter().enumerate() {
            if let Some(h) = *h {
                self.kids[fill[h]] = i;
                fill[h] += 1;
            }
        }
        self.kid_start = count;
    }

    pub fn len(&self) -> usize {
        self.head.len()
    }

    pub fn is_empty(&self) -> bool {
        self.head.is_empty()
    }

    /// The words that depend on `i`, in word order.
    pub fn children(&self, i: usize) -> &[usize] {
        match (self.kid_start.get(i), self.kid_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a..b],
            _ => &[],
        }
    }

    /// Whether word `i`'s relation is `label`: with a subtype ("nsubj:pass") exactly, without
    /// one ("nsubj") any subtype of it.
    pub fn rel_is(&self, i: usize, label: &str) -> bool {
        self.rel.get(i).is_some_and(|r| if label.contains(':') { r.as_str() == label } else { r.is(label) })
    }

    /// The children of `i` whose relation is `label` (see [`Tree::rel_is`]).
    pub fn children_with<'a>(&'a self, i: usize, label: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i).iter().copied().filter(move |&k| self.rel_is(k, label))
    }

    /// The first child of `i` with relation `label`.
    pub fn child(&self, i: usize, label: &str) -> Option<usize> {
        self.children_with(i, label).next()
    }

    /// The sentence's root word (the first, if the parse has several).
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.head[i].is_none() && self.rel[i] == DepRel::ROOT)
    }

    /// The heads above `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head.get(i).copied().flatten();
        let mut left = self.len();
        std::iter::from_fn(move || {
            let h = at?;
            if left == 0 {
                return None;
            }
            left -= 1;
            at = self.head[h];
            Some(h)
        })
    }

    /// Whether `a` is `b` or one of its heads.
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        a == b || self.ancestors(b).any(|h| h == a)
    }

    /// The word range `lo..hi` spanned by `i` and everything below it.
    /// The word of `start..end` whose head lies outside it: the phrase's head in the tree.
    pub fn head_of(&self, start: usize, end: usize) -> Option<usize> {
        (start..end.min(self.len())).find(|&w| self.head[w].is_none_or(|h| h < start || h >= end))
    }

    pub fn span(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i + 1);
        let mut stack = vec![i];
        while let Some(k) = stack.pop() {
            lo = lo.min(k);
            hi = hi.max(k + 1);
            stack.extend_from_slice(self.children(k));
        }
        (lo, hi)
    }
}

/// A parse never has cycles, but a tree handed in might: cut each at the word where it closes.
fn break_cycles(head: &mut [Option<usize>], rel: &mut [DepRel]) {
    let n = head.len();
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state = vec![0u8; n];
    for start in 0..n {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    head[i] = None;
                    rel[i] = DepRel::ROOT;
                    break;
                }
                _ => {
                    state[i] = 1;
                    path.push(i);
                    at = head[i];
                }
            }
        }
        for i in path {
            state[i] = 2;
        }
    }
}

/// The coder word covering each UD word (both come in text order).
fn words_of_tokens(tokens: &[Token], words: &[Word]) -> Vec<Option<usize>> {
    let mut word_of: Vec<Option<usize>> = vec![None; tokens.len()];
    let mut w = 0;
    for (j, t) in tokens.iter().enumerate() {
        while w < words.len() && words[w].char_end <= t.char_start {
            w += 1;
        }
        if w < words.len() && words[w].char_start < t.char_end.max(t.char_start + 1) {
            word_of[j] = Some(w);
        }
    }
    word_of
}

/// `form` with its first letter a capital ("kosovo" → "Kosovo").
fn capitalised(form: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = form.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => std::borrow::Cow::Owned(c.to_uppercase().chain(chars).collect()),
        _ => std::borrow::Cow::Borrowed(form),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::split_words;

    #[test]
    fn possessive_and_hyphen_words_take_the_relation_of_their_head_word() {
        let text = "Russia's government condemned the Hamas-linked gunmen.";
        let words = split_words(text, 0);
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(norms, ["russia", "government", "condemned", "the", "hamas", "linked", "gunmen", "."]);
        let t = Tree::parse(text, 0, None, &words).expect("parsed");
        assert_eq!(t.len(), words.len());
        let verb = 2;
        assert_eq!(t.root(), Some(verb), "{t:?}");
        assert!(t.rel_is(1, "nsubj"), "{:?}", t.rel[1]);
        // "Russia's" (Russia + 's) hangs on "government" as its possessor.
        assert_eq!(t.head[0], Some(1));
        assert!(t.rel_is(0, "nmod:poss"), "{:?}", t.rel[0]);
        // "Hamas-linked" (Hamas - linked): the "-" belongs to no word; "linked" modifies "gunmen".
        assert_eq!(t.child(verb, "obj"), Some(6));
        assert_eq!(t.head[5], Some(6));
        assert!(t.rel_is(5, "amod"));
        assert_eq!(t.span(1), (0, 2));
        assert_eq!(t.span(6), (3, 7));
        assert!(t.dominates(verb, 0) && !t.dominates(1, verb));
    }

    #[test]
    fn document_tokens_and_a_character_offset_give_the_same_tree() {
        let doc = dyad_segment::segment_text("Seoul said so. Kim met Putin in Moscow.");
        let s = doc.sentences[1];
        let text = doc.sentence_text(&s);
        let words = split_words(text, s.char_start);
        let own = Tree::parse(text, s.char_start, None, &words).expect("parsed");
        let from_doc = Tree::parse(text, s.char_start, Some((&doc.text, doc.sentence_tokens(&s))), &words).expect("parsed");
        assert_eq!(own.head, from_doc.head);
        // The parse over the document's tokens is kept for later stages; one over the
        // segmenter's own words (no document) is not.
        assert!(own.tokens.is_none());
        let kept = from_doc.tokens.as_ref().expect("kept");
        assert_eq!(kept.head.len(), doc.sentence_tokens(&s).len());
        let forms: Vec<&str> = doc.sentence_tokens(&s).iter().map(|t| &doc.text[t.start..t.end]).collect();
        assert_eq!(*kept, dyad_parse::Parser::builtin().parse_words(&forms));
        assert_eq!(own.head[0], Some(1));
        assert!(own.rel_is(0, "nsubj"));
    }

    #[test]
    fn cycles_and_outside_heads_are_cut() {
        let t = Tree::from_parts(vec![Some(1), Some(0), Some(9)], vec![DepRel::parse("nsubj"); 3], vec![]);
        assert!(t.ancestors(0).count() <= 2);
        assert_eq!(t.head[2], None);
        assert!(t.root().is_some());
    }

    /// Whether the coder parsed the first sentence of `text` (built-in dictionaries), and how
    /// many events the document made.
    fn parsed(text: &str) -> (bool, usize) {
        let coder = crate::Coder::new(&dyad_dict::builtin().dicts);
        let doc = dyad_segment::segment_text(text);
        let mut memory = crate::coref::Memory::default();
        let a = crate::sentence::analyse(&coder.compiled, &coder.dicts, coder.options, &doc, &doc.sentences[0], &mut memory, false);
        (a.tagged.tree.is_some(), coder.code_document(&doc).len())
    }

    #[test]
    fn only_sentences_where_the_tree_can_change_the_answer_are_parsed() {
        // An event on the words alone: parsed (the tree refines it).
        assert_eq!(parsed("Russia condemned Ukraine on Tuesday."), (true, 1));
        // A negated verb makes no event with or without a tree: not parsed.
        let (tree, events) = parsed("Russia did not condemn Ukraine on Tuesday.");
        assert!(!tree && events == 0);
        // A name no dictionary knows becomes an actor only through the tree: parsed.
        assert!(parsed("Lagumdzija suspended aid to Sarajevo.").0);
        // No verb that can code: not parsed.
        assert!(!parsed("Russia and Ukraine are neighbours.").0);
    }

    #[test]
    fn the_parse_of_an_event_sentence_is_handed_on() {
        let coder = crate::Coder::new(&dyad_dict::builtin().dicts);
        let doc = dyad_segment::segment_text("Seoul said so. Russia condemned Ukraine on Tuesday.");
        let (events, parses) = coder.code_document_parsed(&doc);
        assert!(events.iter().all(|e| e.sentence == 1) && !events.is_empty(), "{events:?}");
        assert_eq!(parses.len(), 1);
        let kept = parses.get(1).expect("the event sentence's parse");
        assert_eq!(kept.head.len(), doc.sentence_tokens(&doc.sentences[1]).len());
        assert!(parses.get(0).is_none());
    }

    #[test]
    fn overlong_or_empty_sentences_are_not_parsed() {
        assert!(Tree::parse("", 0, None, &[]).is_none());
        let long = "word ".repeat(MAX_PARSED_WORDS + 10);
        assert!(Tree::parse(&long, 0, None, &split_words(&long, 0)).is_none());
    }
}
