//! Loading the dictionaries a command codes with: a folder given by `--dictionaries`, or the
//! built-in defaults. Diagnostics go to stderr; `strict` turns any of them into an error.

use anyhow::{bail, Context};
use std::path::Path;

pub fn load(dir: Option<&Path>, strict: bool) -> anyhow::Result<dyad_dict::Dictionaries> {
    let loaded = match dir {
        Some(d) => dyad_dict::load_dir(d, &dyad_dict::LoadOptions { strict })
            .with_context(|| format!("loading dictionaries from {}", d.display()))?,
        None => dyad_dict::builtin(),
    };
    let n = loaded.diagnostics.len();
    for d in loaded.diagnostics.iter().take(20) {
        eprintln!("dyad: dictionary: {d}");
    }
    if n > 20 {
        eprintln!("dyad: dictionary: … and {} more (see `dyad dict check`)", n - 20);
    }
    if strict && n > 0 {
        bail!("{n} dictionary problem(s) with --strict");
    }
    Ok(loaded.dicts)
}
