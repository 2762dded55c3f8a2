"""Type stubs for dyad: the event dicts are those of ``dyad code --format jsonl``."""

import datetime
import os
from typing import Any, Iterable, Mapping, Optional, Sequence, TypedDict, Union

import pandas
import pyarrow

__version__: str
INPUT_FIELDS: tuple[str, ...]

DateLike = Union[str, datetime.date]
Id = Union[str, int]

class Span(TypedDict):
    start: int
    end: int
    text: str

class _EvidenceOptional(TypedDict, total=False):
    source_span: Span
    target_span: Span
    source_entry: str
    target_entry: str
    modifier: str

class Evidence(_EvidenceOptional):
    sentence_start: int
    sentence_end: int
    verb_span: Span
    pattern: str

class _EventOptional(TypedDict, total=False):
    plover_type: str
    plover_mode: str
    location: str

class Event(_EventOptional):
    article: str
    sentence: int
    sentence_text: str
    date: Optional[str]
    source: str
    target: str
    code: str
    root: str
    quad_class: int
    goldstein: float
    evidence: Evidence

class Record(TypedDict, total=False):
    text: Optional[str]
    title: str
    date: DateLike
    id: Id
    url: str
    source: str
    author: str
    dateline: str

class SkippedRecords(UserWarning): ...

class Coder:
    dictionaries: Optional[Union[str, os.PathLike[str]]]
    def __init__(self, dictionaries: Optional[Union[str, os.PathLike[str]]] = None) -> None: ...
    @property
    def diagnostics(self) -> list[str]: ...
    def code(
        self,
        text: str,
        *,
        date: Optional[DateLike] = None,
        title: Optional[str] = None,
        id: Optional[Id] = None,
        url: Optional[str] = None,
        source: Optional[str] = None,
        author: Optional[str] = None,
        dateline: Optional[str] = None,
    ) -> list[Event]: ...
    def code_many(self, records: Iterable[Mapping[str, Any]], *, threads: Optional[int] = None) -> list[Event]: ...
    def code_arrow(
        self, table: Union[pyarrow.Table, pyarrow.RecordBatch], *, threads: Optional[int] = None
    ) -> pyarrow.Table: ...

def event_schema() -> pyarrow.Schema: ...
def clean(
    text: str,
    *,
    date: Optional[DateLike] = None,
    title: Optional[str] = None,
    id: Optional[Id] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    author: Optional[str] = None,
    dateline: Optional[str] = None,
    show_removed: bool = False,
) -> dict[str, Any]: ...
def to_pandas(events: Union[Sequence[Mapping[str, Any]], pyarrow.Table]) -> pandas.DataFrame: ...
