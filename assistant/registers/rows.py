"""Register rows as recommendations: status spellings, history, reading them from the index."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.errors import InvalidQuery
from index import (
    DocumentRecord,
    Filters,
    Store,
    StoredRecord,
    normalise_date,
)

STATUSES = ("implemented", "in_progress", "not_started", "superseded")
OPEN = ("in_progress", "not_started")
_SPELLINGS = {
    "implemented": "complete completed done closed fully_implemented met achieved delivered",
    "in_progress": "inprogress ongoing underway under_way started being_implemented"
    " partially_implemented partly_implemented in_hand",
    "not_started": "not_yet_started pending planned to_do todo open outstanding",
    "superseded": "replaced withdrawn no_longer_applicable",
}
_ALIASES = {alias: status for status, words in _SPELLINGS.items() for alias in words.split()}
STATUS_LABELS = {
    "implemented": "implemented",
    "in_progress": "in progress",
    "not_started": "not started",
    "superseded": "superseded",
}
KIND_NOUNS = {"scr_recommendation": "recommendations", "action_plan_note": "action-plan items"}
MAX_LISTED = 30


def normalise_status(value: str) -> str:
    """'In progress', 'in-progress', 'Complete' → one of STATUSES; other words kept, tidied."""
    word = re.sub(r"[\s\-]+", "_", value.strip().lower())
    return word if word in STATUSES else _ALIASES.get(word, word or "unknown")


def status_filter(value: str | None) -> tuple[str, ...] | None:
    """A --status / ?status= value: a status, or 'open' (in progress or not started)."""
    if value is None or not value.strip():
        return None
    if value.strip().lower() in {"open", "outstanding"}:
        return OPEN
    status = normalise_status(value)
    if status not in STATUSES:
        raise InvalidQuery(
            f"unknown status {value!r} (expected open or one of {', '.join(STATUSES)})"
        )
    return (status,)


@dataclass(frozen=True)
class StatusChange:
    """A status as first seen in the register at a date (its as-of date, else when ingested)."""

    status: str
    seen_at: str

    def as_dict(self) -> dict[str, str]:
        """JSON: status, seen_at."""
        return {"status": self.status, "seen_at": self.seen_at}


@dataclass(frozen=True)
class Recommendation:
    """One register row: what it asks, who owns it, its status, dates and status history."""

    ref: str
    text: str
    owner: str | None
    status: str
    due: str | None
    completed: str | None
    evidence: str | None
    source: str | None
    kind: str
    document: DocumentRecord
    row: int
    history: tuple[StatusChange, ...]
    record: StoredRecord = field(repr=False, compare=False)

    @property
    def is_open(self) -> bool:
        """In progress or not started."""
        return self.status in OPEN

    def status_at(self, day: str) -> str | None:
        """The status the register recorded on or before `day` (None: not yet seen then)."""
        seen = [c.status for c in self.history if c.seen_at[:10] <= day]
        return seen[-1] if seen else None

    def as_dict(self) -> dict[str, object]:
        """JSON: the row's fields, its document, row number and status history."""
        return {
            "ref": self.ref,
            "text": self.text,
            "owner": self.owner,
            "status": self.status,
            "due": self.due,
            "completed": self.completed,
            "evidence": self.evidence,
            "source": self.source,
            "kind": self.kind,
            "document": self.document.as_dict(),
            "row": self.row,
            "history": [h.as_dict() for h in self.history],
        }


def read_register(
    store: Store,
    *,
    kind: str | None = None,
    status: tuple[str, ...] | None = None,
    day_first: bool = True,
) -> list[Recommendation]:
    """The register rows (rows with a status column), optionally of one kind and status."""
    records = store.records(Filters(kind=kind) if kind else None, having="status")
    rows = [_recommendation(r, day_first) for r in records]
    return [r for r in rows if status is None or r.status in status]


def _recommendation(record: StoredRecord, day_first: bool) -> Recommendation:
    history: list[StatusChange] = []
    for change in record.changes("status"):
        status = normalise_status(change.value)
        if not history or history[-1].status != status:
            history.append(StatusChange(status, change.seen_at))
    return Recommendation(
        ref=record.field("ref", "id") or record.document.title,
        text=record.field("text", "description", "recommendation", "body", "title")
        or record.document.title,
        owner=record.field("owner", "lead", "responsible") or None,
        status=normalise_status(record.field("status") or ""),
        due=_date(record.field("due", "due_date", "due date", "deadline"), day_first),
        completed=_date(
            record.field("completed", "completed_date", "date_completed", "completed_on"),
            day_first,
        ),
        evidence=record.field("evidence") or None,
        source=record.field("source") or record.document.attribution,
        kind=record.document.kind,
        document=record.document,
        row=record.row,
        history=tuple(history),
        record=record,
    )


def _date(value: str | None, day_first: bool) -> str | None:
    """A date column, normalised when it reads as a date, else as written."""
    if not value:
        return None
    try:
        return normalise_date(value, day_first=day_first)
    except ValueError:
        return value
