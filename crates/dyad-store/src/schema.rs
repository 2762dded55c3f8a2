//! The database layout and its migrations. Every change to the layout is a new entry in
//! [`MIGRATIONS`]; opening a database applies the ones it lacks, in one transaction.
use rusqlite::{Connection, OptionalExtension};

/// The newest schema this build understands.
pub const SCHEMA_VERSION: i64 = 3;

/// (version, SQL). Applied in order to databases whose version is lower.
const MIGRATIONS: &[(i64, &str)] = &[(1, V1), (2, V2), (3, V3)];

/// Browsing (`dyad serve`, `dyad timeline`, `dyad dyads`): indexes for a dyad's events by date,
/// a target's, a root's, a code's and a quad class's (they replace the single-column source and
/// target indexes, which the (source, target, date) and (target, date) ones cover); and each
/// event's root sentence as plain text, for text search without parsing every mention's JSON.
/// Triggers keep `event_text` in step with the events, so the write path needs no change.
const V3: &str = "
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
CREATE INDEX events_dyad_date ON events(source, target, date);
CREATE INDEX events_target_date ON events(target, date);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX events_code_date ON events(code, date);
CREATE INDEX events_quad_date ON events(quad_class, date);
CREATE TABLE event_text (
    event INTEGER PRIMARY KEY REFERENCES events(id),
    -- The root mention's sentence, ASCII letters lower-cased.
    text  TEXT NOT NULL
);
INSERT INTO event_text (event, text)
    SELECT e.id, lower(json_extract(m.event_json, '$.sentence_text'))
    FROM events e JOIN mentions m ON m.id = e.root_mention;
CREATE TRIGGER event_text_root AFTER UPDATE OF root_mention ON events
    WHEN new.root_mention IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO event_text (event, text)
        SELECT new.id, lower(json_extract(event_json, '$.sentence_text'))
        FROM mentions WHERE id = new.root_mention;
END;
CREATE TRIGGER event_text_gone AFTER DELETE ON events
BEGIN
    DELETE FROM event_text WHERE event = old.id;
END;
ANALYZE;
";

const V1: &str = "
CREATE TABLE dyad_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per article: its identity (content hash), metadata and cleaned text.
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    doc_id      TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    author      TEXT,
    dateline    TEXT,
    date        TEXT,
    source      TEXT,
    source_name TEXT NOT NULL,
    origin      TEXT NOT NULL,
    text        TEXT NOT NULL,
    -- The rest of the Document (paragraphs, removed lines, notes, dateline parts) as JSON.
    doc_json    TEXT NOT NULL,
    added       TEXT NOT NULL
);
CREATE TABLE sentences (
    article     INTEGER NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    token_start INTEGER NOT NULL,
    token_end   INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
-- One row per deduplicated event; fields of its root (first) mention.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    date         TEXT,
    source       TEXT NOT NULL,
    target       TEXT NOT NULL,
    code         TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    location     TEXT,
    plover_type  TEXT,
    plover_mode  TEXT,
    source_name  TEXT NOT NULL,
    target_name  TEXT NOT NULL,
    is_root      INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources  INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    root_mention INTEGER,
    source_url   TEXT NOT NULL,
    date_added   TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
-- Every place an event was reported: article, sentence, evidence offsets, dictionary entries.
CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    event          INTEGER NOT NULL REFERENCES events(id),
    article        INTEGER NOT NULL REFERENCES articles(id),
    sentence       INTEGER NOT NULL,
    paragraph      INTEGER,
    is_root        INTEGER NOT NULL,
    code           TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    source_start   INTEGER,
    source_end     INTEGER,
    target_start   INTEGER,
    target_end     INTEGER,
    verb_start     INTEGER NOT NULL,
    verb_end       INTEGER NOT NULL,
    pattern        TEXT NOT NULL,
    source_entry   TEXT,
    target_entry   TEXT,
    modifier       TEXT,
    -- The event exactly as the coder produced it (dyad's event JSON).
    event_json     TEXT NOT NULL,
    date_added     TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_article ON mentions(article);
-- Which sources reported each event (keeps NumSources incremental).
CREATE TABLE event_sources (
    event  INTEGER NOT NULL REFERENCES events(id),
    source TEXT NOT NULL,
    PRIMARY KEY (event, source)
) WITHOUT ROWID;
-- Actors found in the text (from the events' evidence), one row per span and code.
CREATE TABLE actor_mentions (
    article  INTEGER NOT NULL REFERENCES articles(id),
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    code     TEXT NOT NULL,
    text     TEXT NOT NULL,
    entry    TEXT,
    PRIMARY KEY (article, start, end, code)
) WITHOUT ROWID;
";

/// Version 2: event locations and actor places (GDELT's ActionGeo, Actor1Geo, Actor2Geo).
/// `location` keeps the place name; the rest is added beside it, so a version-1 database
/// upgrades in place with every row kept (its events have no location until `dyad recode`).
const V2: &str = "
ALTER TABLE events ADD COLUMN location_country     TEXT;
ALTER TABLE events ADD COLUMN location_fips        TEXT;
ALTER TABLE events ADD COLUMN location_adm1        TEXT;
ALTER TABLE events ADD COLUMN location_lat         REAL;
ALTER TABLE events ADD COLUMN location_lon         REAL;
ALTER TABLE events ADD COLUMN location_geonames_id INTEGER;
ALTER TABLE events ADD COLUMN location_type        INTEGER;
ALTER TABLE events ADD COLUMN location_from        TEXT;
-- The actors' own places, as JSON (dyad's location object), or NULL.
ALTER TABLE events ADD COLUMN source_location      TEXT;
ALTER TABLE events ADD COLUMN target_location      TEXT;
";

pub(crate) enum State {
    /// No tables at all: a new file.
    Empty,
    /// Tables, but not ours.
    Foreign,
    Version(i64),
}

pub(crate) fn state(conn: &Connection) -> rusqlite::Result<State> {
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    if tables == 0 {
        return Ok(State::Empty);
    }
    let has_version: bool = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if !has_version {
        return Ok(State::Foreign);
    }
    let v: Option<i64> = conn
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(v.map_or(State::Foreign, State::Version))
}

/// Bring the database from `from` to [`SCHEMA_VERSION`] inside one transaction.
pub(crate) fn migrate(conn: &mut Connection, from: i64, dedup: &str) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    if from == 0 {
        tx.execute_batch(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL);",
        )?;
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > from) {
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, applied) VALUES (?1, ?2)",
            (version, chrono::Utc::now().to_rfc3339()),
        )?;
    }
    if from == 0 {
        tx.execute(
            "INSERT INTO dyad_meta (key, value) VALUES ('application', 'dyad')",
            [],
        )?;
        tx.execute(
            "INSERT INTO dyad_meta (key, value) VALUES ('dedup', ?1)",
            [dedup],
        )?;
    }
    tx.commit()
}
