//! The tagger's part of the model file.

use super::Tagger;
use crate::io::{Reader, Writer};
use crate::weights::Weights;
use crate::ModelError;

impl Tagger {
    pub fn write(&self, out: &mut Writer) {
        out.tag(b"TAGR");
        let mut amb: Vec<(u64, u32)> = self.ambiguity.iter().map(|(&k, &v)| (k, v)).collect();
        amb.sort_unstable();
        out.u64s(&amb.iter().map(|p| p.0).collect::<Vec<_>>());
        out.u32s(&amb.iter().map(|p| p.1).collect::<Vec<_>>());
        self.weights.write(out);
        out.u8(self.second.is_some() as u8);
        if let Some(w) = &self.second {
            w.write(out);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Tagger, ModelError> {
        r.tag(b"TAGR")?;
        let keys = r.u64s()?;
        let vals = r.u32s()?;
        if keys.len() != vals.len() {
            return Err(ModelError::Corrupt("tagger lexicon sizes disagree".into()));
        }
        let ambiguity = keys.into_iter().zip(vals).collect();
        let weights = read_weights(r)?;
        let second = match r.u8()? {
            0 => None,
            1 => Some(read_weights(r)?),
            n => return Err(ModelError::Corrupt(format!("tagger pass flag {n}"))),
        };
        Ok(Tagger { weights, second, ambiguity })
    }
}

fn read_weights(r: &mut Reader) -> Result<Weights, ModelError> {
    let weights = Weights::read(r)?;
    if weights.n_classes != super::N_TAGS {
        return Err(ModelError::Corrupt(format!("tagger has {} classes, expected {}", weights.n_classes, super::N_TAGS)));
    }
    Ok(weights)
}
