//! One JSON object per event: the root mention's event JSON (PLOVER type and mode filled in
//! from CAMEO when the coder left them out), the GDELT counts and every mention's evidence.
use crate::error::StoreError;
use crate::query::Filter;
use crate::store::Store;
use serde_json::{json, Map, Value};
use std::io::{BufWriter, Write};

pub fn write<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<usize, StoreError> {
    let mut out = BufWriter::new(out);
    let n = store.for_each_event(filter, |e| {
        let mentions = store.mentions_of(e.id)?;
        let parse = |s: &str| -> Result<Value, StoreError> {
            serde_json::from_str(s).map_err(|err| StoreError::Corrupt {
                path: store.path().to_path_buf(),
                detail: format!("event {}: {err}", e.id),
            })
        };
        let root = mentions.iter().find(|m| m.is_root).or(mentions.first());
        let mut obj = match root {
            Some(m) => match parse(&m.event_json)? {
                Value::Object(o) => o,
                _ => Map::new(),
            },
            None => Map::new(),
        };
        obj.insert("id".into(), json!(e.id));
        if let Some(t) = &e.plover_type {
            obj.insert("plover_type".into(), json!(t));
        }
        if let Some(m) = &e.plover_mode {
            obj.insert("plover_mode".into(), json!(m));
        }
        obj.insert("num_mentions".into(), json!(e.num_mentions));
        obj.insert("num_sources".into(), json!(e.num_sources));
        obj.insert("num_articles".into(), json!(e.num_articles));
        obj.insert("is_root_event".into(), json!(e.is_root));
        obj.insert("source_url".into(), json!(e.source_url));
        obj.insert("date_added".into(), json!(e.date_added));
        let mut list = Vec::with_capacity(mentions.len());
        for m in &mentions {
            let ev = parse(&m.event_json)?;
            list.push(json!({
                "article": m.article_doc_id,
                "url": m.article_url,
                "source": m.source_name,
                "sentence": m.sentence,
                "root": m.is_root,
                "evidence": ev.get("evidence").cloned().unwrap_or(Value::Null),
            }));
        }
        obj.insert("mentions".into(), Value::Array(list));
        serde_json::to_writer(&mut out, &Value::Object(obj))
            .map_err(|e| StoreError::Export(e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}
