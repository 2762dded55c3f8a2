//! A small word scanner: the time rules look at words, numbers and a few punctuation marks,
//! with byte offsets into the sentence. (Independent of `dyad-segment` so this crate stays
//! usable on any sentence string.)

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Lower-case form, for matching.
    pub lower: String,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }

    pub fn is_any(&self, options: &[&str]) -> bool {
        options.contains(&self.lower.as_str())
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The value of an all-digit word.
    pub fn number(&self) -> Option<u32> {
        if self.text.is_empty() || self.text.len() > 9 || !self.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.text.parse().ok()
    }

    /// A day of the month: "5", "05", "5th", "21st".
    pub fn day_of_month(&self) -> Option<u32> {
        if !self.text.is_ascii() {
            return None;
        }
        let digits = self.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &self.lower[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
            return None;
        }
        let day: u32 = digits.parse().ok()?;
        (1..=31).contains(&day).then_some(day)
    }

    /// A four-digit year between 1800 and 2199.
    pub fn year(&self) -> Option<i32> {
        if self.text.len() != 4 {
            return None;
        }
        let year = self.number()? as i32;
        (1800..2200).contains(&year).then_some(year)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.text.len() == c.len_utf8() && self.text.starts_with(c)
    }
}

/// Words are runs of letters and digits; every other non-space character is a one-character
/// word of its own (so "Jan." is "Jan" ".", "5," is "5" ",", "we'll" is "we" "'" "ll").
pub fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut iter = sentence.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, d)) = iter.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = i + d.len_utf8();
                iter.next();
            }
        }
        let text = &sentence[start..end];
        out.push(Word { text, lower: text.to_lowercase(), start, end });
    }
    out
}

/// Whether `words[i]` directly touches the previous word (no space between).
pub fn touches_previous(words: &[Word], i: usize) -> bool {
    i > 0 && words[i - 1].end == words[i].start
}
