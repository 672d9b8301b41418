"""Relative periods ("the year before", "a month later", "that year") read from the last period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import find_dates, format_date

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_RELATIVE = re.compile(
    r"(?:\b(?:in|during|for|by|of)\s+)?\b(?:"
    r"(?P<count>a|an|one|two|three|four|five|\d+|the)\s+(?P<unit1>year|month)s?\s+"
    r"(?P<way1>before|earlier|previously|later|after|on)"
    r"|the\s+(?P<way2>previous|preceding|prior|following|next|subsequent)\s+(?P<unit2>year|month)"
    r"|(?:that|the\s+same)\s+(?P<unit3>year|month)"
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
    unit = (m.group("unit1") or m.group("unit2") or m.group("unit3")).lower()
    way = (m.group("way1") or m.group("way2") or "").lower()
    size = _size(m.group("count")) if way else 0
    steps = size if way in _FORWARD else -size
    return f"{text[: m.start()]} {text[m.end() :]}", Shift(m.group(0).strip(), unit, steps)


def _size(count: str | None) -> int:
    """How many units a count word stands for ("the year before" is one)."""
    word = (count or "").lower()
    return int(word) if word.isdigit() else _COUNTS.get(word, 1)


def shifted(shift: Shift, previous_dates: str) -> str:
    """The date phrase the shift leads to from the previous question's dates."""
    values = [d.value for d in find_dates(previous_dates)] if previous_dates else []
    usable = [v for v in values if len(v.split("-")) >= _PARTS_NEEDED[shift.unit]]
    if not usable:
        raise UnknownPeriod(shift)
    base = min(usable) if shift.steps < 0 else max(usable)
    if shift.unit == "year":
        return f"in {int(base[:4]) + shift.steps}"
    months = int(base[:4]) * 12 + int(base[5:7]) - 1 + shift.steps
    return f"in {format_date(f'{months // 12:04d}-{months % 12 + 1:02d}')}"
