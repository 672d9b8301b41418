"""GET /v1/recommendations: the register rows, optionally of one status, with their history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.service.deps import ReaderDep, StateDep
from assistant.service.schemas import ErrorOut, Kind

router = APIRouter(prefix="/v1", tags=["recommendations"])


@router.get("/recommendations", responses={400: {"model": ErrorOut}})
def get_recommendations(
    _: ReaderDep,
    state: StateDep,
    status: Annotated[str | None, Query(max_length=40)] = None,
    kind: Kind | None = None,
) -> dict[str, object]:
    """Register rows (SCR recommendations, action-plan items); status may be `open`."""
    rows = state.current().recommendations(status, kind)
    return {"recommendations": [r.as_dict() for r in rows], "count": len(rows)}
