//! One normaliser for both sides of matching: dictionary phrases at compile time and sentence
//! text at coding time. Keeping a single function is what makes "Kim Jong-un" in a dictionary
//! match "Kim Jong Un" in an article.
//!
//! Rules: lowercase; hyphens, underscores and spaces separate words; dots are dropped
//! ("U.S." = "US"); curly apostrophes are straight; a possessive `'s` (or a bare trailing `'`)
//! is taken off the word and remembered; "n't" becomes a separate word "not" ("didn't" → "did",
//! "not", as Treebank splits it). Diacritics are kept: folding them would merge distinct names.

/// A word of a sentence, normalised, with its place in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The normalised form ("us", "kim", ",").
    pub norm: String,
    /// Character offsets into the document text.
    pub char_start: usize,
    pub char_end: usize,
    /// Punctuation (one character: `,` `;` `:` `(` `)` `"` …).
    pub punct: bool,
    /// The word carried a possessive `'s` ("Russia's").
    pub possessive: bool,
    /// The word began with an uppercase letter as written.
    pub capitalized: bool,
    /// Every letter was uppercase as written, two or more ("US", "U.S.").
    pub upper: bool,
}

/// Normalise one dictionary phrase into words ("Kim_Jong-un" → ["kim", "jong", "un"]).
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in split_words(phrase, 0) {
        if !w.punct || matches!(w.norm.as_str(), "&" | "%") {
            out.push(w.norm);
        }
    }
    out
}

/// Split text into normalised words. `char_base` is the character offset of `text` in the
/// document, so the words' offsets point into the document.
pub fn split_words(text: &str, char_base: usize) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            // A word: letters/digits with inner dots and apostrophes ("U.S.", "O'Neill", "11.8").
            while i < chars.len() {
                let c = chars[i];
                let inner_mark = (c == '.' || is_apostrophe(c)) && i + 1 < chars.len() && chars[i + 1].is_alphanumeric();
                if c.is_alphanumeric() || inner_mark {
                    i += 1;
                } else if c == '.' && i > start && (is_abbreviation(&chars[start..i]) || is_initial(&chars[start..], i - start)) {
                    // The final dot of "U.S." or "K.U." belongs to the word.
                    i += 1;
                    break;
                } else {
                    break;
                }
            }
            push_word(&mut words, &chars[start..i], char_base + start, char_base + i);
        } else if is_apostrophe(c)
            && !words.is_empty()
            && i + 1 < chars.len()
            && matches!(chars[i + 1], 's' | 'S')
            && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric())
        {
            // A separated possessive "'s" (after a quote or a tokenizer split).
            if let Some(prev) = words.last_mut() {
                if !prev.punct {
                    prev.possessive = true;
                    prev.char_end = char_base + i + 2;
                }
            }
            i += 2;
        } else if c.is_whitespace() || c == '-' || c == '_' {
            i += 1;
        } else if let Some((decoded, len)) = html_entity(&chars[i..]) {
            // "&amp;" left in scraped text is one "&", not "&", "amp", ";" (a clause break).
            let end = i + len;
            if decoded != ' ' {
                words.push(Word {
                    norm: decoded.to_string(),
                    char_start: char_base + i,
                    char_end: char_base + end,
                    punct: true,
                    possessive: false,
                    capitalized: false,
                    upper: false,
                });
            }
            i = end;
        } else {
            let norm = match c {
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => "\"".to_string(),
                '\u{2018}' | '\u{2019}' | '`' => "'".to_string(),
                _ => c.to_string(),
            };
            // A trailing apostrophe after a plural ("countries'") is a possessive.
            if norm == "'"
                && words.last().is_some_and(|w: &Word| !w.punct && w.norm.ends_with('s') && w.char_end == char_base + i)
                && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
            {
                let prev = words.last_mut().expect("checked");
                prev.possessive = true;
                prev.char_end += 1;
                i += 1;
                continue;
            }
            words.push(Word {
                norm,
                char_start: char_base + i,
                char_end: char_base + i + 1,
                punct: true,
                possessive: false,
                capitalized: false,
                upper: false,
            });
            i += 1;
        }
    }
    words
}

/// An HTML entity at the start of `chars` (`&amp;`, `&quot;`, `&#39;`, `&nbsp;`): the character
/// it stands for and its length. Only the few that scraped news text leaves behind.
fn html_entity(chars: &[char]) -> Option<(char, usize)> {
    if chars.first() != Some(&'&') {
        return None;
    }
    let semi = chars.iter().take(8).position(|c| *c == ';')?;
    let name: String = chars[1..semi].iter().collect();
    let decoded = match name.as_str() {
        "amp" => '&',
        "quot" => '"',
        "apos" | "#39" | "#x27" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" | "#160" => ' ',
        _ => return None,
    };
    Some((decoded, semi + 1))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// "U.S", "K.U", "D.C" — single letters separated by dots.
/// A middle initial: one capital letter whose dot is followed by a space and a capitalised
/// word ("George W. Bush", "Vladimir V. Putin"). `rest` starts at the letter, `len` is 1.
fn is_initial(rest: &[char], len: usize) -> bool {
    len == 1
        && rest[0].is_uppercase()
        && rest.get(2).is_some_and(|c| *c == ' ')
        && rest.get(3).is_some_and(|c| c.is_uppercase())
}

fn is_abbreviation(chars: &[char]) -> bool {
    chars.len() >= 3 && chars.iter().enumerate().all(|(k, c)| if k % 2 == 1 { *c == '.' } else { c.is_alphabetic() })
}

fn push_word(words: &mut Vec<Word>, chars: &[char], start: usize, end: usize) {
    // One pass for the letters: how many, all capitals, all ASCII.
    let (mut letters, mut all_upper, mut ascii) = (0usize, true, true);
    for c in chars {
        ascii &= c.is_ascii();
        if c.is_alphabetic() {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
    }
    // Dots go in words with letters ("U.S." → "us"), stay in numbers ("11.8").
    let letters_in = letters > 0;
    let kept = chars.iter().filter(|c| **c != '.' || !letters_in).map(|c| if *c == '\u{2019}' { '\'' } else { *c });
    let mut s: String = if ascii {
        // One allocation, lowercased on the way (most news text).
        let mut s = String::with_capacity(chars.len());
        s.extend(kept.map(|c| c.to_ascii_lowercase()));
        s
    } else {
        // `str::to_lowercase` knows a word-final sigma; per character it would not.
        kept.collect::<String>().to_lowercase()
    };
    let capitalized = chars[0].is_uppercase();
    let upper = letters >= 2 && all_upper;
    let mut possessive = false;
    if s.ends_with("'s") && s.len() > 2 {
        s.truncate(s.len() - 2);
        possessive = true;
    }
    if s.ends_with("n't") && s.len() > 3 {
        s.truncate(s.len() - 3);
        let not_start = end - if possessive { 5 } else { 3 };
        words.push(Word { norm: s, char_start: start, char_end: not_start, punct: false, possessive: false, capitalized, upper });
        words.push(Word {
            norm: "not".into(),
            char_start: not_start,
            char_end: end,
            punct: false,
            possessive,
            capitalized: false,
            upper: false,
        });
        return;
    }
    if s == "n't" {
        s = "not".into();
    }
    words.push(Word { norm: s, char_start: start, char_end: end, punct: false, possessive, capitalized, upper });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(t: &str) -> Vec<String> {
        split_words(t, 0).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn hyphens_dots_and_case() {
        assert_eq!(phrase_words("Kim_Jong-un"), vec!["kim", "jong", "un"]);
        assert_eq!(norms("Kim Jong-Un met U.S. envoys."), vec!["kim", "jong", "un", "met", "us", "envoys", "."]);
        assert_eq!(phrase_words("U.S.A."), vec!["usa"]);
    }

    #[test]
    fn possessives_and_contractions() {
        let w = split_words("Russia's leader didn't go; the countries' ties", 0);
        assert_eq!(w[0].norm, "russia");
        assert!(w[0].possessive);
        assert_eq!(&"Russia's leader"[w[0].char_start..w[0].char_end], "Russia's");
        let n: Vec<_> = w.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(n, vec!["russia", "leader", "did", "not", "go", ";", "the", "countries", "ties"]);
        assert!(w[7].possessive);
        assert_eq!(phrase_words("DID N'T"), vec!["did", "not"]);
        assert_eq!(phrase_words("WO N'T"), vec!["wo", "not"]);
        let curly = split_words("Korea\u{2019}s liberation", 0);
        assert!(curly[0].possessive && curly[0].norm == "korea");
    }

    #[test]
    fn offsets_are_characters() {
        let w = split_words("“Ça va” à Paris", 10);
        assert_eq!(w[0].norm, "\"");
        assert_eq!((w[1].char_start, w[1].char_end), (11, 13));
        assert_eq!(w.last().unwrap().char_start, 20);
    }

    #[test]
    fn punctuation_and_emoji_do_not_panic() {
        assert!(split_words("", 0).is_empty());
        let w = split_words("🙂🙂 ... !!! '", 0);
        assert!(w.iter().all(|w| w.punct));
        assert_eq!(split_words("'s", 0).len(), 2);
    }
}
