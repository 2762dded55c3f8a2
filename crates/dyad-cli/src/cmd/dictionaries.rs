//! Loading the dictionaries a command codes with: a folder given by `--dictionaries`, or the
//! built-in defaults. `read` returns them with their diagnostics (for `dyad dict`); `load`
//! prints the diagnostics to stderr and returns the dictionaries. `strict` turns any error into
//! a failure.

use std::path::Path;

pub fn read(dir: Option<&Path>, strict: bool) -> anyhow::Result<dyad_dict::Loaded> {
    dyad_pipeline::load_dictionaries(dir, strict).map_err(|e| anyhow::anyhow!("{e}"))
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
