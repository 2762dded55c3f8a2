//! IndiaPoliceEvents (Halterman et al. 2021): did the police kill, arrest, use force or do
//! anything in this sentence? Sentence-level yes/no questions, scored by precision, recall
//! and F1 per question and their macro average.
//!
//! dyad's answer comes from its events by a fixed mapping (the one the issue tracker states,
//! so that figures agree across tools):
//! * an event is a **police event** when its source code has the COP role (any three-letter
//!   part after the first is `COP`: `INDCOP`, `---COP`) or its source span names police
//!   ([`names_police`]);
//! * ARREST = a police event with code 173; FORCE = code 175 or root 18–20; KILL = root 18–20
//!   in a sentence with a kill word ([`has_kill_word`]); ANY_ACTION = any police event;
//! * FAIL (police failed to act) is not scored.
//!
//! The paper's keyword baseline (a police word plus a kill, arrest or force word in the same
//! sentence) is scored beside it on the same records, so the two figures share one rule.

use dyad_doc::Event;
use serde::Serialize;
use std::fmt;

/// The questions scored, in report order.
pub const QUESTIONS: [&str; 4] = ["KILL", "ARREST", "FORCE", "ANY_ACTION"];

/// Counts for one yes/no question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Confusion {
    fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.true_pos += 1,
            (false, true) => self.false_pos += 1,
            (true, false) => self.false_neg += 1,
            (false, false) => {}
        }
    }
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-question counts for dyad and for the keyword baseline.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IpeReport {
    pub sentences: usize,
    pub documents: usize,
    /// Police events dyad made (events of other actors are not counted here).
    pub police_events: usize,
    pub dyad: [Confusion; 4],
    pub keyword_baseline: [Confusion; 4],
    pub dyad_macro_f1: f64,
    pub keyword_macro_f1: f64,
}

fn macro_f1(c: &[Confusion; 4]) -> f64 {
    c.iter().map(Confusion::f1).sum::<f64>() / c.len() as f64
}

impl fmt::Display for IpeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentences          {} ({} documents)", self.sentences, self.documents)?;
        writeln!(f, "police events      {}", self.police_events)?;
        writeln!(f, "question     dyad  P      R      F1    | keyword baseline F1")?;
        for (i, q) in QUESTIONS.iter().enumerate() {
            let (d, k) = (&self.dyad[i], &self.keyword_baseline[i]);
            writeln!(f, "  {q:<11}     {:.3}  {:.3}  {:.3} | {:.3}", d.precision(), d.recall(), d.f1(), k.f1())?;
        }
        writeln!(f, "macro-F1           {:.3} (keyword baseline {:.3})", self.dyad_macro_f1, self.keyword_macro_f1)
    }
}

/// Accumulates IPE sentences.
#[derive(Default)]
pub struct IpeScorer {
    report: IpeReport,
}

impl IpeScorer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one more document (for the report only).
    pub fn document(&mut self) {
        self.report.documents += 1;
    }

    /// Scores one sentence: its gold labels and dyad's events for it.
    pub fn add(&mut self, text: &str, labels: &[String], events: &[Event]) {
        let r = &mut self.report;
        r.sentences += 1;
        let police: Vec<&Event> = events.iter().filter(|e| is_police_event(e)).collect();
        r.police_events += police.len();
        let kill_word = has_kill_word(text);
        let violent = |e: &&Event| matches!(e.root.as_str(), "18" | "19" | "20");
        let dyad = [
            kill_word && police.iter().any(violent),
            police.iter().any(|e| e.code == "173"),
            police.iter().any(|e| e.code == "175" || violent(e)),
            !police.is_empty(),
        ];
        let (kill, arrest, force) = keyword_answers(text);
        let baseline = [kill, arrest, force, kill || arrest || force];
        for (i, q) in QUESTIONS.iter().enumerate() {
            let gold = labels.iter().any(|l| l.eq_ignore_ascii_case(q));
            r.dyad[i].add(gold, dyad[i]);
            r.keyword_baseline[i].add(gold, baseline[i]);
        }
    }

    pub fn report(&self) -> IpeReport {
        let mut r = self.report.clone();
        r.dyad_macro_f1 = macro_f1(&r.dyad);
        r.keyword_macro_f1 = macro_f1(&r.keyword_baseline);
        r
    }
}

/// Whether the event's source is the police: a COP role in its code, or police named in the
/// source span.
pub fn is_police_event(e: &Event) -> bool {
    let code = e.source.as_bytes();
    let cop_role = code.len() >= 6 && code[3..].chunks(3).any(|c| c.eq_ignore_ascii_case(b"COP"));
    cop_role || e.evidence.source_span.as_ref().is_some_and(|s| names_police(&s.text))
}

const POLICE_WORDS: &[&str] = &["police", "policeman", "policemen", "cop", "cops", "constable", "constables", "jawan", "jawans"];
const POLICE_ACRONYMS: &[&str] =
    &["grp", "cid", "rpf", "stf", "bsf", "dcp", "dsp", "ssp", "sho", "cisf", "dgp"];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Whether `text` names police: a police word or a police acronym as a whole word.
pub fn names_police(text: &str) -> bool {
    words(text).any(|w| POLICE_WORDS.contains(&w.as_str()) || POLICE_ACRONYMS.contains(&w.as_str()))
}

/// Whether the sentence has a word for killing (the KILL question needs one beside a violent
/// police event, so that a lathi charge is not a killing).
pub fn has_kill_word(text: &str) -> bool {
    let t = text.to_lowercase();
    words(&t).any(|w| {
        ["kill", "lynch", "murder", "massacr", "slay", "slain", "behead"].iter().any(|k| w.starts_with(k))
    }) || ["shot dead", "gunned down", "shot him dead", "shot them dead"].iter().any(|p| t.contains(p))
}

fn has_arrest_word(text: &str) -> bool {
    words(text).any(|w| {
        ["arrest", "detain", "detention", "nab", "apprehend", "custody", "held", "jail", "round", "picked"]
            .iter()
            .any(|k| w.starts_with(k))
    })
}

fn has_force_word(text: &str) -> bool {
    let t = text.to_lowercase();
    words(&t).any(|w| ["lathi", "baton", "fired", "firing", "beat", "tortur", "assault", "thrash"].iter().any(|k| w.starts_with(k)))
        || ["tear gas", "teargas", "opened fire", "open fire"].iter().any(|p| t.contains(p))
}

/// The keyword baseline's answers (kill, arrest, force): a police word plus a word of the
/// kind in the same sentence.
pub fn keyword_answers(text: &str) -> (bool, bool, bool) {
    if !names_police(text) {
        return (false, false, false);
    }
    (has_kill_word(text), has_arrest_word(text), has_force_word(text))
}

/// The document an IPE sentence id belongs to: `ipe-11-3` → `ipe-11` (the id without its last
/// `-N`); an id without one is its own document.
pub fn document_of(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((doc, n)) if !doc.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => doc,
        _ => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{Evidence, EvidenceSpan};

    fn event(source: &str, span: &str, code: &str) -> Event {
        Event {
            article: "a".into(),
            sentence: 0,
            sentence_text: String::new(),
            date: None,
            source: source.into(),
            target: String::new(),
            code: code.into(),
            root: code[..2].into(),
            quad_class: 4,
            goldstein: 0.0,
            plover_type: None,
            plover_mode: None,
            location: None,
            source_location: None,
            target_location: None,
            evidence: Evidence {
                source_span: Some(EvidenceSpan { start: 0, end: span.len(), text: span.into() }),
                ..Evidence::default()
            },
        }
    }

    #[test]
    fn police_by_role_or_by_span() {
        assert!(is_police_event(&event("INDCOP", "they", "173")));
        assert!(is_police_event(&event("---COP", "x", "173")));
        assert!(is_police_event(&event("IND", "the GRP men", "173")));
        assert!(is_police_event(&event("IND", "two constables", "173")));
        // COP as the country part is not the role; "copper" is not "cop".
        assert!(!is_police_event(&event("COPGOV", "the minister", "173")));
        assert!(!is_police_event(&event("IND", "copper traders", "173")));
    }

    #[test]
    fn questions_follow_the_mapping() {
        let mut s = IpeScorer::new();
        let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // A police arrest: ARREST and ANY_ACTION right.
        s.add("police arrested 5 men.", &labels(&["ARREST", "ANY_ACTION"]), &[event("INDCOP", "police", "173")]);
        // A violent police event with a kill word: KILL and FORCE.
        s.add("police killed two.", &labels(&["KILL", "FORCE", "ANY_ACTION"]), &[event("---COP", "police", "190")]);
        // Violence without a kill word is FORCE only; here the gold says nothing: false positives.
        s.add("police charged the crowd.", &[], &[event("---COP", "police", "180")]);
        // A non-police event answers nothing.
        s.add("rioters killed two.", &labels(&["FAIL"]), &[event("IND", "rioters", "190")]);
        let r = s.report();
        assert_eq!(r.dyad[0], Confusion { true_pos: 1, false_pos: 0, false_neg: 0 });
        assert_eq!(r.dyad[1], Confusion { true_pos: 1, false_pos: 0, false_neg: 0 });
        assert_eq!(r.dyad[2], Confusion { true_pos: 1, false_pos: 1, false_neg: 0 });
        assert_eq!(r.dyad[3], Confusion { true_pos: 2, false_pos: 1, false_neg: 0 });
        assert_eq!(r.police_events, 3);
        assert!((r.dyad[2].f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!(r.to_string().contains("macro-F1"));
    }

    #[test]
    fn keyword_baseline_needs_a_police_word() {
        assert_eq!(keyword_answers("police arrested five"), (false, true, false));
        assert_eq!(keyword_answers("the mob killed five"), (false, false, false));
        assert_eq!(keyword_answers("cops opened fire and killed two"), (true, false, true));
    }

    #[test]
    fn document_ids() {
        assert_eq!(document_of("ipe-11-3"), "ipe-11");
        assert_eq!(document_of("ipe-11-x"), "ipe-11-x");
        assert_eq!(document_of("solo"), "solo");
    }
}
