"""Which period a sentence speaks of, and whether that is the period asked about.

A sentence with no date of its own takes the date of the sentence before it in its
paragraph ("… the inspection in December 2009. The inspectors found …"), else of the
heading it sits under, else its document's: a report dated July 2010 that says
"inspectors found ..." speaks of 2010.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.answer.candidates import refers_back
from assistant.answer.question import EARLIEST, LATEST, PRECISION, Period
from assistant.conversation.words import WORD, is_verb
from index import date_bounds, dated_spans

DateSource = str  # "sentence" | "paragraph" | "heading" | "document" | "none"
_SINCE = re.compile(r"\b(since|ever since)\s+(the\s+)?$", re.I)
PUBLICATION_LAG_DAYS = 92
"""A record's undated sentence may speak of this long before the record's date, when the
question asks about a whole year."""


@dataclass(frozen=True)
class Dated:
    """The dates a sentence speaks of (normalised, with precision) and where they came from."""

    dates: tuple[str, ...]
    precisions: tuple[int, ...]
    source: DateSource
    ranges: tuple[tuple[str, str], ...] = ()  # first and last day of "July 2009 – April 2010"


def sentence_dates(
    quote: str, anchor: str | None, day_first: bool, *, exact: bool = False
) -> list[tuple[str, int, tuple[str, str] | None]]:
    """(value, precision, range) of each date the sentence gives, relative ones ("last
    month") resolved against its document's date as the indexer does (left out when
    `exact`); a range's two ends each carry the whole range."""
    found: list[tuple[str, int, tuple[str, str] | None]] = []
    for span in dated_spans(quote, anchor, day_first=day_first):
        if exact and span.approximate:
            continue
        if _SINCE.search(quote[: span.start]):
            continue  # "the second time since 2018": a bound on when, not when
        if _IN_RELATIVE_CLAUSE.search(quote[: span.start]):
            continue  # "X takes over from Y, who was appointed in 2014": Y's date, not X's
        if span.precision in PRECISION:
            value = span.first[: {"year": 4, "month": 7}.get(span.precision, 10)]
            found.append((value, PRECISION[span.precision], None))
        elif span.precision == "range":
            whole = (span.first, span.last)
            found += [(span.first[:7], 2, whole), (span.last[:7], 2, whole)]
    return found


def since_bounds(quote: str, day_first: bool) -> list[str]:
    """The dates a sentence counts from ("four directors since 2006"): a count or change
    since one date is not the one since another."""
    return [
        span.first[: {"year": 4, "month": 7}.get(span.precision, 10)]
        for span in dated_spans(quote, None, day_first=day_first)
        if span.precision in PRECISION and _SINCE.search(quote[: span.start])
    ]


def counts_from(periods: tuple[Period, ...], bounds: list[str]) -> bool | None:
    """Whether a sentence's "since" dates are the question's ("since 2009" asked): True for
    the same start, False for another, None when either gives none."""
    asked = [p for p in periods if p.end == LATEST and p.label.lower().startswith("since")]
    if not asked or not bounds:
        return None
    return any(_same_start(p, bound) for p in asked for bound in bounds)


def _same_start(period: Period, bound: str) -> bool:
    """Whether a "since" date is the period's start, at the coarser of their precisions
    ("since 2009" asked is "since March 2009" said)."""
    width = min(len(bound), {1: 4, 2: 7}.get(period.precision, 10))
    return period.start[:width] == bound[:width]


_IN_RELATIVE_CLAUSE = re.compile(r"\w[^,;:–—]*,\s+(?:who|whom|whose|which)\b[^,;:–—()]*$", re.I)
"""A date after ", who …" or ", which …" (no comma or dash between): it dates what the
clause says of someone named before, not what the sentence says."""


def relative_phrase(quote: str, day_first: bool) -> str | None:
    """The words by which a sentence dates itself against its document's date ("this
    year", "last month"), when it gives no date of its own: without the document's date,
    when it speaks of is unknown, not nowhere."""
    if sentence_dates(quote, None, day_first):
        return None
    spans = [s for s in dated_spans(quote, _ANY_DAY, day_first=day_first) if s.approximate]
    return quote[spans[0].start : spans[0].end] if spans else None


_ANY_DAY = "2000-06-15"
"""A stand-in document date: a sentence that gives dates only against one is relative."""


def _dated(found: list[tuple[str, int, tuple[str, str] | None]], source: DateSource) -> Dated:
    ranges = tuple(dict.fromkeys(r for _, _, r in found if r is not None))
    return Dated(tuple(v for v, _, _ in found), tuple(p for _, p, _ in found), source, ranges)


_PRESENT = frozenset({"is", "are", "has", "have", "remain", "remains", "continue", "continues"})
_PAST_TEXT = "was were had did found led made said took gave held met wrote began became came left"
_PAST = frozenset(_PAST_TEXT.split())


def speaks_in_present(quote: str) -> bool:
    """A sentence whose first finite verb is in the present ("Services are no longer
    inadequate") speaks of its record's own time, not of the date the sentence before it
    gives ("Inspectors found features which are now outstanding" speaks of the past). One
    opening by pointing back ("This is down from 180 …") speaks of the sentence before."""
    if refers_back(quote):
        return False
    for word in WORD.findall(quote):
        if word in _PRESENT:
            return True
        if word in _PAST or (is_verb(word) and word.endswith("ed")):
            return False
    return False


def _refines(
    above: list[tuple[str, int, tuple[str, str] | None]],
    own: list[tuple[str, int, tuple[str, str] | None]],
) -> bool:
    """The heading dates more finely the years a sentence gives alone: "Appointed in 2011"
    under "Jane Doe (Jan 2011 - April 2012)" was appointed in January 2011."""
    if not above or any(precision > PRECISION["year"] for _, precision, _ in own):
        return False
    finer = [value for value, precision, _ in above if precision > PRECISION["year"]]
    return bool(finer) and {v[:4] for v, _, _ in own} <= {v[:4] for v in finer}


def dated(
    quote: str,
    heading: str | None,
    document_date: str | None,
    day_first: bool,
    previous: str | None = None,
) -> Dated:
    """The sentence's own dates, else those of the sentence before it in its paragraph (unless
    it speaks in the present of a dated record), else its heading's (written out, not "last
    year"), else its document's."""
    own = sentence_dates(quote, document_date, day_first)
    if own:
        above = sentence_dates(heading, document_date, day_first, exact=True) if heading else []
        if _refines(above, own):
            return _dated(own + above, "heading")  # "in 2011" under "Jane Doe (Jan 2011 - …)"
        return _dated(own, "sentence")
    before = sentence_dates(previous, document_date, day_first, exact=True) if previous else []
    if before and not (document_date and speaks_in_present(quote)):
        return _dated(before, "paragraph")
    above = sentence_dates(heading, document_date, day_first, exact=True) if heading else []
    if above:
        return _dated(above, "heading")
    if document_date:
        return Dated((document_date,), (precision_of(document_date),), "document")
    return Dated((), (), "none")


def in_period(periods: tuple[Period, ...], when: Dated) -> bool:
    """Whether the dates fall in the periods asked ("in X or Y" are alternatives; open-ended
    ones all apply); a date less precise than the one asked counts only when it lies wholly
    inside ("2018" is before December 2022; "2022" is not in December 2022)."""
    if not periods:
        return True
    spans = [(*date_bounds(d), p) for d, p in zip(when.dates, when.precisions, strict=True)]
    spans += [(first, last, PRECISION["month"]) for first, last in when.ranges]  # between
    test = (
        all if any(p.bounds and (p.start == EARLIEST or p.end == LATEST) for p in periods) else any
    )
    return test(
        any(
            _from(start, when, p) <= p.end
            and p.start <= end
            and (precision >= p.precision or p.start <= start <= end <= p.end)
            for start, end, precision in spans
        )
        for p in periods
    )


def _from(start: str, when: Dated, period: Period) -> str:
    """Where a date's span starts; a record dated soon after a year asked about ("in 2009",
    a report of January 2010) may speak of that year in its undated sentences."""
    if when.source == "document" and period.precision == PRECISION["year"]:
        return _days_before(start, PUBLICATION_LAG_DAYS)
    return start


def _days_before(day: str, days: int) -> str:
    """The ISO day `days` before `day` (the day itself at the start of the calendar)."""
    try:
        return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return day


def earliest(dates: tuple[str, ...], fallback: str | None) -> str:
    """The earliest day spoken of (for date order)."""
    values = dates or ((fallback,) if fallback else ())
    return min((date_bounds(d)[0] for d in values), default="9999")


def latest(dates: tuple[str, ...], fallback: str | None) -> str:
    """The latest day spoken of (for "latest" questions)."""
    values = dates or ((fallback,) if fallback else ())
    return max((date_bounds(d)[1] for d in values), default="")


def precision_of(value: str) -> int:
    """Precision of a normalised date by its shape."""
    return {4: 1, 7: 2}.get(len(value), 3)


def years_in(words: frozenset[str]) -> frozenset[int]:
    """The years a document's words name (what an undated page speaks of)."""
    return frozenset(int(w) for w in words if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"))
