//! Location figures.
//!
//! * PLOVER records with a gold `eventLoc`: a record is right when one of dyad's events for it
//!   has a location whose name is the gold name (case ignored), or whose country is the gold
//!   place's country (the annotation's country code, else the country the caller's gazetteer
//!   gives the gold name).
//! * Articles with a known country (IndiaPoliceEvents: India): the share of events located,
//!   and the share of located events placed in that country.
use crate::gold::GoldRecord;
use crate::score::Ratio;
use dyad_doc::Event;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, Default, Serialize)]
pub struct LocationReport {
    /// Records with a gold place that have an event at it (name or country).
    pub gold_place: Ratio,
    /// … by name alone.
    pub gold_name: Ratio,
    /// Events with a location, of all events (articles with a known country).
    pub located: Ratio,
    /// Located events in the expected country.
    pub in_country: Ratio,
    /// Located events by rule ("sentence", "dateline", …).
    pub by_rule: Vec<(String, usize)>,
    /// The records with a gold place that no event is at (`--json` lists them).
    pub misses: Vec<LocationMiss>,
}

/// A PLOVER record whose gold place no event of dyad's is at: what dyad said instead.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LocationMiss {
    pub id: String,
    pub gold_name: String,
    pub gold_country: Option<String>,
    /// dyad's events for the record; empty when the coder found no event (then nothing can be
    /// located).
    pub events: Vec<MissedEvent>,
}

/// One of dyad's events for a missed record, and where dyad placed it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MissedEvent {
    pub code: String,
    pub location: Option<String>,
    pub country: Option<String>,
    /// The rule that placed it ("sentence", "parse", …).
    pub from: Option<String>,
}

impl LocationReport {
    /// Misses of records where the coder found no event at all.
    pub fn misses_without_events(&self) -> usize {
        self.misses.iter().filter(|m| m.events.is_empty()).count()
    }
}

#[derive(Default)]
pub struct LocationScorer {
    report: LocationReport,
}

impl LocationScorer {
    pub fn new() -> Self {
        Self::default()
    }

    /// A PLOVER record. `country_of` turns a place name into its ISO2 country.
    pub fn add_gold(&mut self, gold: &GoldRecord, events: &[Event], country_of: &dyn Fn(&str) -> Option<String>) {
        let Some(place) = &gold.location else { return };
        let country = place.country.clone().or_else(|| country_of(&place.name));
        let by_name =
            events.iter().any(|e| e.location.as_ref().is_some_and(|l| l.name.eq_ignore_ascii_case(&place.name)));
        let by_country = country.is_some()
            && events.iter().any(|e| e.location.as_ref().is_some_and(|l| Some(&l.country) == country.as_ref()));
        self.report.gold_name.add(by_name);
        self.report.gold_place.add(by_name || by_country);
        if !(by_name || by_country) {
            self.report.misses.push(LocationMiss {
                id: gold.id.clone(),
                gold_name: place.name.clone(),
                gold_country: country,
                events: events
                    .iter()
                    .map(|e| {
                        let l = e.location.as_ref();
                        MissedEvent {
                            code: e.code.clone(),
                            location: l.map(|l| l.name.clone()),
                            country: l.map(|l| l.country.clone()),
                            from: l.map(|l| l.from.clone()),
                        }
                    })
                    .collect(),
            });
        }
    }

    /// Events of an article known to be about `country` (ISO2).
    pub fn add_in_country(&mut self, events: &[Event], country: &str) {
        for e in events {
            self.report.located.add(e.location.is_some());
            if let Some(l) = &e.location {
                self.report.in_country.add(l.country == country);
                match self.report.by_rule.iter_mut().find(|(r, _)| *r == l.from) {
                    Some((_, n)) => *n += 1,
                    None => self.report.by_rule.push((l.from.clone(), 1)),
                }
            }
        }
    }

    pub fn report(&self) -> LocationReport {
        let mut r = self.report.clone();
        r.by_rule.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        r
    }
}

impl fmt::Display for LocationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.gold_place.total > 0 {
            writeln!(f, "location at the gold place (name or country)  {}", self.gold_place)?;
            writeln!(f, "location at the gold place (name)             {}", self.gold_name)?;
            if !self.misses.is_empty() {
                writeln!(
                    f,
                    "missed gold places: {} ({} of records without any event; --json lists them)",
                    self.misses.len(),
                    self.misses_without_events()
                )?;
            }
        }
        if self.located.total > 0 {
            writeln!(f, "events located                                {}", self.located)?;
            writeln!(f, "located events in the article's country       {}", self.in_country)?;
            let rules: Vec<String> = self.by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
            writeln!(f, "located by rule: {}", rules.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::GoldPlace;
    use dyad_doc::{Evidence, Location};

    fn event(loc: Option<(&str, &str)>) -> Event {
        Event {
            article: "a".into(),
            sentence: 0,
            sentence_text: String::new(),
            date: None,
            source: "USA".into(),
            target: String::new(),
            code: "010".into(),
            root: "01".into(),
            quad_class: 1,
            goldstein: 0.0,
            plover_type: None,
            plover_mode: None,
            location: loc.map(|(n, c)| Location {
                name: n.into(),
                country: c.into(),
                from: "sentence".into(),
                ..Default::default()
            }),
            source_location: None,
            target_location: None,
            evidence: Evidence::default(),
        }
    }

    #[test]
    fn gold_place_by_name_or_country() {
        let gold = |name: &str| GoldRecord {
            location: Some(GoldPlace { name: name.into(), country: None }),
            ..Default::default()
        };
        let country_of = |n: &str| (n == "Bosnia").then(|| "BA".to_string());
        let mut s = LocationScorer::new();
        s.add_gold(&gold("Geneva"), &[event(Some(("Geneva", "CH")))], &country_of);
        s.add_gold(&gold("Bosnia"), &[event(Some(("Sarajevo", "BA")))], &country_of);
        s.add_gold(&gold("Kirkuk"), &[event(None)], &country_of);
        s.add_gold(&GoldRecord::default(), &[event(None)], &country_of);
        let r = s.report();
        assert_eq!((r.gold_place.correct, r.gold_place.total), (2, 3));
        assert_eq!(r.gold_name.correct, 1);
        // The Kirkuk miss is listed, as a record with an event but no location.
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.misses[0].gold_name, "Kirkuk");
        assert_eq!(r.misses[0].events.len(), 1);
        assert_eq!(r.misses_without_events(), 0);
        assert!(r.to_string().contains("missed gold places: 1 (0 of records without any event"));
    }

    #[test]
    fn located_share_and_country_share() {
        let mut s = LocationScorer::new();
        s.add_in_country(&[event(Some(("Ahmedabad", "IN"))), event(Some(("Karachi", "PK"))), event(None)], "IN");
        let r = s.report();
        assert_eq!((r.located.correct, r.located.total), (2, 3));
        assert_eq!((r.in_country.correct, r.in_country.total), (1, 2));
        assert!(r.to_string().contains("events located"));
    }
}
