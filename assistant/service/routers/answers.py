"""GET /v1/answers/{id}: any answer served, as it was served (the press office's receipt)."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.service.deps import ReaderDep, StateDep
from assistant.service.schemas import ErrorOut

router = APIRouter(prefix="/v1/answers", tags=["answers"])


@router.get("/{answer_id}", responses={404: {"model": ErrorOut}})
def get_answer(answer_id: str, _: ReaderDep, state: StateDep) -> dict[str, object]:
    """The stored answer with its citations, endpoint, time and index generation."""
    stored = state.answers.get(answer_id)
    return {
        "id": stored.id,
        "created_at": stored.created_at,
        "endpoint": stored.endpoint,
        "generation": stored.generation,
        "answer": stored.payload,
    }
