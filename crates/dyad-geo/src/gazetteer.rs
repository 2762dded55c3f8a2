//! The gazetteer: places, their names, the country table, and the name index the matcher
//! looks names up in.
use crate::load::{self, GeoError};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::path::Path;
use std::sync::OnceLock;

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

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// A GeoNames id ("524901") or the file's own id ("x:gaza-strip").
    pub id: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2; empty for a place with no country.
    pub country: String,
    /// The first-level division code as GeoNames writes it ("48"); may be empty.
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Its names, the first the one dyad reports.
    pub names: Vec<String>,
    /// Names that are common English words ("Nice", "Reading"): a place only with evidence.
    pub common: Vec<String>,
    /// Names also written as lower-case words ("Bath"): in a lower-case archive, a place only
    /// with evidence.
    pub words: Vec<String>,
    /// Where it is written: "file:line".
    pub at: String,
}

impl Place {
    pub fn name(&self) -> &str {
        &self.names[0]
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

/// One name of one place, as indexed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameRef {
    pub place: u32,
    /// Index into `Place::names`.
    pub name: u16,
    pub common: bool,
    pub word: bool,
    /// The next name with the same key (a chain through `Gazetteer::names`), or `u32::MAX`.
    next: u32,
}

const NONE: u32 = u32::MAX;

/// What the index knows about a key: the first name with exactly this key, and whether some
/// longer name starts with it (so the matcher keeps extending).
#[derive(Clone, Copy, Debug)]
struct Slot {
    first: u32,
    prefix: bool,
}

/// The places, their codes and the compiled name index.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    names: Vec<NameRef>,
    index: FxHashMap<u64, Slot>,
    countries: Vec<Country>,
    /// The country place of each ISO2 code.
    country_place: FxHashMap<String, u32>,
    /// The most tokens a name spans.
    pub(crate) max_words: usize,
}

/// The key of a name or of a run of text: lower-cased letters and digits, and word breaks
/// (spaces, hyphens), so that "U.S." = "US" and "Bosnia-Herzegovina" = "Bosnia Herzegovina",
/// but "for a" is not "Fora".
#[derive(Clone, Default)]
pub(crate) struct KeyHasher {
    h: FxHasher,
    len: usize,
    /// A word break is pending: written before the next letter.
    gap: bool,
}

impl KeyHasher {
    pub fn push(&mut self, s: &str) {
        for ch in s.chars() {
            if ch.is_alphanumeric() {
                if self.gap && self.len > 0 {
                    self.h.write_u32(' ' as u32);
                }
                self.gap = false;
                for lc in ch.to_lowercase() {
                    self.h.write_u32(lc as u32);
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
        self.h.finish()
    }
}

pub(crate) fn key_of(s: &str) -> u64 {
    let mut k = KeyHasher::default();
    k.push(s);
    k.key()
}

/// The words of a name or span, split at spaces and hyphens ("Bosnia-Herzegovina" → 2).
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| w.chars().any(char::is_alphanumeric))
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

    /// Parse and index the built-in files (what [`Gazetteer::builtin`] does once).
    pub fn compile_builtin() -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::default();
        g.countries = load::parse_countries(BUILTIN_COUNTRIES.1, BUILTIN_COUNTRIES.0)?;
        let mut seen = FxHashMap::default();
        for (file, text) in BUILTIN_FILES {
            load::parse_places(text, file, &mut g.places, &mut seen)?;
        }
        g.build_index();
        Ok(g)
    }

    /// The built-in places plus every `*.tsv` file under `dir/places/` (a user's own places in
    /// the same format). A user place with a built-in id replaces the built-in one; an id
    /// written twice in the user's files is an error.
    pub fn with_dir(dir: &Path) -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::builtin().clone();
        let folder = dir.join("places");
        if !folder.is_dir() {
            return Ok(g);
        }
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map_err(|e| GeoError::io(&folder, e))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        files.sort();
        let mut user = Vec::new();
        let mut seen = FxHashMap::default();
        for f in &files {
            let text = load::read_utf8(f)?;
            load::parse_places(&text, &f.display().to_string(), &mut user, &mut seen)?;
        }
        let replaced: FxHashMap<&str, ()> = user.iter().map(|p| (p.id.as_str(), ())).collect();
        g.places.retain(|p| !replaced.contains_key(p.id.as_str()));
        g.places.extend(user);
        g.build_index();
        Ok(g)
    }

    /// A gazetteer of exactly these places and countries (tests, users' own data).
    pub fn from_parts(places: Vec<Place>, countries: Vec<Country>) -> Gazetteer {
        let mut g = Gazetteer { places, countries, ..Gazetteer::default() };
        g.build_index();
        g
    }

    fn build_index(&mut self) {
        self.names.clear();
        self.index.clear();
        self.country_place.clear();
        self.max_words = 1;
        self.index.reserve(self.places.len() * 5);
        for (pi, p) in self.places.iter().enumerate() {
            if p.kind == PlaceKind::Country && !p.country.is_empty() {
                self.country_place.entry(p.country.clone()).or_insert(pi as u32);
            }
            for (ni, name) in p.names.iter().enumerate().take(u16::MAX as usize) {
                let mut k = KeyHasher::default();
                let mut n_words = 0;
                for w in words(name) {
                    if n_words > 0 {
                        // Every shorter run of whole words is a prefix the matcher extends.
                        self.index.entry(k.key()).or_insert(Slot { first: NONE, prefix: true }).prefix = true;
                        k.space();
                    }
                    k.push(w);
                    n_words += 1;
                }
                if k.is_empty() {
                    continue;
                }
                self.max_words = self.max_words.max(n_words);
                let id = self.names.len() as u32;
                let slot = self.index.entry(k.key()).or_insert(Slot { first: NONE, prefix: false });
                self.names.push(NameRef {
                    place: pi as u32,
                    name: ni as u16,
                    common: p.common.iter().any(|c| c == name),
                    word: p.words.iter().any(|c| c == name),
                    next: slot.first,
                });
                slot.first = id;
            }
        }
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

    /// (key state) → whether any name has this key or starts with it, and its first name.
    pub(crate) fn lookup(&self, key: u64) -> Option<(u32, bool)> {
        self.index.get(&key).map(|s| (s.first, s.prefix))
    }
    /// The names in the chain starting at `first`.
    pub(crate) fn chain(&self, mut first: u32) -> impl Iterator<Item = &NameRef> {
        std::iter::from_fn(move || {
            if first == NONE {
                return None;
            }
            let n = &self.names[first as usize];
            first = n.next;
            Some(n)
        })
    }
    pub(crate) fn name_text(&self, n: &NameRef) -> &str {
        &self.places[n.place as usize].names[n.name as usize]
    }

    /// Every place some name of which is written like `name` (keys compared: case, dots and
    /// hyphens ignored).
    pub fn candidates(&self, name: &str) -> Vec<(u32, &str)> {
        let mut out: Vec<(u32, &str)> = match self.lookup(key_of(name)) {
            Some((first, _)) => self.chain(first).map(|n| (n.place, self.name_text(n))).collect(),
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
        let iso2 = &self.place(best).country;
        self.country(iso2).map(|c| c.iso3.as_str())
    }

    /// Number of indexed names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }
}
