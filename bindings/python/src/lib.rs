//! `dyad._dyad`: the compiled half of the `dyad` Python package. Only conversions live here:
//! Python values → [`Article`]s, the shared [`Pipeline`] does the work, events come back as
//! the JSON `dyad code --format jsonl` prints (parsed with `json.loads`) or as the columns of
//! the Parquet export. The GIL is released while Rust works.

use dyad_doc::{Document, Event};
use dyad_pipeline::{Article, ArticleError, Options, Pipeline};
use dyad_store::export::{columns, row, unstored_row, Kind, Value};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;
use std::path::PathBuf;

/// The origin path events and errors name for articles given from Python.
const ORIGIN: &str = "<python>";

/// Why one article of a batch was not coded: (0-based index, message).
type Skipped = Vec<(usize, String)>;

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// A metadata value: a string, a number (ids), a `datetime.date` (dates), or None.
fn meta_value(field: &str, v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.extract::<String>()?));
    }
    if v.is_instance_of::<pyo3::types::PyInt>() || v.is_instance_of::<pyo3::types::PyFloat>() {
        return Ok(Some(v.str()?.extract::<String>()?));
    }
    if field == "date" && v.hasattr("isoformat")? {
        // datetime.date, datetime.datetime, pandas.Timestamp
        let iso = v.call_method0("isoformat")?;
        return Ok(Some(iso.extract::<String>()?.chars().take(10).collect()));
    }
    Err(PyTypeError::new_err(format!("{field} must be a str or None, not {}", type_name(v))))
}

fn text_value(v: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    match v {
        None => Err(PyTypeError::new_err("text is missing")),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => Ok(s.extract::<String>()?),
            Err(_) => Err(PyTypeError::new_err(format!("text must be a str, not {}", type_name(v)))),
        },
    }
}

const META_FIELDS: [&str; 7] = ["title", "date", "id", "url", "source", "author", "dateline"];

/// One record (a dict with the JSONL input fields) as an [`Article`]. `None` text (a null in
/// a table) is `Ok(None)`: skipped and counted, like an empty text.
fn article_of(rec: &Bound<'_, PyAny>) -> PyResult<Option<Article>> {
    let d = rec
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err(format!("a record must be a dict with a 'text' key, not {}", type_name(rec))))?;
    let text = match d.get_item("text")? {
        None => return Err(PyValueError::new_err("record has no 'text' key")),
        Some(t) if t.is_none() => return Ok(None),
        Some(t) => text_value(Some(&t))?,
    };
    let mut f: [Option<String>; 7] = Default::default();
    for (slot, key) in f.iter_mut().zip(META_FIELDS) {
        *slot = meta_value(key, d.get_item(key)?.as_ref())?;
    }
    let [title, date, id, url, source, author, dateline] = f;
    Ok(Some(Article { text, title, date, id, url, source, author, dateline }))
}

/// An article from keyword arguments (date, title, id, url, source, author, dateline): a date
/// that cannot be read is an error here, since the caller gave it explicitly.
fn explicit_article(text: &Bound<'_, PyAny>, meta: [Option<&Bound<'_, PyAny>>; 7]) -> PyResult<Article> {
    let [date, title, id, url, source, author, dateline] = meta;
    let article = Article {
        text: text_value(Some(text))?,
        date: meta_value("date", date)?,
        title: meta_value("title", title)?,
        id: meta_value("id", id)?,
        url: meta_value("url", url)?,
        source: meta_value("source", source)?,
        author: meta_value("author", author)?,
        dateline: meta_value("dateline", dateline)?,
    };
    article.check_date().map_err(value_error)?;
    Ok(article)
}

fn value_error(e: ArticleError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The cleaned, segmented document of one article given from Python (record `line`).
fn prepare(article: &Article, line: u64) -> Result<Document, ArticleError> {
    let rec = article.record(ORIGIN, line, &format!("python:{line}"), &Options::default())?;
    Ok(Pipeline::prepare(rec, &Options::default())?)
}

fn pool(threads: Option<usize>) -> PyResult<rayon::ThreadPool> {
    let n = match threads {
        Some(0) | None => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        Some(n) => n,
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))
}

/// Dictionaries compiled once, then used for any number of articles (and threads).
#[pyclass(module = "dyad._dyad", frozen)]
struct Coder {
    pipeline: Pipeline,
    #[pyo3(get)]
    diagnostics: Vec<String>,
}

impl Coder {
    /// Prepare and code every article on a pool of `threads`; returns what `each` made of
    /// every coded article, in input order, and the skipped ones.
    fn batch<T: Send>(
        &self,
        py: Python<'_>,
        articles: Vec<Option<Article>>,
        threads: Option<usize>,
        each: impl Fn(&Document, Vec<Event>) -> T + Sync,
    ) -> PyResult<(Vec<T>, Skipped)> {
        let pool = pool(threads)?;
        let results: Vec<Result<T, String>> = py.detach(|| {
            pool.install(|| {
                articles
                    .par_iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let a = a.as_ref().ok_or_else(|| "text is None".to_string())?;
                        let doc = prepare(a, i as u64 + 1).map_err(|e| e.to_string())?;
                        let events = self.pipeline.code(&doc).map_err(|e| e.to_string())?;
                        Ok(each(&doc, events))
                    })
                    .collect()
            })
        });
        let mut out = Vec::with_capacity(results.len());
        let mut skipped = Vec::new();
        for (i, r) in results.into_iter().enumerate() {
            match r {
                Ok(t) => out.push(t),
                Err(m) => skipped.push((i, m)),
            }
        }
        Ok((out, skipped))
    }
}

fn records_of(records: &Bound<'_, PyAny>) -> PyResult<Vec<Option<Article>>> {
    let mut out = Vec::new();
    let iter = records
        .try_iter()
        .map_err(|_| PyTypeError::new_err(format!("records must be an iterable of dicts, not {}", type_name(records))))?;
    for (i, rec) in iter.enumerate() {
        let rec = rec?;
        let a = article_of(&rec).map_err(|e| {
            let msg = e.value(rec.py()).str().map(|s| s.to_string()).unwrap_or_default();
            if e.is_instance_of::<PyTypeError>(rec.py()) {
                PyTypeError::new_err(format!("record {i}: {msg}"))
            } else {
                PyValueError::new_err(format!("record {i}: {msg}"))
            }
        })?;
        out.push(a);
    }
    Ok(out)
}

#[pymethods]
impl Coder {
    #[new]
    #[pyo3(signature = (dictionaries=None))]
    fn new(py: Python<'_>, dictionaries: Option<PathBuf>) -> PyResult<Self> {
        let loaded = py
            .detach(|| dyad_pipeline::load_dictionaries(dictionaries.as_deref(), false))
            .map_err(PyValueError::new_err)?;
        let diagnostics = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
        let places = py.detach(|| dyad_pipeline::load_places(dictionaries.as_deref())).map_err(PyValueError::new_err)?;
        let pipeline = py.detach(|| Pipeline::with_places(&loaded.dicts, places));
        Ok(Coder { pipeline, diagnostics })
    }

    /// Events of one article as a JSON array (what `dyad code --format jsonl` prints).
    #[pyo3(signature = (text, date=None, title=None, id=None, url=None, source=None, author=None, dateline=None))]
    #[allow(clippy::too_many_arguments)]
    fn _code_json(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        title: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
        url: Option<&Bound<'_, PyAny>>,
        source: Option<&Bound<'_, PyAny>>,
        author: Option<&Bound<'_, PyAny>>,
        dateline: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let article = explicit_article(text, [date, title, id, url, source, author, dateline])?;
        py.detach(|| {
            let doc = prepare(&article, 1)?;
            let events = self.pipeline.code(&doc).map_err(|e| e.to_string());
            Ok::<_, ArticleError>(events.map(|ev| serde_json::to_string(&ev).expect("events serialise")))
        })
        .map_err(value_error)?
        .map_err(PyValueError::new_err)
    }

    /// Events of many records as one JSON array, and the skipped records.
    #[pyo3(signature = (records, threads=None))]
    fn _code_many_json(&self, py: Python<'_>, records: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<(String, Skipped)> {
        let articles = records_of(records)?;
        let (parts, skipped) = self.batch(py, articles, threads, |_, events| {
            let s = serde_json::to_string(&events).expect("events serialise");
            s[1..s.len() - 1].to_string()
        })?;
        let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        Ok((format!("[{}]", parts.join(",")), skipped))
    }

    /// Events of many records as the Parquet export's columns: a dict of lists (dates as
    /// ISO strings, timestamps as UTC milliseconds), and the skipped records.
    #[pyo3(signature = (records, threads=None))]
    fn _code_columns<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<(Bound<'py, PyDict>, Skipped)> {
        let articles = records_of(records)?;
        let now = chrono::Utc::now();
        let stamp = now.format("%Y%m%d%H%M%S").to_string();
        let (rows, skipped) = self.batch(py, articles, threads, |doc, events| {
            events.iter().map(|e| row(&unstored_row(doc, e, &stamp))).collect::<Vec<_>>()
        })?;
        let cols = PyDict::new(py);
        for (i, c) in columns().iter().enumerate() {
            let list = PyList::empty(py);
            for r in rows.iter().flatten() {
                match &r[i] {
                    Value::Null => list.append(py.None())?,
                    Value::Int(n) => list.append(n)?,
                    Value::Double(x) => list.append(x)?,
                    Value::Bool(b) => list.append(b)?,
                    Value::Str(s) => list.append(s)?,
                    Value::Date(d) => list.append(d.to_string())?,
                    Value::Timestamp(t) => list.append(t.and_utc().timestamp_millis())?,
                }
            }
            cols.set_item(c.name, list)?;
        }
        Ok((cols, skipped))
    }
}

/// The Parquet export's columns: (name, kind, nullable) with kind one of int64, int32,
/// double, bool, string, date, timestamp_ms_utc.
#[pyfunction]
fn _export_columns<'py>(py: Python<'py>) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    columns()
        .iter()
        .map(|c| {
            let kind = match c.kind {
                Kind::Int64 => "int64",
                Kind::Int32 => "int32",
                Kind::Double => "double",
                Kind::Bool => "bool",
                Kind::Str => "string",
                Kind::Date => "date",
                Kind::Timestamp => "timestamp_ms_utc",
            };
            PyTuple::new(py, [c.name.into_pyobject(py)?.into_any(), kind.into_pyobject(py)?.into_any(), pyo3::types::PyBool::new(py, c.optional).to_owned().into_any()])
        })
        .collect()
}

/// The cleaned document as the JSON `dyad clean` prints.
#[pyfunction]
#[pyo3(signature = (text, date=None, title=None, id=None, url=None, source=None, author=None, dateline=None, show_removed=false))]
#[allow(clippy::too_many_arguments)]
fn _clean_json(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    title: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
    url: Option<&Bound<'_, PyAny>>,
    source: Option<&Bound<'_, PyAny>>,
    author: Option<&Bound<'_, PyAny>>,
    dateline: Option<&Bound<'_, PyAny>>,
    show_removed: bool,
) -> PyResult<String> {
    let article = explicit_article(text, [date, title, id, url, source, author, dateline])?;
    let doc = py.detach(|| prepare(&article, 1)).map_err(value_error)?;
    Ok(serde_json::to_string(&dyad_pipeline::clean_output(&doc, show_removed)).expect("documents serialise"))
}

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Coder>()?;
    m.add_function(wrap_pyfunction!(_export_columns, m)?)?;
    m.add_function(wrap_pyfunction!(_clean_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
