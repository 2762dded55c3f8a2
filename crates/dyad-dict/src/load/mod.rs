//! Loaders: one file per dictionary format. Each parser reads one file's text into a
//! [`Dictionaries`] and reports problems as [`Diagnostic`]s naming the file and line; a bad
//! line is skipped, never fatal (unless [`LoadOptions::strict`]).

pub mod codebook;
pub mod dyad;
pub mod petrarch;
pub mod tabari;

use crate::diag::{Diagnostic, Report, Severity};
use crate::Dictionaries;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// Any error diagnostic makes the load fail.
    pub strict: bool,
}

/// Dictionaries and what was found wrong while reading them.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub dicts: Dictionaries,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// (Not marked as the error's source: the message already includes it.)
    #[error("{path}: {error}")]
    Io { path: PathBuf, error: std::io::Error },
    #[error("{0}: no dictionary files found (expected dyad's layout or PETRARCH/TABARI files)")]
    NoDictionaries(PathBuf),
    #[error("{first} ({count} error(s) in all; loading with --strict)")]
    Strict { first: Diagnostic, count: usize },
}

/// Which dictionary format a file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Dyad,
    Petrarch,
    Tabari,
}

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Actors,
    Agents,
    Verbs,
    /// dyad's `verbs/sets.txt` (PETRARCH keeps sets in the verbs file).
    Sets,
    Discards,
    Issues,
    Codebook,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileKind {
    pub format: Format,
    pub content: Content,
}

impl FileKind {
    pub const fn new(format: Format, content: Content) -> Self {
        Self { format, content }
    }
}

/// Guess a file's kind from its path inside the dictionary folder and its text.
/// dyad's layout: `cameo.txt`, `agents.txt`, `discards.txt`, `issues.txt`, `actors/*.txt`,
/// `verbs/sets.txt`, `verbs/*.txt`. PETRARCH: `*actors*`, `*agents*`, `*verbs*`/`CAMEO*`,
/// `*discard*`, `*issue*` `.txt` files. TABARI: `.actors`, `.verbs`, `.agents` extensions.
pub fn detect(rel: &Path, text: &str) -> Option<FileKind> {
    use Content::*;
    let name = rel.file_name()?.to_string_lossy().to_lowercase();
    let parent = rel
        .parent()
        .and_then(|p| p.file_name())
        .map(|p| p.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = rel
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let tabari = match ext.as_str() {
        "actors" => Some(Actors),
        "verbs" => Some(Verbs),
        "agents" => Some(Agents),
        "discards" => Some(Discards),
        "issues" => Some(Issues),
        _ => None,
    };
    if let Some(c) = tabari {
        return Some(FileKind::new(Format::Tabari, c));
    }
    if ext != "txt" {
        return None;
    }
    // Only looked at where a name could be either (PETRARCH's CAMEO.2.0.txt vs cameo.txt).
    let petrarch_verbs = || {
        text.lines()
            .any(|l| l.starts_with("---") && l.trim_end().ends_with("---"))
    };
    // dyad's own layout first: fixed names and folders.
    let dyad = match (parent.as_str(), name.as_str()) {
        (_, "cameo.txt") if !petrarch_verbs() => Some(Codebook),
        (_, "agents.txt") => Some(Agents),
        (_, "discards.txt") => Some(Discards),
        (_, "issues.txt") => Some(Issues),
        ("actors", _) => Some(Actors),
        ("verbs", "sets.txt") => Some(Sets),
        ("verbs", _) if !petrarch_verbs() => Some(Verbs),
        _ => None,
    };
    if let Some(c) = dyad {
        return Some(FileKind::new(Format::Dyad, c));
    }
    let c = if name.contains("actor") {
        Actors
    } else if name.contains("agent") {
        Agents
    } else if name.contains("verb") || name.starts_with("cameo") || petrarch_verbs() {
        Verbs
    } else if name.contains("discard") {
        Discards
    } else if name.contains("issue") {
        Issues
    } else {
        return None;
    };
    Some(FileKind::new(Format::Petrarch, c))
}

/// Parse one file's text into `dicts`. `file` is the name used in diagnostics and
/// [`crate::SourceRef`]s.
pub fn parse_into(
    text: &str,
    file: &str,
    kind: FileKind,
    dicts: &mut Dictionaries,
    diags: &mut Vec<Diagnostic>,
) {
    let mut report = Report { file, diags };
    let before = counts(dicts);
    match (kind.format, kind.content) {
        (_, Content::Codebook) => codebook::parse(text, &mut report, &mut dicts.codebook),
        (Format::Dyad, c) => dyad::parse(text, c, &mut report, dicts),
        (Format::Petrarch, c) => {
            petrarch::parse(text, c, petrarch::Flavor::Petrarch, &mut report, dicts)
        }
        (Format::Tabari, c) => tabari::parse(text, c, &mut report, dicts),
    }
    if counts(dicts) == before {
        report.warn(0, format!("no entries read ({:?} file)", kind.content));
    }
}

fn counts(d: &Dictionaries) -> [usize; 7] {
    [
        d.actors.len(),
        d.agents.len(),
        d.verbs.len(),
        d.sets.len(),
        d.discards.len(),
        d.issues.len(),
        d.codebook.entries.len(),
    ]
}

fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    // Old dictionaries are not always clean UTF-8: keep going with replacement characters.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Load one file of a known kind.
pub fn load_file(path: &Path, kind: FileKind, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    let text = read_text(path)?;
    let mut loaded = Loaded::default();
    parse_into(
        &text,
        &path.display().to_string(),
        kind,
        &mut loaded.dicts,
        &mut loaded.diagnostics,
    );
    strict_check(loaded, opts)
}

/// Load every dictionary file under `dir` (dyad's layout or a PETRARCH/TABARI folder).
/// Without a codebook in the folder, the built-in one is merged in: the coder needs
/// Goldstein scores and quad classes for every code.
pub fn load_dir(dir: &Path, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    walk(dir, &mut files).map_err(|error| LoadError::Io {
        path: dir.to_path_buf(),
        error,
    })?;
    files.sort();
    let mut loaded = Loaded::default();
    let mut any = false;
    for path in files {
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let text = read_text(&path)?;
        let name = path.display().to_string();
        match detect(rel, &text) {
            Some(kind) => {
                any = true;
                parse_into(
                    &text,
                    &name,
                    kind,
                    &mut loaded.dicts,
                    &mut loaded.diagnostics,
                );
            }
            // `places/` holds the gazetteer's files (dyad-geo reads them).
            None if rel.starts_with("places") => {}
            None => loaded.diagnostics.push(Diagnostic {
                file: name,
                line: 0,
                severity: Severity::Info,
                message: "skipped: not recognised as a dictionary file".into(),
            }),
        }
    }
    if !any {
        return Err(LoadError::NoDictionaries(dir.to_path_buf()));
    }
    if loaded.dicts.codebook.entries.is_empty() {
        loaded.dicts.codebook = crate::builtin::codebook();
        loaded.diagnostics.push(Diagnostic {
            file: dir.display().to_string(),
            line: 0,
            severity: Severity::Info,
            message: "no codebook (cameo.txt) in the folder: using the built-in one".into(),
        });
    }
    strict_check(loaded, opts)
}

fn strict_check(loaded: Loaded, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    if opts.strict {
        let count = loaded.errors().count();
        if let Some(first) = loaded.errors().next() {
            return Err(LoadError::Strict {
                first: first.clone(),
                count,
            });
        }
    }
    Ok(loaded)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
