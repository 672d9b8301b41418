"""API keys: roles, creation (the secret shown once), revocation and verification.

Only a SHA-256 hash of each secret is stored, so a copy of the database grants
nothing. A secret has 192 random bits, so an unsalted fast hash is enough.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from assistant.access.db import ServiceDb, iso, utc_now
from assistant.access.errors import AccessError, DuplicateKeyName, KeyNotFound

PREFIX = "rk_"
TOUCH_EVERY = timedelta(minutes=1)  # last_used_at is written at most this often per key
_COLUMNS = "id, name, role, created_at, revoked_at, last_used_at"


class Role(StrEnum):
    """What a key may do; each role includes everything below it."""

    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Position in reader < editor < admin."""
        return list(Role).index(self)


def parse_role(value: Role | str) -> Role:
    """A Role from its name, or an AccessError naming the choices."""
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(role.value for role in Role)
        raise AccessError(f"unknown role {value!r}: choose one of {choices}") from None


def allows(role: Role | str, needed: Role | str) -> bool:
    """Whether a key with `role` may do what needs `needed`."""
    return parse_role(role).rank >= parse_role(needed).rank


@dataclass(frozen=True)
class KeyInfo:
    """Everything about a key except its secret and the secret's hash."""

    id: str
    name: str
    role: Role
    created_at: str
    revoked_at: str | None = None
    last_used_at: str | None = None

    @property
    def active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None

    def as_dict(self) -> dict[str, object]:
        """JSON: the fields, the role as its name, and whether the key is active."""
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role.value,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
            "last_used_at": self.last_used_at,
            "active": self.active,
        }


def hash_secret(secret: str) -> str:
    """The stored form of a secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    """'rk_' and 32 URL-safe characters (24 random bytes)."""
    return PREFIX + secrets.token_urlsafe(24)


class KeyStore:
    """The API keys of one home folder."""

    def __init__(self, home: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._db = ServiceDb(home)
        self._clock = clock

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def create(self, role: Role | str, name: str | None = None) -> tuple[KeyInfo, str]:
        """A new key and its secret: the only time the secret is ever available."""
        role = parse_role(role)
        if name is not None and not name.strip():
            raise AccessError("a key name must not be empty")
        secret = new_secret()
        with self._db.transaction() as db:
            key_id = _free_id(db)
            info = KeyInfo(
                id=key_id,
                name=name.strip() if name else f"{role.value}-{key_id}",
                role=role,
                created_at=iso(self._clock()),
            )
            if _active_named(db, info.name) is not None:
                raise DuplicateKeyName(f"an active key is already named {info.name!r}")
            db.execute(
                "INSERT INTO api_keys (id, name, role, secret_hash, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (info.id, info.name, info.role.value, hash_secret(secret), info.created_at),
            )
        return info, secret

    def list(self) -> list[KeyInfo]:
        """Every key, active or revoked, oldest first."""
        rows = self._db.query(f"SELECT {_COLUMNS} FROM api_keys ORDER BY created_at, id")
        return [_info(row) for row in rows]

    def revoke(self, key_id_or_name: str) -> KeyInfo:
        """Stop a key working at once; by id, else by the name of an active key."""
        with self._db.transaction() as db:
            row = _by_id(db, key_id_or_name) or _active_named(db, key_id_or_name)
            if row is None:
                raise KeyNotFound(f"no key with id or active name {key_id_or_name!r}")
            if row["revoked_at"] is None:
                db.execute(
                    "UPDATE api_keys SET revoked_at = ? WHERE id = ?",
                    (iso(self._clock()), row["id"]),
                )
            return _info(_by_id(db, row["id"]))

    def verify(self, secret: str) -> KeyInfo | None:
        """The active key with this secret, or None; marks it used (at most once a minute)."""
        if not isinstance(secret, str) or not secret.startswith(PREFIX):
            return None
        digest = hash_secret(secret)
        rows = self._db.query(
            f"SELECT {_COLUMNS}, secret_hash FROM api_keys WHERE secret_hash = ?", (digest,)
        )
        if not rows or not hmac.compare_digest(rows[0]["secret_hash"], digest):
            return None
        info = _info(rows[0])
        return self._touch(info) if info.active else None

    def any_active(self) -> bool:
        """Whether any key still works (no keys at all may mean an open local service)."""
        return bool(self._db.query("SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1"))

    def _touch(self, info: KeyInfo) -> KeyInfo:
        """Record use, but skip the write when the last one is under a minute old."""
        now = self._clock()
        last = info.last_used_at
        if last is not None and now - datetime.fromisoformat(last) < TOUCH_EVERY:
            return info
        stamp = iso(now)
        self._db.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (stamp, info.id))
        return KeyInfo(info.id, info.name, info.role, info.created_at, info.revoked_at, stamp)


def _free_id(db: sqlite3.Connection) -> str:
    """Eight hex characters not yet used by any key."""
    while True:
        key_id = secrets.token_hex(4)
        if _by_id(db, key_id) is None:
            return key_id


def _by_id(db: sqlite3.Connection, key_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        f"SELECT {_COLUMNS} FROM api_keys WHERE id = ?", (key_id,)
    ).fetchone()
    return row


def _active_named(db: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        f"SELECT {_COLUMNS} FROM api_keys WHERE name = ? AND revoked_at IS NULL", (name,)
    ).fetchone()
    return row


def _info(row: sqlite3.Row | None) -> KeyInfo:
    if row is None:  # only after a row was just read in the same transaction
        raise KeyNotFound("the key vanished while it was being read")
    return KeyInfo(
        id=row["id"],
        name=row["name"],
        role=Role(row["role"]),
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        last_used_at=row["last_used_at"],
    )
