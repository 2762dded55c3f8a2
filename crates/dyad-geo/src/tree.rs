//! The dependency tree of an event's sentence, and how a place hangs from its predicate.
//!
//! The tree is the document's own when the sentence was parsed, else the coder's (which
//! parses every sentence that makes an event), else dyad's parser (`dyad_parse`) is run on
//! the sentence's tokens; only sentences with an event and a place name are read, so the cost
//! stays small.
use dyad_doc::{DepRel, Document, Sentence};
use dyad_parse::WordTree;

/// Longest sentence parsed (tokens); longer runs are tables or lists.
const MAX_PARSED_TOKENS: usize = 400;
/// Most steps from a place's head word up to the predicate.
const MAX_STEPS: usize = 4;

/// Prepositions that say where something happened ("in Moscow", "near the border town of X").
/// Not "from" (whence: "envoys from Seoul", "fled from Aleppo"), nor "between" or "among"
/// (mostly between actors).
const WHERE: &[&str] = &[
    "in", "at", "near", "outside", "inside", "across", "along", "off", "into", "throughout", "around", "within",
    "beside", "amid", "amidst", "beyond", "below", "above", "under", "behind", "close", "next", "nearby", "opposite",
    "aboard",
];
/// Prepositions that name a place only sometimes: a destination ("flew to Moscow") or a
/// surface ("on the Korean Peninsula", "over Syria"), but as often a topic or a target ("talks
/// on Cyprus", "sanctions on Iran", "a row over Kashmir"): weaker evidence, and never a country
/// that is one of the event's actors.
const WEAK: &[&str] = &["to", "toward", "towards", "on", "onto", "upon", "over", "through", "past", "via"];

/// Heads (absolute token indices, `None` for the root) and relations of one sentence's tokens.
pub struct SentenceTree {
    start: usize,
    head: Vec<Option<usize>>,
    rel: Vec<DepRel>,
    /// The lower-cased preposition (`case` dependent) of each token, if it has one.
    case: Vec<Option<String>>,
}

/// How a place hangs from a predicate; smaller is stronger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Attachment {
    /// 0: after a preposition of where ("in", "near"); 1: a direct object, or after a weak
    /// preposition ("attacked Aleppo", "flew to Moscow", "on the Korean Peninsula").
    pub tier: u8,
    /// The place modifies one of the verb's participants ("the leader of a group in Lahore")
    /// rather than the verb itself ("arrested … at a hotel in Karachi").
    pub via_participant: bool,
    /// Steps from the place's head word up to the predicate.
    pub steps: u8,
}

impl SentenceTree {
    /// The sentence's tree: the document's when the sentence is parsed, else `parsed` (the
    /// coder's parse of the sentence's tokens) when given, else dyad's parser's. `None` when
    /// the sentence has no tokens, is too long, or its stored parse is malformed.
    pub fn of(doc: &Document, s: &Sentence, parsed: Option<&WordTree>) -> Option<SentenceTree> {
        let (start, end) = (s.token_start, s.token_end);
        if start >= end || end > doc.tokens.len() || end - start > MAX_PARSED_TOKENS {
            return None;
        }
        let tokens = &doc.tokens[start..end];
        let (head, rel): (Vec<Option<usize>>, Vec<DepRel>) = if doc.is_parsed(s) {
            let mut head = Vec::with_capacity(tokens.len());
            for t in tokens {
                match t.head.map(|h| h as usize) {
                    Some(h) if h < start || h >= end => return None,
                    h => head.push(h),
                }
            }
            (head, tokens.iter().map(|t| t.deprel).collect())
        } else if let Some(p) = parsed.filter(|p| p.head.len() == tokens.len() && p.rel.len() == tokens.len()) {
            (p.head.iter().map(|h| h.filter(|&h| h < tokens.len()).map(|h| start + h)).collect(), p.rel.clone())
        } else {
            let forms: Vec<&str> = tokens.iter().map(|t| doc.text.get(t.start..t.end).unwrap_or("")).collect();
            let parsed = dyad_parse::Parser::builtin().parse_words(&forms);
            (parsed.head.into_iter().map(|h| h.map(|h| start + h)).collect(), parsed.rel)
        };
        let mut case = vec![None; tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            if rel[i].is("case") {
                if let Some(h) = head[i] {
                    // The first preposition is the one that counts ("outside of", "close to").
                    let slot = &mut case[h - start];
                    if slot.is_none() {
                        *slot = Some(doc.text.get(t.start..t.end).unwrap_or("").to_lowercase());
                    }
                }
            }
        }
        Some(SentenceTree { start, head, rel, case })
    }

    fn contains(&self, i: usize) -> bool {
        i >= self.start && i < self.start + self.head.len()
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.contains(i).then(|| self.head[i - self.start]).flatten()
    }

    pub fn rel(&self, i: usize) -> DepRel {
        if self.contains(i) {
            self.rel[i - self.start]
        } else {
            DepRel::DEP
        }
    }

    fn case(&self, i: usize) -> Option<&str> {
        self.contains(i).then(|| self.case[i - self.start].as_deref()).flatten()
    }

    /// The word of tokens `start..end` whose head lies outside them (the phrase's head).
    pub fn phrase_head(&self, start: usize, end: usize) -> Option<usize> {
        (start..end).filter(|&i| self.contains(i)).find(|&i| self.head(i).is_none_or(|h| h < start || h >= end))
    }

    /// How the place named by tokens `start..end` hangs from the predicate `verb`, if it does:
    /// its head word climbs at most [`MAX_STEPS`] nominal or oblique links to the verb
    /// (through `of`: "the border town of X", "the north of Mali"), and the innermost
    /// preposition other than "of" is one of where ("in", "near") or a weak one ("to", "on")
    /// and any above it is one of where, or there is none and the place is the verb's object. A link that starts a clause (ccomp, advcl, acl…) ends the
    /// climb, so a place of a reported clause is not the main verb's, and the subject's
    /// modifier counts only after a preposition of where ("fighting in Mali killed").
    pub fn attachment(&self, start: usize, end: usize, verb: usize) -> Option<Attachment> {
        let mut cur = self.phrase_head(start, end)?;
        // The innermost preposition that is not "of" decides what kind of place it is.
        let mut prep: Option<&str> = None;
        let mut via_subject = false;
        for step in 1..=MAX_STEPS {
            match self.case(cur) {
                Some("of") | None => {}
                // Any other preposition above the innermost must be one of where: a place in
                // "after talks in Geneva" is the talks', not the verb's.
                Some(c) if prep.is_some() && !WHERE.contains(&c) => return None,
                Some(c) => prep = prep.or(Some(c)),
            }
            let rel = self.rel(cur);
            if !matches!(
                rel.base(),
                "obl" | "nmod" | "advmod" | "obj" | "appos" | "conj" | "compound" | "flat" | "nsubj"
            ) {
                return None;
            }
            via_subject |= rel.is("nsubj");
            let h = self.head(cur)?;
            if h == verb {
                let tier = match prep {
                    Some(p) if WHERE.contains(&p) => 0,
                    Some(p) if WEAK.contains(&p) && !via_subject => 1,
                    Some(_) => return None,
                    // No preposition: the verb's object ("shelled Aleppo", "raided a Kabul
                    // court"), not its subject ("Moscow police arrested").
                    None if !via_subject && rel.is("obj") => 1,
                    None => return None,
                };
                let via_participant = !matches!(rel.base(), "obl" | "advmod" | "nmod");
                return Some(Attachment { tier, via_participant, steps: step as u8 });
            }
            cur = h;
        }
        None
    }

    /// Whether the place of tokens `start..end` only qualifies a noun, as a compound, adjective
    /// or possessive ("U.S. President", "North Korea state newspaper", "Russia's army"): for a
    /// country that is whose the thing is, not where anything happened.
    pub fn qualifies_noun(&self, start: usize, end: usize) -> bool {
        self.phrase_head(start, end).is_some_and(|h| {
            let rel = self.rel(h);
            self.head(h).is_some() && (rel.is("compound") || rel.is("amod") || rel.as_str() == "nmod:poss")
        })
    }

    /// Whether the place of tokens `start..end` modifies a word of `lo..hi` (an actor's words)
    /// as a nominal modifier after a preposition of where, "of" or "from" ("police in
    /// Ahmedabad", "the governor of Kandahar", "envoys from Seoul").
    pub fn modifies(&self, start: usize, end: usize, lo: usize, hi: usize) -> bool {
        let Some(h) = self.phrase_head(start, end) else {
            return false;
        };
        let Some(head) = self.head(h) else {
            return false;
        };
        (lo..hi).contains(&head)
            && self.rel(h).is("nmod")
            && self.case(h).is_some_and(|c| c == "of" || c == "from" || WHERE.contains(&c))
    }
}
