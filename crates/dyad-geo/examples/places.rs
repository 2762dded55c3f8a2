//! Print the places found in a text and why: `cargo run -p dyad-geo --example places -- "TEXT"`.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let g = dyad_geo::Gazetteer::builtin();
    let doc = dyad_segment::segment_text(&text);
    let found = dyad_geo::find_places(g, &doc);
    for m in &found.mentions {
        let p = g.place(m.place);
        println!("{:?} → {} ({}, {}) {}{}", m.text, p.name(), p.kind.as_str(), p.country, m.why, if m.locative { "; after a locative word" } else { "" });
    }
    println!("countries: {:?}; main: {:?}", found.countries, found.main_country(g));
}
