"""Liveness and readiness, open to all (no key needed)."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.service.deps import StateDep
from assistant.service.schemas import Health, Ready

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/ready", response_model=Ready)
def ready(state: StateDep) -> dict[str, object]:
    """The index is loaded: how much it holds, its generation and the model."""
    assistant = state.current()
    documents, chunks = assistant.store.counts()
    return {
        "status": "ready",
        "documents": documents,
        "chunks": chunks,
        "generation": assistant.store.generation,
        "model": assistant.store.model,
    }
