//! Loading the dictionaries a command codes with: a folder given by `--dictionaries`, or the
//! built-in defaults. `read` returns them with their diagnostics (for `dyad dict`); `load`
//! prints the diagnostics to stderr and returns the dictionaries. `strict` turns any error into
//! a failure.

use anyhow::{bail, Context};
use std::path::Path;

pub fn read(dir: Option<&Path>, strict: bool) -> anyhow::Result<dyad_dict::Loaded> {
    let loaded = match dir {
        Some(d) => dyad_dict::load_dir(d, &dyad_dict::LoadOptions { strict })
            .with_context(|| format!("loading dictionaries from {}", d.display()))?,
        None => dyad_dict::builtin(),
    };
    if strict {
        if let Some(e) = loaded.errors().next() {
            bail!("{e} (--strict)");
        }
    }
    Ok(loaded)
}

pub fn load(dir: Option<&Path>, strict: bool) -> anyhow::Result<dyad_dict::Dictionaries> {
    let loaded = read(dir, strict)?;
    let n = loaded.diagnostics.len();
    for d in loaded.diagnostics.iter().take(20) {
        eprintln!("dyad: dictionary: {d}");
    }
    if n > 20 {
        eprintln!("dyad: dictionary: … and {} more (see `dyad dict check`)", n - 20);
    }
    Ok(loaded.dicts)
}

/// The gazetteer events are located with: the built-in one, plus `DIR/places/*.tsv` when a
/// dictionary folder is given.
pub fn gazetteer(dir: Option<&Path>) -> anyhow::Result<std::borrow::Cow<'static, dyad_geo::Gazetteer>> {
    Ok(match dir {
        Some(d) if d.join("places").is_dir() => std::borrow::Cow::Owned(dyad_geo::Gazetteer::with_dir(d)?),
        _ => std::borrow::Cow::Borrowed(dyad_geo::Gazetteer::builtin()),
    })
}
