//! Reading dyad's places format (tab-separated, one place a line; docs/geography.md) with
//! errors that name the file and line.
use crate::gazetteer::{Country, Place, PlaceKind};
use rustc_hash::FxHashMap;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("{file}:{line}: {message}")]
    Line { file: String, line: usize, message: String },
    #[error("{file}: {error}")]
    Io { file: String, error: std::io::Error },
}

impl GeoError {
    fn at(file: &str, line: usize, message: impl Into<String>) -> GeoError {
        GeoError::Line { file: file.to_string(), line, message: message.into() }
    }
    pub(crate) fn io(path: &Path, error: std::io::Error) -> GeoError {
        GeoError::Io { file: path.display().to_string(), error }
    }
}

/// A file's text; invalid UTF-8 is an error naming the line it is on.
pub fn read_utf8(path: &Path) -> Result<String, GeoError> {
    let bytes = std::fs::read(path).map_err(|e| GeoError::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count() + 1;
        GeoError::at(&path.display().to_string(), line, "not UTF-8 text (save the file as UTF-8)")
    })
}

fn iso2_ok(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parse places into `out`. With `seen` (ids → where first written) every check runs:
/// duplicate ids (reported with both places) and flagged names that are not names of the
/// place; without it (the built-in files, checked by the tests) only what reading needs.
pub fn parse_places(
    text: &'static str,
    file: &'static str,
    out: &mut Vec<Place>,
    mut seen: Option<&mut FxHashMap<&'static str, u32>>,
) -> Result<(), GeoError> {
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f: [&'static str; 10] = [""; 10];
        let mut count = 0;
        for (k, field) in line.split('\t').enumerate() {
            if k < 10 {
                f[k] = field;
            }
            count = k + 1;
        }
        if count < 8 {
            return Err(GeoError::at(
                file,
                n,
                format!(
                    "{count} field(s), expected at least 8 separated by tabs: id, kind, country, admin1, lat, lon, population, names"
                ),
            ));
        }
        if count > 10 {
            return Err(GeoError::at(file, n, format!("{count} fields, expected at most 10")));
        }
        let id = f[0].trim();
        if id.is_empty() {
            return Err(GeoError::at(file, n, "empty id"));
        }
        let kind = PlaceKind::parse(f[1].trim()).ok_or_else(|| {
            GeoError::at(file, n, format!("unknown kind `{}` (expected country, adm1, city or area)", f[1]))
        })?;
        let country = f[2].trim();
        if !country.is_empty() && !iso2_ok(country) {
            return Err(GeoError::at(file, n, format!("country `{country}` is not an ISO 3166-1 alpha-2 code")));
        }
        let num = |s: &str, what: &str, lo: f64, hi: f64| -> Result<f64, GeoError> {
            let v: f64 = s
                .trim()
                .parse()
                .map_err(|_| GeoError::at(file, n, format!("{what} `{s}` is not a number")))?;
            if !(lo..=hi).contains(&v) {
                return Err(GeoError::at(file, n, format!("{what} {v} is outside {lo}..{hi}")));
            }
            Ok(v)
        };
        let lat = num(f[4], "latitude", -90.0, 90.0)?;
        let lon = num(f[5], "longitude", -180.0, 180.0)?;
        let population = if f[6].trim().is_empty() {
            0
        } else {
            f[6].trim()
                .parse()
                .map_err(|_| GeoError::at(file, n, format!("population `{}` is not a whole number", f[6])))?
        };
        let place = Place {
            id,
            kind,
            country,
            admin1: f[3].trim(),
            lat,
            lon,
            population,
            names: f[7],
            common: f[8],
            words: f[9],
            file,
            line: n as u32,
        };
        if place.names().next().is_none() {
            return Err(GeoError::at(file, n, "no name"));
        }
        if let Some(seen) = seen.as_deref_mut() {
            for c in place.common_words().chain(place.lower_case_words()) {
                if !place.names().any(|x| x == c) {
                    return Err(GeoError::at(file, n, format!("`{c}` is flagged but is not one of the place's names")));
                }
            }
            if let Some(first) = seen.insert(id, n as u32) {
                return Err(GeoError::at(file, n, format!("duplicate id `{id}` (first written at {file}:{first})")));
            }
        }
        out.push(place);
    }
    Ok(())
}

/// The country table: ISO2, ISO3, FIPS, name.
pub fn parse_countries(text: &str, file: &str) -> Result<Vec<Country>, GeoError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 || !iso2_ok(f[0]) {
            return Err(GeoError::at(file, i + 1, "expected ISO2, ISO3, FIPS and name separated by tabs"));
        }
        out.push(Country { iso2: f[0].into(), iso3: f[1].into(), fips: f[2].into(), name: f[3].into() });
    }
    Ok(out)
}
