"""Dated mentions in sentences: absolute dates, ranges, and relative phrases resolved
against the document's date (marked approximate). Stored at ingest for the timeline."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from index.dates import date_bounds, find_dates, format_date, month_number
from index.models import DateMention

_RANGE_JOIN = re.compile(r"^\s*(?:–|—|-|to|until|and)\s*$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.I)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "a": 1,
}  # fmt: skip
_AGO = re.compile(
    r"\b(?:over |about |some |nearly |almost )?(\d+|[a-z]+) (month|year)s? ago\b", re.I
)
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\blast month\b", re.I), "last_month"),
    (re.compile(r"\bthis month\b", re.I), "this_month"),
    (re.compile(r"\blast year\b", re.I), "last_year"),
    (re.compile(r"\bthis year\b", re.I), "this_year"),
    (re.compile(r"\bnext year\b", re.I), "next_year"),
    (re.compile(r"\b(?:by )?the end of the year\b", re.I), "year_end"),
    (re.compile(r"\bnext spring\b", re.I), "next_spring"),
    (re.compile(r"\b(?:this|last) week\b", re.I), "week"),
    (re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", re.I), "today"),
    (re.compile(r"\byesterday\b", re.I), "yesterday"),
)


@dataclass(frozen=True)
class DatedSpan:
    """A date written in a sentence: offsets, the period it means, and how it was read."""

    start: int
    end: int
    first: str  # ISO day the period starts
    last: str  # ISO day it ends
    precision: str  # day | week | month | season | year | range
    label: str  # for people: "February 2009", "July 2009 to April 2010", "June 2010 (approx.)"
    approximate: bool = False


def dated_spans(text: str, anchor: str | None, *, day_first: bool = True) -> list[DatedSpan]:
    """Every dated span of a sentence; relative phrases need the document's date (anchor)."""
    spans = _absolute(text, find_dates(text, day_first=day_first))
    if anchor:
        taken = [(s.start, s.end) for s in spans]
        spans += [s for s in _relative(text, anchor) if not _overlaps(s, taken)]
    return sorted(spans, key=lambda s: s.start)


def _absolute(text: str, mentions: list[DateMention]) -> list[DatedSpan]:
    """Dates as written, pairing "July 2008 – July 2009" and "between X and Y" into ranges."""
    spans: list[DatedSpan] = []
    index = 0
    while index < len(mentions):
        current = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following and _is_range(text, current, following):
            spans.append(_range(current, following))
            index += 2
            continue
        spans.append(_single(current))
        index += 1
    return spans


def _is_range(text: str, a: DateMention, b: DateMention) -> bool:
    """'X – Y', 'X to Y', and 'between X and Y' name one period."""
    joint = text[a.end : b.start]
    if not _RANGE_JOIN.match(joint):
        return False
    return joint.strip().lower() != "and" or bool(_BETWEEN.search(text[: a.start]))


def _single(mention: DateMention) -> DatedSpan:
    first, last = date_bounds(mention.value)
    return DatedSpan(
        mention.start, mention.end, first, last, mention.precision, format_date(mention.value)
    )


def _range(a: DateMention, b: DateMention) -> DatedSpan:
    first, last = date_bounds(a.value)[0], date_bounds(b.value)[1]
    label = f"{format_date(a.value)} to {format_date(b.value)}"
    return DatedSpan(a.start, b.end, first, last, "range", label)


_YEAR_KINDS = frozenset({"last_year", "this_year", "next_year"})


def _relative(text: str, anchor: str) -> list[DatedSpan]:
    """Relative phrases resolved against the anchor date; all approximate. Against a year
    alone (a page dated by its file name) only years count: "last month" has no place."""
    day = date.fromisoformat(date_bounds(anchor)[0])
    coarse = len(anchor) == 4
    found = []
    for pattern, kind in _PHRASES:
        if coarse and kind not in _YEAR_KINDS:
            continue
        for match in pattern.finditer(text):
            found.append(_resolve(kind, day, match.start(), match.end()))
    for match in _AGO.finditer(text):
        count = _count(match.group(1))
        unit = match.group(2).lower()
        if count is None or (coarse and unit != "year"):
            continue
        if coarse:
            year = day.year - count
            found.append(
                _span(
                    match.start(),
                    match.end(),
                    date(year, 1, 1),
                    date(year, 12, 31),
                    "year",
                    str(year),
                )
            )
        else:
            found.append(_ago(day, count, unit, match.start(), match.end()))
    return found if coarse else found + _yearless_months(text, day)


_FULL_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_YEARLESS_MONTH = re.compile(
    r"\b(?:in|during|since|by|until|from|of|early|late|mid|last)[\s-]+("
    + _FULL_MONTHS
    + r")\b(?![\s,]*\d)"
)
"""A month written without its year after a preposition ("a monitoring visit in September"),
not a day's ("20 September") nor a dated one's ("September 2017"): the record's last such
month, on or before its date."""


def _yearless_months(text: str, day: date) -> list[DatedSpan]:
    """Each yearless month, as the latest such month on or before the anchor date."""
    found = []
    for match in _YEARLESS_MONTH.finditer(text):
        if re.search(r"\d\s*$", text[: match.start(1)]):
            continue  # "20 and 21 September": days, read elsewhere
        month = month_number(match.group(1)) or 1
        year = day.year if month <= day.month else day.year - 1
        found.append(_month_span(date(year, month, 1), match.start(1), match.end(1)))
    return found


def _resolve(kind: str, day: date, start: int, end: int) -> DatedSpan:
    if kind in {"last_month", "this_month"}:
        month = _add_months(day, -1 if kind == "last_month" else 0)
        return _month_span(month, start, end)
    if kind in {"last_year", "this_year", "next_year"}:
        year = day.year + {"last_year": -1, "this_year": 0, "next_year": 1}[kind]
        return _span(start, end, date(year, 1, 1), date(year, 12, 31), "year", str(year))
    if kind == "year_end":
        return _month_span(date(day.year, 12, 1), start, end)
    if kind == "next_spring":
        year = day.year + 1
        return _span(start, end, date(year, 3, 1), date(year, 5, 31), "season", f"spring {year}")
    if kind == "week":
        return _span(start, end, day - timedelta(days=6), day, "week", f"week of {day:%-d %B %Y}")
    if kind == "yesterday":
        day -= timedelta(days=1)
    return _span(start, end, day, day, "day", f"{day:%-d %B %Y}")


def _ago(day: date, count: int, unit: str, start: int, end: int) -> DatedSpan:
    months = count if unit == "month" else 12 * count
    return _month_span(_add_months(day, -months), start, end)


def _month_span(month: date, start: int, end: int) -> DatedSpan:
    last = calendar.monthrange(month.year, month.month)[1]
    first_day, last_day = date(month.year, month.month, 1), date(month.year, month.month, last)
    return _span(start, end, first_day, last_day, "month", f"{first_day:%B %Y}")


def _span(start: int, end: int, first: date, last: date, precision: str, label: str) -> DatedSpan:
    return DatedSpan(
        start, end, first.isoformat(), last.isoformat(), precision, f"{label} (approx.)", True
    )


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def _overlaps(span: DatedSpan, taken: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in taken)
