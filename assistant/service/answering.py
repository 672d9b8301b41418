"""Serving an answer: filters in, the ask JSON out, archived as a receipt and audited."""

from __future__ import annotations

import time
from collections.abc import Callable

from assistant.access import AuditEntry
from assistant.answer.models import Answer
from assistant.conversation import Resolution, Turn, resolve
from assistant.conversation.asking import ask_resolved
from assistant.conversation.unresolved import unresolved_answer
from assistant.engine import make_filters
from assistant.errors import AssistantError
from assistant.service.deps import Caller
from assistant.service.schemas import Filters as FiltersIn
from assistant.service.state import ServiceState
from index import Filters


def filters_of(body: FiltersIn | None, state: ServiceState) -> Filters:
    """Validated index filters from the request (InvalidQuery names a bad value)."""
    if body is None:
        return Filters()
    return make_filters(body.kind, body.since, body.until, state.settings.day_first)


def resolve_chat(state: ServiceState, turns: list[Turn], filters: Filters) -> Resolution:
    """The last user turn made self-contained; an earlier answer the client did not send back
    is asked again, so "she" can find the person it named."""
    reader = state.current()

    def recall(question: str) -> str:
        try:
            return reader.ask(question, filters).answer
        except AssistantError:
            return ""  # an earlier question that cannot be answered names nobody

    return resolve(turns, recall, reader.is_common_name)


def chat_answer(state: ServiceState, resolution: Resolution, filters: Filters) -> Answer:
    """The resolved question's answer; not_found saying what could not be resolved."""
    reader = state.current()
    if resolution.unresolved:
        documents, passages = reader.store.counts()
        return unresolved_answer(resolution, filters, documents, passages)
    return ask_resolved(resolution, lambda question: reader.ask(question, filters))


def serve_answer(
    state: ServiceState,
    caller: Caller,
    endpoint: str,
    produce: Callable[[], Answer],
    extra: dict[str, object] | None = None,
) -> dict[str, object]:
    """Answer, archive the payload under a new id, write the audit row, return the payload."""
    started = time.perf_counter()
    try:
        answer = produce()
    except Exception:
        _audit(state, caller, endpoint, None, "error", [], None, started)
        raise
    generation = state.reader.store.generation
    payload: dict[str, object] = {**answer.as_dict(), **(extra or {})}
    payload["generation"] = generation
    payload["answer_id"] = state.answers.save(payload, generation, endpoint)
    cited = sorted({c.evidence.document.id for c in answer.citations})
    _audit(state, caller, endpoint, answer.question, answer.status, cited, payload, started)
    return payload


def _audit(
    state: ServiceState,
    caller: Caller,
    endpoint: str,
    question: str | None,
    status: str,
    cited: list[str],
    payload: dict[str, object] | None,
    started: float,
) -> None:
    state.audit.record(
        AuditEntry.timed(
            started,
            key_name=caller.name,
            endpoint=endpoint,
            question=question,
            status=status,
            cited=cited,
            answer_id=None if payload is None else str(payload["answer_id"]),
            generation=None if payload is None else int(str(payload["generation"])),
        )
    )
