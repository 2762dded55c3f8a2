//! Opening a database and adding coded articles to it.
use crate::dedup::Dedup;
use crate::error::StoreError;
use crate::hash::{content_hash, source_name, stable_id};
use crate::schema::{self, State, SCHEMA_VERSION};
use dyad_doc::{Document, Event};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to open a database.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The deduplication rule. A new database takes it (default `day`); an existing one must
    /// match it (its own rule is used when `None`).
    pub dedup: Option<Dedup>,
    /// Open for reading only (queries and exports); never creates the file.
    pub read_only: bool,
    /// How long to wait for another process's lock before failing (default 5 s).
    pub busy_timeout: Option<Duration>,
    /// Cap the database at this many pages (SQLite `max_page_count`): for quota-limited disks
    /// and for testing the disk-full path.
    pub max_pages: Option<u64>,
}

/// What [`Store::add`] did with an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Added {
    /// False when an article with the same content hash was already stored (nothing changed).
    pub new: bool,
    /// The article's row id.
    pub article: i64,
    /// Mentions stored for it.
    pub mentions: usize,
    /// Of those, how many started a new event (the rest were merged into existing ones).
    pub new_events: usize,
}

/// An open dyad database.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) dedup: Dedup,
    in_batch: bool,
    /// DATEADDED for rows written by this run: YYYYMMDDHHMMSS, UTC.
    pub(crate) stamp: String,
}

impl Store {
    /// Open (or create) a database for reading and writing, with default options.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(path, &Options::default())
    }

    /// Open an existing database for queries and exports.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(
            path,
            &Options {
                read_only: true,
                ..Options::default()
            },
        )
    }

    pub fn open_with(path: impl AsRef<Path>, opts: &Options) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        let fail = |e| StoreError::from_sqlite(&path, e);
        if opts.read_only && !path.exists() {
            return Err(StoreError::Missing { path });
        }
        if path.is_dir() {
            return Err(StoreError::CannotOpen {
                path,
                detail: "it is a folder".into(),
            });
        }
        let flags = if opts.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(&path, flags).map_err(fail)?;
        conn.busy_timeout(opts.busy_timeout.unwrap_or(Duration::from_secs(5)))
            .map_err(fail)?;
        // Reading the schema first tells a foreign file apart before anything is written to it.
        let state = schema::state(&conn).map_err(fail)?;
        let version = match state {
            State::Foreign => {
                return Err(StoreError::NotDyad {
                    path,
                    reason: "an SQLite database without dyad's tables".into(),
                })
            }
            State::Empty if opts.read_only => {
                return Err(StoreError::NotDyad {
                    path,
                    reason: "the database is empty".into(),
                })
            }
            State::Empty => 0,
            State::Version(v) => v,
        };
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if let Some(pages) = opts.max_pages {
            conn.pragma_update(None, "max_page_count", pages as i64)
                .map_err(fail)?;
        }
        if !opts.read_only {
            // WAL: readers don't block the writer; a killed writer loses only its open batch.
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(fail)?;
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(fail)?;
            // A 32 MB page cache and checkpoints every ~16 MB of WAL: bulk loads re-read and
            // re-write far fewer pages (measured with `dyad bench store`).
            conn.pragma_update(None, "cache_size", -32768)
                .map_err(fail)?;
            conn.pragma_update(None, "wal_autocheckpoint", 4096)
                .map_err(fail)?;
            if version < SCHEMA_VERSION {
                let dedup = opts.dedup.unwrap_or_default();
                schema::migrate(&mut conn, version, dedup.as_str()).map_err(fail)?;
            }
        } else if version < SCHEMA_VERSION {
            return Err(StoreError::CannotOpen {
                path,
                detail: format!(
                    "schema version {version} needs upgrading; open it once for writing"
                ),
            });
        }
        let app: Option<String> = conn
            .query_row(
                "SELECT value FROM dyad_meta WHERE key = 'application'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(fail)?;
        if app.as_deref() != Some("dyad") {
            return Err(StoreError::NotDyad {
                path,
                reason: "missing dyad marker".into(),
            });
        }
        let stored: String = conn
            .query_row("SELECT value FROM dyad_meta WHERE key = 'dedup'", [], |r| {
                r.get(0)
            })
            .map_err(fail)?;
        let stored_dedup: Dedup = stored.parse().map_err(|e: String| StoreError::Corrupt {
            path: path.clone(),
            detail: e,
        })?;
        if let Some(want) = opts.dedup {
            if want != stored_dedup {
                return Err(StoreError::DedupMismatch {
                    path,
                    stored: stored_dedup.to_string(),
                    requested: want.to_string(),
                });
            }
        }
        Ok(Store {
            conn,
            path,
            dedup: stored_dedup,
            in_batch: false,
            stamp: chrono::Utc::now().format("%Y%m%d%H%M%S").to_string(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn dedup(&self) -> Dedup {
        self.dedup
    }

    /// Override DATEADDED for rows written from now on (YYYYMMDDHHMMSS); for reproducible tests.
    pub fn set_stamp(&mut self, stamp: &str) {
        self.stamp = stamp.to_string();
    }

    /// The database size in pages.
    pub fn page_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.fail(e))
    }

    pub(crate) fn fail(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }

    /// Start a transaction grouping the following [`add`](Self::add)s; ends with
    /// [`commit`](Self::commit). Without it every `add` is its own transaction.
    pub fn begin_batch(&mut self) -> Result<(), StoreError> {
        if !self.in_batch {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.fail(e))?;
            self.in_batch = true;
        }
        Ok(())
    }

    /// Make the current batch durable. A no-op outside a batch.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.in_batch {
            self.in_batch = false;
            if let Err(e) = self.conn.execute_batch("COMMIT") {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(self.fail(e));
            }
        }
        Ok(())
    }

    /// Drop the current batch (nothing of it is stored).
    pub fn rollback(&mut self) -> Result<(), StoreError> {
        if self.in_batch {
            self.in_batch = false;
            self.conn
                .execute_batch("ROLLBACK")
                .map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// Is an article with this content hash ([`crate::content_hash`]) stored?
    pub fn has_article(&self, hash: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")
            .and_then(|mut s| s.exists([hash]))
            .map_err(|e| self.fail(e))
    }

    /// Store an article with its coded events, unless its content hash is already stored.
    /// On error inside a batch the whole batch is rolled back.
    pub fn add(&mut self, doc: &Document, events: &[Event]) -> Result<Added, StoreError> {
        let own_tx = !self.in_batch;
        if own_tx {
            self.begin_batch()?;
        }
        match self.add_inner(doc, events) {
            Ok(added) => {
                if own_tx {
                    self.commit()?;
                }
                Ok(added)
            }
            Err(e) => {
                let _ = self.rollback();
                Err(self.fail(e))
            }
        }
    }

    fn add_inner(&mut self, doc: &Document, events: &[Event]) -> rusqlite::Result<Added> {
        let hash = content_hash(doc);
        let existing: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE hash = ?1")?
            .query_row([&hash], |r| r.get(0))
            .optional()?;
        if let Some(article) = existing {
            return Ok(Added {
                new: false,
                article,
                mentions: 0,
                new_events: 0,
            });
        }
        let article = self.insert_article(doc, &hash)?;
        let new_events = self.insert_events(article, &hash, doc, events)?;
        Ok(Added {
            new: true,
            article,
            mentions: events.len(),
            new_events,
        })
    }

    fn insert_article(&self, doc: &Document, hash: &str) -> rusqlite::Result<i64> {
        // The text and sentences have their own columns; the rest of the document goes to JSON.
        let rest = Document {
            text: String::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            ..doc.clone()
        };
        let rest = serde_json::to_string(&rest)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        let origin = match doc.origin.record {
            Some(r) => format!("{}:{r}", doc.origin.path),
            None => doc.origin.path.clone(),
        };
        self.conn.prepare_cached(
            "INSERT INTO articles (hash, doc_id, url, title, author, dateline, date, source, source_name,
                                   origin, text, doc_json, added)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            hash,
            doc.id,
            doc.url,
            doc.title,
            doc.author,
            doc.dateline.as_ref().map(|d| d.raw.as_str()),
            doc.date.map(|d| d.to_string()),
            doc.source,
            source_name(doc),
            origin,
            doc.text,
            rest,
            self.stamp,
        ])?;
        let article = self.conn.last_insert_rowid();
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO sentences (article, idx, start, end, char_start, char_end, paragraph, token_start, token_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, s) in doc.sentences.iter().enumerate() {
            stmt.execute(params![
                article,
                i as i64,
                s.start as i64,
                s.end as i64,
                s.char_start as i64,
                s.char_end as i64,
                s.paragraph as i64,
                s.token_start as i64,
                s.token_end as i64
            ])?;
        }
        Ok(article)
    }

    /// Store the mentions of one article, creating or extending events; returns how many events
    /// are new. Shared by `add` and `recode`.
    pub(crate) fn insert_events(
        &self,
        article: i64,
        hash: &str,
        doc: &Document,
        events: &[Event],
    ) -> rusqlite::Result<usize> {
        let mut new_events = 0;
        let mut touched = Vec::with_capacity(events.len());
        let url = doc.url.clone().unwrap_or_else(|| doc.id.clone());
        for e in events {
            let key = self.dedup.key(e, hash);
            let paragraph = doc.sentences.get(e.sentence).map(|s| s.paragraph as i64);
            let found: Option<i64> = self
                .conn
                .prepare_cached("SELECT id FROM events WHERE key = ?1")?
                .query_row([&key], |r| r.get(0))
                .optional()?;
            let (event, is_first) = match found {
                Some(id) => (id, false),
                None => {
                    let id = self.free_id(stable_id(&key))?;
                    self.insert_event(id, &key, e, paragraph, &url)?;
                    new_events += 1;
                    (id, true)
                }
            };
            let json = serde_json::to_string(e)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
            let ev = &e.evidence;
            self.conn.prepare_cached(
                "INSERT INTO mentions (event, article, sentence, paragraph, is_root, code, sentence_start,
                    sentence_end, source_start, source_end, target_start, target_end, verb_start, verb_end,
                    pattern, source_entry, target_entry, modifier, event_json, date_added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            )?
            .execute(params![
                event,
                article,
                e.sentence as i64,
                paragraph,
                is_first,
                e.code,
                ev.sentence_start as i64,
                ev.sentence_end as i64,
                ev.source_span.as_ref().map(|s| s.start as i64),
                ev.source_span.as_ref().map(|s| s.end as i64),
                ev.target_span.as_ref().map(|s| s.start as i64),
                ev.target_span.as_ref().map(|s| s.end as i64),
                ev.verb_span.start as i64,
                ev.verb_span.end as i64,
                ev.pattern,
                ev.source_entry,
                ev.target_entry,
                ev.modifier,
                json,
                self.stamp,
            ])?;
            if is_first {
                let mention = self.conn.last_insert_rowid();
                self.conn
                    .prepare_cached("UPDATE events SET root_mention = ?1 WHERE id = ?2")?
                    .execute([mention, event])?;
            }
            for (span, code, entry) in [
                (&ev.source_span, &e.source, &ev.source_entry),
                (&ev.target_span, &e.target, &ev.target_entry),
            ] {
                if let Some(span) = span {
                    self.conn
                        .prepare_cached(
                            "INSERT OR IGNORE INTO actor_mentions (article, sentence, start, end, code, text, entry)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        )?
                        .execute(params![
                            article,
                            e.sentence as i64,
                            span.start as i64,
                            span.end as i64,
                            code,
                            span.text,
                            entry
                        ])?;
                }
            }
            touched.push(event);
        }
        // Counts grow incrementally: the article is new, so each event it mentions gains one
        // article, and a source when the event had none from this article's source.
        let source = source_name(doc);
        let mut counted: Vec<i64> = Vec::new();
        for event in touched {
            let first_in_article = !counted.contains(&event);
            if first_in_article {
                counted.push(event);
            }
            let new_source = first_in_article
                && self
                    .conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO event_sources (event, source) VALUES (?1, ?2)",
                    )?
                    .execute(params![event, source])?
                    == 1;
            self.conn
                .prepare_cached(
                    "UPDATE events SET num_mentions = num_mentions + 1,
                        num_articles = num_articles + ?2, num_sources = num_sources + ?3 WHERE id = ?1",
                )?
                .execute(params![event, first_in_article as i64, new_source as i64])?;
        }
        Ok(new_events)
    }

    /// The stable id, or the next free one after it in the rare case of a hash collision.
    fn free_id(&self, mut id: i64) -> rusqlite::Result<i64> {
        let mut taken = self
            .conn
            .prepare_cached("SELECT 1 FROM events WHERE id = ?1")?;
        while taken.exists([id])? {
            id = (id + 1) & i64::MAX;
        }
        Ok(id)
    }

    fn insert_event(
        &self,
        id: i64,
        key: &str,
        e: &Event,
        paragraph: Option<i64>,
        url: &str,
    ) -> rusqlite::Result<()> {
        // PLOVER type and mode come with the event, from the codebook the coder used.
        let (ptype, pmode) = (e.plover_type.clone(), e.plover_mode.clone());
        let loc = e.location.as_ref();
        let actor_place = |l: &Option<dyad_doc::Location>| l.as_ref().and_then(|l| serde_json::to_string(l).ok());
        let name = |span: &Option<dyad_doc::EvidenceSpan>| actor_name(span.as_ref());
        let root = root_code(e);
        self.conn.prepare_cached(
            "INSERT INTO events (id, key, date, source, target, code, root, quad_class, goldstein, location,
                plover_type, plover_mode, source_name, target_name, is_root, source_url, date_added,
                location_country, location_fips, location_adm1, location_lat, location_lon,
                location_geonames_id, location_type, location_from, source_location, target_location)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
        )?
        .execute(params![
            id,
            key,
            e.date.map(|d| d.to_string()),
            e.source,
            e.target,
            e.code,
            root,
            e.quad_class as i64,
            e.goldstein,
            loc.map(|l| &l.name),
            ptype,
            pmode,
            name(&e.evidence.source_span),
            name(&e.evidence.target_span),
            // GDELT's IsRootEvent: reported in the article's lead paragraph.
            paragraph == Some(0),
            url,
            self.stamp,
            loc.map(|l| &l.country),
            loc.map(|l| &l.fips),
            loc.map(|l| &l.adm1),
            loc.map(|l| l.lat),
            loc.map(|l| l.lon),
            loc.and_then(|l| l.geonames_id.map(|i| i as i64)),
            loc.map(|l| l.geo_type as i64),
            loc.map(|l| &l.from),
            actor_place(&e.source_location),
            actor_place(&e.target_location),
        ])?;
        Ok(())
    }
}

/// GDELT's Actor1Name/Actor2Name: the matched actor text, upper-cased.
pub(crate) fn actor_name(span: Option<&dyad_doc::EvidenceSpan>) -> String {
    span.map(|s| s.text.trim().to_uppercase()).unwrap_or_default()
}

/// The two-digit root code, from the code when the coder left it empty.
pub(crate) fn root_code(e: &Event) -> String {
    if e.root.is_empty() {
        e.code.chars().take(2).collect()
    } else {
        e.root.clone()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // An open batch that was never committed is dropped, as after a crash.
        if self.in_batch {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}
