//! The coding pipeline as a library: a raw [`Record`] (or an [`Article`] given field by field)
//! in, a cleaned, segmented [`Document`] and its [`Event`]s out. The `dyad` CLI and the Python
//! bindings both call it, so they produce the same events; a new stage (parsing, event
//! locations) is added here once, in [`Pipeline::code`].
//!
//! I/O stays with the callers: this crate reads no files and prints nothing.

mod article;
mod clean;

pub use article::{Article, ArticleError};
pub use clean::{clean_output, CleanOutput, SentenceOut};
pub use dyad_ingest::{InputError, Options, Record};

use dyad_code::Coder;
use dyad_dict::Dictionaries;
use dyad_doc::{Document, Event, Stage};
use dyad_geo::Gazetteer;
use std::borrow::Cow;
use std::path::Path;

/// Dictionaries, the compiled coder and the gazetteer, built once and shared by every article
/// (and thread).
pub struct Pipeline {
    coder: Coder,
    places: Cow<'static, Gazetteer>,
}

/// The coder panicked on one article (a bug); callers skip the article and go on.
#[derive(Debug, thiserror::Error)]
#[error("{article}: the coder failed on this article (a bug: please report it)")]
pub struct CoderFailed {
    pub article: String,
}

impl Pipeline {
    /// A pipeline with the built-in gazetteer.
    pub fn new(dicts: &Dictionaries) -> Self {
        Self::with_places(dicts, Cow::Borrowed(Gazetteer::builtin()))
    }

    /// A pipeline that locates events with `places` (see [`load_places`]).
    pub fn with_places(dicts: &Dictionaries, places: Cow<'static, Gazetteer>) -> Self {
        Pipeline { coder: Coder::new(dicts), places }
    }

    pub fn places(&self) -> &Gazetteer {
        &self.places
    }

    /// The coder, for callers that need its statistics (`dyad bench code`).
    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// Clean and segment one record (the per-record half of reading; no coding).
    pub fn prepare(rec: Record, opts: &Options) -> Result<Document, InputError> {
        let mut doc = dyad_ingest::build(rec, opts)?;
        dyad_segment::Segmenter.run(&mut doc);
        Ok(doc)
    }

    /// The located events of one cleaned, segmented document. A panic in the coder is caught
    /// and reported as [`CoderFailed`], so one bad article never ends a long run.
    pub fn code(&self, doc: &Document) -> Result<Vec<Event>, CoderFailed> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // The coder parsed the sentences that made events; locating reads those trees.
            let (mut events, parses) = self.coder.code_document_parsed(doc);
            dyad_geo::locate_events_parsed(&self.places, doc, &mut events, &parses);
            events
        }))
        .map_err(|_| CoderFailed { article: doc.id.clone() })
    }
}

/// Load the dictionaries a pipeline codes with: a folder in any format dyad reads (dyad,
/// PETRARCH, TABARI), or the built-in dictionaries when `dir` is `None`. Returns them with
/// their diagnostics; `strict` turns the first error into a failure.
pub fn load_dictionaries(dir: Option<&Path>, strict: bool) -> Result<dyad_dict::Loaded, String> {
    let loaded = match dir {
        Some(d) => dyad_dict::load_dir(d, &dyad_dict::LoadOptions { strict })
            .map_err(|e| format!("loading dictionaries from {}: {e}", d.display()))?,
        None => dyad_dict::builtin(),
    };
    if strict {
        if let Some(e) = loaded.errors().next() {
            return Err(format!("{e} (strict)"));
        }
    }
    Ok(loaded)
}

/// The gazetteer events are located with: the built-in one, plus `DIR/places/*.tsv` when a
/// dictionary folder that has them is given.
pub fn load_places(dir: Option<&Path>) -> Result<Cow<'static, Gazetteer>, String> {
    Ok(match dir {
        Some(d) if d.join("places").is_dir() => Cow::Owned(Gazetteer::with_dir(d).map_err(|e| e.to_string())?),
        _ => Cow::Borrowed(Gazetteer::builtin()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(p: &Pipeline, a: &Article) -> Vec<Event> {
        let opts = Options::default();
        let doc = Pipeline::prepare(a.record("test", 1, "test:1", &opts).unwrap(), &opts).unwrap();
        p.code(&doc).unwrap()
    }

    #[test]
    fn an_article_codes_with_its_id_and_date() {
        let p = Pipeline::new(&load_dictionaries(None, false).unwrap().dicts);
        let text = "Russia condemned Ukraine on Tuesday. China praised Pakistan.";
        let a = Article { text: text.into(), id: Some("a-1".into()), date: Some("2024-05-16".into()), ..Article::default() };
        let ev = events(&p, &a);
        assert!(ev.len() >= 2, "{ev:?}");
        assert!(ev.iter().all(|e| e.article == "a-1"));
        assert!(ev.iter().any(|e| e.source.starts_with("RUS") && e.target.starts_with("UKR")), "{ev:?}");
        // Without an id the fallback names the record; without a date events are undated.
        let ev = events(&p, &Article { text: text.into(), ..Article::default() });
        assert!(ev.iter().all(|e| e.article == "test:1" && e.date.is_none()), "{ev:?}");
    }

    #[test]
    fn empty_text_is_an_input_error_naming_the_record() {
        let opts = Options::default();
        let rec = Article { text: "  ".into(), ..Article::default() }.record("test", 4, "test:4", &opts).unwrap();
        let e = Pipeline::prepare(rec, &opts).unwrap_err();
        assert_eq!(e.record, Some(4));
        assert!(e.to_string().starts_with("test:4: missing text"), "{e}");
    }

    #[test]
    fn a_missing_dictionaries_folder_is_named() {
        let e = load_dictionaries(Some(Path::new("/no/such/dyad-dicts")), false).err().unwrap();
        assert!(e.contains("/no/such/dyad-dicts"), "{e}");
    }
}
