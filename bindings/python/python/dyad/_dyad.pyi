"""The compiled half of dyad (Rust, via PyO3). Use the wrappers in ``dyad`` instead."""

from typing import Any, Iterable, Mapping, Optional

__version__: str

class Coder:
    diagnostics: list[str]
    def __init__(self, dictionaries: Optional[str] = None) -> None: ...
    def _code_json(
        self,
        text: str,
        date: Optional[Any] = None,
        title: Optional[str] = None,
        id: Optional[Any] = None,
        url: Optional[str] = None,
        source: Optional[str] = None,
        author: Optional[str] = None,
        dateline: Optional[str] = None,
    ) -> str: ...
    def _code_many_json(
        self, records: Iterable[Mapping[str, Any]], threads: Optional[int] = None
    ) -> tuple[str, list[tuple[int, str]]]: ...
    def _code_columns(
        self, records: Iterable[Mapping[str, Any]], threads: Optional[int] = None
    ) -> tuple[dict[str, list[Any]], list[tuple[int, str]]]: ...

def _export_columns() -> list[tuple[str, str, bool]]: ...
def _clean_json(
    text: str,
    date: Optional[Any] = None,
    title: Optional[str] = None,
    id: Optional[Any] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    author: Optional[str] = None,
    dateline: Optional[str] = None,
    show_removed: bool = False,
) -> str: ...
