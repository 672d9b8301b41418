"""Keys, the audit trail and stored answers, on a real service.sqlite3."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import assistant.access
from assistant.access import (
    DB_NAME,
    AccessError,
    AnswerArchive,
    AnswerNotFound,
    AuditEntry,
    AuditLog,
    DuplicateKeyName,
    KeyNotFound,
    KeyStore,
    Role,
    allows,
)
from assistant.errors import AssistantError

from .conftest import REPO

START = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand, so time-dependent rules are exact."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def keys(tmp_path: Path, clock: Clock) -> Iterator[KeyStore]:
    store = KeyStore(tmp_path, clock=clock)
    yield store
    store.close()


@pytest.fixture
def log(tmp_path: Path, clock: Clock) -> Iterator[AuditLog]:
    audit = AuditLog(tmp_path, retention_days=30, clock=clock)
    yield audit
    audit.close()


# ---- keys -------------------------------------------------------------------


def test_create_verify_list_revoke(keys: KeyStore) -> None:
    info, secret = keys.create("editor")
    assert secret.startswith("rk_") and len(secret) == 35
    assert len(info.id) == 8 and int(info.id, 16) >= 0
    assert info.name == f"editor-{info.id}" and info.role is Role.EDITOR
    assert info.created_at == START.isoformat(timespec="microseconds") and info.active

    verified = keys.verify(secret)
    assert verified is not None and verified.id == info.id
    assert verified.last_used_at is not None
    assert keys.verify(secret + "x") is None
    assert keys.verify("not-a-key") is None
    assert keys.any_active()

    listed = keys.list()
    assert [k.id for k in listed] == [info.id]
    assert "rk_" not in repr(listed) and "secret" not in listed[0].as_dict()

    revoked = keys.revoke(info.name)
    assert revoked.revoked_at is not None and not revoked.active
    assert keys.verify(secret) is None
    assert not keys.any_active()
    assert keys.revoke(info.id).revoked_at == revoked.revoked_at  # by id, again: no change


def test_unknown_key_and_unknown_role(keys: KeyStore) -> None:
    with pytest.raises(KeyNotFound):
        keys.revoke("nobody")
    with pytest.raises(AccessError, match="unknown role"):
        keys.create("superuser")
    assert issubclass(KeyNotFound, AssistantError)


def test_only_the_hash_is_stored(tmp_path: Path, keys: KeyStore) -> None:
    _, secret = keys.create(Role.ADMIN, name="ops")
    assert keys.verify(secret) is not None
    keys.close()
    files = [p for p in tmp_path.iterdir() if p.name.startswith(DB_NAME)]
    assert files
    for path in files:
        data = path.read_bytes()
        assert secret.encode() not in data and secret[3:].encode() not in data
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        (stored,) = db.execute("SELECT secret_hash FROM api_keys").fetchone()
    assert len(stored) == 64 and stored != secret


def test_names_are_unique_among_active_keys(keys: KeyStore) -> None:
    first, _ = keys.create("reader", name="dashboard")
    with pytest.raises(DuplicateKeyName):
        keys.create("admin", name="dashboard")
    keys.revoke("dashboard")
    second, _ = keys.create("reader", name="dashboard")  # free again once revoked
    assert second.id != first.id
    assert keys.revoke("dashboard").id == second.id
    with pytest.raises(AccessError):
        keys.create("reader", name="  ")


def test_last_used_is_written_at_most_once_a_minute(keys: KeyStore, clock: Clock) -> None:
    _, secret = keys.create("reader")
    first = keys.verify(secret)
    assert first is not None and first.last_used_at == START.isoformat(timespec="microseconds")
    clock.advance(seconds=30)
    assert keys.list()[0].last_used_at == first.last_used_at
    again = keys.verify(secret)
    assert again is not None and again.last_used_at == first.last_used_at
    clock.advance(seconds=31)
    later = keys.verify(secret)
    assert later is not None and later.last_used_at != first.last_used_at
    assert keys.list()[0].last_used_at == later.last_used_at


def test_role_ordering() -> None:
    assert allows(Role.ADMIN, Role.EDITOR) and allows("editor", "reader")
    assert allows("reader", "reader")
    assert not allows("reader", Role.EDITOR) and not allows(Role.EDITOR, "admin")
    assert [r.value for r in sorted(Role, key=lambda r: r.rank)] == ["reader", "editor", "admin"]


def test_keys_are_shared_between_stores_on_one_home(tmp_path: Path) -> None:
    writer, reader = KeyStore(tmp_path), KeyStore(tmp_path)
    _, secret = writer.create("reader")
    assert reader.verify(secret) is not None
    writer.revoke(writer.list()[0].id)
    assert reader.verify(secret) is None  # revocation is seen at once, not cached
    writer.close()
    reader.close()


# ---- audit ------------------------------------------------------------------


def test_audit_record_and_list_newest_first(log: AuditLog, clock: Clock) -> None:
    stored = log.record(
        AuditEntry(
            endpoint="/ask",
            status="answered",
            key_name="dashboard",
            question="What was the vacancy rate?",
            cited=["doc-1", "doc-2"],
            answer_id="ans_0123456789abcdef",
            generation=3,
            latency_ms=12.5,
        )
    )
    assert stored.time == START.isoformat(timespec="microseconds")
    clock.advance(minutes=1)
    log.record(AuditEntry(endpoint="/search", status="401"))
    entries = log.list()
    assert [e.endpoint for e in entries] == ["/search", "/ask"]
    assert entries[1] == stored
    assert entries[1].cited == ["doc-1", "doc-2"] and entries[0].cited == []
    assert entries[0].key_name is None and entries[0].generation is None
    assert log.list(limit=1) == entries[:1]


def test_audit_since_is_inclusive_and_accepts_dates_and_times(log: AuditLog) -> None:
    for day in ("2024-04-29", "2024-04-30", "2024-05-01"):
        log.record(AuditEntry(endpoint="/ask", status="answered", time=f"{day}T09:00:00"))
    assert len(log.list(since="2024-04-30")) == 2
    assert len(log.list(since="2024-04-30T09:00:00")) == 2
    assert len(log.list(since="2024-04-30T09:00:00+01:00")) == 2  # 08:00 UTC
    assert len(log.list(since="2024-04-30T09:00:01Z")) == 1
    with pytest.raises(AccessError, match="ISO"):
        log.list(since="last tuesday")


def test_audit_purge_by_retention(log: AuditLog, clock: Clock) -> None:
    log.record(AuditEntry(endpoint="/ask", status="answered", time="2024-03-01T00:00:00"))
    log.record(AuditEntry(endpoint="/ask", status="answered", time="2024-04-15T00:00:00"))
    log.record(AuditEntry(endpoint="/ask", status="answered"))
    assert log.purge(30) == 1
    assert log.purge(30) == 0
    assert log.purge(0) == 1  # everything before now
    assert [e.time for e in log.list()] == [START.isoformat(timespec="microseconds")]


def test_record_purges_at_most_once_an_hour(log: AuditLog, clock: Clock) -> None:
    log.record(AuditEntry(endpoint="/ask", status="answered"))  # first write purges (nothing)
    log.record(AuditEntry(endpoint="/ask", status="answered", time="2023-01-01"))
    clock.advance(minutes=59)
    log.record(AuditEntry(endpoint="/ask", status="answered"))
    assert len(log.list()) == 3  # the old row waits for the next hourly purge
    clock.advance(minutes=2)
    log.record(AuditEntry(endpoint="/ask", status="answered"))
    assert len(log.list()) == 3 and all(e.time >= "2024" for e in log.list())


def test_audit_writes_from_many_threads(tmp_path: Path) -> None:
    log = AuditLog(tmp_path)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(50):
                log.record(AuditEntry(endpoint="/ask", status="answered", question=f"{worker}-{n}"))
        except BaseException as exc:  # surfaced below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    questions = {e.question for e in log.list(limit=1000)}
    assert len(questions) == 400
    log.close()


# ---- stored answers ---------------------------------------------------------


def test_answer_archive_save_and_get(tmp_path: Path, clock: Clock) -> None:
    archive = AnswerArchive(tmp_path, clock=clock)
    payload = {"status": "answered", "answer": "It fell to 15 per cent. [1]", "citations": [{}]}
    answer_id = archive.save(payload, generation=7, endpoint="/ask")
    assert answer_id.startswith("ans_") and len(answer_id) == 20
    stored = archive.get(answer_id)
    assert stored.payload == payload and stored.generation == 7 and stored.endpoint == "/ask"
    assert stored.id == answer_id and stored.created_at.startswith("2024-05-01T12:00:00")
    assert archive.save(payload, 7, "/ask") != answer_id
    with pytest.raises(AnswerNotFound):
        archive.get("ans_0000000000000000")
    with pytest.raises(AccessError, match="JSON"):
        archive.save({"when": datetime.now()}, 7, "/ask")
    archive.close()


def test_the_service_database_is_apart_from_the_index(tmp_path: Path) -> None:
    archive = AnswerArchive(tmp_path / "new" / "home")
    assert not (tmp_path / "new").exists()  # nothing on disk until first use
    archive.save({}, 0, "/ask")
    assert sorted(p.name for p in (tmp_path / "new" / "home").iterdir())[0] == DB_NAME
    with sqlite3.connect(tmp_path / "new" / "home" / DB_NAME) as db:
        (mode,) = db.execute("PRAGMA journal_mode").fetchone()
    assert mode == "wal"
    archive.close()


# ---- package ----------------------------------------------------------------


def test_public_names() -> None:
    names = assistant.access.__all__
    assert sorted(names) == sorted(set(names))
    for name in names:
        assert getattr(assistant.access, name) is not None


def test_access_does_not_import_web_frameworks() -> None:
    code = "import sys, assistant.access; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    loaded = {line.split(".")[0] for line in result.stdout.split()}
    assert not loaded & {"fastapi", "starlette", "textual", "torch", "index"}
