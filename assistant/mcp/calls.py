"""One tool call at the edge: run it, keep its receipt, write its audit row, and turn any
failure into a one-line tool error (no traceback, no server path)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from mcp.server.mcpserver.exceptions import ToolError

from assistant.access import AccessError, AuditEntry
from assistant.errors import AssistantError
from assistant.mcp.records import Caller, Records
from index import IndexLayerError, LoaderError, StoreError

log = logging.getLogger("assistant.mcp")
AUDIT_TEXT_CHARS = 2000
"""The audit row keeps this much of what was asked; a receipt keeps all of it."""
INDEX_DOWN = "the index is unavailable (is there one in this home?); see the server log"
FAILED = "the tool failed; see the server log"


@dataclass
class Outcome:
    """What a tool produced: the structured JSON, a status for the audit, what it cited."""

    payload: dict[str, object]
    status: str = "ok"
    cited: list[str] = field(default_factory=list)
    receipt: bool = False
    """Keep the payload as a receipt (`answer_id`, as the HTTP answers and checks are)."""


def endpoint_of(tool: str) -> str:
    """The audit trail's name for a tool, beside the HTTP endpoints ("/v1/ask")."""
    return f"mcp:{tool}"


def run_tool(
    records: Records,
    caller: Caller,
    tool: str,
    asked: str | None,
    produce: Callable[[], Outcome],
) -> dict[str, object]:
    """Run a tool; archive the payload if it is a receipt; audit the call, failures too."""
    started = time.perf_counter()
    asked = _clip(asked)
    try:
        outcome = produce()
    except Exception as exc:
        error = tool_error(exc)
        _audit(records, caller, tool, asked, "error", [], None, None, started)
        raise error from None
    payload = outcome.payload
    generation = payload.get("generation")
    answer_id = None
    if outcome.receipt and isinstance(generation, int):
        answer_id = records.answers.save(payload, generation, endpoint_of(tool))
        payload["answer_id"] = answer_id
    gen = generation if isinstance(generation, int) else None
    _audit(records, caller, tool, asked, outcome.status, outcome.cited, answer_id, gen, started)
    return payload


def tool_error(exc: Exception) -> ToolError:
    """A domain error as one clear line; anything else logged and named only vaguely."""
    if isinstance(exc, ToolError):
        return exc
    if isinstance(exc, StoreError):  # its text names server paths
        log.error("index unavailable: %s", exc)
        return ToolError(INDEX_DOWN)
    if isinstance(exc, LoaderError):
        return ToolError(one_line(exc.reason))
    if isinstance(exc, AssistantError | IndexLayerError | AccessError):
        return ToolError(one_line(str(exc)))
    log.exception("tool failed", exc_info=exc)
    return ToolError(FAILED)


def one_line(text: str) -> str:
    """Whitespace (newlines too) folded to single spaces."""
    return " ".join(text.split())


def _clip(text: str | None) -> str | None:
    if text is None or len(text) <= AUDIT_TEXT_CHARS:
        return text
    return text[:AUDIT_TEXT_CHARS] + "…"


def _audit(
    records: Records,
    caller: Caller,
    tool: str,
    asked: str | None,
    status: str,
    cited: list[str],
    answer_id: str | None,
    generation: int | None,
    started: float,
) -> None:
    records.audit.record(
        AuditEntry.timed(
            started,
            key_name=caller.name,
            endpoint=endpoint_of(tool),
            question=asked,
            status=status,
            cited=cited,
            answer_id=answer_id,
            generation=generation,
        )
    )
