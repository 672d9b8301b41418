"""Who may use the HTTP service, what they asked, and the answers they were given.

Keys, the audit trail and stored answers live in `service.sqlite3` in the home
folder, apart from the index. Nothing here imports FastAPI: the service and the
CLI both build on it.
"""

from __future__ import annotations

from assistant.access.answers import AnswerArchive, StoredAnswer
from assistant.access.audit import AuditEntry, AuditLog
from assistant.access.db import DB_NAME, ServiceDb
from assistant.access.errors import AccessError, AnswerNotFound, DuplicateKeyName, KeyNotFound
from assistant.access.keys import KeyInfo, KeyStore, Role, allows, parse_role

__all__ = [
    "DB_NAME",
    "AccessError",
    "AnswerArchive",
    "AnswerNotFound",
    "AuditEntry",
    "AuditLog",
    "DuplicateKeyName",
    "KeyInfo",
    "KeyNotFound",
    "KeyStore",
    "Role",
    "ServiceDb",
    "StoredAnswer",
    "allows",
    "parse_role",
]
