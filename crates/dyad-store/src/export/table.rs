//! The flat event table shared by the CSV and Parquet exports: one list of typed columns.
use crate::actor::split_actor;
use crate::dedup::Dedup;
use crate::hash::stable_id;
use crate::query::EventRow;
use crate::store::{actor_name, root_code};
use chrono::{NaiveDate, NaiveDateTime};
use dyad_doc::{Document, Event};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Int64,
    Int32,
    Double,
    Bool,
    Str,
    Date,
    /// UTC, millisecond precision.
    Timestamp,
}

#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Can be empty.
    pub optional: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Double(f64),
    Bool(bool),
    Str(String),
    Date(NaiveDate),
    Timestamp(NaiveDateTime),
}

const fn col(name: &'static str, kind: Kind, optional: bool) -> Column {
    Column {
        name,
        kind,
        optional,
    }
}

const COLUMNS: &[Column] = &[
    col("global_event_id", Kind::Int64, false),
    col("date", Kind::Date, true),
    col("source", Kind::Str, false),
    col("source_name", Kind::Str, false),
    col("source_country", Kind::Str, true),
    col("source_type", Kind::Str, true),
    col("source_known_group", Kind::Str, true),
    col("target", Kind::Str, false),
    col("target_name", Kind::Str, false),
    col("target_country", Kind::Str, true),
    col("target_type", Kind::Str, true),
    col("target_known_group", Kind::Str, true),
    col("code", Kind::Str, false),
    col("base_code", Kind::Str, false),
    col("root_code", Kind::Str, false),
    col("quad_class", Kind::Int32, false),
    col("goldstein", Kind::Double, false),
    col("plover_type", Kind::Str, true),
    col("plover_mode", Kind::Str, true),
    col("location", Kind::Str, true),
    col("location_country", Kind::Str, true),
    col("location_fips", Kind::Str, true),
    col("location_adm1", Kind::Str, true),
    col("location_lat", Kind::Double, true),
    col("location_lon", Kind::Double, true),
    col("location_geonames_id", Kind::Int64, true),
    col("location_type", Kind::Int32, true),
    col("location_from", Kind::Str, true),
    col("source_place", Kind::Str, true),
    col("source_place_country", Kind::Str, true),
    col("source_place_lat", Kind::Double, true),
    col("source_place_lon", Kind::Double, true),
    col("target_place", Kind::Str, true),
    col("target_place_country", Kind::Str, true),
    col("target_place_lat", Kind::Double, true),
    col("target_place_lon", Kind::Double, true),
    col("is_root_event", Kind::Bool, false),
    col("num_mentions", Kind::Int32, false),
    col("num_sources", Kind::Int32, false),
    col("num_articles", Kind::Int32, false),
    col("source_url", Kind::Str, false),
    col("date_added", Kind::Timestamp, false),
];

pub fn columns() -> &'static [Column] {
    COLUMNS
}

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        Value::Str(s.to_string())
    }
}

/// The values of one event in [`columns`] order.
pub fn row(e: &EventRow) -> Vec<Value> {
    let (a1, a2) = (split_actor(&e.source), split_actor(&e.target));
    let (loc, src, tgt) = (e.location.as_ref(), e.source_location.as_ref(), e.target_location.as_ref());
    let added = NaiveDateTime::parse_from_str(&e.date_added, "%Y%m%d%H%M%S")
        .map_or(Value::Null, Value::Timestamp);
    vec![
        Value::Int(e.id),
        e.date.map_or(Value::Null, Value::Date),
        Value::Str(e.source.clone()),
        Value::Str(e.source_name.clone()),
        text(&a1.country),
        text(&a1.types[0]),
        text(&a1.known_group),
        Value::Str(e.target.clone()),
        Value::Str(e.target_name.clone()),
        text(&a2.country),
        text(&a2.types[0]),
        text(&a2.known_group),
        Value::Str(e.code.clone()),
        Value::Str(e.code.chars().take(3).collect()),
        Value::Str(e.root.clone()),
        Value::Int(e.quad_class as i64),
        Value::Double(e.goldstein),
        e.plover_type.as_deref().map_or(Value::Null, text),
        e.plover_mode.as_deref().map_or(Value::Null, text),
        loc.map_or(Value::Null, |l| text(&l.name)),
        loc.map_or(Value::Null, |l| text(&l.country)),
        loc.map_or(Value::Null, |l| text(&l.fips)),
        loc.map_or(Value::Null, |l| text(&l.adm1)),
        loc.map_or(Value::Null, |l| Value::Double(l.lat)),
        loc.map_or(Value::Null, |l| Value::Double(l.lon)),
        loc.and_then(|l| l.geonames_id).map_or(Value::Null, |i| Value::Int(i as i64)),
        loc.map_or(Value::Null, |l| Value::Int(l.geo_type as i64)),
        loc.map_or(Value::Null, |l| text(&l.from)),
        src.map_or(Value::Null, |l| text(&l.name)),
        src.map_or(Value::Null, |l| text(&l.country)),
        src.map_or(Value::Null, |l| Value::Double(l.lat)),
        src.map_or(Value::Null, |l| Value::Double(l.lon)),
        tgt.map_or(Value::Null, |l| text(&l.name)),
        tgt.map_or(Value::Null, |l| text(&l.country)),
        tgt.map_or(Value::Null, |l| Value::Double(l.lat)),
        tgt.map_or(Value::Null, |l| Value::Double(l.lon)),
        Value::Bool(e.is_root),
        Value::Int(e.num_mentions),
        Value::Int(e.num_sources),
        Value::Int(e.num_articles),
        Value::Str(e.source_url.clone()),
        added,
    ]
}

/// The row one coded event of `doc` has in the export of a store holding only that mention,
/// under the default (`day`) deduplication: the same id, names, root and root-event flag as
/// `dyad store` gives it, with one mention, source and article. For event tables built
/// without a database (the Python bindings' `code_arrow`). `date_added` is YYYYMMDDHHMMSS, UTC.
pub fn unstored_row(doc: &Document, e: &Event, date_added: &str) -> EventRow {
    EventRow {
        id: stable_id(&Dedup::Day.key(e, "")),
        date: e.date,
        source: e.source.clone(),
        target: e.target.clone(),
        code: e.code.clone(),
        root: root_code(e),
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        location: e.location.clone(),
        source_location: e.source_location.clone(),
        target_location: e.target_location.clone(),
        plover_type: e.plover_type.clone(),
        plover_mode: e.plover_mode.clone(),
        source_name: actor_name(e.evidence.source_span.as_ref()),
        target_name: actor_name(e.evidence.target_span.as_ref()),
        is_root: doc.sentences.get(e.sentence).map(|s| s.paragraph) == Some(0),
        num_mentions: 1,
        num_sources: 1,
        num_articles: 1,
        root_mention: None,
        source_url: doc.url.clone().unwrap_or_else(|| doc.id.clone()),
        date_added: date_added.to_string(),
    }
}
