//! The flat event table as CSV with a header row (RFC 4180 quoting).
use super::table::{columns, row, Value};
use crate::error::StoreError;
use crate::query::Filter;
use crate::store::Store;
use std::io::Write;

pub fn write<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<usize, StoreError> {
    let mut w = csv::Writer::from_writer(out);
    let header: Vec<&str> = columns().iter().map(|c| c.name).collect();
    w.write_record(&header).map_err(csv_err)?;
    let n = store.for_each_event(filter, |e| {
        let fields: Vec<String> = row(&e).iter().map(field).collect();
        w.write_record(&fields).map_err(csv_err)
    })?;
    w.flush()?;
    Ok(n)
}

fn field(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Double(f) => f.to_string(),
        Value::Bool(b) => (*b as u8).to_string(),
        Value::Str(s) => s.clone(),
        Value::Date(d) => d.to_string(),
        Value::Timestamp(t) => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }
}

fn csv_err(e: csv::Error) -> StoreError {
    StoreError::Export(e.to_string())
}
