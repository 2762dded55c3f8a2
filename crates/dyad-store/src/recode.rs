//! Re-coding stored articles after a dictionary change, without re-reading the inputs.
use crate::dedup::Dedup;
use crate::error::StoreError;
use crate::store::Store;
use dyad_doc::{Document, Event, Sentence};

/// What [`Store::recode`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recoded {
    pub articles: usize,
    pub mentions: usize,
    pub events: usize,
}

impl Store {
    /// Rebuild one stored article as a [`Document`]: metadata, text, paragraphs and sentences
    /// (tokens are not stored; a coder that needs them re-segments).
    pub fn document(&self, article: i64) -> Result<Document, StoreError> {
        let (text, rest): (String, String) = self
            .conn
            .query_row(
                "SELECT text, doc_json FROM articles WHERE id = ?1",
                [article],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.fail(e))?;
        let mut doc: Document = serde_json::from_str(&rest).map_err(|e| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("article {article}: {e}"),
        })?;
        doc.text = text;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, char_start, char_end, paragraph, token_start, token_end
                 FROM sentences WHERE article = ?1 ORDER BY idx",
            )
            .map_err(|e| self.fail(e))?;
        let col = |r: &rusqlite::Row, i| r.get::<_, i64>(i).map(|v| v as usize);
        doc.sentences = stmt
            .query_map([article], |r| {
                Ok(Sentence {
                    start: col(r, 0)?,
                    end: col(r, 1)?,
                    char_start: col(r, 2)?,
                    char_end: col(r, 3)?,
                    paragraph: col(r, 4)?,
                    token_start: col(r, 5)?,
                    token_end: col(r, 6)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.fail(e))?;
        Ok(doc)
    }

    /// Replace every event with what `code` finds in the stored articles (in storage order),
    /// optionally under a new deduplication rule. One transaction: a crash leaves the old events.
    pub fn recode<F>(&mut self, dedup: Option<Dedup>, mut code: F) -> Result<Recoded, StoreError>
    where
        F: FnMut(&Document) -> Vec<Event>,
    {
        self.commit()?;
        self.begin_batch()?;
        let result = (|| {
            let clear = "DELETE FROM actor_mentions; DELETE FROM event_sources; DELETE FROM mentions; DELETE FROM events;";
            self.conn.execute_batch(clear).map_err(|e| self.fail(e))?;
            if let Some(d) = dedup {
                self.conn
                    .execute(
                        "UPDATE dyad_meta SET value = ?1 WHERE key = 'dedup'",
                        [d.as_str()],
                    )
                    .map_err(|e| self.fail(e))?;
                self.dedup = d;
            }
            let articles: Vec<(i64, String)> = self
                .conn
                .prepare("SELECT id, hash FROM articles ORDER BY id")
                .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
                .map_err(|e| self.fail(e))?;
            let mut done = Recoded::default();
            for (id, hash) in articles {
                let doc = self.document(id)?;
                let events = code(&doc);
                done.events += self
                    .insert_events(id, &hash, &doc, &events)
                    .map_err(|e| self.fail(e))?;
                done.mentions += events.len();
                done.articles += 1;
            }
            Ok(done)
        })();
        match result {
            Ok(done) => {
                self.commit()?;
                Ok(done)
            }
            Err(e) => {
                let _ = self.rollback();
                Err(e)
            }
        }
    }
}
