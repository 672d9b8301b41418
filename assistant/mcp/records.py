"""What the MCP tools need from the process they run in: the index, the audit trail, the
receipts, and who is calling. The HTTP service's state already has this shape; stdio builds
its own."""

from __future__ import annotations

import getpass
import threading
from dataclasses import dataclass
from typing import Protocol

from assistant.access import AnswerArchive, AuditLog, Role
from assistant.engine import Assistant
from assistant.settings import Settings


@dataclass(frozen=True)
class Caller:
    """Who calls a tool: the key's name (None when the service is open) and its role."""

    name: str | None
    role: Role


class Records(Protocol):
    """The index (a reader kept current, a writer for edits), the audit trail and receipts."""

    @property
    def settings(self) -> Settings: ...

    @property
    def writer(self) -> Assistant: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def answers(self) -> AnswerArchive: ...

    @property
    def write_lock(self) -> threading.Lock: ...

    def current(self) -> Assistant:
        """The reader, reloaded if an ingest changed the index since the last call."""
        ...


class LocalRecords:
    """One process over one home (stdio): the same Assistant reads and writes."""

    def __init__(self, settings: Settings, *, create: bool = False) -> None:
        self.settings = settings
        self.reader = Assistant(settings, create=create)
        self.audit = AuditLog(settings.home, retention_days=settings.audit_retention_days)
        self.answers = AnswerArchive(settings.home)
        self.write_lock = threading.Lock()

    @property
    def writer(self) -> Assistant:
        """The reader itself: in one process, an ingest updates the index it reads."""
        return self.reader

    def current(self) -> Assistant:
        """The reader, its vectors reloaded if another process changed the index."""
        if "store" in self.reader.__dict__:
            self.reader.store.refresh()
        return self.reader

    def close(self) -> None:
        """Release the databases."""
        self.reader.close()
        self.audit.close()
        self.answers.close()


def local_caller(allow_edits: bool) -> Caller:
    """The person who started `assistant mcp`: an editor only with --allow-edits."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "local"
    return Caller(f"stdio:{user}", Role.EDITOR if allow_edits else Role.READER)
