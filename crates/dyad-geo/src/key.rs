// Name keys and the name index, shared by the library and build.rs (which precomputes the
// built-in index so that loading the gazetteer costs no hashing). No crate dependencies.

/// The key of a name or of a run of text: lower-cased letters and digits, and word breaks
/// (spaces, hyphens), so that "U.S." = "US" and "Bosnia-Herzegovina" = "Bosnia Herzegovina",
/// but "for a" is not "Fora". FNV-1a over the characters: the same on every platform.
#[derive(Clone)]
pub struct KeyHasher {
    h: u64,
    len: usize,
    /// A word break is pending: written before the next letter.
    gap: bool,
}

impl Default for KeyHasher {
    fn default() -> Self {
        KeyHasher { h: 0xcbf2_9ce4_8422_2325, len: 0, gap: false }
    }
}

impl KeyHasher {
    fn write(&mut self, c: char) {
        for b in (c as u32).to_le_bytes() {
            self.h ^= b as u64;
            self.h = self.h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    pub fn push(&mut self, s: &str) {
        for ch in s.chars() {
            if ch.is_alphanumeric() {
                if self.gap && self.len > 0 {
                    self.write(' ');
                }
                self.gap = false;
                for lc in ch.to_lowercase() {
                    self.write(lc);
                    self.len += 1;
                }
            } else if ch.is_whitespace() || ch == '-' {
                self.gap = true;
            }
        }
    }
    /// A word break (the space between two tokens).
    pub fn space(&mut self) {
        self.gap = true;
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn key(&self) -> u64 {
        self.h
    }
}

pub fn key_of(s: &str) -> u64 {
    let mut k = KeyHasher::default();
    k.push(s);
    k.key()
}

/// The words of a name or span, split at spaces and hyphens ("Bosnia-Herzegovina" → 2).
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| w.chars().any(char::is_alphanumeric))
}

/// No name: the end of a chain.
pub const NONE: u32 = u32::MAX;

/// One name of one place, as indexed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    pub place: u32,
    /// Index among the place's names.
    pub name: u16,
    pub common: bool,
    pub word: bool,
    /// The next name with the same key, or `NONE`.
    pub next: u32,
}

/// The index of names: key → (first name with exactly this key, whether a longer name
/// starts with it), the names in chains, and the most words a name has.
pub struct BuiltIndex {
    pub slots: std::collections::HashMap<u64, (u32, bool)>,
    pub names: Vec<NameRef>,
    pub max_words: usize,
}

/// Index places given as (names, common-word names, lower-case-word names), in order.
pub fn build_index<'a, I, N>(places: I) -> BuiltIndex
where
    I: IntoIterator<Item = (N, &'a [&'a str], &'a [&'a str])>,
    N: IntoIterator<Item = &'a str>,
{
    let mut slots: std::collections::HashMap<u64, (u32, bool)> = std::collections::HashMap::new();
    let mut names: Vec<NameRef> = Vec::new();
    let mut max_words = 1;
    for (pi, (place_names, common, lower)) in places.into_iter().enumerate() {
        for (ni, name) in place_names.into_iter().enumerate().take(u16::MAX as usize) {
            let mut k = KeyHasher::default();
            let mut n_words = 0;
            for w in words(name) {
                if n_words > 0 {
                    // Every shorter run of whole words is a prefix the matcher extends.
                    slots.entry(k.key()).or_insert((NONE, true)).1 = true;
                    k.space();
                }
                k.push(w);
                n_words += 1;
            }
            if k.is_empty() {
                continue;
            }
            max_words = max_words.max(n_words);
            let id = names.len() as u32;
            let slot = slots.entry(k.key()).or_insert((NONE, false));
            names.push(NameRef {
                place: pi as u32,
                name: ni as u16,
                common: common.contains(&name),
                word: lower.contains(&name),
                next: slot.0,
            });
            slot.0 = id;
        }
    }
    BuiltIndex { slots, names, max_words }
}

