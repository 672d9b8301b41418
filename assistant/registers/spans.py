"""Citable spans of register rows, and the words register answers are written with."""

from __future__ import annotations

import re

from assistant.answer.models import Evidence
from assistant.answer.question import LATEST, Period
from assistant.registers.rows import (
    KIND_NOUNS,
    OPEN,
    STATUS_LABELS,
    STATUSES,
    Recommendation,
    StatusChange,
)
from index import (
    format_date,
)


def field_span(row: Recommendation, *columns: str) -> Evidence | None:
    """The 'Column: value' paragraph the loader wrote for a column, as stored."""
    text = row.record.text
    for name, value in row.record.fields.items():
        if name.lower() not in {c.lower() for c in columns} or not value:
            continue
        label = name.replace("_", " ").strip()
        pattern = rf"^{re.escape(label)}:[ \t]*{re.escape(value)}[ \t]*$"
        match = re.search(pattern, text, re.I | re.M)
        if match:
            return evidence(row, match.start(), match.end())
    return None


def text_span(row: Recommendation) -> Evidence:
    """The row's text paragraph (or its first paragraph) as stored."""
    text = row.record.text
    start = text.find(row.text) if row.text else -1
    if start < 0:
        start, end = 0, (text.find("\n") if "\n" in text else len(text))
    else:
        end = start + len(row.text)
    return evidence(row, start, end)


def evidence(row: Recommendation, start: int, end: int) -> Evidence:
    quote = row.record.text[start:end]
    return Evidence(row.document, quote, start, end, None, 1.0, 1.0)


def first_reached(
    history: tuple[StatusChange, ...], statuses: tuple[str, ...]
) -> StatusChange | None:
    """When the status last became one of `statuses` (None if it is not one now)."""
    if not history or history[-1].status not in statuses:
        return None
    reached = history[-1]
    for change in reversed(history):
        if change.status not in statuses:
            break
        reached = change
    return reached


def ref_key(ref: str) -> str:
    key = ref.strip().upper()
    return f"R{key}" if key.isdigit() else key


def noun_for(rows: list[Recommendation]) -> str:
    kinds = {r.kind for r in rows}
    return KIND_NOUNS.get(kinds.pop(), "items") if len(kinds) == 1 else "items"


def status_label(statuses: tuple[str, ...]) -> str:
    if set(statuses) == set(OPEN):
        return "still open (in progress or not started)"
    if set(statuses) == set(STATUSES):
        return "recorded with a status"
    return " or ".join(STATUS_LABELS.get(s, s) for s in statuses)


def as_of_day(period: Period | None) -> str | None:
    """The day a period's state is read at: its last day (None: now)."""
    if period is None or period.end == LATEST:
        return None
    return period.end


def period_phrase(period: Period) -> str:
    first = period.label.split()[0].lower()
    return (
        period.label
        if first in {"before", "by", "until", "till", "after", "since", "from", "as"}
        else f"in {period.label}"
    )


def written(value: str) -> str:
    try:
        return format_date(value)
    except (ValueError, IndexError):
        return value


def seen(seen_at: str) -> str:
    """'as of 1 March 2010', or when an undated register was ingested."""
    if "T" in seen_at:
        return f"when the register was ingested on {written(seen_at[:10])}"
    return f"as of {written(seen_at)}"
