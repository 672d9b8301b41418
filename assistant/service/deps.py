"""Dependencies: the service state, the caller's key and role, the rate limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from assistant.access import Role, allows, parse_role
from assistant.service.errors import ApiError
from assistant.service.ratelimit import retry_after
from assistant.service.server import is_loopback
from assistant.service.state import ServiceState


def get_state(request: Request) -> ServiceState:
    """The state the lifespan loaded."""
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]
_BEARER = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True)
class Caller:
    """Who is asking: the key's name (None when the service is open) and its role."""

    name: str | None
    role: Role


def _authenticate(request: Request, state: ServiceState) -> Caller:
    """Open (as admin) on loopback while no key is active; otherwise a valid Bearer key."""
    if not state.keys.any_active():
        if is_loopback(state.settings.bind_host):
            return Caller(None, Role.ADMIN)
        raise ApiError(
            401, "unauthorized", "no API key is active: an admin must create one", _BEARER
        )
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "unauthorized",
            "an API key is required: send 'Authorization: Bearer <key>'",
            _BEARER,
        )
    info = state.keys.verify(token.strip())
    if info is None:
        raise ApiError(401, "unauthorized", "unknown or revoked API key", _BEARER)
    return Caller(info.name, parse_role(info.role))


def require(role: Role) -> Callable[[Request, ServiceState], Caller]:
    """A dependency that admits callers with at least `role`, within their rate."""

    def dependency(request: Request, state: StateDep) -> Caller:
        caller = _authenticate(request, state)
        if not allows(caller.role, role):
            raise ApiError(403, "forbidden", f"this needs a key with the {role} role")
        identity = caller.name or (request.client.host if request.client else "local")
        wait = state.limiter.take(identity)
        if wait > 0:
            raise ApiError(
                429,
                "rate_limited",
                f"too many requests; retry in {retry_after(wait)} s",
                {"Retry-After": retry_after(wait)},
            )
        return caller

    return dependency


ReaderDep = Annotated[Caller, Depends(require(Role.READER))]
EditorDep = Annotated[Caller, Depends(require(Role.EDITOR))]
AdminDep = Annotated[Caller, Depends(require(Role.ADMIN))]
