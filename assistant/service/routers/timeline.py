"""GET /v1/timeline: dated events in order, each with its citations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.engine import make_filters
from assistant.service.deps import ReaderDep, StateDep
from assistant.service.schemas import ErrorOut, Kind

router = APIRouter(prefix="/v1", tags=["timeline"])


@router.get("/timeline", responses={400: {"model": ErrorOut}})
def get_timeline(
    _: ReaderDep,
    state: StateDep,
    kind: Kind | None = None,
    since: Annotated[str | None, Query(max_length=40)] = None,
    until: Annotated[str | None, Query(max_length=40)] = None,
    about: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, object]:
    """Events whose dates overlap [since, until], optionally about some words."""
    filters = make_filters(kind, since, until, state.settings.day_first)
    events = state.current().timeline(filters, about)
    return {"events": [e.as_dict() for e in events], "count": len(events)}
