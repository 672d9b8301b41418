"""Who calls over MCP. Over HTTP the service's keys, roles and rate apply to every message
sent to /mcp (an ASGI gate in front of the transport); over stdio the caller is the person
who started the process, an editor only with --allow-edits."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Protocol

from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.access import KeyStore, Role, allows, parse_role
from assistant.mcp.records import Caller

SCOPE_KEY = "records.caller"
"""Where the gate leaves the caller in the ASGI scope; the tools read it from the request."""


class Limiter(Protocol):
    """A per-identity rate limit: 0 when allowed, else the seconds to wait."""

    def take(self, identity: str) -> float:
        """Spend one request of `identity`'s allowance."""
        ...


class Gate(Protocol):
    """What the gate needs of the running service: its keys and its rate limit."""

    @property
    def keys(self) -> KeyStore: ...

    @property
    def limiter(self) -> Limiter: ...


class Refused(Exception):
    """A request the gate turns away: status, stable code, message, headers."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str]) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


_BEARER = {"WWW-Authenticate": "Bearer"}


class McpGate:
    """Admit an MCP request with a valid key (or none while the service is open on
    loopback), within the key's rate; the caller rides along in the scope."""

    def __init__(self, app: ASGIApp, state: Callable[[], Gate], *, open_when_keyless: bool) -> None:
        self.app = app
        self.state = state
        self.open_when_keyless = open_when_keyless

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            caller = self.admit(scope)
        except Refused as refused:
            await _refuse(send, refused)
            return
        scope[SCOPE_KEY] = caller
        await self.app(scope, receive, send)

    def admit(self, scope: Scope) -> Caller:
        """The caller of this request, or Refused (401 without a valid key, 429 over rate)."""
        state = self.state()
        caller = self._authenticate(scope, state.keys)
        client = scope.get("client")
        identity = caller.name or (client[0] if client else "local")
        wait = state.limiter.take(identity)
        if wait > 0:
            seconds = str(max(1, math.ceil(wait)))
            raise Refused(
                429,
                "rate_limited",
                f"too many requests; retry in {seconds} s",
                {"Retry-After": seconds},
            )
        return caller

    def _authenticate(self, scope: Scope, keys: KeyStore) -> Caller:
        if not keys.any_active():
            if self.open_when_keyless:
                return Caller(None, Role.ADMIN)
            raise Refused(
                401, "unauthorized", "no API key is active: an admin must create one", _BEARER
            )
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(
                401,
                "unauthorized",
                "an API key is required: send 'Authorization: Bearer <key>'",
                _BEARER,
            )
        info = keys.verify(token.strip())
        if info is None:
            raise Refused(401, "unauthorized", "unknown or revoked API key", _BEARER)
        return Caller(info.name, parse_role(info.role))


def caller_from(request: object, fallback: Caller | None) -> Caller | None:
    """The caller the gate admitted (HTTP), else the process's own caller (stdio)."""
    scope = getattr(request, "scope", None)
    if isinstance(scope, dict) and isinstance(scope.get(SCOPE_KEY), Caller):
        found: Caller = scope[SCOPE_KEY]
        return found
    return fallback


def may_edit(caller: Caller) -> bool:
    """Ingest and remove are for editors and admins."""
    return allows(caller.role, Role.EDITOR)


async def _refuse(send: Send, refused: Refused) -> None:
    body = json.dumps({"error": {"code": refused.code, "message": refused.message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in refused.headers.items()]
    await send({"type": "http.response.start", "status": refused.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
