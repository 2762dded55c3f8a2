//! Diagnostics: what loaders and checks report, each naming a file and line.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The line (or entry) was wrong and was skipped, or the dictionaries are unusable.
    Error,
    /// Loaded, but probably not what was meant.
    Warning,
    /// Worth knowing (a feature dyad does not use, a file skipped).
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One finding: `file:line: severity: message`. Line 0 means the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}: {}", self.file, self.severity, self.message)
        } else {
            write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.severity, self.message
            )
        }
    }
}

/// Collects diagnostics for one file, so parsers can say `report.error(line, ..)`.
pub(crate) struct Report<'a> {
    pub file: &'a str,
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Report<'_> {
    pub fn push(&mut self, line: usize, severity: Severity, message: impl Into<String>) {
        self.diags.push(Diagnostic {
            file: self.file.to_string(),
            line,
            severity,
            message: message.into(),
        });
    }
    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Error, message)
    }
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Warning, message)
    }
    pub fn info(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Info, message)
    }
    pub fn at(&self, line: usize) -> crate::SourceRef {
        crate::SourceRef {
            file: self.file.to_string(),
            line,
        }
    }
}

/// Count diagnostics of one severity.
pub fn count(diags: &[Diagnostic], severity: Severity) -> usize {
    diags.iter().filter(|d| d.severity == severity).count()
}
