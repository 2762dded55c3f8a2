//! Word lists: abbreviations that keep their period, and the words that show a new
//! sentence has started after an ambiguous abbreviation ("... in the U.S. The ...").

/// What an abbreviation's period says about a sentence boundary after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Titles and markers that always precede something ("Mr.", "Gen.", "No. 2", "e.g."):
    /// never a boundary inside a paragraph.
    Prefix,
    /// A single-letter initial ("George W. Bush"): a boundary only before a sentence starter
    /// of more than one letter.
    Initial,
    /// Abbreviations that may end a sentence ("U.S.", "Inc.", "Jr.", "a.m.", "Jan."):
    /// a boundary only before a sentence starter word or an opening quote.
    Ambiguous,
}

/// Titles and markers (lowercase; matched when the word is capitalised or all caps).
const PREFIX_CAPITALISED: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "rev", "hon", "fr", "gen", "gens",
    "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "lieut",
    "gov", "sen", "sens", "rep", "reps", "pres", "supt", "insp", "amb", "st", "ste", "mt", "ft",
    "pt",
];

/// Always mid-sentence, any case.
const PREFIX_ANY_CASE: &[&str] = &["vs", "cf", "viz", "approx", "ca", "al"];

/// May end a sentence, any case.
const AMBIGUOUS_ANY_CASE: &[&str] = &["etc"];

/// "No. 2", "Nos. 3 and 4", "Art. 5": abbreviations only before a number.
const BEFORE_NUMBER: &[&str] = &["no", "nos", "art", "vol", "p", "pp", "fig", "sec", "ch"];

/// May end a sentence (lowercase; matched capitalised or all caps).
const AMBIGUOUS_CAPITALISED: &[&str] = &[
    "inc", "corp", "ltd", "co", "bros", "plc", "llc", "dept", "univ", "assn", "jr", "sr", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "thu", "thur", "thurs", "fri",
];

/// How the word `word` (letters only, no period) behaves as an abbreviation when a period
/// follows it; `before_number` says whether the next token is a number.
/// All-caps forms count only from three letters ("GEN.", "SEN."): two-letter capitals are
/// mostly acronyms ("FT.", "MS.", "ST.") ending a sentence. "Sun", "Sat", "Wed" are words
/// first and not taken as weekday abbreviations.
pub fn classify(word: &str, before_number: bool) -> Option<AbbrevClass> {
    let len = word.len();
    if !(1..=7).contains(&len) || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 7];
    for (i, b) in word.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..len]).ok()?;
    let first_upper = word.as_bytes()[0].is_ascii_uppercase();
    let rest = &word[1..];
    // "Gen" or "GEN", not "gen" (a word) nor "gEN".
    let capitalised = first_upper
        && (rest.bytes().all(|b| b.is_ascii_lowercase()) || (len >= 3 && rest.bytes().all(|b| b.is_ascii_uppercase())));

    if before_number && BEFORE_NUMBER.contains(&lower) && (capitalised || lower.len() <= 2) {
        return Some(AbbrevClass::Prefix);
    }
    if PREFIX_ANY_CASE.contains(&lower) {
        return Some(AbbrevClass::Prefix);
    }
    if AMBIGUOUS_ANY_CASE.contains(&lower) {
        return Some(AbbrevClass::Ambiguous);
    }
    if capitalised && PREFIX_CAPITALISED.contains(&lower) {
        return Some(AbbrevClass::Prefix);
    }
    if capitalised && AMBIGUOUS_CAPITALISED.contains(&lower) {
        return Some(AbbrevClass::Ambiguous);
    }
    if len == 1 && first_upper {
        return Some(AbbrevClass::Initial);
    }
    None
}

/// Dotted acronyms ("e.g.", "i.e.") that never end a sentence; other dotted acronyms
/// ("U.S.", "a.m.") are ambiguous.
pub fn acronym_class(acronym: &str) -> AbbrevClass {
    match acronym {
        "e.g." | "i.e." | "E.g." | "I.e." | "e.g" | "i.e" => AbbrevClass::Prefix,
        _ => AbbrevClass::Ambiguous,
    }
}

/// Capitalised words that usually start a sentence and rarely continue a name. After an
/// ambiguous abbreviation ("U.S.", "Inc.") one of these means a new sentence began.
/// Auxiliaries ("Has", "Will") and nouns ("Officials") are left out: after "U.S." they are
/// title case ("U.S. Officials Say") far more often than a sentence start.
const SENTENCE_STARTERS: &[&str] = &[
    "A", "About", "According", "Additionally", "After", "Afterwards", "Again", "All", "Also",
    "Although", "Among", "An", "And", "Another", "As", "At", "Because", "Before", "Both", "But",
    "By", "Despite", "During", "Each", "Earlier", "Either", "Even", "Every", "Finally", "First",
    "For", "From", "Further", "Furthermore", "He", "Her", "Here", "His", "How", "However", "I",
    "If", "In", "Indeed", "Instead", "It", "Its", "Just", "Last", "Later", "Many", "Meanwhile",
    "More", "Moreover", "Most", "Much", "My", "Neither", "Nevertheless", "Next", "No", "Nor", "Not", "Now", "On",
    "Only", "Other", "Others", "Our", "Several", "She", "Since", "So", "Some", "Still", "Such",
    "That", "The", "Their", "Then", "There", "These", "They", "This", "Those", "Though", "Thus",
    "To", "Today", "Unlike", "Until", "We", "What", "When", "Where", "Whether", "Which", "While",
    "Who", "Why", "With", "Without", "Yesterday", "Yet", "You",
];

pub fn is_sentence_starter(word: &str) -> bool {
    // Kept sorted (a unit test checks) for binary search.
    SENTENCE_STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_sorted_and_unique() {
        assert!(SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_sentence_starter("The") && is_sentence_starter("A") && is_sentence_starter("You"));
        assert!(!is_sentence_starter("the") && !is_sentence_starter("Officials"));
    }

    #[test]
    fn classify_cases() {
        assert_eq!(classify("Gen", false), Some(AbbrevClass::Prefix));
        assert_eq!(classify("GEN", false), Some(AbbrevClass::Prefix));
        assert_eq!(classify("gen", false), None);
        assert_eq!(classify("FT", false), None);
        assert_eq!(classify("No", true), Some(AbbrevClass::Prefix));
        assert_eq!(classify("No", false), None);
        assert_eq!(classify("Inc", false), Some(AbbrevClass::Ambiguous));
        assert_eq!(classify("etc", false), Some(AbbrevClass::Ambiguous));
        assert_eq!(classify("W", false), Some(AbbrevClass::Initial));
        assert_eq!(classify("w", false), None);
        assert_eq!(classify("Washington", false), None);
        assert_eq!(classify("Ünal", false), None);
    }
}
