"""What the service holds for its lifetime: the index (reader and writer), keys, audit, answers."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assistant.access import AnswerArchive, AuditLog, KeyStore
from assistant.engine import Assistant, open_embedder
from assistant.service.ratelimit import RateLimiter
from assistant.settings import Settings
from index import Embedder


@dataclass
class ServiceState:
    """Loaded once in the lifespan; shared by every request."""

    settings: Settings
    reader: Assistant
    writer: Assistant
    keys: KeyStore
    audit: AuditLog
    answers: AnswerArchive
    limiter: RateLimiter
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self) -> Assistant:
        """The reader, its vectors reloaded if an ingest changed the index since last time."""
        self.reader.store.refresh()
        return self.reader

    def close(self) -> None:
        """Release the databases."""
        self.reader.close()
        self.writer.close()


def open_state(settings: Settings, embedder: Embedder | None = None) -> ServiceState:
    """Load the model and the index once; the writer shares the model, not the vectors."""
    model = embedder or open_embedder(settings)
    writer = Assistant(settings, embedder=model, create=True)
    writer.store.bind_model(model.name, model.dimension, model.encoder)  # creates it if need be
    reader = Assistant(settings, embedder=model)
    _ = reader.searcher  # model bound, index checked
    _ = reader.store.vectors  # vectors loaded now, not on the first request
    return ServiceState(
        settings=settings,
        reader=reader,
        writer=writer,
        keys=KeyStore(settings.home),
        audit=AuditLog(settings.home, retention_days=settings.audit_retention_days),
        answers=AnswerArchive(settings.home),
        limiter=RateLimiter(settings.rate_per_minute),
    )
