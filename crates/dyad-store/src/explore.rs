//! Browsing queries shared by `dyad serve`, `dyad timeline` and `dyad dyads`: a filtered,
//! sorted, paginated event list; one event with its evidence and articles; a dyad's series
//! by day, week or month; the busiest dyads; one actor's partners. Every value from a user
//! goes through a parser here ([`Browse::parse_actor`] …) and then into SQL as a bound
//! parameter, never as text.
use crate::error::StoreError;
use crate::query::{event_row, EventRow, EVENT_COLUMNS};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use serde::Serialize;

/// The most events one page may ask for.
pub const MAX_LIMIT: usize = 500;
/// The largest offset accepted (far beyond any real database; keeps the arithmetic bounded).
pub const MAX_OFFSET: usize = 10_000_000;

/// How to order an event list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    Date,
    #[default]
    DateDesc,
    Goldstein,
    GoldsteinDesc,
    Mentions,
    MentionsDesc,
    Code,
    CodeDesc,
    Source,
    SourceDesc,
    Target,
    TargetDesc,
}

impl Sort {
    pub const NAMES: &'static [&'static str] = &[
        "date", "-date", "goldstein", "-goldstein", "mentions", "-mentions", "code", "-code",
        "source", "-source", "target", "-target",
    ];

    pub fn parse(s: &str) -> Result<Sort, String> {
        use Sort::*;
        Ok(match s {
            "date" => Date,
            "-date" | "" => DateDesc,
            "goldstein" => Goldstein,
            "-goldstein" => GoldsteinDesc,
            "mentions" => Mentions,
            "-mentions" => MentionsDesc,
            "code" => Code,
            "-code" => CodeDesc,
            "source" => Source,
            "-source" => SourceDesc,
            "target" => Target,
            "-target" => TargetDesc,
            _ => return Err(format!("must be one of {}", Sort::NAMES.join(", "))),
        })
    }

    pub fn as_str(self) -> &'static str {
        use Sort::*;
        let i = [
            Date, DateDesc, Goldstein, GoldsteinDesc, Mentions, MentionsDesc, Code, CodeDesc,
            Source, SourceDesc, Target, TargetDesc,
        ]
        .iter()
        .position(|s| *s == self)
        .unwrap_or(1);
        Sort::NAMES[i]
    }

    /// ORDER BY clause; the id breaks ties so pages never overlap.
    fn sql(self) -> &'static str {
        use Sort::*;
        match self {
            // Undated events last both ways (SQLite puts NULL first when ascending).
            Date => "e.date IS NULL, e.date, e.id",
            DateDesc => "e.date DESC, e.id DESC",
            Goldstein => "e.goldstein, e.id",
            GoldsteinDesc => "e.goldstein DESC, e.id",
            Mentions => "e.num_mentions, e.id",
            MentionsDesc => "e.num_mentions DESC, e.id",
            Code => "e.code, e.id",
            CodeDesc => "e.code DESC, e.id",
            Source => "e.source, e.id",
            SourceDesc => "e.source DESC, e.id",
            Target => "e.target, e.id",
            TargetDesc => "e.target DESC, e.id",
        }
    }
}

/// Which events to list, in what order, which page. Build it with the `parse_*` helpers,
/// which reject bad values with a message for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Browse {
    /// Source code prefix: a country ("RUS") or a longer code ("RUSGOV").
    pub source: Option<String>,
    pub target: Option<String>,
    /// CAMEO root, two digits.
    pub root: Option<String>,
    /// CAMEO code prefix ("05", "057").
    pub code: Option<String>,
    pub quad: Option<u8>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Text the root mention's sentence contains (case-insensitive).
    pub text: Option<String>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

impl Default for Browse {
    fn default() -> Browse {
        Browse {
            source: None,
            target: None,
            root: None,
            code: None,
            quad: None,
            from: None,
            to: None,
            text: None,
            sort: Sort::default(),
            limit: 50,
            offset: 0,
        }
    }
}

impl Browse {
    /// An actor code or code prefix: letters, digits, `-` and `_`, at most 15; upper-cased.
    pub fn parse_actor(s: &str) -> Result<String, String> {
        let s = s.trim();
        if s.is_empty()
            || s.len() > 15
            || !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(format!(
                "'{}' is not an actor code (letters and digits, like RUS or RUSGOV)",
                clip(s)
            ));
        }
        Ok(s.to_ascii_uppercase())
    }

    /// A CAMEO root: "5" or "05" → "05", 01 to 20.
    pub fn parse_root(s: &str) -> Result<String, String> {
        let s = s.trim();
        match s.parse::<u8>() {
            Ok(n @ 1..=20) if s.len() <= 2 => Ok(format!("{n:02}")),
            _ => Err(format!("'{}' is not a CAMEO root (01 to 20)", clip(s))),
        }
    }

    /// A CAMEO code or code prefix: 2 to 4 digits.
    pub fn parse_code(s: &str) -> Result<String, String> {
        let s = s.trim();
        if (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(s.to_string())
        } else {
            Err(format!("'{}' is not a CAMEO code (2 to 4 digits, like 057)", clip(s)))
        }
    }

    pub fn parse_quad(s: &str) -> Result<u8, String> {
        match s.trim().parse::<u8>() {
            Ok(n @ 1..=4) => Ok(n),
            _ => Err(format!("'{}' is not a quad class (1 to 4)", clip(s))),
        }
    }

    pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| format!("'{}' is not a date like 2018-08-16", clip(s)))
    }

    /// Text to find in the sentence. Case-insensitive for ASCII letters (as SQLite's lower()).
    pub fn parse_text(s: &str) -> Result<String, String> {
        if s.chars().count() > 200 {
            return Err("the text to search for is longer than 200 characters".into());
        }
        Ok(s.trim().to_ascii_lowercase())
    }

    pub fn parse_limit(s: &str) -> Result<usize, String> {
        match s.trim().parse::<usize>() {
            Ok(n @ 1..=MAX_LIMIT) => Ok(n),
            _ => Err(format!("must be a number from 1 to {MAX_LIMIT}")),
        }
    }

    pub fn parse_offset(s: &str) -> Result<usize, String> {
        match s.trim().parse::<usize>() {
            Ok(n) if n <= MAX_OFFSET => Ok(n),
            _ => Err(format!("must be a number from 0 to {MAX_OFFSET}")),
        }
    }

    /// WHERE clause over `events e` and its parameters.
    fn condition(&self) -> (String, Vec<Value>) {
        let mut cond = vec!["1 = 1".to_string()];
        let mut params: Vec<Value> = Vec::new();
        let bind = |params: &mut Vec<Value>, v: Value| {
            params.push(v);
            format!("?{}", params.len())
        };
        for (column, prefix) in [("e.source", &self.source), ("e.target", &self.target)] {
            if let Some(p) = prefix {
                // A range instead of substr(): the index on the column answers it. Codes are
                // ASCII below '~', so P <= code < P~ is exactly "starts with P".
                let lo = bind(&mut params, Value::Text(p.clone()));
                let hi = bind(&mut params, Value::Text(format!("{p}~")));
                cond.push(format!("{column} >= {lo} AND {column} < {hi}"));
            }
        }
        if let Some(r) = &self.root {
            let p = bind(&mut params, Value::Text(r.clone()));
            cond.push(format!("e.root = {p}"));
        }
        if let Some(c) = &self.code {
            let lo = bind(&mut params, Value::Text(c.clone()));
            let hi = bind(&mut params, Value::Text(format!("{c}~")));
            cond.push(format!("e.code >= {lo} AND e.code < {hi}"));
        }
        if let Some(q) = self.quad {
            let p = bind(&mut params, Value::Integer(q as i64));
            cond.push(format!("e.quad_class = {p}"));
        }
        if let Some(d) = self.from {
            let p = bind(&mut params, Value::Text(d.to_string()));
            cond.push(format!("e.date >= {p}"));
        }
        if let Some(d) = self.to {
            let p = bind(&mut params, Value::Text(d.to_string()));
            cond.push(format!("e.date <= {p}"));
        }
        if let Some(t) = self.text.as_ref().filter(|t| !t.is_empty()) {
            let p = bind(&mut params, Value::Text(t.clone()));
            cond.push(format!("e.id IN (SELECT event FROM event_text WHERE instr(text, {p}) > 0)"));
        }
        (cond.join(" AND "), params)
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A span as character offsets `[start, end)` relative to the start of its sentence.
pub type Span = (usize, usize);

/// The root mention's sentence, with the evidence spans inside it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Snippet {
    pub sentence_text: String,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub verb_span: Option<Span>,
}

/// One row of an event list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListedEvent {
    #[serde(flatten)]
    pub event: EventRow,
    #[serde(flatten)]
    pub snippet: Snippet,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventPage {
    /// Events matching the filter, on all pages.
    pub total: u64,
    pub events: Vec<ListedEvent>,
}

/// One mention of an event, with its article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionDetail {
    pub id: i64,
    pub is_root: bool,
    pub article: ArticleInfo,
    /// 0-based sentence index in the article.
    pub sentence: i64,
    /// Character offsets in the article text.
    pub sentence_start: i64,
    pub sentence_end: i64,
    pub source_start: Option<i64>,
    pub source_end: Option<i64>,
    pub target_start: Option<i64>,
    pub target_end: Option<i64>,
    pub verb_start: i64,
    pub verb_end: i64,
    pub code: String,
    pub pattern: String,
    pub source_entry: Option<String>,
    pub target_entry: Option<String>,
    pub modifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleInfo {
    pub id: i64,
    pub doc_id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source_name: String,
    pub text: String,
}

/// An event with every place it was reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDetail {
    #[serde(flatten)]
    pub event: EventRow,
    /// Root mention first.
    pub mentions: Vec<MentionDetail>,
}

/// Time buckets of a timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
}

impl Period {
    pub fn parse(s: &str) -> Result<Period, String> {
        match s.trim() {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" | "" => Ok(Period::Month),
            _ => Err("must be day, week or month".into()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The first day of the period holding `d`.
    fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - chrono::Days::new(d.weekday().num_days_from_monday() as u64),
            Period::Month => d.with_day(1).unwrap_or(d),
        }
    }

    fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Day => d.succ_opt(),
            Period::Week => d.checked_add_days(chrono::Days::new(7)),
            Period::Month => d.checked_add_months(chrono::Months::new(1)),
        }
    }

    /// "2018-08-16", ISO week "2018-W33", or "2018-08".
    fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => start.to_string(),
            Period::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => start.format("%Y-%m").to_string(),
        }
    }
}

/// Counts per quad class; serialised as `{"1": n, "2": n, "3": n, "4": n}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Quads {
    #[serde(rename = "1")]
    pub verbal_cooperation: i64,
    #[serde(rename = "2")]
    pub material_cooperation: i64,
    #[serde(rename = "3")]
    pub verbal_conflict: i64,
    #[serde(rename = "4")]
    pub material_conflict: i64,
}

impl Quads {
    fn add(&mut self, quad: i64, n: i64) {
        match quad {
            1 => self.verbal_cooperation += n,
            2 => self.material_cooperation += n,
            3 => self.verbal_conflict += n,
            _ => self.material_conflict += n,
        }
    }

    pub fn get(&self, quad: u8) -> i64 {
        match quad {
            1 => self.verbal_cooperation,
            2 => self.material_cooperation,
            3 => self.verbal_conflict,
            _ => self.material_conflict,
        }
    }

    pub fn cooperation(&self) -> i64 {
        self.verbal_cooperation + self.material_cooperation
    }

    pub fn conflict(&self) -> i64 {
        self.verbal_conflict + self.material_conflict
    }
}

/// One period of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodRow {
    pub period: String,
    /// The first day of the period.
    #[serde(skip)]
    pub start: NaiveDate,
    pub events: i64,
    pub goldstein_sum: f64,
    /// `null` for a period without events.
    pub goldstein_mean: Option<f64>,
    pub quad: Quads,
}

/// Timelines are gap-filled (periods without events appear with zeros) up to this many
/// periods; longer spans list only the periods that have events.
pub const MAX_FILLED_PERIODS: usize = 3000;

/// How `dyad dyads` and `/api/dyads` group actor codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DyadLevel {
    /// The first three letters: the country or international body ("RUS", "IGO").
    #[default]
    Country,
    /// The full code ("RUSGOV").
    Code,
}

impl DyadLevel {
    pub fn parse(s: &str) -> Result<DyadLevel, String> {
        match s.trim() {
            "country" | "" => Ok(DyadLevel::Country),
            "code" => Ok(DyadLevel::Code),
            _ => Err("must be country or code".into()),
        }
    }

    fn expr(self, column: &str) -> String {
        match self {
            DyadLevel::Country => format!("substr({column}, 1, 3)"),
            DyadLevel::Code => column.to_string(),
        }
    }
}

/// A dyad's totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadRow {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub mentions: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    pub quad: Quads,
    /// Quad classes 1 + 2.
    pub cooperation: i64,
    /// Quad classes 3 + 4.
    pub conflict: i64,
}

/// An actor's other side in its events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Partner {
    pub code: String,
    pub events: i64,
    pub cooperation: i64,
    pub conflict: i64,
    pub goldstein_mean: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSummary {
    pub code: String,
    /// The actor's most frequent names in the text (upper-cased), with counts.
    pub names: Vec<(String, i64)>,
    pub as_source: i64,
    pub as_target: i64,
    pub quad: Quads,
    pub cooperation: i64,
    pub conflict: i64,
    pub goldstein_mean: Option<f64>,
    pub partners: Vec<Partner>,
    /// (code, events), most frequent first.
    pub top_codes: Vec<(String, i64)>,
}

impl Store {
    /// One page of events matching `b`, with the total over all pages.
    pub fn browse(&self, b: &Browse) -> Result<EventPage, StoreError> {
        let fail = |e| self.fail(e);
        let (cond, mut params) = b.condition();
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM events e WHERE {cond}"))
            .and_then(|mut s| s.query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0)))
            .map_err(fail)?;
        let columns: Vec<String> = EVENT_COLUMNS.split(',').map(|c| format!("e.{}", c.trim())).collect();
        params.push(Value::Integer(b.limit.min(MAX_LIMIT) as i64));
        let limit = params.len();
        params.push(Value::Integer(b.offset.min(MAX_OFFSET) as i64));
        let offset = params.len();
        // Sort and cut the page over ids only, then read the page's rows: the sorter never
        // carries (or parses) the mentions of rows that are not shown.
        let sql = format!(
            "SELECT {}, json_extract(m.event_json, '$.sentence_text'), m.sentence_start,
                    m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end
             FROM (SELECT e.id FROM events e WHERE {cond} ORDER BY {order} LIMIT ?{limit} OFFSET ?{offset}) page
             JOIN events e ON e.id = page.id LEFT JOIN mentions m ON m.id = e.root_mention
             ORDER BY {order}",
            columns.join(", "),
            order = b.sort.sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
        let events = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                let n = columns.len();
                let at: Option<i64> = r.get(n + 1)?;
                let rel = |s: Option<i64>, e: Option<i64>| match (at, s, e) {
                    (Some(at), Some(s), Some(e)) if s >= at && e >= s => {
                        Some(((s - at) as usize, (e - at) as usize))
                    }
                    _ => None,
                };
                Ok(ListedEvent {
                    event: event_row(r)?,
                    snippet: Snippet {
                        sentence_text: r.get::<_, Option<String>>(n)?.unwrap_or_default(),
                        source_span: rel(r.get(n + 2)?, r.get(n + 3)?),
                        target_span: rel(r.get(n + 4)?, r.get(n + 5)?),
                        verb_span: rel(r.get(n + 6)?, r.get(n + 7)?),
                    },
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(fail)?;
        Ok(EventPage {
            total: total as u64,
            events,
        })
    }

    /// One event with its mentions and their articles; `None` when there is no such event.
    pub fn event_detail(&self, id: i64) -> Result<Option<EventDetail>, StoreError> {
        let fail = |e| self.fail(e);
        let event = self
            .conn
            .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1"))
            .and_then(|mut s| {
                let mut rows = s.query_map([id], event_row)?;
                rows.next().transpose()
            })
            .map_err(fail)?;
        let Some(event) = event else { return Ok(None) };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.id, m.is_root, a.id, a.doc_id, a.url, a.title, a.date, a.source_name, a.text,
                        m.sentence, m.sentence_start, m.sentence_end, m.source_start, m.source_end,
                        m.target_start, m.target_end, m.verb_start, m.verb_end, m.code, m.pattern,
                        m.source_entry, m.target_entry, m.modifier
                 FROM mentions m JOIN articles a ON a.id = m.article
                 WHERE m.event = ?1 ORDER BY m.id = ?2 DESC, m.id",
            )
            .map_err(fail)?;
        let mentions = stmt
            .query_map([id, event.root_mention.unwrap_or(-1)], |r| {
                Ok(MentionDetail {
                    id: r.get(0)?,
                    is_root: r.get(1)?,
                    article: ArticleInfo {
                        id: r.get(2)?,
                        doc_id: r.get(3)?,
                        url: r.get(4)?,
                        title: r.get(5)?,
                        date: r.get(6)?,
                        source_name: r.get(7)?,
                        text: r.get(8)?,
                    },
                    sentence: r.get(9)?,
                    sentence_start: r.get(10)?,
                    sentence_end: r.get(11)?,
                    source_start: r.get(12)?,
                    source_end: r.get(13)?,
                    target_start: r.get(14)?,
                    target_end: r.get(15)?,
                    verb_start: r.get(16)?,
                    verb_end: r.get(17)?,
                    code: r.get(18)?,
                    pattern: r.get(19)?,
                    source_entry: r.get(20)?,
                    target_entry: r.get(21)?,
                    modifier: r.get(22)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(fail)?;
        Ok(Some(EventDetail { event, mentions }))
    }

    /// Events per period from `source` (code prefix) to `target` (code prefix); either may be
    /// `None` for any actor. Dated events only, oldest period first.
    pub fn timeline(
        &self,
        source: Option<&str>,
        target: Option<&str>,
        by: Period,
    ) -> Result<Vec<PeriodRow>, StoreError> {
        let fail = |e| self.fail(e);
        let b = Browse {
            source: source.map(str::to_string),
            target: target.map(str::to_string),
            ..Browse::default()
        };
        let (cond, params) = b.condition();
        // Per day and quad class in SQL (the index answers it); weeks and months here.
        let sql = format!(
            "SELECT e.date, e.quad_class, count(*), sum(e.goldstein) FROM events e
             WHERE {cond} AND e.date IS NOT NULL GROUP BY e.date, e.quad_class ORDER BY e.date"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter())).map_err(fail)?;
        let mut out: Vec<PeriodRow> = Vec::new();
        while let Some(r) = rows.next().map_err(fail)? {
            let date: String = r.get(0).map_err(fail)?;
            let Ok(day) = date.parse::<NaiveDate>() else { continue };
            let (quad, n, sum): (i64, i64, f64) =
                (r.get(1).map_err(fail)?, r.get(2).map_err(fail)?, r.get(3).map_err(fail)?);
            let start = by.start(day);
            if out.last().is_none_or(|p| p.start != start) {
                out.push(PeriodRow {
                    period: by.label(start),
                    start,
                    events: 0,
                    goldstein_sum: 0.0,
                    goldstein_mean: None,
                    quad: Quads::default(),
                });
            }
            let p = out.last_mut().expect("pushed");
            p.events += n;
            p.goldstein_sum += sum;
            p.quad.add(quad, n);
        }
        for p in &mut out {
            p.goldstein_sum = round2(p.goldstein_sum);
            p.goldstein_mean = Some(round2(p.goldstein_sum / p.events as f64));
        }
        Ok(fill_gaps(out, by))
    }

    /// The `limit` dyads with most events, among events whose two actors are known.
    pub fn dyads(&self, limit: usize, level: DyadLevel) -> Result<Vec<DyadRow>, StoreError> {
        let fail = |e| self.fail(e);
        let (s, t) = (level.expr("source"), level.expr("target"));
        let sql = format!(
            "SELECT {s} AS s, {t} AS t, count(*) AS n, sum(num_mentions), sum(goldstein),
                    sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4)
             FROM events WHERE {KNOWN_BOTH} GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
        let rows = stmt
            .query_map([limit.min(MAX_LIMIT) as i64], |r| {
                let quad = Quads {
                    verbal_cooperation: r.get(5)?,
                    material_cooperation: r.get(6)?,
                    verbal_conflict: r.get(7)?,
                    material_conflict: r.get(8)?,
                };
                let events: i64 = r.get(2)?;
                let sum: f64 = r.get(4)?;
                Ok(DyadRow {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    events,
                    mentions: r.get(3)?,
                    goldstein_sum: round2(sum),
                    goldstein_mean: round2(sum / events.max(1) as f64),
                    cooperation: quad.cooperation(),
                    conflict: quad.conflict(),
                    quad,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(fail)?;
        Ok(rows)
    }

    /// An actor (code prefix): how often it acts and is acted on, its partners and codes.
    pub fn actor(&self, code: &str, top: usize) -> Result<ActorSummary, StoreError> {
        let fail = |e| self.fail(e);
        let top = top.min(MAX_LIMIT) as i64;
        let (lo, hi) = (code.to_string(), format!("{code}~"));
        let side = |col: &str| format!("({col} >= ?1 AND {col} < ?2)");
        let (src, tgt) = (side("source"), side("target"));
        let mut quad = Quads::default();
        let (mut as_source, mut as_target, mut gsum) = (0i64, 0i64, 0.0f64);
        {
            let sql = format!(
                "SELECT {src}, quad_class, count(*), sum(goldstein) FROM events
                 WHERE {src} OR {tgt} GROUP BY 1, 2"
            );
            let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
            let mut rows = stmt.query([&lo, &hi]).map_err(fail)?;
            while let Some(r) = rows.next().map_err(fail)? {
                let (is_src, q, n, s): (bool, i64, i64, f64) = (
                    r.get(0).map_err(fail)?,
                    r.get(1).map_err(fail)?,
                    r.get(2).map_err(fail)?,
                    r.get(3).map_err(fail)?,
                );
                quad.add(q, n);
                gsum += s;
                if is_src {
                    as_source += n;
                } else {
                    as_target += n;
                }
            }
        }
        let total = quad.cooperation() + quad.conflict();
        // The other side of each event; an event with the actor on both sides counts as its target.
        let sql = format!(
            "SELECT CASE WHEN {src} THEN target ELSE source END AS other, count(*) AS n,
                    sum(quad_class <= 2), sum(quad_class >= 3), avg(goldstein)
             FROM events WHERE ({src} OR {tgt}) AND {KNOWN_BOTH} GROUP BY other ORDER BY n DESC, other LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
        let partners = stmt
            .query_map(rusqlite::params![lo, hi, top], |r| {
                Ok(Partner {
                    code: r.get(0)?,
                    events: r.get(1)?,
                    cooperation: r.get(2)?,
                    conflict: r.get(3)?,
                    goldstein_mean: round2(r.get(4)?),
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(fail)?;
        let pairs = |sql: String| -> Result<Vec<(String, i64)>, StoreError> {
            let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
            let rows = stmt
                .query_map(rusqlite::params![lo, hi, top], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(fail)?;
            Ok(rows)
        };
        let names = pairs(format!(
            "SELECT name, count(*) AS n FROM (
                 SELECT source_name AS name FROM events WHERE {src}
                 UNION ALL SELECT target_name FROM events WHERE {tgt})
             WHERE name <> '' GROUP BY name ORDER BY n DESC, name LIMIT ?3"
        ))?;
        let top_codes = pairs(format!(
            "SELECT code, count(*) AS n FROM events WHERE {src} OR {tgt}
             GROUP BY code ORDER BY n DESC, code LIMIT ?3"
        ))?;
        Ok(ActorSummary {
            code: code.to_string(),
            names,
            as_source,
            as_target,
            cooperation: quad.cooperation(),
            conflict: quad.conflict(),
            quad,
            goldstein_mean: (total > 0).then(|| round2(gsum / total as f64)),
            partners,
            top_codes,
        })
    }

    /// The most frequent event codes among the events `b` selects (its page and sort ignored).
    pub fn top_codes(&self, b: &Browse, top: usize) -> Result<Vec<(String, i64)>, StoreError> {
        let fail = |e| self.fail(e);
        let (cond, mut params) = b.condition();
        params.push(Value::Integer(top.min(MAX_LIMIT) as i64));
        let sql = format!(
            "SELECT e.code, count(*) AS n FROM events e WHERE {cond}
             GROUP BY e.code ORDER BY n DESC, e.code LIMIT ?{}",
            params.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(fail)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(fail)?;
        Ok(rows)
    }

    /// An actor typed by a person: a code prefix that occurs ("RUS", "prkgov"), or else a name
    /// found in the events' actor text ("Putin" → the code most often matched as PUTIN).
    pub fn resolve_actor(&self, typed: &str) -> Result<Option<String>, StoreError> {
        let fail = |e| self.fail(e);
        let typed = typed.trim();
        if typed.is_empty() || typed.chars().count() > 100 {
            return Ok(None);
        }
        if let Ok(code) = Browse::parse_actor(typed) {
            let found: i64 = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM events WHERE source >= ?1 AND source < ?2)
                         OR EXISTS (SELECT 1 FROM events WHERE target >= ?1 AND target < ?2)",
                )
                .and_then(|mut s| s.query_row([&code, &format!("{code}~")], |r| r.get(0)))
                .map_err(fail)?;
            if found != 0 {
                return Ok(Some(code));
            }
        }
        let name = typed.to_uppercase();
        let code: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT code FROM (
                     SELECT source AS code FROM events WHERE instr(source_name, ?1) > 0
                     UNION ALL SELECT target FROM events WHERE instr(target_name, ?1) > 0)
                 GROUP BY code ORDER BY count(*) DESC, code LIMIT 1",
            )
            .and_then(|mut s| {
                let mut rows = s.query_map([&name], |r| r.get(0))?;
                rows.next().transpose()
            })
            .map_err(fail)?;
        Ok(code)
    }
}

/// Both actors known: not target-less ("") and not CAMEO's unknown actor ("---").
const KNOWN_BOTH: &str = "source <> '' AND target <> '' AND substr(source, 1, 3) <> '---' AND substr(target, 1, 3) <> '---'";

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Insert the empty periods between the first and the last (when there are few enough).
fn fill_gaps(rows: Vec<PeriodRow>, by: Period) -> Vec<PeriodRow> {
    let (Some(first), Some(last)) = (rows.first().map(|r| r.start), rows.last().map(|r| r.start)) else {
        return rows;
    };
    let span = match by {
        Period::Day => (last - first).num_days() + 1,
        Period::Week => (last - first).num_days() / 7 + 1,
        Period::Month => {
            (last.year() - first.year()) as i64 * 12 + last.month() as i64
                - first.month() as i64
                + 1
        }
    };
    if span as usize > MAX_FILLED_PERIODS || span as usize == rows.len() {
        return rows;
    }
    let mut out = Vec::with_capacity(span as usize);
    let mut rows = rows.into_iter().peekable();
    let mut at = first;
    let end = last;
    while at <= end {
        match rows.peek() {
            Some(r) if r.start == at => out.push(rows.next().expect("peeked")),
            _ => out.push(PeriodRow {
                period: by.label(at),
                start: at,
                events: 0,
                goldstein_sum: 0.0,
                goldstein_mean: None,
                quad: Quads::default(),
            }),
        }
        match by.next(at) {
            Some(n) => at = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers_reject_what_is_not_a_value() {
        assert_eq!(Browse::parse_actor("rusGOV").unwrap(), "RUSGOV");
        for bad in ["", "RUS' OR 1=1 --", "RUS%", "a b", "ÜBER", "ABCDEFGHIJKLMNOPQ"] {
            assert!(Browse::parse_actor(bad).is_err(), "{bad}");
        }
        assert_eq!(Browse::parse_root("5").unwrap(), "05");
        assert!(Browse::parse_root("21").is_err());
        assert!(Browse::parse_root("005").is_err());
        assert_eq!(Browse::parse_code("057").unwrap(), "057");
        assert!(Browse::parse_code("05a").is_err());
        assert!(Browse::parse_quad("0").is_err());
        assert!(Browse::parse_limit("0").is_err());
        assert!(Browse::parse_limit("501").is_err());
        assert!(Browse::parse_limit("99999999999999999999999").is_err());
        assert!(Browse::parse_offset("10000001").is_err());
        assert_eq!(Sort::parse("-goldstein").unwrap(), Sort::GoldsteinDesc);
        assert_eq!(Sort::GoldsteinDesc.as_str(), "-goldstein");
        assert!(Sort::parse("date; DROP TABLE events").is_err());
        assert!(Period::parse("year").is_err());
    }

    fn row(day: &str, by: Period, n: i64) -> PeriodRow {
        let start = by.start(day.parse().unwrap());
        PeriodRow {
            period: by.label(start),
            start,
            events: n,
            goldstein_sum: 0.0,
            goldstein_mean: Some(0.0),
            quad: Quads::default(),
        }
    }

    #[test]
    fn periods_label_and_fill() {
        let d: NaiveDate = "2018-08-16".parse().unwrap();
        assert_eq!(Period::Week.label(Period::Week.start(d)), "2018-W33");
        assert_eq!(Period::Week.start(d).to_string(), "2018-08-13");
        assert_eq!(Period::Month.label(Period::Month.start(d)), "2018-08");
        let filled = fill_gaps(vec![row("2018-01-05", Period::Month, 2), row("2018-04-30", Period::Month, 1)], Period::Month);
        let labels: Vec<_> = filled.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(labels, ["2018-01", "2018-02", "2018-03", "2018-04"]);
        assert_eq!(filled[1].events, 0);
        assert_eq!(filled[1].goldstein_mean, None);
        let days = fill_gaps(vec![row("2018-12-30", Period::Day, 1), row("2019-01-02", Period::Day, 1)], Period::Day);
        assert_eq!(days.len(), 4);
        // A span too long to fill keeps only the periods with events.
        let long = fill_gaps(vec![row("1900-01-01", Period::Day, 1), row("2018-01-01", Period::Day, 1)], Period::Day);
        assert_eq!(long.len(), 2);
    }
}
