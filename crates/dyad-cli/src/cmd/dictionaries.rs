//! Loading the dictionaries a command codes with: a folder given by `--dictionaries`, or the
//! built-in defaults. `read` returns them with their diagnostics (for `dyad dict`); `load`
//! prints one summary line of the diagnostics to stderr ("12 errors, 9 warnings; see `dyad
//! dict check`") and returns the dictionaries; `load_with` can list them all instead, or stay
//! silent. `strict` turns any error into a failure.

use std::path::Path;

pub fn read(dir: Option<&Path>, strict: bool) -> anyhow::Result<dyad_dict::Loaded> {
    dyad_pipeline::load_dictionaries(dir, strict).map_err(|e| anyhow::anyhow!("{e}"))
}

pub fn load(dir: Option<&Path>, strict: bool) -> anyhow::Result<dyad_dict::Dictionaries> {
    Ok(load_with(dir, strict, Report::Summary)?.dicts)
}

/// What to print about the dictionaries' diagnostics on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// One line with the counts, when there are errors or warnings.
    Summary,
    /// Every diagnostic (`--verbose`).
    All,
    /// Nothing (`-q`).
    Silent,
}

/// The dictionaries with their diagnostics, after printing what `report` asks for.
pub fn load_with(dir: Option<&Path>, strict: bool, report: Report) -> anyhow::Result<dyad_dict::Loaded> {
    let loaded = read(dir, strict)?;
    match report {
        Report::Silent => {}
        Report::All => {
            for d in &loaded.diagnostics {
                eprintln!("dyad: dictionary: {d}");
            }
        }
        Report::Summary => {
            if let Some(line) = summary(dir, &loaded.diagnostics) {
                eprintln!("dyad: {line}");
            }
        }
    }
    Ok(loaded)
}

/// "../dicts: 12 errors, 9 warnings (27 notes); see `dyad dict check ../dicts`", or `None`
/// when there is nothing worse than a note.
pub fn summary(dir: Option<&Path>, diagnostics: &[dyad_dict::Diagnostic]) -> Option<String> {
    use dyad_dict::Severity;
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, notes) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    if errors + warnings == 0 {
        return None;
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (name, check) = match dir {
        Some(d) => (format!("dictionaries {}", d.display()), format!("dyad dict check {}", d.display())),
        None => ("built-in dictionaries".to_string(), "dyad dict check".to_string()),
    };
    let notes = if notes > 0 { format!(" ({})", plural(notes, "note")) } else { String::new() };
    Some(format!(
        "{name}: {}, {}{notes}; see `{check}` (or --verbose)",
        plural(errors, "error"),
        plural(warnings, "warning")
    ))
}

/// The gazetteer events are located with: the built-in one, plus `DIR/places/*.tsv` when a
/// dictionary folder is given.
pub fn gazetteer(dir: Option<&Path>) -> anyhow::Result<std::borrow::Cow<'static, dyad_geo::Gazetteer>> {
    dyad_pipeline::load_places(dir).map_err(|e| anyhow::anyhow!("{e}"))
}
