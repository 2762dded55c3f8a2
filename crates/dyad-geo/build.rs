//! Precomputes the built-in gazetteer's name index (dictionaries/places/*.tsv), so that loading
//! it at run time parses the places but hashes no names. The key function is the library's own
//! (src/key.rs, included here).
use std::io::Write;
use std::path::PathBuf;

include!("src/key.rs");

/// The built-in files, in the order the library loads them.
const FILES: &[&str] = &["geonames.tsv", "additions.tsv"];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dir = manifest.join("../../dictionaries/places");
    println!("cargo:rerun-if-changed=src/key.rs");
    let mut texts = Vec::new();
    for f in FILES {
        let p = dir.join(f);
        println!("cargo:rerun-if-changed={}", p.display());
        texts.push(std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())));
    }
    let mut rows: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = Vec::new();
    for text in &texts {
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let list = |i: usize, sep: char| -> Vec<&str> {
                f.get(i).map(|s| s.split(sep).map(str::trim).filter(|x| !x.is_empty()).collect()).unwrap_or_default()
            };
            rows.push((list(7, '|'), list(8, ','), list(9, ',')));
        }
    }
    let index = build_index(rows.iter().map(|(n, c, w)| (n.iter().copied(), c.as_slice(), w.as_slice())));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let mut slots: Vec<(u64, (u32, bool))> = index.slots.into_iter().collect();
    slots.sort_unstable_by_key(|(k, _)| *k);
    // Slots: key (8 bytes), first name (31 bits) | prefix flag (bit 31).
    let mut bytes = Vec::with_capacity(slots.len() * 12);
    for (k, (first, prefix)) in &slots {
        bytes.extend_from_slice(&k.to_le_bytes());
        let first = if *first == NONE { 0x7fff_ffff } else { *first };
        assert!(first <= 0x7fff_ffff);
        bytes.extend_from_slice(&(first | (*prefix as u32) << 31).to_le_bytes());
    }
    std::fs::write(out.join("slots.bin"), bytes).expect("write slots");
    // Names: place (2 bytes), name index (1), flags (1), next (4).
    assert!(rows.len() <= u16::MAX as usize, "the compact index holds up to 65,535 built-in places");
    let mut bytes = Vec::with_capacity(index.names.len() * 8);
    for n in &index.names {
        assert!(n.name <= u8::MAX as u16, "the compact index holds up to 256 names a place");
        bytes.extend_from_slice(&(n.place as u16).to_le_bytes());
        bytes.extend_from_slice(&[n.name as u8, n.common as u8 | (n.word as u8) << 1]);
        bytes.extend_from_slice(&n.next.to_le_bytes());
    }
    std::fs::write(out.join("names.bin"), bytes).expect("write names");
    let mut f = std::fs::File::create(out.join("builtin_index.rs")).expect("create");
    writeln!(
        f,
        "/// Places the precomputed index was built over, and the most words a name has.\npub const BUILTIN_PLACES: usize = {};\npub const BUILTIN_MAX_WORDS: usize = {};",
        rows.len(),
        index.max_words
    )
    .expect("write");
}
