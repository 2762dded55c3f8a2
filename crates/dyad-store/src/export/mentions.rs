//! The GDELT 2.0 mentions table: 16 tab-separated columns, one row per mention, no header.
//! MentionType is 1 (web) for articles with a URL and 2 (citation only) otherwise, where the
//! identifier is the article id. dyad estimates no confidence (100) and no tone (0).
use super::gdelt::clean;
use crate::error::StoreError;
use crate::query::Filter;
use crate::store::Store;
use std::io::{BufWriter, Write};

pub const MENTION_COLUMNS: usize = 16;

pub fn write<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<usize, StoreError> {
    let mut out = BufWriter::new(out);
    let offset = |o: Option<i64>| o.map_or("-1".to_string(), |o| o.to_string());
    let n = store.for_each_mention(filter, |_, m| {
        let (kind, ident) = match &m.article_url {
            Some(u) => ("1", u.clone()),
            None => ("2", m.article_doc_id.clone()),
        };
        let fields: [String; MENTION_COLUMNS] = [
            m.event.to_string(),
            m.event_date_added.clone(),
            m.date_added.clone(),
            kind.into(),
            clean(&m.source_name),
            clean(&ident),
            (m.sentence + 1).to_string(),
            offset(m.source_start),
            offset(m.target_start),
            m.verb_start.to_string(),
            "1".into(),
            "100".into(),
            m.doc_len.to_string(),
            "0".into(),
            String::new(),
            String::new(),
        ];
        writeln!(out, "{}", fields.join("\t"))?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}
