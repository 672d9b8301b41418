"""Record fields (a register row's columns) and their append-only history of values.

The index stores columns as they are; what a column means is for the reader to say.
History outlives the document rows: replacing or removing a record never deletes it,
so a re-ingested register keeps every value it ever held, with the date it was seen.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from index.records import DocumentRecord


@dataclass(frozen=True)
class FieldChange:
    """A field's value as first seen at a date (an as-of column, else the ingest time)."""

    field: str
    value: str
    seen_at: str

    def as_dict(self) -> dict[str, str]:
        """JSON: field, value, seen_at."""
        return {"field": self.field, "value": self.value, "seen_at": self.seen_at}


@dataclass(frozen=True)
class StoredRecord:
    """A register row as stored: its document, row, columns, text and value history."""

    document: DocumentRecord
    row: int
    seen_at: str
    fields: dict[str, str]  # column -> value, in file order
    text: str  # the document's stored text (citation offsets point into it)
    history: tuple[FieldChange, ...] = ()  # oldest first

    def field(self, *names: str) -> str | None:
        """The value of the first column named (case-insensitively) that the row has."""
        lowered = {name.lower(): value for name, value in self.fields.items()}
        return next((lowered[n.lower()] for n in names if n.lower() in lowered), None)

    def changes(self, *names: str) -> list[FieldChange]:
        """The history of the columns named (case-insensitively), oldest first."""
        wanted = {n.lower() for n in names}
        return [c for c in self.history if c.field.lower() in wanted]


def write_fields(
    db: sqlite3.Connection,
    doc_id: str,
    row: int,
    seen_at: str,
    fields: tuple[tuple[str, str], ...],
) -> None:
    """Store a row's columns, and append to the history every value that changed."""
    db.execute(
        "INSERT INTO record_rows (doc_id, row, seen_at) VALUES (?, ?, ?)", (doc_id, row, seen_at)
    )
    db.executemany(
        "INSERT INTO record_fields (doc_id, ord, field, value) VALUES (?, ?, ?, ?)",
        [(doc_id, i, name, value) for i, (name, value) in enumerate(fields)],
    )
    last = _last_seen(db, doc_id)
    current = dict(fields)
    changed = [(n, v) for n, v in fields if last.get(n) != v]
    changed += [(n, "") for n, v in last.items() if n not in current and v != ""]
    db.executemany(
        "INSERT INTO record_history (doc_id, field, value, seen_at) VALUES (?, ?, ?, ?)",
        [(doc_id, name, value, seen_at) for name, value in changed],
    )


def delete_fields(db: sqlite3.Connection, doc_id: str) -> None:
    """Drop a record's current columns; its history stays."""
    db.execute("DELETE FROM record_fields WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM record_rows WHERE doc_id = ?", (doc_id,))


def read_fields(
    db: sqlite3.Connection, doc_ids: list[str]
) -> tuple[dict[str, dict[str, str]], dict[str, list[FieldChange]]]:
    """Columns and history of the given records."""
    fields: dict[str, dict[str, str]] = {d: {} for d in doc_ids}
    history: dict[str, list[FieldChange]] = {d: [] for d in doc_ids}
    for start in range(0, len(doc_ids), 500):
        batch = doc_ids[start : start + 500]
        marks = ",".join("?" * len(batch))
        for doc_id, name, value in db.execute(
            f"SELECT doc_id, field, value FROM record_fields WHERE doc_id IN ({marks})"
            " ORDER BY doc_id, ord",
            batch,
        ):
            fields[doc_id][name] = value
        for doc_id, name, value, seen in db.execute(
            "SELECT doc_id, field, value, seen_at FROM record_history"
            f" WHERE doc_id IN ({marks}) ORDER BY seen_at, id",
            batch,
        ):
            history[doc_id].append(FieldChange(name, value, seen))
    return fields, history


def _last_seen(db: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    """Each field's value as most recently recorded (in the order rows were appended)."""
    rows = db.execute(
        "SELECT field, value FROM record_history WHERE doc_id = ? ORDER BY id", (doc_id,)
    )
    return {str(name): str(value) for name, value in rows}
