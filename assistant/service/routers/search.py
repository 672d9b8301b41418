"""POST /v1/search: ranked passages with their provenance."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.service.answering import filters_of
from assistant.service.deps import ReaderDep, StateDep
from assistant.service.errors import ApiError
from assistant.service.schemas import ErrorOut, SearchOut, SearchRequest

router = APIRouter(prefix="/v1", tags=["search"])


@router.post(
    "/search",
    response_model=SearchOut,
    responses={400: {"model": ErrorOut}, 401: {"model": ErrorOut}},
)
def search(body: SearchRequest, _: ReaderDep, state: StateDep) -> dict[str, object]:
    """Hybrid keyword + semantic search over passages."""
    if body.top_k > state.settings.max_page_size:
        raise ApiError(400, "invalid_request", f"top_k is at most {state.settings.max_page_size}")
    if len(body.query) > state.settings.max_question_chars:
        raise ApiError(400, "invalid_query", "the query is too long")
    hits = state.current().search(body.query, body.top_k, filters_of(body.filters, state))
    return {"query": body.query, "hits": [h.as_dict() for h in hits]}
