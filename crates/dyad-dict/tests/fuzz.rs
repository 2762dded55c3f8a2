//! Fuzz-style property test: random and mutated dictionary lines must never panic any parser,
//! and every diagnostic must name a line inside the input.

use dyad_dict::load::parse_into;
use dyad_dict::{check::check, Content, Dictionaries, FileKind, Format};

/// xorshift64*: deterministic, dependency-free randomness.
const PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "&",
    "*",
    "$",
    "+",
    "^",
    "%",
    "~",
    "!",
    "_",
    "|",
    "#",
    ":",
    ".",
    "..",
    "-",
    "---",
    "<",
    ">",
    " ",
    "  ",
    "\t",
    "\n",
    "[~GOV]",
    "[NGO~]",
    "[042:043]",
    "[:173]",
    "[---]",
    "[###]",
    "[RUS]",
    "[USAGOV >20090120]",
    "[AFGELI 320101-331108]",
    "  pattern: ",
    "  forms: ",
    "  name: ",
    "  code: ",
    "  words: ",
    "  type: ",
    "2012-05-07..",
    "(..1991-12-25)",
    "!PERSON!",
    "!PERSON! = MAN, MEN",
    "n:",
    "v:",
    "<ISSUE CATEGORY=\"X\">",
    "</ISSUE>",
    "- ",
    "--- SAY [010] ---",
    "SAY",
    "say",
    "Ärger",
    "é",
    "0",
    "00000000",
    "999999",
    "\u{fffd}",
    "meeting",
    "A_B_",
    "+A",
    "&SET_",
    "{}",
    "{A B}",
    "\t042\t",
    "3.4",
    "-11",
    "\t1\t\t\t",
];

fn junk(rng: &mut fastrand::Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.usize(..40) {
        s.push_str(PIECES[rng.usize(..PIECES.len())]);
    }
    s
}

const KINDS: &[FileKind] = &[
    FileKind::new(Format::Dyad, Content::Actors),
    FileKind::new(Format::Dyad, Content::Agents),
    FileKind::new(Format::Dyad, Content::Verbs),
    FileKind::new(Format::Dyad, Content::Sets),
    FileKind::new(Format::Dyad, Content::Discards),
    FileKind::new(Format::Dyad, Content::Issues),
    FileKind::new(Format::Dyad, Content::Codebook),
    FileKind::new(Format::Petrarch, Content::Actors),
    FileKind::new(Format::Petrarch, Content::Agents),
    FileKind::new(Format::Petrarch, Content::Verbs),
    FileKind::new(Format::Petrarch, Content::Discards),
    FileKind::new(Format::Petrarch, Content::Issues),
    FileKind::new(Format::Tabari, Content::Actors),
    FileKind::new(Format::Tabari, Content::Verbs),
];

fn run(text: &str, kind: FileKind) {
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    parse_into(text, "fuzz.txt", kind, &mut d, &mut diags);
    let lines = text.lines().count();
    for diag in &diags {
        assert!(
            diag.line <= lines,
            "{diag} beyond {lines} lines for {kind:?}:\n{text}"
        );
        assert!(!diag.message.is_empty());
    }
    let _ = check(&d);
    let _ = dyad_dict::write::verbs_text(&d.verbs, &mut Vec::new());
    let _ = dyad_dict::write::actors_text(&d.actors, &mut Vec::new());
}

#[test]
fn random_junk_never_panics() {
    let mut rng = fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1200 {
        let text: Vec<String> = (0..1 + rng.usize(..8)).map(|_| junk(&mut rng)).collect();
        let text = text.join("\n");
        for &kind in KINDS {
            run(&text, kind);
        }
    }
}

#[test]
fn mutated_fixture_lines_never_panic() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts = Vec::new();
    for sub in [
        "dyad/actors/test.txt",
        "dyad/agents.txt",
        "dyad/verbs/01-test.txt",
        "dyad/cameo.txt",
        "petrarch/Test.verbs.txt",
        "petrarch/Test.actors.txt",
        "petrarch/Test.agents.txt",
        "petrarch/Test.IssueCoding.txt",
    ] {
        texts.push(std::fs::read_to_string(dir.join(sub)).unwrap());
    }
    let mut rng = fastrand::Rng::with_seed(42);
    for _ in 0..800 {
        let base = &texts[rng.usize(..texts.len())];
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..1 + rng.usize(..6) {
            let at = rng.usize(..chars.len() + 1);
            match rng.usize(..3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => chars
                    .splice(at..at, PIECES[rng.usize(..PIECES.len())].chars())
                    .for_each(drop),
                _ => {
                    let end = (at + rng.usize(..20)).min(chars.len());
                    chars.drain(at..end);
                }
            }
        }
        let text: String = chars.into_iter().collect();
        for &kind in KINDS {
            run(&text, kind);
        }
    }
}
