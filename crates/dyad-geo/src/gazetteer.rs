//! The gazetteer: places, their names, the country table, and the name index the matcher
//! looks names up in.
use crate::key::{build_index, key_of, NameRef, NONE};
use crate::load::{self, GeoError};
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/builtin_index.rs"));

/// What a place is. GDELT's geo type follows from it and the country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// A first-level division (a US state, an Indian state, a province).
    Adm1,
    City,
    /// A region that is no administrative unit (Gaza Strip, Donbas, the Korean Peninsula).
    Area,
}

impl PlaceKind {
    pub fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "country" => PlaceKind::Country,
            "adm1" => PlaceKind::Adm1,
            "city" => PlaceKind::City,
            "area" => PlaceKind::Area,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Adm1 => "adm1",
            PlaceKind::City => "city",
            PlaceKind::Area => "area",
        }
    }
}

/// One place of the gazetteer. Its text fields borrow the file it was read from (the
/// built-in files are in the binary; a user's files are kept for the process's life), so
/// loading allocates nothing per place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// A GeoNames id ("524901") or the file's own id ("x:gaza-strip").
    pub id: &'static str,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2; empty for a place with no country.
    pub country: &'static str,
    /// The first-level division code as GeoNames writes it ("48"); may be empty.
    pub admin1: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Its names, `|`-separated, the first the one dyad reports.
    pub(crate) names: &'static str,
    /// Names that are common English words ("Nice", "Reading"), `,`-separated: a place only
    /// with evidence.
    pub(crate) common: &'static str,
    /// Names also written as lower-case words ("Bath"), `,`-separated: in a lower-case
    /// archive, a place only with evidence.
    pub(crate) words: &'static str,
    pub(crate) file: &'static str,
    pub(crate) line: u32,
}

pub(crate) fn list(s: &'static str, sep: char) -> impl Iterator<Item = &'static str> {
    s.split(sep).map(str::trim).filter(|x| !x.is_empty())
}

impl Place {
    pub fn name(&self) -> &'static str {
        self.names().next().unwrap_or("")
    }
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        list(self.names, '|')
    }
    pub fn common_words(&self) -> impl Iterator<Item = &'static str> {
        list(self.common, ',')
    }
    pub fn lower_case_words(&self) -> impl Iterator<Item = &'static str> {
        list(self.words, ',')
    }
    /// Where it is written: "file:line".
    pub fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
    /// GeoNames' id, when the place is a GeoNames place.
    pub fn geonames_id(&self) -> Option<u64> {
        self.id.parse().ok()
    }
    /// GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    pub fn geo_type(&self) -> u8 {
        match (self.kind, self.country == "US") {
            (PlaceKind::Country, _) => 1,
            (PlaceKind::Adm1, true) => 2,
            (PlaceKind::City, true) => 3,
            (PlaceKind::City, false) => 4,
            (PlaceKind::Adm1 | PlaceKind::Area, _) => 5,
        }
    }
}

/// A country's codes: ISO 3166-1 alpha-2 and alpha-3 (CAMEO's), FIPS 10-4 (GDELT's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub fips: String,
    pub name: String,
}

/// The name index: precomputed by build.rs for the built-in places (12-byte slots sorted by
/// key and 8-byte names, read in place; `buckets` is where each top-16-bit key prefix starts,
/// so a lookup touches one or two cache lines), or built at load time when a user adds places.
#[derive(Clone, Debug)]
enum Index {
    Static { slots: &'static [u8], names: &'static [u8], buckets: Vec<u32> },
    Built { slots: FxHashMap<u64, (u32, bool)>, names: Vec<NameRef> },
}

impl Default for Index {
    fn default() -> Self {
        Index::Built { slots: FxHashMap::default(), names: Vec::new() }
    }
}

static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/slots.bin"));
static NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));
const SLOT: usize = 12;
const NAME: usize = 8;

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

fn slot_key(slots: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(slots[i * SLOT..i * SLOT + 8].try_into().expect("8 bytes"))
}

impl Index {
    fn new_static() -> Index {
        // buckets[b] = the first slot whose key's top 16 bits are ≥ b.
        let n = SLOTS.len() / SLOT;
        let mut buckets = vec![0u32; (1 << 16) + 1];
        let mut i = 0;
        for (b, start) in buckets.iter_mut().enumerate() {
            while i < n && ((slot_key(SLOTS, i) >> 48) as usize) < b {
                i += 1;
            }
            *start = i as u32;
        }
        Index::Static { slots: SLOTS, names: NAMES, buckets }
    }
    fn lookup(&self, key: u64) -> Option<(u32, bool)> {
        match self {
            Index::Built { slots, .. } => slots.get(&key).copied(),
            Index::Static { slots, buckets, .. } => {
                let b = (key >> 48) as usize;
                let (mut lo, mut hi) = (buckets[b] as usize, buckets[b + 1] as usize);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    match slot_key(slots, mid).cmp(&key) {
                        std::cmp::Ordering::Less => lo = mid + 1,
                        std::cmp::Ordering::Greater => hi = mid,
                        std::cmp::Ordering::Equal => {
                            let v = u32_at(slots, mid * SLOT + 8);
                            let first = v & 0x7fff_ffff;
                            return Some((if first == 0x7fff_ffff { NONE } else { first }, v >> 31 != 0));
                        }
                    }
                }
                None
            }
        }
    }
    fn name(&self, i: u32) -> NameRef {
        match self {
            Index::Built { names, .. } => names[i as usize],
            Index::Static { names, .. } => {
                let r = &names[i as usize * NAME..i as usize * NAME + NAME];
                NameRef {
                    place: u16::from_le_bytes([r[0], r[1]]) as u32,
                    name: r[2] as u16,
                    common: r[3] & 1 != 0,
                    word: r[3] & 2 != 0,
                    next: u32_at(r, 4),
                }
            }
        }
    }
    fn len(&self) -> usize {
        match self {
            Index::Built { names, .. } => names.len(),
            Index::Static { names, .. } => names.len() / NAME,
        }
    }
}

/// The places, their codes and the compiled name index.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    index: Index,
    countries: Vec<Country>,
    /// The country place of each ISO2 code.
    country_place: FxHashMap<&'static str, u32>,
    /// The most words a name spans.
    pub(crate) max_words: usize,
    /// One bit per key's top 20 bits: most words that are no name's start miss here without
    /// touching the index.
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 20;

fn filter_bit(key: u64) -> (usize, u64) {
    let b = (key >> (64 - FILTER_BITS)) as usize;
    (b / 64, 1u64 << (b % 64))
}

static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();

/// The built-in files, in load order.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("dictionaries/places/geonames.tsv", include_str!("../../../dictionaries/places/geonames.tsv")),
    ("dictionaries/places/additions.tsv", include_str!("../../../dictionaries/places/additions.tsv")),
];
const BUILTIN_COUNTRIES: (&str, &str) =
    ("dictionaries/places/countries.tsv", include_str!("../../../dictionaries/places/countries.tsv"));

impl Gazetteer {
    /// The built-in gazetteer, compiled once per process.
    pub fn builtin() -> &'static Gazetteer {
        BUILTIN.get_or_init(|| Gazetteer::compile_builtin().expect("the built-in gazetteer is valid (tested)"))
    }

    /// Parse the built-in files and attach the index build.rs computed for them (what
    /// [`Gazetteer::builtin`] does once). The files are checked by the tests
    /// (`check_builtin`), not here, to keep loading fast.
    pub fn compile_builtin() -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer { countries: load::parse_countries(BUILTIN_COUNTRIES.1, BUILTIN_COUNTRIES.0)?, ..Default::default() };
        g.places.reserve(BUILTIN_PLACES);
        for (file, text) in BUILTIN_FILES {
            load::parse_places(text, file, &mut g.places, None)?;
        }
        if g.places.len() == BUILTIN_PLACES {
            g.index = Index::new_static();
            g.max_words = BUILTIN_MAX_WORDS;
            g.index_countries();
        } else {
            g.build_index();
        }
        Ok(g)
    }

    /// Parse the built-in files with every check a user's file gets (duplicate ids, flags).
    pub fn check_builtin() -> Result<usize, GeoError> {
        let mut places = Vec::new();
        let mut seen = FxHashMap::default();
        for (file, text) in BUILTIN_FILES {
            load::parse_places(text, file, &mut places, Some(&mut seen))?;
        }
        Ok(places.len())
    }

    /// The built-in places plus every `*.tsv` file under `dir/places/` (a user's own places in
    /// the same format). A user place with a built-in id replaces the built-in one; an id
    /// written twice in the user's files is an error. (The index is then built at load time.)
    pub fn with_dir(dir: &Path) -> Result<Gazetteer, GeoError> {
        let folder = dir.join("places");
        if !folder.is_dir() {
            return Ok(Gazetteer::builtin().clone());
        }
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map_err(|e| GeoError::io(&folder, e))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        files.sort();
        let mut user = Vec::new();
        let mut user_countries = Vec::new();
        let mut seen = FxHashMap::default();
        for f in &files {
            // Kept for the process's life: places borrow their file's text.
            let text: &'static str = Box::leak(load::read_utf8(f)?.into_boxed_str());
            let name: &'static str = Box::leak(f.display().to_string().into_boxed_str());
            // `countries.tsv` is the country table (as in the built-in folder), not places.
            if f.file_name().is_some_and(|n| n == "countries.tsv") {
                user_countries.extend(load::parse_countries(text, name)?);
            } else {
                load::parse_places(text, name, &mut user, Some(&mut seen))?;
            }
        }
        let mut g = Gazetteer::builtin().clone();
        for c in user_countries {
            match g.countries.iter_mut().find(|k| k.iso2 == c.iso2) {
                Some(k) => *k = c,
                None => g.countries.push(c),
            }
        }
        let replaced: FxHashMap<&str, ()> = user.iter().map(|p| (p.id, ())).collect();
        g.places.retain(|p| !replaced.contains_key(p.id));
        g.places.extend(user);
        g.build_index();
        Ok(g)
    }

    /// A gazetteer of exactly these places and countries.
    pub fn from_parts(places: Vec<Place>, countries: Vec<Country>) -> Gazetteer {
        let mut g = Gazetteer { places, countries, ..Gazetteer::default() };
        g.build_index();
        g
    }

    fn build_filter(&mut self) {
        let mut f = vec![0u64; (1usize << FILTER_BITS) / 64];
        let mut set = |k: u64| {
            let (w, b) = filter_bit(k);
            f[w] |= b;
        };
        match &self.index {
            Index::Built { slots, .. } => slots.keys().for_each(|&k| set(k)),
            Index::Static { slots, .. } => (0..slots.len() / SLOT).for_each(|i| set(slot_key(slots, i))),
        }
        self.filter = f;
    }

    fn index_countries(&mut self) {
        self.build_filter();
        self.country_place.clear();
        for (pi, p) in self.places.iter().enumerate() {
            if p.kind == PlaceKind::Country && !p.country.is_empty() {
                self.country_place.entry(p.country).or_insert(pi as u32);
            }
        }
    }

    fn build_index(&mut self) {
        let rows: Vec<(Vec<&'static str>, Vec<&'static str>, Vec<&'static str>)> = self
            .places
            .iter()
            .map(|p| (p.names().collect(), p.common_words().collect(), p.lower_case_words().collect()))
            .collect();
        let built = build_index(rows.iter().map(|(n, c, w)| (n.iter().copied(), c.as_slice(), w.as_slice())));
        self.max_words = built.max_words;
        self.index = Index::Built { slots: built.slots.into_iter().collect(), names: built.names };
        self.index_countries();
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }
    pub fn place(&self, i: u32) -> &Place {
        &self.places[i as usize]
    }
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }
    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso2 == iso2)
    }
    /// The country whose ISO3 (CAMEO) code is `iso3`.
    pub fn country_by_iso3(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }
    /// The country's own place (its centre), when the gazetteer has one.
    pub fn country_place(&self, iso2: &str) -> Option<u32> {
        self.country_place.get(iso2).copied()
    }

    /// Whether any name has this key or starts with it, and the first name with it.
    pub(crate) fn lookup(&self, key: u64) -> Option<(u32, bool)> {
        let (w, b) = filter_bit(key);
        if self.filter.get(w).is_none_or(|x| x & b == 0) {
            return None;
        }
        self.index.lookup(key)
    }
    /// The names in the chain starting at `first`.
    pub(crate) fn chain(&self, mut first: u32) -> impl Iterator<Item = NameRef> + '_ {
        std::iter::from_fn(move || {
            if first == NONE {
                return None;
            }
            let n = self.index.name(first);
            first = n.next;
            Some(n)
        })
    }
    pub(crate) fn name_text(&self, n: &NameRef) -> &'static str {
        self.places[n.place as usize].names().nth(n.name as usize).unwrap_or("")
    }

    /// Every place some name of which is written like `name` (keys compared: case, dots and
    /// hyphens ignored).
    pub fn candidates(&self, name: &str) -> Vec<(u32, &'static str)> {
        let mut out: Vec<(u32, &'static str)> = match self.lookup(key_of(name)) {
            Some((first, _)) => self.chain(first).map(|n| (n.place, self.name_text(&n))).collect(),
            None => Vec::new(),
        };
        out.dedup_by_key(|(p, _)| *p);
        out
    }

    /// The CAMEO (ISO3) country code of the place a name most likely means, without context
    /// ("Kabul" → "AFG", "Ahmedabad" → "IND"). For the coder: a place before an agent gives the
    /// agent its country.
    pub fn country_of(&self, name: &str) -> Option<&str> {
        let best = crate::resolve::best_without_context(self, name)?;
        let iso2 = self.place(best).country;
        self.country(iso2).map(|c| c.iso3.as_str())
    }

    /// Whether some place is called `name` (keys compared, as `candidates`): a cheap test
    /// before the document's places are found (no allocation).
    pub fn has_name(&self, name: &str) -> bool {
        self.lookup(key_of(name)).is_some_and(|(first, _)| first != NONE)
    }

    /// Number of indexed names.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }
}
