//! The GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header.
//! Unknowns are empty, except AvgTone (dyad computes no tone: 0) and the geo types (0, as GDELT
//! writes for "no location"). ActionGeo_* is the event's location, Actor1Geo_*/Actor2Geo_* the
//! actors' own places ("Ahmedabad police"): type, name, FIPS country, ADM1, lat/long and the
//! feature id (the GeoNames id; for a country, its FIPS code, as GDELT writes).
use crate::actor::{split_actor, ActorParts};
use crate::error::StoreError;
use crate::query::{EventRow, Filter};
use crate::store::Store;
use chrono::Datelike;
use std::io::{BufWriter, Write};

/// Number of columns in a GDELT 2.0 event record.
pub const EVENT_COLUMNS: usize = 61;

pub fn write<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<usize, StoreError> {
    let mut out = BufWriter::new(out);
    let n = store.for_each_event(filter, |e| {
        let fields = record(&e);
        debug_assert_eq!(fields.len(), EVENT_COLUMNS);
        writeln!(out, "{}", fields.join("\t"))?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

/// Tabs and line breaks would break the TSV layout.
pub(crate) fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn actor_block(code: &str, name: &str, parts: &ActorParts) -> [String; 10] {
    [
        clean(code),
        clean(name),
        parts.country.clone(),
        parts.known_group.clone(),
        parts.ethnic.clone(),
        parts.religion[0].clone(),
        parts.religion[1].clone(),
        parts.types[0].clone(),
        parts.types[1].clone(),
        parts.types[2].clone(),
    ]
}

/// Geo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
fn geo_block(loc: Option<&dyad_doc::Location>) -> [String; 8] {
    let mut g: [String; 8] = Default::default();
    g[0] = "0".into();
    let Some(l) = loc else { return g };
    g[0] = l.geo_type.to_string();
    g[1] = clean(&full_name(l));
    g[2] = l.fips.clone();
    g[3] = l.adm1.clone();
    g[5] = format!("{:.4}", l.lat);
    g[6] = format!("{:.4}", l.lon);
    g[7] = match (l.geo_type, l.geonames_id) {
        (1, _) => l.fips.clone(),
        (_, Some(id)) => id.to_string(),
        (_, None) => String::new(),
    };
    g
}

/// GDELT's FullName: "Moscow, RS" style is GDELT's own ("Moscow, Moskva, Russia"); dyad writes
/// the place name and, below country level, the country's ISO code.
fn full_name(l: &dyad_doc::Location) -> String {
    if l.geo_type == 1 || l.country.is_empty() {
        l.name.clone()
    } else {
        format!("{}, {}", l.name, l.country)
    }
}

fn record(e: &EventRow) -> Vec<String> {
    let mut f = Vec::with_capacity(EVENT_COLUMNS);
    f.push(e.id.to_string());
    match e.date {
        Some(d) => {
            f.push(d.format("%Y%m%d").to_string());
            f.push(d.format("%Y%m").to_string());
            f.push(d.year().to_string());
            let days = if d.leap_year() { 366.0 } else { 365.0 };
            f.push(format!(
                "{:.4}",
                d.year() as f64 + d.ordinal() as f64 / days
            ));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    f.extend(actor_block(
        &e.source,
        &e.source_name,
        &split_actor(&e.source),
    ));
    f.extend(actor_block(
        &e.target,
        &e.target_name,
        &split_actor(&e.target),
    ));
    f.push((e.is_root as u8).to_string());
    f.push(e.code.clone());
    f.push(e.code.chars().take(3).collect());
    f.push(e.root.clone());
    f.push(e.quad_class.to_string());
    f.push(format!("{:.1}", e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push("0".into()); // AvgTone: not computed
    f.extend(geo_block(e.source_location.as_ref()));
    f.extend(geo_block(e.target_location.as_ref()));
    f.extend(geo_block(e.location.as_ref()));
    f.push(e.date_added.clone());
    f.push(clean(&e.source_url));
    f
}
