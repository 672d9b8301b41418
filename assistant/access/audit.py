"""The audit trail: who asked what of which endpoint, what came back, and how fast.

It never holds a key, only the key's name. Writing is one INSERT, so every request
can afford it; old rows are purged now and then by the writes themselves.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from assistant.access.db import ServiceDb, iso, utc_now
from assistant.access.errors import AccessError

PURGE_EVERY = timedelta(hours=1)
_COLUMNS = "time, key_name, endpoint, question, status, cited, answer_id, generation, latency_ms"


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    """One request as the audit trail remembers it; `time` empty means now."""

    endpoint: str
    status: str
    time: str = ""
    key_name: str | None = None
    question: str | None = None
    cited: list[str] = field(default_factory=list)
    answer_id: str | None = None
    generation: int | None = None
    latency_ms: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """JSON: every field, cited as a list of document ids."""
        return asdict(self)

    @classmethod
    def timed(
        cls,
        started: float,
        *,
        endpoint: str,
        status: str,
        key_name: str | None,
        question: str | None,
        cited: list[str],
        answer_id: str | None,
        generation: int | None,
    ) -> AuditEntry:
        """An entry whose latency runs from `started` (a `time.perf_counter` reading) to now:
        the HTTP routes and the MCP tools time their requests alike."""
        return cls(
            endpoint=endpoint,
            status=status,
            key_name=key_name,
            question=question,
            cited=cited,
            answer_id=answer_id,
            generation=generation,
            latency_ms=round((time.perf_counter() - started) * 1000, 2),
        )


def normalise_time(value: str) -> str:
    """An ISO date or datetime in the stored UTC format (naive times are taken as UTC)."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise AccessError(f"not an ISO date or date-time: {value!r}") from None
    return iso(moment)


class AuditLog:
    """The audit trail of one home folder, kept for `retention_days`."""

    def __init__(
        self,
        home: Path,
        retention_days: int = 365,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        if retention_days < 0:
            raise AccessError("audit retention must be zero days or more")
        self.retention_days = retention_days
        self._db = ServiceDb(home)
        self._clock = clock
        self._purged_at: datetime | None = None
        self._purge_lock = threading.Lock()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def record(self, entry: AuditEntry) -> AuditEntry:
        """Store one entry (time filled in if empty) and return it as stored."""
        self._purge_if_due()
        time = normalise_time(entry.time) if entry.time else iso(self._clock())
        self._db.execute(
            f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                time,
                entry.key_name,
                entry.endpoint,
                entry.question,
                entry.status,
                json.dumps(list(entry.cited)),
                entry.answer_id,
                entry.generation,
                float(entry.latency_ms),
            ),
        )
        return replace(entry, time=time, cited=list(entry.cited))

    def list(self, since: str | None = None, limit: int = 1000) -> list[AuditEntry]:
        """The newest `limit` entries, newest first; `since` (inclusive) cuts older ones."""
        if limit < 1:
            raise AccessError("limit must be at least 1")
        where, params = ("WHERE time >= ?", [normalise_time(since)]) if since else ("", [])
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM audit {where} ORDER BY time DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [_entry(row) for row in rows]

    def purge(self, retention_days: int) -> int:
        """Delete entries older than `retention_days`; returns how many went."""
        if retention_days < 0:
            raise AccessError("audit retention must be zero days or more")
        cutoff = iso(self._clock() - timedelta(days=retention_days))
        return self._db.execute("DELETE FROM audit WHERE time < ?", (cutoff,))

    def _purge_if_due(self) -> None:
        """Purge on the first write and then at most once an hour."""
        now = self._clock()
        with self._purge_lock:
            if self._purged_at is not None and now - self._purged_at < PURGE_EVERY:
                return
            self._purged_at = now
        self.purge(self.retention_days)


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        time=row["time"],
        key_name=row["key_name"],
        endpoint=row["endpoint"],
        question=row["question"],
        status=row["status"],
        cited=json.loads(row["cited"]),
        answer_id=row["answer_id"],
        generation=row["generation"],
        latency_ms=row["latency_ms"],
    )
