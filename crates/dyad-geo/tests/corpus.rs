//! Checks against ../shared/geonames, run only with `DYAD_CORPUS_TESTS=1` (then failing loudly
//! if the data is missing): the committed gazetteer is the one `scripts/gazetteer.py` derives.
use std::path::{Path, PathBuf};

fn enabled() -> bool {
    std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1")
}

fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    assert!(p.exists(), "DYAD_CORPUS_TESTS=1 but {} is missing (the corpus tests need ../shared)", p.display());
    p
}

#[test]
fn every_geonames_city_and_country_is_in_the_gazetteer() {
    if !enabled() {
        return;
    }
    let g = dyad_geo::Gazetteer::builtin();
    let ids: std::collections::HashSet<&str> = g.places().iter().map(|p| p.id).collect();
    let cities: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared("geonames/cities15000.json")).unwrap()).unwrap();
    let cities = cities.as_object().unwrap();
    assert_eq!(cities.len(), 34_006);
    for (id, c) in cities {
        assert!(ids.contains(id.as_str()), "GeoNames {id} ({}) is missing: rerun scripts/gazetteer.py", c["name"]);
    }
    let countries: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared("geonames/countries.json")).unwrap()).unwrap();
    for (iso2, c) in countries.as_object().unwrap() {
        let row = g.country(iso2).unwrap_or_else(|| panic!("{iso2} missing from countries.tsv"));
        assert_eq!(row.fips, c["fips"].as_str().unwrap(), "{iso2}");
    }
}
