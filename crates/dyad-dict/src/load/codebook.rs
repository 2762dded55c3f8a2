//! dyad's CAMEO codebook (`cameo.txt`): tab-separated
//! `code goldstein quad plover_type plover_mode name`, `#` comments.

use crate::diag::Report;
use crate::text::is_event_code;
use crate::{Codebook, CodebookEntry};

pub(crate) fn parse(text: &str, report: &mut Report, book: &mut Codebook) {
    for (no, raw) in text.lines().enumerate() {
        let no = no + 1;
        let line = raw.trim_end_matches(['\r', '\n']);
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 6 {
            report.error(no, format!("expected 6 tab-separated columns (code, goldstein, quad, plover_type, plover_mode, name), found {}", cols.len()));
            continue;
        }
        let code = cols[0];
        if !is_event_code(code) {
            report.error(
                no,
                format!("`{code}` is not a CAMEO event code (2-4 digits)"),
            );
            continue;
        }
        let Ok(goldstein) = cols[1].parse::<f64>() else {
            report.error(no, format!("Goldstein score `{}` is not a number", cols[1]));
            continue;
        };
        if !(-10.0..=10.0).contains(&goldstein) {
            report.error(
                no,
                format!("Goldstein score {goldstein} is outside -10..10"),
            );
            continue;
        }
        let quad_class = match cols[2].parse::<u8>() {
            Ok(q @ 1..=4) => q,
            _ => {
                report.error(no, format!("QuadClass `{}` is not 1-4", cols[2]));
                continue;
            }
        };
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let entry = CodebookEntry {
            code: code.to_string(),
            name: cols[5..].join(" ").trim().to_string(),
            goldstein,
            quad_class,
            plover_type: opt(cols[3]),
            plover_mode: opt(cols[4]),
        };
        if book.entries.insert(code.to_string(), entry).is_some() {
            report.warn(
                no,
                format!("code {code} defined twice: the later line wins"),
            );
        }
    }
}
