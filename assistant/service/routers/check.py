"""POST /v1/check: fact-check a claim, or every sentence of a draft, archived and audited."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.access import AuditEntry
from assistant.factcheck import ClaimCheck, DraftCheck, FactChecker
from assistant.service.deps import Caller, ReaderDep, StateDep
from assistant.service.schemas import CitationOut, ErrorOut
from assistant.service.state import ServiceState

router = APIRouter(prefix="/v1", tags=["fact-check"])
ENDPOINT = "/v1/check"
AUDIT_TEXT_CHARS = 2000
"""The audit row keeps this much of a draft; the archived payload keeps all of it."""


class CheckRequest(BaseModel):
    """A single claim, or a draft statement whose every sentence is checked (one of the two)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"claim": "All twelve SCR recommendations have been fully implemented"},
                {
                    "text": "The Improvement Notice was issued in February 2009. Seventeen teams"
                    " moved to Lifford House."
                },
            ]
        },
    )
    claim: str | None = Field(default=None, min_length=1)
    text: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_of(self) -> CheckRequest:
        if (self.claim is None) == (self.text is None):
            raise ValueError("give exactly one of 'claim' or 'text'")
        return self


class ClaimCheckOut(BaseModel):
    """A verdict with its cited explanation; citations are as in the ask JSON."""

    claim: str
    verdict: Literal["supported", "contradicted", "not_found"]
    explanation: str
    citations: list[CitationOut]
    searched: dict[str, Any] = {}
    generation: int | None = None
    answer_id: str | None = None


class DraftCheckOut(BaseModel):
    """Every claim of a draft, the Markdown fact-check pack, the index generation."""

    claims: list[ClaimCheckOut]
    report: str
    generation: int
    checked_at: str
    summary: dict[str, int]
    answer_id: str | None = None


_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 413, 422, 429)
}


@router.post(
    "/check",
    response_model=ClaimCheckOut | DraftCheckOut,
    response_model_exclude_unset=True,
    responses=_RESPONSES,
)
def check(body: CheckRequest, caller: ReaderDep, state: StateDep) -> dict[str, object]:
    """Check a claim (or each sentence of `text`) against the records: supported,
    contradicted or not_found, every quote verbatim; the result is kept as a receipt
    (`answer_id`, see GET /v1/answers/{id}) and audited."""

    def checker() -> FactChecker:
        return FactChecker.of(state.current())

    if body.claim is not None:
        claim = body.claim
        return _served(state, caller, claim, lambda: _claim_payload(checker(), claim))
    text = body.text or ""
    return _served(state, caller, text, lambda: _draft_payload(checker(), text))


def _claim_payload(checker: FactChecker, claim: str) -> tuple[dict[str, object], str, list[str]]:
    result: ClaimCheck = checker.check(claim)
    payload = {**result.as_dict(), "generation": checker.store.generation}
    return payload, result.verdict, result.cited_documents


def _draft_payload(checker: FactChecker, text: str) -> tuple[dict[str, object], str, list[str]]:
    draft: DraftCheck = checker.check_draft(text)
    tally = ", ".join(f"{n} {verdict}" for verdict, n in draft.summary.items())
    return draft.as_dict(), f"draft ({tally})", draft.cited_documents


def _served(
    state: ServiceState,
    caller: Caller,
    asked: str,
    produce: Callable[[], tuple[dict[str, object], str, list[str]]],
) -> dict[str, object]:
    """Check, archive the payload as a receipt, write one audit row (errors too)."""
    started = time.perf_counter()
    question = asked if len(asked) <= AUDIT_TEXT_CHARS else asked[:AUDIT_TEXT_CHARS] + "…"
    try:
        payload, status, cited = produce()
    except Exception:
        _audit(state, caller, question, "error", [], None, None, started)
        raise
    generation = int(str(payload["generation"]))
    payload["answer_id"] = state.answers.save(payload, generation, ENDPOINT)
    _audit(state, caller, question, status, cited, str(payload["answer_id"]), generation, started)
    return payload


def _audit(
    state: ServiceState,
    caller: Caller,
    question: str,
    status: str,
    cited: list[str],
    answer_id: str | None,
    generation: int | None,
    started: float,
) -> None:
    state.audit.record(
        AuditEntry.timed(
            started,
            key_name=caller.name,
            endpoint=ENDPOINT,
            question=question,
            status=status,
            cited=cited,
            answer_id=answer_id,
            generation=generation,
        )
    )
