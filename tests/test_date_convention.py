"""One convention for dates in JSON: `date` is ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), so
clients can sort on it; the human `label` travels beside it."""

from __future__ import annotations

import re

import pytest

from assistant.engine import Assistant
from assistant.timeline import iso_period
from index import Filters

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.mark.parametrize(
    ("first", "last", "precision", "expected"),
    [
        ("2010-03-12", "2010-03-12", "day", "2010-03-12"),
        ("2010-07-21", "2010-07-27", "week", "2010-07-21"),
        ("2009-12-01", "2009-12-31", "month", "2009-12"),
        ("2011-03-01", "2011-05-31", "season", "2011-03"),
        ("2009-01-01", "2009-12-31", "year", "2009"),
        ("2008-07-01", "2009-07-31", "range", "2008-07"),
        ("2008-01-01", "2009-12-31", "range", "2008"),
        ("2008-07-14", "2009-07-31", "range", "2008-07-14"),
    ],
)
def test_iso_period(first: str, last: str, precision: str, expected: str) -> None:
    assert iso_period(first, last, precision) == expected


def test_timeline_json_dates_are_iso_with_labels_beside(reference: Assistant) -> None:
    events = [e.as_dict() for e in reference.timeline(Filters())]
    assert events
    for event in events:
        assert ISO.match(str(event["date"])), event["date"]
        assert str(event["first"]).startswith(str(event["date"]))
        assert event["label"]  # for people: "December 2009", "June 2010 (approx.)"
    dates = [str(e["date"]) for e in events]
    assert dates == sorted(dates)  # sorting on `date` keeps the timeline's order
