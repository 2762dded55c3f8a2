//! What the models read of a word, computed once per sentence: hashes of the lower-cased
//! and cased form, of its prefixes and suffixes, and of its shape ("Xx", "dd,d", "x-x").

use crate::hash::{chars_hash, str_hash};

pub const MAX_PREFIX: usize = 3;
pub const MAX_SUFFIX: usize = 4;

#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    pub lower: u64,
    pub cased: u64,
    pub prefix: [u64; MAX_PREFIX],
    pub suffix: [u64; MAX_SUFFIX],
    pub shape: u64,
    /// Coarse flags: 1 first letter upper, 2 all letters upper, 4 has digit, 8 has hyphen,
    /// 16 no letter or digit.
    pub flags: u8,
    /// Distributional cluster (see [`crate::clusters`]): fine class + 1 in the low 16 bits,
    /// coarse class + 1 in the high 16; 0 when the word has none. Filled by the model.
    pub cluster: u32,
}

/// Reused buffers, so analysing a sentence allocates nothing once they have grown.
#[derive(Default)]
pub struct Scratch {
    chars: Vec<char>,
    shape: Vec<char>,
}

pub fn analyse(form: &str, scratch: &mut Scratch) -> WordInfo {
    let chars = &mut scratch.chars;
    chars.clear();
    let shape = &mut scratch.shape;
    shape.clear();
    let (mut upper, mut lower_n, mut digit, mut hyphen, mut alnum) = (0, 0, false, false, false);
    let mut first_upper = false;
    for (i, c) in form.chars().enumerate() {
        let class = if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                first_upper = true;
            }
            'X'
        } else if c.is_alphabetic() {
            lower_n += 1;
            'x'
        } else if c.is_numeric() {
            digit = true;
            'd'
        } else {
            hyphen |= c == '-';
            c
        };
        alnum |= c.is_alphanumeric();
        // Runs collapse after two ("Xxxxx" → "Xxx"), and the shape is capped in length.
        let n = shape.len();
        if !(n >= 2 && shape[n - 1] == class && shape[n - 2] == class) && n < 8 {
            shape.push(class);
        }
        if c.is_ascii() {
            chars.push(c.to_ascii_lowercase());
        } else {
            chars.extend(c.to_lowercase());
        }
    }
    let n = chars.len();
    let mut info = WordInfo { cased: str_hash(form), lower: chars_hash(chars), shape: chars_hash(shape), ..WordInfo::default() };
    for k in 0..MAX_PREFIX {
        info.prefix[k] = chars_hash(&chars[..(k + 1).min(n)]);
    }
    for k in 0..MAX_SUFFIX {
        info.suffix[k] = chars_hash(&chars[n.saturating_sub(k + 1)..]);
    }
    info.flags = (first_upper as u8)
        | (((upper > 0 && lower_n == 0) as u8) << 1)
        | ((digit as u8) << 2)
        | ((hyphen as u8) << 3)
        | ((!alnum as u8) << 4);
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_variants_share_lower_form_but_not_shape() {
        let mut s = Scratch::default();
        let a = analyse("Taliban", &mut s);
        let b = analyse("TALIBAN", &mut s);
        let c = analyse("taliban", &mut s);
        assert_eq!(a.lower, b.lower);
        assert_eq!(a.lower, c.lower);
        assert_ne!(a.cased, c.cased);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.suffix[2], c.suffix[2]);
        assert_eq!(a.flags & 1, 1);
        assert_eq!(b.flags & 2, 2);
        let d = analyse("Hamas-linked", &mut s);
        assert_eq!(d.flags & 8, 8);
        assert_eq!(analyse("...", &mut s).flags & 16, 16);
        // Non-Latin scripts and empty strings are analysed without trouble.
        let e = analyse("Москва", &mut s);
        assert_eq!(e.flags & 1, 1);
        let _ = analyse("", &mut s);
    }
}
