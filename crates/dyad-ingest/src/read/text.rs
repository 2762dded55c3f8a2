//! Whole-file inputs: a plain-text article or an HTML page is one record.

use super::decode::{megabytes, read_all_bounded, Bounded, Input};
use super::{Record, RecordKind};
use crate::{ErrorKind, InputError};
use dyad_doc::Origin;

pub fn whole_file(path: String, stem: String, mut input: Input, kind: RecordKind, limit: usize) -> Result<Record, InputError> {
    match read_all_bounded(&mut input.reader, limit) {
        Ok(Bounded::Data(bytes)) => Ok(Record {
            origin: Origin { path, record: None },
            kind,
            bytes,
            id: stem,
            url: None,
            date: None,
            charset: None,
        }),
        Ok(Bounded::TooLarge(n)) => Err(InputError::new(
            &path,
            None,
            ErrorKind::TooLarge,
            format!("{} is over the {} limit for one article", megabytes(n), megabytes(limit as u64)),
        )),
        Err(e) => Err(InputError::new(&path, None, input.error_kind(&e), input.describe(&e))),
    }
}
