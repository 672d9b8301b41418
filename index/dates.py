"""Find dates written in text and normalise the dates people type."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from index.models import DateMention

__all__ = [
    "MONTH_NAME",
    "date_bounds",
    "find_dates",
    "format_date",
    "month_number",
    "normalise_date",
]

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
"""A month's name, whole or short ("September", "Sept", "Sep"); match it ignoring case where
lower-case spellings count."""
_MONTH = rf"(?P<mon>{MONTH_NAME})\b\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\d./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/-])"), "iso"),
    (
        re.compile(
            r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
        ),
        "numeric",
    ),
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})\b"), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})\b"), "dmy"),
    (re.compile(rf"\b{_MONTH},?\s+(?P<y>\d{{4}})\b"), "month"),
    (re.compile(r"(?<![\d./-])(?P<y>19\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d/-])"), "ym"),
    (re.compile(r"(?<![\d£$€])(?<!\d[ ,.])\b(?P<y>19\d\d|20\d\d)\b(?![,.]?\d)(?!\s\d{3})"), "year"),
)
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_YEAR_MONTH_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_WORD = re.compile(r"[A-Za-z]+")
_Candidate = tuple[int, int, str | None, str]


def month_number(name: str) -> int | None:
    """The number of a month written as MONTH_NAME matches it (1 for "Jan", 9 for "Sept")."""
    return _MONTHS.get(name.lower().rstrip("."))


def find_dates(text: str, *, day_first: bool = True) -> list[DateMention]:
    """List every date mention once, longest reading first, so filters see real dates."""
    chosen: list[_Candidate] = []
    for cand in sorted(_candidates(text, day_first), key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    return [
        DateMention(start, end, value, precision)
        for start, end, value, precision in sorted(chosen)
        if value is not None
    ]


def normalise_date(value: str, *, day_first: bool = True) -> str:
    """Accept the date forms people type and give back the index's ISO form."""
    text = _typed_form(value)
    match = _YEAR_MONTH.fullmatch(text)
    if match:
        return _checked(value, _month_value(int(match["y"]), int(match["m"])))
    match = _YEAR_MONTH_DAY.fullmatch(text)
    if match:
        return _checked(value, _day_value(int(match["y"]), int(match["m"]), int(match["d"])))
    whole = [c for c in _candidates(text, day_first) if c[0] == 0 and c[1] == len(text)]
    if not whole:
        raise ValueError(
            f"{value!r} is not a recognised date (try 2010-07-27, 2010-07, 2010, "
            "27/07/2010 or 27 July 2010)"
        )
    return _checked(value, whole[0][2])


def date_bounds(value: str) -> tuple[str, str]:
    """Turn a day, month or year into the inclusive day range it covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return value, value


def format_date(value: str) -> str:
    """Write a normalised date the way a UK reader expects to see it."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTH_NAMES[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def _typed_form(value: str) -> str:
    """Bring a typed date to the patterns' spelling: month names capitalised, the rest lower.

    A closing full stop ("July 2010.") is dropped, as people type dates in sentences.
    """
    text = value.strip().lower()
    if text.endswith("."):
        text = text[:-1].rstrip()
    return _WORD.sub(lambda m: m[0].capitalize() if m[0] in _MONTHS else m[0], text)


def _is_year_range(match: re.Match[str]) -> bool:
    """'2010-11' in running text is a financial year far more often than November 2010."""
    return int(match["m"]) == (int(match["y"]) + 1) % 100


_LAW_NAMED = re.compile(r"\b(?:Act|Acts|Regulations|Order|Bill|Measure)\s+$")
"""What a year names as part of a law's name ("Education Act 1996"), not a date."""


_NEAR = 40
"""How far either side of a year its reading as a name or a count looks."""
_COUNTED_AFTER = re.compile(
    r"^\s+(?:staff|people|children|families|workers|employees|pupils|members|cases|posts|"
    r"jobs|places|referrals|vacancies|homes|beds|social workers)\b"
)
_YEAR_LEAD = re.compile(
    r"(?:\b(?:in|since|by|from|until|till|during|of|before|after|to|and|or|the|its|their|"
    r"this|that|early|late|mid|spring|summer|autumn|winter)|['’]s?|\b(?-i:[A-Z])[\w'’-]*)\s*$",
    re.I,
)


def _counts(before: str, after: str) -> bool:
    """A four-digit number read as a count: a plural noun follows it and no word that leads
    a year comes before ("1900 staff moved across", not "in 2010 councils were told")."""
    return bool(_COUNTED_AFTER.match(after)) and not _YEAR_LEAD.search(before)


def _candidates(text: str, day_first: bool) -> Iterator[_Candidate]:
    """Yield every pattern match; invalid dates keep value None so they block parts."""
    for pattern, kind in _PATTERNS:
        for match in pattern.finditer(text):
            if kind == "ym" and _is_year_range(match):
                continue
            if kind == "year":
                before = text[max(0, match.start() - _NEAR) : match.start()]
                after = text[match.end() : match.end() + _NEAR]
                if _LAW_NAMED.search(before) or _counts(before, after):
                    yield match.start(), match.end(), None, kind  # "Act 1989", "1900 staff"
                    continue
            value, precision = _interpret(match, kind, day_first)
            yield match.start(), match.end(), value, precision


def _interpret(match: re.Match[str], kind: str, day_first: bool) -> tuple[str | None, str]:
    """Read one match as a normalised value and precision (value None if impossible)."""
    year = int(match["y"])
    if kind == "year":
        return f"{year:04d}", "year"
    if kind == "month":
        return _month_value(year, _MONTHS[match["mon"].lower()]), "month"
    if kind == "ym":
        return _month_value(year, int(match["m"])), "month"
    if kind == "numeric":
        first, second = int(match["a"]), int(match["b"])
        day, month = (first, second) if day_first else (second, first)
    elif kind == "iso":
        day, month = int(match["d"]), int(match["m"])
    else:
        day, month = int(match["d"]), _MONTHS[match["mon"].lower()]
    return _day_value(year, month, day), "day"


def _day_value(year: int, month: int, day: int) -> str | None:
    """Give YYYY-MM-DD, or None when the calendar has no such day."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_value(year: int, month: int) -> str | None:
    """Give YYYY-MM, or None for a month number outside 1-12."""
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and year >= 1 else None


def _checked(original: str, value: str | None) -> str:
    """Turn an impossible date into the error a person can act on."""
    if value is None:
        raise ValueError(f"{original!r} is not a valid date")
    return value
