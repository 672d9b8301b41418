"""Stored answers: each served answer kept as served, so a link to it stays true.

An answer is tied to the index generation it came from; the index may change
later, but the stored answer says what was answered then.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.access.db import ServiceDb, iso, utc_now
from assistant.access.errors import AccessError, AnswerNotFound

PREFIX = "ans_"


@dataclass(frozen=True)
class StoredAnswer:
    """An answer payload as it was served, with where and when it came from."""

    id: str
    payload: dict[str, Any]
    generation: int
    created_at: str
    endpoint: str

    def as_dict(self) -> dict[str, object]:
        """JSON: the fields, the payload as it was served."""
        return {
            "id": self.id,
            "payload": self.payload,
            "generation": self.generation,
            "created_at": self.created_at,
            "endpoint": self.endpoint,
        }


class AnswerArchive:
    """The stored answers of one home folder."""

    def __init__(self, home: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._db = ServiceDb(home)
        self._clock = clock

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def save(self, payload: dict[str, Any], generation: int, endpoint: str) -> str:
        """Keep an answer as served; returns its new id ('ans_' and 16 hex characters)."""
        try:
            text = json.dumps(payload, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise AccessError(f"an answer must be JSON to be stored: {exc}") from exc
        answer_id = PREFIX + secrets.token_hex(8)
        self._db.execute(
            "INSERT INTO answers (id, created_at, generation, endpoint, payload)"
            " VALUES (?, ?, ?, ?, ?)",
            (answer_id, iso(self._clock()), generation, endpoint, text),
        )
        return answer_id

    def get(self, answer_id: str) -> StoredAnswer:
        """The stored answer with this id, or AnswerNotFound."""
        rows = self._db.query(
            "SELECT id, created_at, generation, endpoint, payload FROM answers WHERE id = ?",
            (answer_id,),
        )
        if not rows:
            raise AnswerNotFound(f"no stored answer with id {answer_id!r}")
        row = rows[0]
        return StoredAnswer(
            id=row["id"],
            payload=json.loads(row["payload"]),
            generation=row["generation"],
            created_at=row["created_at"],
            endpoint=row["endpoint"],
        )
