"""Bad input raises TypeError or ValueError with a message saying what is wrong; it never
crashes the interpreter."""

import pytest

import dyad

ARTICLE = "Iran rejected a proposal by France to mediate between Tehran and Washington."


@pytest.mark.parametrize("text", [None, 42, b"bytes are not text", ["a list"], {"text": "a dict"}])
def test_non_string_text(coder, text):
    with pytest.raises(TypeError, match="text must be a str"):
        coder.code(text)
    with pytest.raises(TypeError, match="text must be a str"):
        dyad.clean(text)


@pytest.mark.parametrize("date", ["32/13/2020", "2020-02-30", "yesterday", "13/13/13"])
def test_unreadable_date(coder, date):
    with pytest.raises(ValueError, match=f"date '{date}' is not a date dyad reads"):
        coder.code(ARTICLE, date=date)
    with pytest.raises(ValueError, match="is not a date"):
        dyad.clean(ARTICLE, date=date)


def test_readable_dates(coder):
    import datetime

    for d in ["2019-09-09", "9 September 2019", "20190909", datetime.date(2019, 9, 9)]:
        assert {e["date"] for e in coder.code(ARTICLE, date=d)} == {"2019-09-09"}, d


def test_metadata_of_the_wrong_type(coder):
    with pytest.raises(TypeError, match="title must be a str or None, not list"):
        coder.code(ARTICLE, title=["x"])
    with pytest.raises(TypeError, match="date must be a str or None, not dict"):
        coder.code(ARTICLE, date={})


def test_missing_dictionaries_folder(tmp_path):
    missing = tmp_path / "no-such-folder"
    with pytest.raises(ValueError, match="no-such-folder"):
        dyad.Coder(str(missing))
    with pytest.raises(TypeError, match="dictionaries must be a path"):
        dyad.Coder(42)


def test_empty_and_boilerplate_only_text(coder):
    with pytest.raises(ValueError, match="empty"):
        coder.code("")
    with pytest.raises(ValueError, match="empty"):
        coder.code("   \n\t ")


def test_twenty_megabyte_string_errors_cleanly(coder):
    huge = ("The president met the prime minister. " * 560_000)[: 20 << 20]
    assert len(huge) == 20 << 20
    with pytest.raises(ValueError, match="too large.*16 MB"):
        coder.code(huge)
    # Still usable afterwards.
    assert coder.code(ARTICLE, date="2019-09-09")


def test_binary_junk_and_control_characters(coder):
    junk = "".join(chr(c) for c in range(1, 32)) * 50 + "\ufffd\u0000" * 100
    try:
        events = coder.code(junk)
    except ValueError as e:
        assert str(e)
    else:
        assert events == []
    # Lone surrogates cannot be encoded as UTF-8: Python's own error, not a crash.
    with pytest.raises((ValueError, UnicodeError)):
        coder.code("Iran rejected \ud800 France.")


def test_bad_records(coder):
    with pytest.raises(TypeError, match="record 1: a record must be a dict"):
        coder.code_many([{"text": ARTICLE}, "not a dict"])
    with pytest.raises(ValueError, match="record 0: record has no 'text' key"):
        coder.code_many([{"body": ARTICLE}])
    with pytest.raises(TypeError, match="record 0: text must be a str, not int"):
        coder.code_many([{"text": 5}])
    with pytest.raises(TypeError, match="not a single str"):
        coder.code_many("a string is not records")
    with pytest.raises(TypeError, match="threads must be an int"):
        coder.code_many([], threads="2")
    with pytest.raises(ValueError, match="threads must be 0"):
        coder.code_many([], threads=-1)


def test_bad_tables(coder):
    import pyarrow as pa

    with pytest.raises(TypeError, match="needs a pyarrow.Table"):
        coder.code_arrow([{"text": ARTICLE}])
    with pytest.raises(ValueError, match="no 'text' column"):
        coder.code_arrow(pa.table({"body": [ARTICLE]}))
    with pytest.raises(TypeError, match="text must be a str, not int"):
        coder.code_arrow(pa.table({"text": [1, 2]}))


def test_bad_date_in_records_is_noted_like_the_cli(coder):
    # In data (a file, a table) a date dyad cannot read is noted on the document, not fatal.
    events = coder.code_many([{"text": ARTICLE, "date": "32/13/2020"}])
    assert events and all(e["date"] is None for e in events)
