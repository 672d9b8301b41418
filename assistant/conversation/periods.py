"""Relative periods ("the year before", "a month later", "that year") read from the last period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import find_dates, format_date, month_number

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_RELATIVE = re.compile(
    r"(?:\b(?:in|during|for|by|of)\s+)?\b(?:"
    r"(?P<count>a|an|one|two|three|four|five|\d+|the)\s+(?P<unit1>year|month)s?\s+"
    r"(?P<way1>before|earlier|previously|later|after|on)"
    r"|the\s+(?P<way2>previous|preceding|prior|following|next|subsequent)\s+(?P<unit2>year|month)"
    r"|(?:that|the\s+same)\s+(?P<unit3>year|month)"
    r"|the\s+(?P<way4>previous|preceding|prior|following|next)\s+(?P<month>"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
    r")\b",
    re.I,
)
_FORWARD = frozenset({"later", "after", "on", "following", "next", "subsequent"})
_PARTS_NEEDED = {"year": 1, "month": 2}  # "2010" serves a year, "2010-04" a month too


@dataclass(frozen=True)
class Shift:
    """A relative period as typed: how far, in which unit, and which way."""

    phrase: str
    unit: str  # "year" or "month"
    steps: int  # negative: back in time; 0: the same period
    month: int = 0  # "the previous September": that month, the nearest one that way


class UnknownPeriod(Exception):
    """A relative period with no earlier period (of that precision) to count from."""

    def __init__(self, shift: Shift) -> None:
        super().__init__(shift.phrase)
        self.shift = shift


def cut_shift(text: str) -> tuple[str, Shift | None]:
    """The text without its relative period, and that period (None when it has none)."""
    m = _RELATIVE.search(text)
    if m is None:
        return text, None
    cut = f"{text[: m.start()]} {text[m.end() :]}"
    if m.group("month"):  # "the previous September"
        steps = 1 if m.group("way4").lower() in _FORWARD else -1
        named = month_number(m.group("month")) or 1
        return cut, Shift(m.group(0).strip(), "month", steps, named)
    unit = (m.group("unit1") or m.group("unit2") or m.group("unit3")).lower()
    way = (m.group("way1") or m.group("way2") or "").lower()
    size = _size(m.group("count")) if way else 0
    steps = size if way in _FORWARD else -size
    return cut, Shift(m.group(0).strip(), unit, steps)


def _size(count: str | None) -> int:
    """How many units a count word stands for ("the year before" is one)."""
    word = (count or "").lower()
    return int(word) if word.isdigit() else _COUNTS.get(word, 1)


def shifted(shift: Shift, previous_dates: str) -> str:
    """The date phrase the shift leads to from the previous question's dates."""
    values = [d.value for d in find_dates(previous_dates)] if previous_dates else []
    needed = 1 if shift.month else _PARTS_NEEDED[shift.unit]
    usable = [v for v in values if len(v.split("-")) >= needed]
    if not usable:
        raise UnknownPeriod(shift)
    base = min(usable) if shift.steps < 0 else max(usable)
    if shift.month:
        return f"in {format_date(_nearest_month(base, shift))}"
    if shift.unit == "year":
        return f"in {int(base[:4]) + shift.steps}"
    months = int(base[:4]) * 12 + int(base[5:7]) - 1 + shift.steps
    return f"in {format_date(f'{months // 12:04d}-{months % 12 + 1:02d}')}"


def _nearest_month(base: str, shift: Shift) -> str:
    """The named month nearest the base date that way ("the previous September" of April
    2008: September 2007); from a bare year, the year before or that year."""
    year, month = int(base[:4]), int(base[5:7]) if len(base) >= 7 else 0
    if shift.steps < 0:
        year -= 1 if not month or shift.month >= month else 0
    elif month and shift.month <= month:
        year += 1
    return f"{year:04d}-{shift.month:02d}"
