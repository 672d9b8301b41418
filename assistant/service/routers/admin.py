"""Admin only: the audit trail and API keys over HTTP."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.service.deps import AdminDep, StateDep
from assistant.service.schemas import ErrorOut

router = APIRouter(prefix="/v1", tags=["admin"])


class KeyRequest(BaseModel):
    """A new key's role and optional name."""

    role: Literal["reader", "editor", "admin"]
    name: str | None = Field(default=None, max_length=80)


@router.get("/audit", responses={403: {"model": ErrorOut}})
def audit(
    _: AdminDep,
    state: StateDep,
    since: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, object]:
    """Audit rows, newest first: who asked what, what was cited, from which generation."""
    return {"entries": [asdict(e) for e in state.audit.list(since=since, limit=limit)]}


@router.get("/keys", responses={403: {"model": ErrorOut}})
def list_keys(_: AdminDep, state: StateDep) -> dict[str, object]:
    """Keys without their secrets."""
    return {"keys": [asdict(k) for k in state.keys.list()]}


@router.post("/keys", responses={403: {"model": ErrorOut}})
def create_key(body: KeyRequest, _: AdminDep, state: StateDep) -> dict[str, object]:
    """A new key; its secret is in this response only."""
    info, secret = state.keys.create(body.role, body.name)
    return {**asdict(info), "key": secret}


@router.delete("/keys/{key}", responses={403: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def revoke_key(key: str, _: AdminDep, state: StateDep) -> dict[str, object]:
    """Revoke a key by id or name."""
    return asdict(state.keys.revoke(key))
