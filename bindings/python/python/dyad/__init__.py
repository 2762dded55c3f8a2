"""dyad: political event coding (who did what to whom, when) from news text.

A thin Python layer over dyad's Rust pipeline: the events are the ones ``dyad code
--format jsonl`` prints for the same input, with the same fields and values.

    >>> import dyad
    >>> coder = dyad.Coder()                      # built-in dictionaries, compiled once
    >>> events = coder.code(text, date="2025-04-01")
    >>> events[0]["source"], events[0]["code"], events[0]["target"]

``Coder.code_many`` codes a list of records on dyad's own threads (the GIL is released);
``Coder.code_arrow`` turns a ``pyarrow.Table`` of articles into a table of events with the
Parquet export's schema; ``dyad.spark.code`` does the same for a Spark DataFrame.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from typing import Any, Iterable, Mapping, Optional, Sequence

from . import _dyad

__version__ = _dyad.__version__
__all__ = ["Coder", "clean", "to_pandas", "event_schema", "SkippedRecords"]

#: JSONL input fields a record may carry (others are ignored).
INPUT_FIELDS = ("text", "title", "date", "id", "url", "source", "author", "dateline")


class SkippedRecords(UserWarning):
    """Some records were not coded (empty or missing text, no article text after cleaning,
    over the size limit); the warning counts them by reason."""


def _warn_skipped(skipped: Sequence[tuple], total: int) -> None:
    if not skipped:
        return
    reasons = Counter(_reason(m) for _, m in skipped)
    parts = ", ".join(f"{n} {r}" for r, n in reasons.most_common())
    first = skipped[0]
    warnings.warn(
        f"dyad: skipped {len(skipped)} of {total} records ({parts}); first: record {first[0]}: {first[1]}",
        SkippedRecords,
        stacklevel=3,
    )


def _reason(message: str) -> str:
    # "<python>:3: empty: no article text left ..." -> "empty"
    parts = message.split(": ")
    return parts[1] if len(parts) > 2 else parts[-1]


class Coder:
    """Dictionaries compiled into a coder, built once and reused for any number of articles.

    ``dictionaries``: a folder in any format dyad reads (dyad, PETRARCH, TABARI); ``None``
    uses the built-in dictionaries. Raises ``ValueError`` when the folder cannot be read.
    Dictionary warnings (entries skipped while loading) are in ``diagnostics``.
    """

    def __init__(self, dictionaries: Optional[str] = None) -> None:
        if dictionaries is not None and not isinstance(dictionaries, (str, bytes)) and not hasattr(dictionaries, "__fspath__"):
            raise TypeError(f"dictionaries must be a path or None, not {type(dictionaries).__name__}")
        self._coder = _dyad.Coder(None if dictionaries is None else str(dictionaries))
        self.dictionaries = dictionaries

    @property
    def diagnostics(self) -> list:
        """Warnings from loading the dictionaries, one string each."""
        return list(self._coder.diagnostics)

    def __repr__(self) -> str:
        where = "built-in" if self.dictionaries is None else repr(str(self.dictionaries))
        return f"dyad.Coder(dictionaries={where})"

    def __reduce__(self):
        # Rebuilt (recompiled) on unpickling: Spark and multiprocessing ship the recipe.
        return (Coder, (self.dictionaries,))

    def code(
        self,
        text: str,
        *,
        date: Optional[str] = None,
        title: Optional[str] = None,
        id: Optional[str] = None,
        url: Optional[str] = None,
        source: Optional[str] = None,
        author: Optional[str] = None,
        dateline: Optional[str] = None,
    ) -> list:
        """Code one article; returns its events as dicts (the fields of ``dyad code``'s JSONL).

        The article is read as a JSONL record with these fields would be. ``date`` is the
        publication date (``"2018-08-16"``, ``"16 August 2018"``, a ``datetime.date``);
        relative dates in the text resolve against it. Raises ``TypeError`` for a non-string
        text and ``ValueError`` for a date dyad cannot read or a text with nothing to code
        (empty, or nothing left after boilerplate removal, or over 16 MB).
        """
        return json.loads(
            self._coder._code_json(
                text, date=date, title=title, id=id, url=url, source=source, author=author, dateline=dateline
            )
        )

    def code_many(self, records: Iterable[Mapping[str, Any]], *, threads: Optional[int] = None) -> list:
        """Code many records (dicts with the JSONL input fields: ``text``, ``date``, ``id``,
        ``title``, ``url``, ``source``, ``author``, ``dateline``) on ``threads`` threads (default:
        all cores), without holding the GIL. Returns all events, in input order.

        Records that cannot be coded (``None`` or empty text, nothing left after cleaning)
        are skipped, as ``dyad code`` skips them, and counted in one ``SkippedRecords``
        warning. A record that is not a dict, or a text that is not a string, raises
        ``TypeError`` naming the record.
        """
        records = _as_list(records)
        events, skipped = self._coder._code_many_json(records, threads=_threads(threads))
        _warn_skipped(skipped, len(records))
        return json.loads(events)

    def code_arrow(self, table, *, threads: Optional[int] = None):
        """Code a ``pyarrow.Table`` (or RecordBatch) of articles: column ``text`` and any of
        ``date``, ``id``, ``title``, ``url``, ``source``, ``author``, ``dateline``. Returns a
        ``pyarrow.Table`` with one row per event and the Parquet export's schema
        (``event_schema()``); rows whose text is null or empty are skipped and counted in a
        ``SkippedRecords`` warning.
        """
        events, skipped = self._code_arrow(table, threads)
        _warn_skipped(skipped, getattr(table, "num_rows", 0))
        return events

    def _code_arrow(self, table, threads: Optional[int]):
        """``code_arrow`` that also returns the skipped (index, reason) list, without warning."""
        import pyarrow as pa

        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        if not isinstance(table, pa.Table):
            raise TypeError(f"code_arrow needs a pyarrow.Table, not {type(table).__name__}")
        if "text" not in table.column_names:
            raise ValueError(f"the table has no 'text' column (columns: {', '.join(table.column_names)})")
        wanted = [c for c in INPUT_FIELDS if c in table.column_names]
        records = table.select(wanted).to_pylist()
        cols, skipped = self._coder._code_columns(records, threads=_threads(threads))
        return _events_table(cols), skipped


def _threads(threads: Optional[int]) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 0:
        raise ValueError(f"threads must be 0 (all cores) or more, not {threads}")
    return threads


def _as_list(records) -> list:
    if isinstance(records, (str, bytes, Mapping)):
        raise TypeError(f"records must be an iterable of dicts, not a single {type(records).__name__}")
    return records if isinstance(records, list) else list(records)


def event_schema():
    """The ``pyarrow.Schema`` of ``code_arrow`` and ``dyad.spark.code``: the Parquet
    export's columns (``dyad export --format parquet``), in order."""
    import pyarrow as pa

    types = {
        "int64": pa.int64(),
        "int32": pa.int32(),
        "double": pa.float64(),
        "bool": pa.bool_(),
        "string": pa.string(),
        "date": pa.date32(),
        "timestamp_ms_utc": pa.timestamp("ms", tz="UTC"),
    }
    return pa.schema([pa.field(name, types[kind], nullable=nullable) for name, kind, nullable in _dyad._export_columns()])


def _events_table(cols: dict):
    import pyarrow as pa

    schema = event_schema()
    arrays = []
    for field in schema:
        values = cols[field.name]
        if pa.types.is_date32(field.type):
            arrays.append(pa.array(values, pa.string()).cast(pa.date32()))
        else:
            arrays.append(pa.array(values, field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def clean(
    text: str,
    *,
    date: Optional[str] = None,
    title: Optional[str] = None,
    id: Optional[str] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    author: Optional[str] = None,
    dateline: Optional[str] = None,
    show_removed: bool = False,
) -> dict:
    """The cleaned, segmented document as a dict: what ``dyad clean`` prints for the JSONL
    record with these fields (id, title, date, dateline, source, text, sentences, notes;
    ``removed`` lines with their reason when ``show_removed``)."""
    return json.loads(
        _dyad._clean_json(
            text, date=date, title=title, id=id, url=url, source=source, author=author, dateline=dateline,
            show_removed=bool(show_removed),
        )
    )


def to_pandas(events):
    """Events as a ``pandas.DataFrame``: a list of event dicts (from ``code``/``code_many``)
    becomes one row per event with the evidence flattened (``evidence.verb_span.text``) and
    ``date`` as datetime64; a ``pyarrow.Table`` (from ``code_arrow``) converts directly."""
    import pandas as pd

    if hasattr(events, "to_pandas"):
        return events.to_pandas()
    events = list(events)
    if events and not all(isinstance(e, Mapping) for e in events):
        raise TypeError("to_pandas needs event dicts (from Coder.code or code_many) or a pyarrow.Table")
    df = pd.json_normalize(events) if events else pd.DataFrame(columns=["article", "sentence", "date", "source", "target", "code"])
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d", errors="coerce")
    return df
