"""Dates in text and dates people type come out in one normalised form."""

from __future__ import annotations

import pytest

from index.dates import date_bounds, find_dates, format_date, normalise_date


def _found(text: str, *, day_first: bool = True) -> list[tuple[str, str, str]]:
    return [
        (text[m.start : m.end], m.value, m.precision) for m in find_dates(text, day_first=day_first)
    ]


@pytest.mark.parametrize(
    "written",
    ["12/03/2010", "12-03-2010", "12.03.2010", "2010-03-12", "12 March 2010",
     "12th March 2010", "March 12, 2010", "12 Mar 2010"],
)  # fmt: skip
def test_day_forms(written: str) -> None:
    assert _found(f"Published on {written} in News.") == [(written, "2010-03-12", "day")]


def test_us_order_when_not_day_first() -> None:
    assert _found("On 03/12/2010.", day_first=False) == [("03/12/2010", "2010-03-12", "day")]
    assert _found("On 03/12/2010.") == [("03/12/2010", "2010-12-03", "day")]


def test_month_forms_and_ranges_give_two_months() -> None:
    text = "Judged in December 2008 (Dec 2008), from July 2008 – July 2009 and "
    text += "between July 2009 and April 2010."
    assert [value for _, value, _ in _found(text)] == [
        "2008-12",
        "2008-12",
        "2008-07",
        "2009-07",
        "2009-07",
        "2010-04",
    ]
    assert {precision for _, _, precision in _found(text)} == {"month"}


def test_bare_years_only_when_used_as_years() -> None:
    text = "In 2009 the city's 2,000 children; call 0121 303 3635 or 0121 303 2010; £2010; 12345."
    assert _found(text) == [("2009", "2009", "year")]
    assert _found("The 1850 plan and the 2100 target.") == []


def test_longest_match_wins_and_offsets_are_exact() -> None:
    text = "Sentencing on 12 March 2010 followed the notice of February 2009."
    mentions = find_dates(text)
    assert [(m.value, m.precision) for m in mentions] == [
        ("2010-03-12", "day"),
        ("2009-02", "month"),
    ]
    assert [text[m.start : m.end] for m in mentions] == ["12 March 2010", "February 2009"]


def test_invalid_dates_are_skipped_whole() -> None:
    assert _found("Due 31/02/2010 or 2010-13-01 or 30 February 2010.") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2010-07-27", "2010-07-27"), ("2010-07", "2010-07"), ("2010", "2010"),
     ("27/07/2010", "2010-07-27"), ("27 July 2010", "2010-07-27"), ("July 2010", "2010-07"),
     ("Jul 2010", "2010-07"), (" july 2010 ", "2010-07"), ("27th july 2010", "2010-07-27"),
     ("27th of July 2010", "2010-07-27"), ("27 of July 2010", "2010-07-27"),
     ("27TH OF JULY 2010", "2010-07-27"), ("July 2010.", "2010-07"), ("2010-7-5", "2010-07-05"),
     (" 2010-07 ", "2010-07"), ("2010-11", "2010-11"), ("Sept. 2010", "2010-09")],
)  # fmt: skip
def test_normalise_date_accepts_typed_forms(typed: str, expected: str) -> None:
    assert normalise_date(typed) == expected


def test_normalise_date_month_first() -> None:
    assert normalise_date("07/27/2010", day_first=False) == "2010-07-27"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("31/02/2010", "'31/02/2010' is not a valid date"), ("2010-13", "not a valid date"),
     ("next week", "not a recognised date"), ("", "not a recognised date"),
     ("on 27 July 2010", "not a recognised date"), ("2010-2-30", "not a valid date"),
     ("27 of of July 2010", "not a recognised date")],
)  # fmt: skip
def test_normalise_date_rejects_with_reason(typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalise_date(typed)


def test_date_bounds() -> None:
    assert date_bounds("2010-02") == ("2010-02-01", "2010-02-28")
    assert date_bounds("2008-02") == ("2008-02-01", "2008-02-29")
    assert date_bounds("2009") == ("2009-01-01", "2009-12-31")
    assert date_bounds("2010-04-15") == ("2010-04-15", "2010-04-15")


def test_format_date() -> None:
    assert format_date("2010-04-15") == "15 April 2010"
    assert format_date("2010-04-05") == "5 April 2010"
    assert format_date("2010-04") == "April 2010"
    assert format_date("2010") == "2010"


def test_year_month_is_a_month_mention() -> None:
    assert _found("Issued: 2010-07") == [("2010-07", "2010-07", "month")]
    assert _found("Issued: 2010-07-27.") == [("2010-07-27", "2010-07-27", "day")]
    assert _found("Due 2010-09, or 2010-07/08.") == [
        ("2010-09", "2010-09", "month"),
        ("2010", "2010", "year"),
    ]


def test_year_ranges_and_other_numbers_are_not_months() -> None:
    text = "In 2010-2011 and the 2010-11 budget; ref 2010-13; call 0121-30 3635."
    assert _found(text) == [
        ("2010", "2010", "year"),
        ("2011", "2011", "year"),
        ("2010", "2010", "year"),
        ("2010", "2010", "year"),
    ]
