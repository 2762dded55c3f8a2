//! The flat event table as Parquet, through the low-level column writer (no Arrow): dates are
//! DATE, date_added a UTC TIMESTAMP(MILLIS), codes UTF-8 strings, counts integers.
use super::table::{columns, row, Column, Kind, Value};
use crate::error::StoreError;
use crate::query::Filter;
use crate::store::Store;
use chrono::NaiveDate;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::sync::Arc;

/// Rows per row group: bounds memory while keeping groups large enough for readers.
const ROW_GROUP: usize = 64 * 1024;

fn schema() -> String {
    let mut s = String::from("message dyad_event {\n");
    for c in columns() {
        let rep = if c.optional { "OPTIONAL" } else { "REQUIRED" };
        let ty = match c.kind {
            Kind::Int64 => "INT64",
            Kind::Int32 => "INT32",
            Kind::Double => "DOUBLE",
            Kind::Bool => "BOOLEAN",
            Kind::Str => "BYTE_ARRAY",
            Kind::Date => "INT32",
            Kind::Timestamp => "INT64",
        };
        let logical = match c.kind {
            Kind::Str => " (UTF8)",
            Kind::Date => " (DATE)",
            Kind::Timestamp => " (TIMESTAMP(MILLIS,true))",
            _ => "",
        };
        s.push_str(&format!("  {rep} {ty} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

fn pq_err(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Export(format!("parquet: {e}"))
}

pub fn write<W: Write + Send>(store: &Store, filter: &Filter, out: W) -> Result<usize, StoreError> {
    let schema = Arc::new(parse_message_type(&schema()).map_err(pq_err)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_created_by("dyad".into())
            .build(),
    );
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(pq_err)?;
    let mut rows: Vec<Vec<Value>> = Vec::with_capacity(ROW_GROUP);
    let n = store.for_each_event(filter, |e| {
        rows.push(row(&e));
        if rows.len() == ROW_GROUP {
            write_group(&mut writer, &rows)?;
            rows.clear();
        }
        Ok(())
    })?;
    if !rows.is_empty() || n == 0 {
        write_group(&mut writer, &rows)?;
    }
    writer.close().map_err(pq_err)?;
    Ok(n)
}

fn write_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    rows: &[Vec<Value>],
) -> Result<(), StoreError> {
    let mut group = writer.next_row_group().map_err(pq_err)?;
    let mut index = 0;
    while let Some(mut col) = group.next_column().map_err(pq_err)? {
        let spec: &Column = &columns()[index];
        let cells = rows.iter().map(|r| &r[index]);
        // Definition level 1 = present, 0 = null; required columns take none.
        let defs: Vec<i16> = cells
            .clone()
            .map(|v| i16::from(*v != Value::Null))
            .collect();
        let defs = spec.optional.then_some(defs.as_slice());
        let present = cells.filter(|v| **v != Value::Null);
        match spec.kind {
            Kind::Int64 | Kind::Timestamp => {
                let vals: Vec<i64> = present
                    .map(|v| match v {
                        Value::Int(i) => *i,
                        Value::Timestamp(t) => t.and_utc().timestamp_millis(),
                        _ => 0,
                    })
                    .collect();
                col.typed::<Int64Type>().write_batch(&vals, defs, None)
            }
            Kind::Int32 | Kind::Date => {
                let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
                let vals: Vec<i32> = present
                    .map(|v| match v {
                        Value::Int(i) => *i as i32,
                        Value::Date(d) => (*d - epoch).num_days() as i32,
                        _ => 0,
                    })
                    .collect();
                col.typed::<Int32Type>().write_batch(&vals, defs, None)
            }
            Kind::Double => {
                let vals: Vec<f64> = present
                    .map(|v| if let Value::Double(f) = v { *f } else { 0.0 })
                    .collect();
                col.typed::<DoubleType>().write_batch(&vals, defs, None)
            }
            Kind::Bool => {
                let vals: Vec<bool> = present.map(|v| matches!(v, Value::Bool(true))).collect();
                col.typed::<BoolType>().write_batch(&vals, defs, None)
            }
            Kind::Str => {
                let vals: Vec<ByteArray> = present
                    .map(|v| match v {
                        Value::Str(s) => ByteArray::from(s.as_bytes().to_vec()),
                        _ => ByteArray::from(Vec::new()),
                    })
                    .collect();
                col.typed::<ByteArrayType>().write_batch(&vals, defs, None)
            }
        }
        .map_err(pq_err)?;
        col.close().map_err(pq_err)?;
        index += 1;
    }
    group.close().map_err(pq_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_parses_and_has_every_column() {
        let t = parse_message_type(&schema()).unwrap();
        assert_eq!(t.get_fields().len(), columns().len());
    }
}
