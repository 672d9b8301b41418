"""The MCP server over the records: tools, resources, and the one middleware that lists
what this caller may use and keeps every tool error to one line. Served over stdio by
`assistant mcp`, and at /mcp (streamable HTTP) by `assistant serve`."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

import anyio
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import MCPServer
from mcp.shared.exceptions import MCPError
from mcp_types import INTERNAL_ERROR
from pydantic import BaseModel
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.mcp.auth import Gate, McpGate, caller_from, may_edit
from assistant.mcp.calls import tool_error
from assistant.mcp.editing import EDIT_TOOLS, register_edit_tools
from assistant.mcp.records import Caller, LocalRecords, Records, local_caller
from assistant.mcp.resources import document_resources, register_resources
from assistant.mcp.toolbox import Toolbox
from assistant.mcp.tools import register_read_tools
from assistant.settings import Settings

NAME = "records-assistant"
INSTRUCTIONS = """Cited answers over children's social care improvement records.
Every answer sentence is a verbatim quote followed by its [n] citation; keep quotes and
markers as they are. status not_found means the records do not say: do not answer then.
Open a citation's span with its resource URI (records://documents/{id}?start=&end=)."""


class ServiceRecords(Records, Gate, Protocol):
    """The running service's state: the records, and the keys and rate limit of its gate."""


_VALIDATION = re.compile(r"^(?P<head>.*?)\d+ validation errors? for \w+$")


def build_server(
    records: Callable[[], Records], *, caller: Caller | None, edits: bool
) -> MCPServer:
    """The server; `caller` is who calls when no gate says (stdio), `edits` adds ingest/remove."""
    box = Toolbox(records, caller)
    server: MCPServer = MCPServer(
        NAME,
        title="Records assistant",
        version="0.1.0",
        instructions=INSTRUCTIONS,
        log_level="WARNING",
        middleware=[RecordsMiddleware(box)],
    )
    register_read_tools(server, box)
    if edits:
        register_edit_tools(server, box)
    register_resources(server, box)
    return server


class RecordsMiddleware:
    """Lists the edit tools only to editors, lists every document as a resource, and folds
    a tool error (argument validation included) into one line."""

    def __init__(self, box: Toolbox) -> None:
        self.box = box

    async def __call__(
        self, ctx: ServerRequestContext[Any, Any], call_next: CallNext
    ) -> HandlerResult:
        result = _as_dict(await call_next(ctx))
        if result is None:
            return None
        if ctx.method == "tools/list":
            caller = caller_from(ctx.request, self.box.fallback)
            editor = caller is not None and may_edit(caller)
            result["tools"] = [
                {**tool, "description": " ".join(str(tool.get("description", "")).split())}
                for tool in result.get("tools", [])
                if editor or tool.get("name") not in EDIT_TOOLS
            ]
        elif ctx.method == "tools/call" and result.get("isError"):
            result["content"] = [{"type": "text", "text": fold_error(result.get("content", []))}]
        elif ctx.method == "resources/list":
            result["resources"] = [*result.get("resources", []), *await self._documents()]
        return result

    async def _documents(self) -> list[dict[str, Any]]:
        """Every document as a resource, as JSON; an unavailable index in one line."""
        try:
            found = await anyio.to_thread.run_sync(document_resources, self.box.records())
        except Exception as exc:
            raise MCPError(code=INTERNAL_ERROR, message=str(tool_error(exc))) from None
        return [r.model_dump(by_alias=True, mode="json", exclude_none=True) for r in found]


def _as_dict(result: HandlerResult) -> dict[str, Any] | None:
    if isinstance(result, BaseModel):
        dumped: dict[str, Any] = result.model_dump(by_alias=True, mode="json", exclude_none=True)
        return dumped
    return result


def fold_error(content: list[dict[str, Any]]) -> str:
    """The error's text on one line; a pydantic validation report becomes 'invalid argument'."""
    text = " ".join(str(c.get("text", "")) for c in content if c.get("type") == "text")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    match = _VALIDATION.match(lines[0]) if lines else None
    if match and len(lines) >= 3:
        reason = re.sub(r"\s*\[type=.*$", "", lines[2])
        return f"{match['head']}invalid argument {lines[1]}: {reason}"
    return " ".join(lines) or "the tool failed"


def run_stdio(settings: Settings, *, allow_edits: bool) -> None:
    """Serve MCP over stdin/stdout until the client hangs up (read-only unless allowed)."""
    records = LocalRecords(settings, create=allow_edits)
    server = build_server(lambda: records, caller=local_caller(allow_edits), edits=allow_edits)
    try:
        server.run("stdio")
    finally:
        records.close()


def http_endpoint(
    records: Callable[[], ServiceRecords], *, open_when_keyless: bool, host: str
) -> tuple[ASGIApp, Callable[[], AbstractAsyncContextManager[None]]]:
    """The /mcp ASGI endpoint behind the service's keys, and the context manager that runs
    its sessions (enter it in the service's lifespan). Stateless, so workers need not share.

    A session manager runs once, so each lifespan (a test client opens many) makes its own."""
    server = build_server(records, caller=None, edits=True)
    running: list[Any] = []

    async def handle(scope: Scope, receive: Receive, send: Send) -> None:
        await running[-1].handle_request(scope, receive, send)

    @asynccontextmanager
    async def sessions() -> AsyncIterator[None]:
        server.streamable_http_app(stateless_http=True, json_response=True, host=host)
        manager = server.session_manager
        running.append(manager)
        try:
            async with manager.run():
                yield
        finally:
            running.remove(manager)

    return McpGate(handle, records, open_when_keyless=open_when_keyless), sessions
