"""The service database: keys, audit trail and stored answers, apart from the index.

It lives beside `index.sqlite3` as `service.sqlite3`, so rebuilding or replacing
the index never loses keys or the audit trail. One connection per database object,
shared by threads under a lock; WAL lets the CLI and a running service use it at once.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from assistant.access.errors import AccessError

DB_NAME = "service.sqlite3"
SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS api_keys_active_name
    ON api_keys(name) WHERE revoked_at IS NULL;
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    key_name TEXT,
    endpoint TEXT NOT NULL,
    question TEXT,
    status TEXT NOT NULL,
    cited TEXT NOT NULL,
    answer_id TEXT,
    generation INTEGER,
    latency_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_time ON audit(time);
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    generation INTEGER NOT NULL,
    endpoint TEXT NOT NULL,
    payload TEXT NOT NULL
);
"""


def utc_now() -> datetime:
    """The current time, always timezone-aware UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """One fixed UTC format, so stored times sort and compare as strings."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class ServiceDb:
    """`service.sqlite3` in one home folder, opened (and its schema made) on first use."""

    def __init__(self, home: Path) -> None:
        self.path = home / DB_NAME
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None

    def close(self) -> None:
        """Close the connection; the next use reopens it."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        """All rows of one read, fetched under the lock so threads never share a cursor."""
        with self._guard() as db:
            return db.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """One write in its own implicit transaction; returns the rows changed."""
        with self._guard() as db:
            return db.execute(sql, params).rowcount

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Several statements as one write; BEGIN IMMEDIATE so check-then-write cannot race."""
        with self._guard() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        """The lock held, the connection open, and SQLite failures as AccessError."""
        with self._lock:
            try:
                yield self._connection()
            except sqlite3.Error as exc:
                raise AccessError(f"service database {self.path}: {exc}") from exc

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = _connect(self.path)
        return self._db


def _connect(path: Path) -> sqlite3.Connection:
    """Autocommit, WAL, schema in place; a new file is readable by its owner only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AccessError(f"cannot create the folder {path.parent}: {exc.strerror}") from exc
    is_new = not path.exists()
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(DDL)
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except sqlite3.Error as exc:
        raise AccessError(f"cannot open the service database {path}: {exc}") from exc
    if is_new:
        _owner_only(path)
    return db


def _owner_only(path: Path) -> None:
    """Key hashes and questions are nobody else's business (best effort off POSIX)."""
    with suppress(OSError):
        os.chmod(path, 0o600)
