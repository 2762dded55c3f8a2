//! Gold-standard records from the field's development sets, read into one shape.
//!
//! Three JSONL layouts are recognised by their fields:
//! * PLOVER gold records: `text`, `events[{code, plover_type, source[{code, sector}], target[...]}]`;
//! * ConfliBERT sentences: `text`, `label` 0–4 (statement, verbal cooperation, material
//!   cooperation, verbal conflict, material conflict);
//! * CAMEO codebook examples: `text`, `code`;
//! * IndiaPoliceEvents sentences: `id` (`ipe-DOC-N`), `date`, `text`, `labels` (a subset of
//!   KILL, ARREST, FAIL, FORCE, ANY_ACTION), scored by `crate::ipe`.
//!
//! PLOVER records may carry `eventLoc` (`name`, optionally `country code`): the gold place.

use serde_json::Value;
use std::io::BufRead;
use std::path::Path;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    pub events: Vec<GoldEvent>,
    /// ConfliBERT's five-way label, when that is all the record has.
    pub label: Option<u8>,
    /// IndiaPoliceEvents question labels (upper case), when the record is an IPE sentence.
    pub police_labels: Option<Vec<String>>,
    /// The record's publication date (`date`, ISO 8601), when it has one.
    pub date: Option<chrono::NaiveDate>,
    /// Where the gold event happened (PLOVER `eventLoc`).
    pub location: Option<GoldPlace>,
    /// The story an IndiaPoliceEvents sentence belongs to ("ipe-11" for "ipe-11-3").
    pub story: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldPlace {
    pub name: String,
    /// ISO 3166-1 alpha-2, when the annotation gives it.
    pub country: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldEvent {
    /// CAMEO code, when the annotation has one.
    pub code: Option<String>,
    /// PLOVER event type, upper case, in PLOVER 2021 names (0.5b1 names translated).
    pub plover_type: Option<String>,
    /// Country (or IGO) codes of the source actors; may be empty.
    pub sources: Vec<String>,
    pub targets: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Record { path: String, line: usize, message: String },
}

/// PLOVER 0.5b1 type names used by the gold records, in the 2021 names dyad maps CAMEO to.
fn plover_2021_name(t: &str) -> String {
    match t.to_ascii_uppercase().as_str() {
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        // PLOVER 2021 folded INVESTIGATE into ACCUSE (mode investigate), as CAMEO 09 maps.
        "INVESTIGATE" => "ACCUSE".into(),
        other => other.to_string(),
    }
}

fn actor_codes(v: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(items)) = v else { return vec![] };
    items
        .iter()
        .filter_map(|a| a.get("code").and_then(Value::as_str))
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_record(v: &Value, line: usize, stem: &str) -> Result<GoldRecord, String> {
    let text = v.get("text").and_then(Value::as_str).ok_or("no `text` field")?.to_string();
    let id = v
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{stem}:{line}"));
    let date = match v.get("date").and_then(Value::as_str) {
        Some(d) => Some(d.parse().map_err(|_| format!("`date` {d:?} is not an ISO 8601 day"))?),
        None => None,
    };
    let mut rec = GoldRecord { id, text, date, ..Default::default() };
    if let Some(loc) = v.get("eventLoc").filter(|l| l.is_object()) {
        if let Some(name) = loc.get("name").and_then(Value::as_str).filter(|n| !n.trim().is_empty()) {
            rec.location = Some(GoldPlace {
                name: name.trim().to_string(),
                country: loc.get("country code").and_then(Value::as_str).map(str::to_string),
            });
        }
    }
    if let Some(Value::Array(events)) = v.get("events") {
        for e in events {
            rec.events.push(GoldEvent {
                code: e.get("code").and_then(Value::as_str).map(str::to_string),
                plover_type: e.get("plover_type").and_then(Value::as_str).map(plover_2021_name),
                sources: actor_codes(e.get("source")),
                targets: actor_codes(e.get("target")),
            });
        }
    } else if let Some(code) = v.get("code").and_then(Value::as_str) {
        rec.events.push(GoldEvent { code: Some(code.to_string()), ..Default::default() });
    } else if let Some(label) = v.get("label").and_then(Value::as_u64) {
        if label > 4 {
            return Err(format!("label {label} is outside 0–4"));
        }
        rec.label = Some(label as u8);
    } else if let Some(labels) = v.get("labels") {
        let Value::Array(items) = labels else { return Err("`labels` is not a list".into()) };
        let labels = items
            .iter()
            .map(|l| l.as_str().map(str::to_ascii_uppercase).ok_or("`labels` holds a non-string"))
            .collect::<Result<Vec<_>, _>>()?;
        rec.police_labels = Some(labels);
        rec.story = Some(rec.id.rsplit_once('-').map_or(rec.id.clone(), |(s, _)| s.to_string()));
    } else {
        return Err("no `events`, `code` or `label` field: not a gold record".into());
    }
    Ok(rec)
}

/// Reads a gold JSONL file. Malformed lines are errors naming the line: a scorer that
/// silently dropped records would report figures over a different set than the user thinks.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRecord>, GoldError> {
    let name = path.display().to_string();
    let io = |source| GoldError::Io { path: name.clone(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let rec = serde_json::from_str::<Value>(&line)
            .map_err(|e| e.to_string())
            .and_then(|v| parse_record(&v, i + 1, &stem))
            .map_err(|message| GoldError::Record { path: name.clone(), line: i + 1, message })?;
        out.push(rec);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn plover_record_keeps_code_type_and_actor_codes() {
        let v = json!({"id": "p1", "text": "A agreed.", "events": [{"code": "030", "plover_type": "Demand",
            "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}], "target": []}]});
        let r = parse_record(&v, 1, "f").unwrap();
        assert_eq!(r.id, "p1");
        assert_eq!(r.events[0].code.as_deref(), Some("030"));
        assert_eq!(r.events[0].plover_type.as_deref(), Some("REQUEST"));
        assert_eq!(plover_2021_name("Investigate"), "ACCUSE");
        assert_eq!(r.events[0].sources, vec!["HUN"]);
        assert!(r.events[0].targets.is_empty());
    }

    #[test]
    fn label_and_codebook_layouts() {
        let r = parse_record(&json!({"text": "x", "label": 3}), 7, "conf").unwrap();
        assert_eq!((r.id.as_str(), r.label), ("conf:7", Some(3)));
        let r = parse_record(&json!({"text": "x", "code": "0211"}), 1, "k").unwrap();
        assert_eq!(r.events[0].code.as_deref(), Some("0211"));
        assert!(parse_record(&json!({"text": "x", "label": 9}), 1, "k").is_err());
        assert!(parse_record(&json!({"text": "x"}), 1, "k").is_err());
        assert!(parse_record(&json!({"label": 1}), 1, "k").is_err());
    }

    #[test]
    fn gold_places_and_ipe_stories() {
        let v = json!({"id": "p", "text": "x", "events": [], "eventLoc": {"name": "Geneva", "country code": "CH"}});
        let r = parse_record(&v, 1, "f").unwrap();
        assert_eq!(r.location, Some(GoldPlace { name: "Geneva".into(), country: Some("CH".into()) }));
        let r = parse_record(&json!({"id": "p", "text": "x", "events": [], "eventLoc": null}), 1, "f").unwrap();
        assert_eq!(r.location, None);
        let r = parse_record(&json!({"id": "ipe-11-3", "text": "police fired.", "labels": ["FORCE"]}), 1, "f").unwrap();
        assert_eq!(r.story.as_deref(), Some("ipe-11"));
        assert!(r.events.is_empty());
    }

    #[test]
    fn ipe_layout_keeps_labels_and_date() {
        let v = json!({"id": "ipe-3-1", "date": "2002-03-10", "text": "police arrested 5.", "labels": ["arrest", "ANY_ACTION"]});
        let r = parse_record(&v, 1, "ipe").unwrap();
        assert_eq!(r.police_labels, Some(vec!["ARREST".to_string(), "ANY_ACTION".to_string()]));
        assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(2002, 3, 10));
        let empty = parse_record(&json!({"text": "x", "labels": []}), 1, "ipe").unwrap();
        assert_eq!(empty.police_labels, Some(vec![]));
        assert!(parse_record(&json!({"text": "x", "labels": "KILL"}), 1, "ipe").is_err());
        assert!(parse_record(&json!({"text": "x", "labels": [], "date": "March"}), 1, "ipe").is_err());
    }
}
