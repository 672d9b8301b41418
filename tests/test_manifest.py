"""The manifest sidecar: the reference corpus's entries, and bad rows reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.loaders import MANIFEST_NAME, read_manifest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / MANIFEST_NAME).is_file(), reason="shared corpus not present")
def test_reference_manifest() -> None:
    entries, failures = read_manifest(CORPUS)
    assert failures == []
    assert set(entries) == {"000_dacb6d7e4608512c.txt", "001_531fd4b695795cd4.txt"}
    first = entries["000_dacb6d7e4608512c.txt"]
    second = entries["001_531fd4b695795cd4.txt"]
    assert first.kind == second.kind == "press_release"
    assert first.date == "2010-07-27"
    assert second.date == "2010-03-12"
    assert first.title == "Better child protection pledge for city"


def test_bad_rows_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text(
        "path,title,kind,date,notes\n"
        "./a/one.txt,One,other,12/03/2010,x\n"
        "two.txt,Two,memo,2010-01-01,\n"
        "three.txt,Three,other,31/02/2010,\n"
        "sub\\four.txt,,,2010-05,\n",
        encoding="utf-8",
    )
    entries, failures = read_manifest(tmp_path)
    assert set(entries) == {"a/one.txt", "sub/four.txt"}
    assert entries["a/one.txt"].date == "2010-03-12"
    assert entries["sub/four.txt"].date == "2010-05"
    assert entries["sub/four.txt"].title is None
    assert entries["sub/four.txt"].source is None
    assert len(failures) == 2
    assert failures[0].origin == f"{tmp_path / MANIFEST_NAME}:row 3"
    assert failures[1].origin == f"{tmp_path / MANIFEST_NAME}:row 4"
    assert "'memo'" in failures[0].reason
    assert "'31/02/2010'" in failures[1].reason


def test_no_manifest(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == ({}, [])


def test_dates_and_kinds_read_as_everywhere_else(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text(
        "path,kind,date\n"
        "one.txt,Press Release,27 July 2010\n"
        "two.txt,press-release,2010-7-5\n"
        "three.txt,scr_recommendation,07/27/2010\n",
        encoding="utf-8",
    )
    entries, failures = read_manifest(tmp_path)
    assert [failure.reason for failure in failures] == [
        "bad date: '07/27/2010' is not a valid date"
    ]
    assert entries["one.txt"].date == "2010-07-27"
    assert entries["one.txt"].kind == entries["two.txt"].kind == "press_release"
    assert entries["two.txt"].date == "2010-07-05"
    us_entries, us_failures = read_manifest(tmp_path, day_first=False)
    assert us_failures == []
    assert us_entries["three.txt"].date == "2010-07-27"
