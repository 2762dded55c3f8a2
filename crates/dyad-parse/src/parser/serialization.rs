//! The parser's part of the model file.

use super::transition::N_CLASSES;
use super::DepParser;
use crate::io::{Reader, Writer};
use crate::weights::Weights;
use crate::ModelError;

impl DepParser {
    pub fn write(&self, out: &mut Writer) {
        out.tag(b"PARS");
        self.weights.write(out);
    }

    pub fn read(r: &mut Reader) -> Result<DepParser, ModelError> {
        r.tag(b"PARS")?;
        let weights = Weights::read(r)?;
        if weights.n_classes != N_CLASSES {
            return Err(ModelError::Corrupt(format!("parser has {} classes, expected {N_CLASSES}", weights.n_classes)));
        }
        Ok(DepParser { weights })
    }
}
