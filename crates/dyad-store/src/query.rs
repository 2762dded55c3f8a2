//! Reading the database back: filtered events and mentions, and summary figures.
use crate::error::StoreError;
use crate::store::Store;
use chrono::NaiveDate;
use dyad_doc::Location;
use rusqlite::types::Value;

/// Which events to read. Every field narrows; the default selects everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Events on or after this date (events without a date are left out when set).
    pub from: Option<NaiveDate>,
    /// Events on or before this date.
    pub to: Option<NaiveDate>,
    /// Events whose source or target code starts with this (`RUS` matches `RUSGOV`).
    pub actor: Option<String>,
    /// Events of this CAMEO root ("05").
    pub root: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
}

impl Filter {
    /// SQL condition over `events` and its parameters.
    fn sql(&self) -> (String, Vec<Value>) {
        let mut cond = vec!["1 = 1".to_string()];
        let mut params = Vec::new();
        if let Some(d) = self.from {
            cond.push(format!("date >= ?{}", params.len() + 1));
            params.push(Value::Text(d.to_string()));
        }
        if let Some(d) = self.to {
            cond.push(format!("date <= ?{}", params.len() + 1));
            params.push(Value::Text(d.to_string()));
        }
        if let Some(a) = &self.actor {
            let n = params.len() + 1;
            cond.push(format!("(substr(source, 1, length(?{n})) = ?{n} OR substr(target, 1, length(?{n})) = ?{n})"));
            params.push(Value::Text(a.to_uppercase()));
        }
        if let Some(r) = &self.root {
            cond.push(format!("root = ?{}", params.len() + 1));
            // "5" means "05".
            params.push(Value::Text(format!("{:0>2}", r.trim())));
        }
        let mut sql = format!("WHERE {} ORDER BY date, id", cond.join(" AND "));
        if let Some(n) = self.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        (sql, params)
    }
}

/// One deduplicated event as stored.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EventRow {
    /// GDELT GlobalEventID: stable across runs for the same deduplication key.
    pub id: i64,
    pub date: Option<NaiveDate>,
    pub source: String,
    pub target: String,
    pub code: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    /// Where it happened (ActionGeo), and the actors' own places (Actor1Geo, Actor2Geo).
    pub location: Option<Location>,
    pub source_location: Option<Location>,
    pub target_location: Option<Location>,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
    /// The matched actor text of the root mention, upper-cased (GDELT's Actor1Name).
    pub source_name: String,
    pub target_name: String,
    /// GDELT IsRootEvent: the root mention is in its article's lead paragraph.
    pub is_root: bool,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    pub root_mention: Option<i64>,
    pub source_url: String,
    /// YYYYMMDDHHMMSS, UTC.
    pub date_added: String,
}

/// One mention of an event in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    pub id: i64,
    pub event: i64,
    pub article: i64,
    pub article_url: Option<String>,
    pub article_doc_id: String,
    pub source_name: String,
    /// Characters in the article's cleaned text.
    pub doc_len: i64,
    /// 0-based sentence index.
    pub sentence: i64,
    pub is_root: bool,
    pub source_start: Option<i64>,
    pub target_start: Option<i64>,
    pub verb_start: i64,
    /// The event JSON as the coder produced it.
    pub event_json: String,
    pub event_date_added: String,
    pub date_added: String,
}

/// Summary figures for `dyad stats`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub articles: i64,
    pub sentences: i64,
    pub events: i64,
    pub mentions: i64,
    pub actor_mentions: i64,
    pub dedup: String,
    pub schema_version: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// (root, events, mentions), by root.
    pub by_root: Vec<(String, i64, i64)>,
    /// (quad class, events, mentions).
    pub by_quad: Vec<(i64, i64, i64)>,
    pub top_dyads: Vec<DyadCount>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DyadCount {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub mentions: i64,
}

pub(crate) const EVENT_COLUMNS: &str = "id, date, source, target, code, root, quad_class, goldstein, location,
    plover_type, plover_mode, source_name, target_name, is_root, num_mentions, num_sources,
    num_articles, root_mention, source_url, date_added, location_country, location_fips, location_adm1,
    location_lat, location_lon, location_geonames_id, location_type, location_from, source_location,
    target_location";

pub(crate) fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    let date: Option<String> = r.get(1)?;
    Ok(EventRow {
        id: r.get(0)?,
        date: date.and_then(|d| d.parse().ok()),
        source: r.get(2)?,
        target: r.get(3)?,
        code: r.get(4)?,
        root: r.get(5)?,
        quad_class: r.get::<_, i64>(6)? as u8,
        goldstein: r.get(7)?,
        location: match r.get::<_, Option<String>>(8)? {
            None => None,
            Some(name) => Some(Location {
                name,
                country: r.get::<_, Option<String>>(20)?.unwrap_or_default(),
                fips: r.get::<_, Option<String>>(21)?.unwrap_or_default(),
                adm1: r.get::<_, Option<String>>(22)?.unwrap_or_default(),
                lat: r.get::<_, Option<f64>>(23)?.unwrap_or_default(),
                lon: r.get::<_, Option<f64>>(24)?.unwrap_or_default(),
                geonames_id: r.get::<_, Option<i64>>(25)?.map(|i| i as u64),
                geo_type: r.get::<_, Option<i64>>(26)?.unwrap_or_default() as u8,
                from: r.get::<_, Option<String>>(27)?.unwrap_or_default(),
                span: None,
            }),
        },
        source_location: r.get::<_, Option<String>>(28)?.and_then(|j| serde_json::from_str(&j).ok()),
        target_location: r.get::<_, Option<String>>(29)?.and_then(|j| serde_json::from_str(&j).ok()),
        plover_type: r.get(9)?,
        plover_mode: r.get(10)?,
        source_name: r.get(11)?,
        target_name: r.get(12)?,
        is_root: r.get(13)?,
        num_mentions: r.get(14)?,
        num_sources: r.get(15)?,
        num_articles: r.get(16)?,
        root_mention: r.get(17)?,
        source_url: r.get(18)?,
        date_added: r.get(19)?,
    })
}

impl Store {
    /// Visit the events selected by `filter` in (date, id) order, without loading them all.
    pub fn for_each_event<F>(&self, filter: &Filter, mut f: F) -> Result<usize, StoreError>
    where
        F: FnMut(EventRow) -> Result<(), StoreError>,
    {
        let (cond, params) = filter.sql();
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events {cond}");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.fail(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.fail(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.fail(e))? {
            f(event_row(r).map_err(|e| self.fail(e))?)?;
            n += 1;
        }
        Ok(n)
    }

    pub fn events(&self, filter: &Filter) -> Result<Vec<EventRow>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// The mentions of one event, root mention first.
    pub fn mentions_of(&self, event: i64) -> Result<Vec<MentionRow>, StoreError> {
        self.mentions_where("m.event = ?1", [event])
    }

    /// Visit the mentions of the events selected by `filter`, grouped by event.
    pub fn for_each_mention<F>(&self, filter: &Filter, mut f: F) -> Result<usize, StoreError>
    where
        F: FnMut(&EventRow, MentionRow) -> Result<(), StoreError>,
    {
        let mut n = 0;
        self.for_each_event(filter, |e| {
            for m in self.mentions_of(e.id)? {
                f(&e, m)?;
                n += 1;
            }
            Ok(())
        })?;
        Ok(n)
    }

    fn mentions_where<P: rusqlite::Params>(
        &self,
        cond: &str,
        params: P,
    ) -> Result<Vec<MentionRow>, StoreError> {
        let sql = format!(
            "SELECT m.id, m.event, m.article, a.url, a.doc_id, a.source_name, length(a.text), m.sentence,
                    m.is_root, m.source_start, m.target_start, m.verb_start, m.event_json, e.date_added,
                    m.date_added
             FROM mentions m JOIN articles a ON a.id = m.article JOIN events e ON e.id = m.event
             WHERE {cond} ORDER BY m.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.fail(e))?;
        let rows = stmt
            .query_map(params, |r| {
                Ok(MentionRow {
                    id: r.get(0)?,
                    event: r.get(1)?,
                    article: r.get(2)?,
                    article_url: r.get(3)?,
                    article_doc_id: r.get(4)?,
                    source_name: r.get(5)?,
                    doc_len: r.get(6)?,
                    sentence: r.get(7)?,
                    is_root: r.get(8)?,
                    source_start: r.get(9)?,
                    target_start: r.get(10)?,
                    verb_start: r.get(11)?,
                    event_json: r.get(12)?,
                    event_date_added: r.get(13)?,
                    date_added: r.get(14)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.fail(e))?;
        Ok(rows)
    }

    pub fn stats(&self, top: usize) -> Result<Stats, StoreError> {
        let fail = |e| self.fail(e);
        let count = |sql: &str| {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map_err(fail)
        };
        let mut s = Stats {
            articles: count("SELECT count(*) FROM articles")?,
            sentences: count("SELECT count(*) FROM sentences")?,
            events: count("SELECT count(*) FROM events")?,
            mentions: count("SELECT count(*) FROM mentions")?,
            actor_mentions: count("SELECT count(*) FROM actor_mentions")?,
            schema_version: count("SELECT max(version) FROM schema_version")?,
            dedup: self.dedup.to_string(),
            ..Stats::default()
        };
        (s.first_date, s.last_date) = self
            .conn
            .query_row("SELECT min(date), max(date) FROM events", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(fail)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT root, count(*), sum(num_mentions) FROM events GROUP BY root ORDER BY root",
            )
            .map_err(fail)?;
        s.by_root = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect())
            .map_err(fail)?;
        let mut stmt = self
            .conn
            .prepare("SELECT quad_class, count(*), sum(num_mentions) FROM events GROUP BY quad_class ORDER BY quad_class")
            .map_err(fail)?;
        s.by_quad = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect())
            .map_err(fail)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source, target, count(*) AS n, sum(num_mentions) FROM events
                 GROUP BY source, target ORDER BY n DESC, source, target LIMIT ?1",
            )
            .map_err(fail)?;
        s.top_dyads = stmt
            .query_map([top as i64], |r| {
                Ok(DyadCount {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    events: r.get(2)?,
                    mentions: r.get(3)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(fail)?;
        Ok(s)
    }
}
