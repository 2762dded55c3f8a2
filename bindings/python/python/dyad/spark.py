"""Code a Spark DataFrame of articles into a DataFrame of events.

    >>> import dyad.spark
    >>> events = dyad.spark.code(articles, text="body", date="published", id="doc_id")
    >>> events.write.partitionBy("date").parquet("events/")

Built on ``DataFrame.mapInArrow``: each Python worker process compiles one ``dyad.Coder``
the first time it needs it and reuses it for every batch after that. The output schema is
declared (``schema()``, the Parquet export's columns), never inferred. Rows whose text is
null or empty, or has nothing left to code after cleaning, are skipped: each batch logs a
line on the worker, and the returned DataFrame's ``skipped_rows`` accumulator counts them
once an action has run.
"""

from __future__ import annotations

import logging
from typing import Dict, Optional

import dyad

log = logging.getLogger("dyad.spark")

# One compiled coder per worker process and dictionaries folder, built on first use.
_CODERS: Dict[Optional[str], "dyad.Coder"] = {}


def _coder(dictionaries: Optional[str]) -> "dyad.Coder":
    coder = _CODERS.get(dictionaries)
    if coder is None:
        coder = _CODERS[dictionaries] = dyad.Coder(dictionaries)
    return coder


def schema():
    """The Spark ``StructType`` of the events: ``dyad.event_schema()`` in Spark types."""
    from pyspark.sql import types as T

    spark_type = {
        "int64": T.LongType(),
        "int32": T.IntegerType(),
        "double": T.DoubleType(),
        "bool": T.BooleanType(),
        "string": T.StringType(),
        "date": T.DateType(),
        "timestamp_ms_utc": T.TimestampType(),
    }
    return T.StructType(
        [T.StructField(name, spark_type[kind], nullable) for name, kind, nullable in dyad._dyad._export_columns()]
    )


def code(
    df,
    text: str = "text",
    date: Optional[str] = "date",
    id: Optional[str] = "id",
    title: Optional[str] = None,
    dictionaries: Optional[str] = None,
    *,
    url: Optional[str] = None,
    source: Optional[str] = None,
):
    """Code the articles of ``df`` into events, one row per event with ``schema()``.

    ``text``, ``date``, ``id``, ``title``, ``url``, ``source`` name the input columns (``None``:
    the column is not used; ``date`` and ``id`` are also optional when ``df`` lacks them).
    ``dictionaries`` is a folder every worker can read (``None``: the built-in ones).
    Each event's ``source_url`` is the article's url, or its id when it has none (without an
    id column, ``row:N`` from ``monotonically_increasing_id``: unique, not consecutive).
    """
    import pyarrow as pa
    from pyspark.sql import functions as F

    if text not in df.columns:
        raise ValueError(f"the DataFrame has no text column '{text}' (columns: {', '.join(df.columns)})")
    wanted = {"text": text, "date": date, "id": id, "title": title, "url": url, "source": source}
    for field in ("title", "url", "source"):
        if wanted[field] is not None and wanted[field] not in df.columns:
            raise ValueError(f"the DataFrame has no {field} column '{wanted[field]}'")
    selected = [F.col(col).alias(field) for field, col in wanted.items() if col is not None and col in df.columns]
    if id is None or id not in df.columns:
        # Without an id column, number the rows so every event's source_url names its article.
        selected.append(F.concat(F.lit("row:"), F.monotonically_increasing_id().cast("string")).alias("id"))
    if dictionaries is not None:
        # Fail here, on the driver, rather than in every task.
        _coder(str(dictionaries))
        dictionaries = str(dictionaries)

    out_schema = schema()
    # What Spark reads back: its timestamps are microseconds, in UTC.
    arrow_schema = pa.schema(
        [f.with_type(pa.timestamp("us", tz="UTC")) if pa.types.is_timestamp(f.type) else f for f in dyad.event_schema()]
    )
    skipped = df.sparkSession.sparkContext.accumulator(0)

    def code_batches(batches):
        import pyarrow as pa

        coder = _coder(dictionaries)
        for batch in batches:
            events, dropped = coder._code_arrow(pa.Table.from_batches([batch]), threads=1)
            if dropped:
                skipped.add(len(dropped))
                log.warning("dyad: skipped %d of %d rows in this batch; first: %s", len(dropped), batch.num_rows, dropped[0][1])
            for b in events.cast(arrow_schema).to_batches():
                yield b

    result = df.select(*selected).mapInArrow(code_batches, out_schema)
    result.skipped_rows = skipped
    return result
