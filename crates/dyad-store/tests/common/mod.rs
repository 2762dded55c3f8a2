//! Builders for documents and events used by the store tests (no real coder needed).
#![allow(dead_code)]
use chrono::NaiveDate;
use dyad_doc::{Document, Event, Evidence, EvidenceSpan, Origin, Sentence};

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A document whose sentences are split at ". "; one paragraph per line.
pub fn doc(id: &str, url: Option<&str>, source: Option<&str>, day: &str, text: &str) -> Document {
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        let end_here = bytes[i] == b'.'
            && (i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\n');
        if end_here {
            let end = i + 1;
            sentences.push(Sentence {
                start,
                end,
                char_start: text[..start].chars().count(),
                char_end: text[..end].chars().count(),
                paragraph,
                token_start: 0,
                token_end: 0,
            });
            if text[end..].starts_with("\n\n") {
                paragraph += 1;
            }
            start = end + text[end..].len() - text[end..].trim_start().len();
        }
    }
    Document {
        id: id.into(),
        origin: Origin {
            path: format!("{id}.txt"),
            record: None,
        },
        url: url.map(Into::into),
        source: source.map(Into::into),
        title: Some(format!("Title of {id}")),
        date: Some(date(day)),
        text: text.into(),
        paragraphs: Vec::new(),
        sentences,
        ..Default::default()
    }
}

fn span(doc: &Document, needle: &str) -> Option<EvidenceSpan> {
    let at = doc.text.find(needle)?;
    let start = doc.text[..at].chars().count();
    Some(EvidenceSpan {
        start,
        end: start + needle.chars().count(),
        text: needle.into(),
    })
}

/// An event found in sentence `sentence` of `doc`, with evidence spans located by text.
pub fn event(
    doc: &Document,
    sentence: usize,
    src: (&str, &str),
    code: &str,
    tgt: (&str, &str),
    verb: &str,
) -> Event {
    let s = doc.sentences[sentence];
    let root: String = code[..2].into();
    let quad = match root.parse::<u8>().unwrap() {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    };
    Event {
        article: doc.id.clone(),
        sentence,
        sentence_text: doc.sentence_text(&s).into(),
        date: doc.date,
        source: src.0.into(),
        target: tgt.0.into(),
        code: code.into(),
        root,
        quad_class: quad,
        goldstein: if quad <= 2 { 3.5 } else { -4.0 },
        // As the coder does: PLOVER type and mode from the codebook.
        plover_type: codebook_entry(code).and_then(|c| c.plover_type),
        plover_mode: codebook_entry(code).and_then(|c| c.plover_mode),
        location: None,
        source_location: None,
        target_location: None,
        evidence: Evidence {
            sentence_start: s.char_start,
            sentence_end: s.char_end,
            source_span: span(doc, src.1),
            target_span: span(doc, tgt.1),
            verb_span: span(doc, verb).unwrap_or_default(),
            pattern: format!("* {} + [{code}]  # verbs.txt:12", verb.to_uppercase()),
            source_entry: Some(format!("{}  # actors.txt:3", src.1.to_uppercase())),
            target_entry: Some(format!("{}  # actors.txt:9", tgt.1.to_uppercase())),
            modifier: None,
        },
    }
}

pub const UPI_TEXT: &str = "SEOUL, March 20 (UPI) -- Chinese President Xi Jinping congratulated Russian President Vladimir Putin on his re-election. Xi said ties would deepen.\n\nThe Kremlin thanked Beijing.";
pub const REWRITE_TEXT: &str =
    "Chinese President Xi Jinping congratulated Russian President Vladimir Putin on Wednesday.";

/// The UPI article and a shortened rewrite from another outlet, each with the congratulation.
pub fn congratulation_pair() -> Vec<(Document, Vec<Event>)> {
    let a = doc(
        "upi-1",
        Some("https://www.upi.com/a/1"),
        None,
        "2024-03-20",
        UPI_TEXT,
    );
    let ea = vec![
        event(
            &a,
            0,
            ("CHNGOV", "Chinese President Xi Jinping"),
            "057",
            ("RUSGOV", "Russian President Vladimir Putin"),
            "congratulated",
        ),
        event(
            &a,
            2,
            ("RUSGOV", "The Kremlin"),
            "051",
            ("CHN", "Beijing"),
            "thanked",
        ),
    ];
    let b = doc(
        "other-7",
        Some("https://news.example.org/x/7"),
        None,
        "2024-03-20",
        REWRITE_TEXT,
    );
    let eb = vec![event(
        &b,
        0,
        ("CHNGOV", "Chinese President Xi Jinping"),
        "057",
        ("RUSGOV", "Russian President Vladimir Putin"),
        "congratulated",
    )];
    vec![(a, ea), (b, eb)]
}

fn codebook_entry(code: &str) -> Option<dyad_dict::CodebookEntry> {
    static CODEBOOK: std::sync::OnceLock<dyad_dict::Codebook> = std::sync::OnceLock::new();
    CODEBOOK.get_or_init(|| dyad_dict::builtin().dicts.codebook).lookup(code).cloned()
}
