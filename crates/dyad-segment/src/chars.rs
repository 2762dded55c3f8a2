//! Character classes the scanner needs. Hand-written ranges instead of a Unicode tables
//! crate: segmentation only has to tell words, numbers, punctuation and symbols apart,
//! and these checks sit in the hot loop.

/// Separators between tokens: Unicode white space plus the invisible format characters
/// that scraped text carries between words (zero-width space, word joiner, BOM).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    }
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Characters that continue a word: letters, digits, combining marks, the underscore
/// (handles like @ben_kew) and the zero-width (non-)joiners used inside Persian and Indic words.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{200c}' | '\u{200d}' | '\u{00ad}')
}

/// Combining marks (the common blocks): decomposed accents, Hebrew/Arabic points,
/// combining marks for symbols, half marks, variation selectors.
#[inline]
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05bd}'
        | '\u{05bf}' | '\u{05c1}' | '\u{05c2}' | '\u{05c4}' | '\u{05c5}' | '\u{05c7}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06dc}'
        | '\u{06df}'..='\u{06e4}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093a}'..='\u{094f}'
        | '\u{0e31}' | '\u{0e34}'..='\u{0e3a}' | '\u{0e47}'..='\u{0e4e}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// Punctuation (Unicode P* categories, approximately). Everything that is neither
/// space, word character nor punctuation is a symbol (currency, maths, emoji).
#[inline]
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        // ASCII punctuation minus the symbol characters $ + < = > ^ ` | ~
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    matches!(c,
        '\u{00a1}' | '\u{00a7}' | '\u{00ab}' | '\u{00b6}' | '\u{00b7}' | '\u{00bb}' | '\u{00bf}'
        | '\u{037e}' | '\u{0387}'
        | '\u{055a}'..='\u{055f}' | '\u{0589}' | '\u{058a}'
        | '\u{05be}' | '\u{05c0}' | '\u{05c3}' | '\u{05c6}' | '\u{05f3}' | '\u{05f4}'
        | '\u{060c}' | '\u{060d}' | '\u{061b}' | '\u{061e}' | '\u{061f}' | '\u{066a}'..='\u{066d}' | '\u{06d4}'
        | '\u{0964}' | '\u{0965}' | '\u{0970}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{207d}' | '\u{207e}' | '\u{208d}' | '\u{208e}'
        | '\u{2308}'..='\u{230b}' | '\u{2329}' | '\u{232a}'
        | '\u{2e00}'..='\u{2e4f}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}' | '\u{3030}' | '\u{303d}'
        | '\u{30fb}'
        | '\u{fe10}'..='\u{fe19}' | '\u{fe30}'..='\u{fe52}' | '\u{fe54}'..='\u{fe61}'
        | '\u{ff01}'..='\u{ff03}' | '\u{ff05}'..='\u{ff0a}' | '\u{ff0c}'..='\u{ff0f}'
        | '\u{ff1a}' | '\u{ff1b}' | '\u{ff1f}' | '\u{ff20}' | '\u{ff3b}'..='\u{ff3d}' | '\u{ff3f}'
        | '\u{ff5b}' | '\u{ff5d}' | '\u{ff5f}'..='\u{ff65}')
}

/// Hyphens that join the parts of a word ("Jong-un", "state-run").
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes: straight, right single quotation mark (curly), modifier letter apostrophe.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Characters that end a sentence. Runs of them ("...", "?!") form one token.
#[inline]
pub fn is_sentence_final(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '\u{2026}' | '\u{203c}' | '\u{2047}'..='\u{2049}') || is_cjk_final(c)
}

/// Full stops of scripts written without spaces: a boundary even with no space after.
#[inline]
pub fn is_cjk_final(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{ff61}' | '\u{0964}' | '\u{06d4}')
}

/// Closing quotes and brackets that stay with the sentence before them ('said." Next').
#[inline]
pub fn is_closer(c: char) -> bool {
    matches!(c,
        '"' | '\'' | ')' | ']' | '}'
        | '\u{2019}' | '\u{201d}' | '\u{00bb}' | '\u{203a}'
        | '\u{300d}' | '\u{300f}' | '\u{3011}' | '\u{ff09}')
}

/// Opening quotes and brackets: a sentence may start with them.
#[inline]
pub fn is_opener(c: char) -> bool {
    matches!(c,
        '"' | '\'' | '(' | '[' | '{'
        | '\u{2018}' | '\u{201c}' | '\u{00ab}' | '\u{2039}'
        | '\u{300c}' | '\u{300e}' | '\u{3010}' | '\u{ff08}')
}

/// Emoji modifiers that belong to the symbol before them: skin tones, keycap, tags.
#[inline]
pub fn is_symbol_modifier(c: char) -> bool {
    matches!(c,
        '\u{fe0e}' | '\u{fe0f}' | '\u{20e3}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0020}'..='\u{e007f}')
}

#[inline]
pub fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}')
}

/// ASCII bytes that continue a word (letters, digits, underscore): a table lookup in the
/// scanner's inner loop.
pub static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// Number of characters in a UTF-8 byte slice (count the bytes that start a character).
#[inline]
pub fn char_count(bytes: &[u8]) -> usize {
    // Gaps and tokens are mostly short: a plain loop beats the vectorised count there.
    if bytes.len() <= 16 {
        let mut n = 0;
        for &b in bytes {
            n += ((b as i8) >= -0x40) as usize;
        }
        n
    } else {
        bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}
