//! TABARI `.actors`, `.verbs`, `.agents` files. PETRARCH's formats grew out of TABARI's and
//! the parsers are shared; what differs is handled by [`Flavor::Tabari`]: date restrictions
//! may sit on the actor's own line, `[###]` marks a discard, and verb blocks need no
//! `--- NAME ---` header (a verb line after patterns starts a new block).

use super::petrarch::{self, Flavor};
use super::Content;
use crate::diag::Report;
use crate::Dictionaries;

pub(crate) fn parse(text: &str, content: Content, report: &mut Report, dicts: &mut Dictionaries) {
    petrarch::parse(text, content, Flavor::Tabari, report, dicts)
}
