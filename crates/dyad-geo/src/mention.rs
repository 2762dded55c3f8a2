//! Place names in a document: candidates from the name index (one pass over the tokens,
//! linear in sentence length), the evidence rules that keep common words and people's names
//! out, "X, Y" qualifiers, and disambiguation by the document's countries so far.
use crate::gazetteer::Gazetteer;
use crate::key::{words, KeyHasher, NameRef};
use crate::resolve;
use dyad_doc::{Document, Token, TokenKind};

/// One place name found in the text, and the place it was resolved to.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    pub sentence: usize,
    /// Token index range `[start, end)` into `Document::tokens`.
    pub token_start: usize,
    pub token_end: usize,
    /// Character offsets into the document's text.
    pub char_start: usize,
    pub char_end: usize,
    pub text: String,
    /// The place (index into `Gazetteer::places`).
    pub place: u32,
    /// How many places the name could mean.
    pub candidates: usize,
    /// Why this place won ("only place of that name", "population", "in a country the
    /// article named", "qualified by Iran").
    pub why: String,
    /// Preceded by a locative word ("in", "at", "near", "from", "city of"): evidence of a place.
    pub locative: bool,
    /// Preceded by a word of where something happens ("in", "at", "near", "city of"; not
    /// "from" or "to"): the event rules prefer these.
    pub scene: bool,
    /// This mention only qualifies the one before it ("Iran" in "Kerman, Iran").
    pub qualifies_previous: bool,
}

/// The places of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentPlaces {
    pub mentions: Vec<PlaceMention>,
    /// The dateline's place, resolved.
    pub dateline: Option<u32>,
    /// ISO2 countries in order of first mention, with how often each was named.
    pub countries: Vec<(String, u32)>,
}

impl DocumentPlaces {
    /// The country the article is about: the dateline's, else the most named.
    pub fn main_country<'g>(&self, g: &'g Gazetteer) -> Option<&'g str> {
        if let Some(p) = self.dateline {
            let c = g.place(p).country;
            if !c.is_empty() {
                return Some(c);
            }
        }
        // The most named, if named more than any other.
        let mut by_count: Vec<&(String, u32)> = self.countries.iter().collect();
        by_count.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        match by_count.as_slice() {
            [] => None,
            [(c, _)] => g.country(c).map(|c| c.iso2.as_str()),
            [(c, a), (_, b), ..] if a > b => g.country(c).map(|c| c.iso2.as_str()),
            _ => None,
        }
    }
}

/// Words after which a name is a place even if it is also a common word.
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "throughout", "toward",
    "towards", "via", "off", "between", "within", "across", "northern", "southern", "eastern", "western",
    "central", "north", "south", "east", "west",
];
/// Locative words that say where something happens (not whence or whither).
const SCENE: &[&str] = &[
    "in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "northern", "southern",
    "eastern", "western", "central", "north", "south", "east", "west",
];
/// "the city of X".
const PLACE_NOUNS: &[&str] =
    &["city", "town", "village", "province", "state", "district", "region", "capital", "port", "island", "county"];
/// A title before a name makes it a person ("Mr Jackson", "Gen. Florence").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "gen", "general", "col", "colonel",
    "sen", "senator", "rep", "gov", "governor", "minister", "judge", "justice", "rev", "father", "pope", "king",
    "queen", "prince", "princess", "captain", "capt", "lt", "sgt", "prof", "professor", "chancellor", "secretary",
    "mayor", "coach", "chairman", "spokesman", "spokeswoman", "ambassador", "envoy", "commander", "officer",
    "inspector", "detective", "constable", "actress", "actor", "singer", "player", "striker", "midfielder",
];
/// Capitalised words before a place that do not make it part of a person's name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "at", "on", "of", "for", "from", "to", "and", "but", "or", "as", "by", "with", "when",
    "after", "before", "while", "since", "near", "outside", "inside", "across", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater", "downtown", "old",
    "new", "both", "all", "some", "many", "most", "if", "then", "so", "yet", "only", "even", "also", "like",
    "meanwhile", "however", "there", "here", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "via", "into",
    "later", "earlier", "today", "yesterday", "tomorrow", "now", "recently", "separately", "elsewhere", "instead",
    "still", "already", "last", "next", "every", "each", "no", "not", "what", "where", "why", "how", "who",
    "which", "whose", "although", "though", "because", "until", "unless", "during", "under", "over", "about",
    "against", "among", "through", "per", "first", "in", "visiting", "says", "said", "tonight", "is", "was",
];
/// Capitalised words after a place that keep it a place ("Kabul Police", "Moscow City Court").
const PLACE_SUFFIXES: &[&str] = &[
    "police", "court", "government", "army", "military", "forces", "officials", "authorities", "governor",
    "mayor", "council", "administration", "province", "state", "city", "district", "region", "airport",
    "station", "university", "embassy", "ministry", "parliament", "assembly", "municipality", "county",
    "prison", "jail", "hospital", "port", "harbour", "harbor", "valley", "area", "border", "high", "district",
];

fn lower_is(s: &str, set: &[&str]) -> bool {
    let s = s.trim_end_matches('.');
    set.iter().any(|w| w.eq_ignore_ascii_case(s))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// An archive written all in lower case (IndiaPoliceEvents, lower-cased corpora): under three
/// words in a hundred have a capital (words of two letters or more: mojibake such as "Â" is
/// no word).
pub fn is_lower_case(doc: &Document) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = &doc.text[t.start..t.end];
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        words += 1;
        if w.chars().any(char::is_uppercase) {
            caps += 1;
        }
    }
    words > 0 && caps * 100 < words * 3
}

/// A sentence written in capitals: most of its words of two letters or more are.
fn is_shouting(doc: &Document, s: &dyad_doc::Sentence) -> bool {
    let end = s.token_end.min(doc.tokens.len());
    let (mut words, mut caps) = (0usize, 0usize);
    for t in &doc.tokens[s.token_start.min(end)..end] {
        let w = &doc.text[t.start..t.end];
        if t.kind == TokenKind::Word && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
            caps += is_all_caps(w) as usize;
        }
    }
    words > 0 && caps * 10 >= words * 6
}

/// Name text and span text have the same capitals where the name has them: "Nice" needs
/// "Nice" (or "NICE"), an acronym name ("US") needs all capitals.
fn case_fits(name: &str, span: &str) -> bool {
    if !abbreviation_fits(name, span) {
        return false;
    }
    if is_all_caps(name) && name.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return is_all_caps(span);
    }
    let (nw, sw): (Vec<&str>, Vec<&str>) = (words(name).collect(), words(span).collect());
    if nw.len() != sw.len() {
        return starts_upper(name) <= starts_upper(span);
    }
    nw.iter().zip(&sw).all(|(n, s)| starts_upper(n) <= starts_upper(s))
}

/// "U.N." is an abbreviation: it may be "UN" or "U.N.", never the town "Un".
fn abbreviation_fits(name: &str, span: &str) -> bool {
    let b = span.as_bytes();
    let dotted = (1..b.len().saturating_sub(1)).any(|i| b[i] == b'.' && b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic());
    !dotted || name.contains('.') || is_all_caps(name)
}

/// The tokens may continue a name: words, numbers and the joiners inside names.
fn joinable(doc: &Document, prev: &Token, t: &Token) -> bool {
    let gap = &doc.text[prev.end..t.start];
    if gap.len() > 1 || gap.contains('\n') {
        return false;
    }
    match t.kind {
        TokenKind::Word | TokenKind::Number => true,
        _ => matches!(&doc.text[t.start..t.end], "-" | "." | "'" | "’" | "&"),
    }
}

/// Find and resolve the place names of `doc`.
pub fn find_places(g: &Gazetteer, doc: &Document) -> DocumentPlaces {
    let lower_doc = is_lower_case(doc);
    let mut cands: Vec<Candidate> = Vec::new();
    let max_tokens = g.max_words * 2 + 1;
    for (si, s) in doc.sentences.iter().enumerate() {
        let shouting = !lower_doc && is_shouting(doc, s);
        let (lo, hi) = (s.token_start.min(doc.tokens.len()), s.token_end.min(doc.tokens.len()));
        let mut i = lo;
        while i < hi {
            let t = &doc.tokens[i];
            let first = &doc.text[t.start..t.end];
            if t.kind != TokenKind::Word || (!lower_doc && !starts_upper(first)) {
                i += 1;
                continue;
            }
            let mut k = KeyHasher::default();
            let mut best: Option<(usize, u32)> = None;
            let mut j = i;
            while j < hi && j < i + max_tokens {
                let tj = &doc.tokens[j];
                if j > i {
                    if !joinable(doc, &doc.tokens[j - 1], tj) {
                        break;
                    }
                    if doc.tokens[j - 1].end < tj.start {
                        k.space();
                    }
                }
                k.push(&doc.text[tj.start..tj.end]);
                let Some((first_name, prefix)) = g.lookup(k.key()) else { break };
                if first_name != u32::MAX && tj.kind != TokenKind::Punct {
                    best = Some((j + 1, first_name));
                }
                if !prefix {
                    break;
                }
                j += 1;
            }
            let Some((end, first_name)) = best else {
                i += 1;
                continue;
            };
            let span = &doc.text[t.start..doc.tokens[end - 1].end];
            let names: Vec<NameRef> = g
                .chain(first_name)
                .filter(|n| {
                    let text = g.name_text(n);
                    if lower_doc {
                        // Acronyms ("US", "UK") are words in lower-case text ("us").
                        !(is_all_caps(text) && text.chars().filter(|c| c.is_alphabetic()).count() > 1)
                            && abbreviation_fits(text, span)
                    } else {
                        // "IRNA" in running text is an acronym, not the town "Irna"; a
                        // headline in capitals ("TROOPS ENTER PARIS") is another matter.
                        case_fits(text, span) && (shouting || !is_all_caps(span) || is_all_caps(text))
                    }
                })
                .collect();
            if names.is_empty() {
                i += 1;
                continue;
            }
            cands.push(Candidate { sentence: si, start: i, end, names });
            i = end;
        }
    }
    resolve::resolve(g, doc, cands, lower_doc)
}

/// A candidate span before the evidence rules: its tokens `[start, end)` and the names whose
/// key it has.
pub(crate) struct Candidate {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub names: Vec<NameRef>,
}

/// What the words around a candidate say about it.
pub(crate) struct Context {
    pub locative: bool,
    pub scene: bool,
    /// A title or a first name before it, or a surname after it.
    pub person: bool,
    /// It opens its sentence (a capital there says nothing).
    pub sentence_initial: bool,
}

/// Whether each sentence is a headline in title case ("Russia Warns Ukraine"), whose capitals
/// say nothing: seven in ten words after the first capitalised.
pub(crate) fn title_case_sentences(doc: &Document) -> Vec<bool> {
    doc.sentences
        .iter()
        .map(|s| {
            let (mut n_words, mut n_caps) = (0, 0);
            let end = s.token_end.min(doc.tokens.len());
            for t in &doc.tokens[s.token_start.min(end)..end] {
                if t.kind == TokenKind::Word {
                    if n_words > 0 {
                        n_caps += starts_upper(&doc.text[t.start..t.end]) as usize;
                    }
                    n_words += 1;
                }
            }
            n_words >= 4 && n_caps * 10 >= (n_words - 1) * 7
        })
        .collect()
}

pub(crate) fn context(doc: &Document, c: &Candidate, prev_mention_end: Option<usize>, title_case: &[bool]) -> Context {
    let s = &doc.sentences[c.sentence];
    let text = |i: usize| &doc.text[doc.tokens[i].start..doc.tokens[i].end];
    // Opening quotes and brackets do not count as words.
    let word_before = |i: usize| -> Option<usize> {
        let mut j = i;
        while j > s.token_start {
            j -= 1;
            if doc.tokens[j].kind == TokenKind::Word {
                return Some(j);
            }
            if !matches!(text(j), "\"" | "“" | "'" | "‘" | "(") {
                return None;
            }
        }
        None
    };
    let prev = word_before(c.start);
    let sentence_initial = prev.is_none() && {
        // Only punctuation before it in the sentence.
        (s.token_start..c.start).all(|j| doc.tokens[j].kind != TokenKind::Word)
    };
    let place_of = |p: usize| {
        text(p).eq_ignore_ascii_case("of") && p > s.token_start && lower_is(text(p - 1), PLACE_NOUNS)
    };
    let (locative, scene) = match prev {
        Some(p) if c.start - p == 1 => (
            lower_is(text(p), LOCATIVE) || place_of(p),
            lower_is(text(p), SCENE) || place_of(p),
        ),
        _ => (false, false),
    };
    let title_case = title_case[c.sentence];
    let mut person = false;
    if let Some(p) = prev.filter(|&p| c.start - p == 1 || (c.start - p == 2 && text(p + 1) == ".")) {
        let w = text(p);
        if lower_is(w, TITLES) {
            person = true;
        } else if starts_upper(w)
            && !is_all_caps(w)
            && !lower_is(w, NOT_NAMES)
            && !lower_is(w, LOCATIVE)
            && prev_mention_end != Some(p + 1)
            && c.end - c.start == 1
            && !title_case
        {
            // "Michael Jackson": a capitalised word before a one-word place.
            person = true;
        }
    }
    if c.end - c.start == 1 && c.end < s.token_end {
        let next = &doc.tokens[c.end];
        let w = text(c.end);
        let gap = &doc.text[doc.tokens[c.end - 1].end..next.start];
        if next.kind == TokenKind::Word
            && gap == " "
            && starts_upper(w)
            && !is_all_caps(w)
            && !lower_is(w, PLACE_SUFFIXES)
            && !lower_is(w, NOT_NAMES)
            && !is_all_caps(text(c.start))
            && !title_case
        {
            // "Florence Nightingale", "Paris Hilton": part of a longer proper name.
            person = true;
        }
    }
    Context { locative, scene, person, sentence_initial }
}
