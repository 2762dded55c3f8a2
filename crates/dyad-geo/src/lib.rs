//! dyad's gazetteer and event locations.
//!
//! * [`Gazetteer`]: places derived from GeoNames (`dictionaries/places/`, compiled into the
//!   binary) plus a user's own (`--dictionaries DIR` with `DIR/places/*.tsv`), indexed by name.
//! * [`find_places`]: the place names of a [`dyad_doc::Document`], resolved with the document's
//!   case rules, "X, Y" qualifiers, population and the countries named so far.
//! * [`locate_events`]: a stage after coding that gives each event its location (and its
//!   actors their places), saying which rule chose it; [`locate_events_parsed`] reads the
//!   coder's parses of the event sentences instead of parsing them again.
//!
//! Format, rules and figures: docs/geography.md.
mod gazetteer;
mod key;
mod load;
mod locate;
mod mention;
mod resolve;
mod tree;

pub use gazetteer::{Country, Gazetteer, Place, PlaceKind, BUILTIN_FILES};
pub use load::{parse_countries, parse_places, read_utf8, GeoError};
pub use locate::{context_country, locate_events, locate_events_parsed, location_of};
pub use mention::{find_places, is_lower_case, DocumentPlaces, PlaceMention};
pub use resolve::{readings, same_letters, Reading, Score, LOWER_CASE_TOWN};
