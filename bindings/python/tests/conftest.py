"""Shared helpers: the repository root, the built `dyad` CLI, and running it on the same
input the Python API codes, so every test compares against the CLI's own output."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"


def _cli() -> Path:
    if os.environ.get("DYAD_BIN"):
        return Path(os.environ["DYAD_BIN"])
    for profile in ("debug", "release"):
        p = REPO / "target" / profile / "dyad"
        if p.exists():
            return p
    subprocess.run(["cargo", "build", "--quiet", "-p", "dyad-cli"], cwd=REPO, check=True)
    return REPO / "target" / "debug" / "dyad"


@pytest.fixture(scope="session")
def cli() -> Path:
    return _cli()


def cli_events(cli: Path, jsonl: Path, *extra: str) -> list:
    """The events `dyad code --no-db --format jsonl` prints for a JSONL file."""
    out = subprocess.run(
        [str(cli), "code", "--no-db", "--format", "jsonl", *extra, str(jsonl)],
        capture_output=True,
        text=True,
    )
    # 1: some inputs were skipped (counted on stderr); anything else is a failure.
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def read_jsonl(path: Path, limit=None) -> list:
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(records) >= limit:
                break
            records.append(json.loads(line))
    return records


def corpus(path: str) -> Path:
    """A file under ../shared for the corpus checks; missing data fails, never skips."""
    p = SHARED / path
    assert p.exists(), f"corpus check needs {p} (../shared beside the repository)"
    return p


corpus_check = pytest.mark.skipif(
    os.environ.get("DYAD_CORPUS_TESTS") != "1", reason="corpus check: set DYAD_CORPUS_TESTS=1 (needs ../shared)"
)


@pytest.fixture(scope="session")
def coder():
    import dyad

    return dyad.Coder()


@pytest.fixture(scope="session")
def fixture_records():
    return read_jsonl(FIXTURES / "articles.jsonl")


def flat(e: dict) -> tuple:
    """What an event row of the Parquet export schema says about a JSONL event."""
    return (e["date"], e["source"], e["target"], e["code"], e["root"], e["quad_class"], e["goldstein"],
            e.get("plover_type"), e.get("plover_mode"), (e.get("location") or {}).get("name"),
            (e.get("location") or {}).get("country") or None)


def flat_row(r: dict) -> tuple:
    d = r["date"]
    return (None if d is None else d.isoformat(), r["source"], r["target"], r["code"], r["root_code"], r["quad_class"],
            r["goldstein"], r["plover_type"], r["plover_mode"], r["location"], r["location_country"] or None)
