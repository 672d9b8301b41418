"""MCP fixtures: the SDK's own client over a real `assistant mcp` process (stdio) and over
the /mcp endpoint of a real `assistant serve` (streamable HTTP), each on its own copy of the
reference index. Helpers check quotes verbatim against the stored text."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from assistant.access import KeyStore
from index import Store

from ..servers import REPO, LiveServer, copy_home, start_server, stop_server, subprocess_env

NOTICE_Q = "When was the Improvement Notice issued?"
CLAIM = "All twelve SCR recommendations have been fully implemented"
STATEMENT_ID = "001_531fd4b695795cd4"  # news statement, 12 March 2010
EDIT_TOOLS = {"ingest", "remove"}
READ_TOOLS = {
    "ask",
    "search",
    "check",
    "timeline",
    "recommendations",
    "list_documents",
    "read_document",
}
LEAKS = ("Traceback", 'File "', "/work/", "/tmp/", "site-packages", "/home/", "/usr/")


def stdio_params(home: Path, *args: str) -> StdioServerParameters:
    """`python -m assistant.cli mcp --home HOME` as the client launches it."""
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "assistant.cli", "mcp", "--home", str(home), *args],
        env=subprocess_env(home),
        cwd=str(REPO),
    )


@dataclass
class Statuses:
    """The HTTP responses a client saw: status and body, in order."""

    seen: list[tuple[int, str]] = field(default_factory=list)

    async def record(self, response: httpx2.Response) -> None:
        await response.aread()
        self.seen.append((response.status_code, response.text))


@asynccontextmanager
async def http_client(
    url: str, key: str | None = None, statuses: Statuses | None = None, mode: str = "auto"
) -> AsyncIterator[Client]:
    """The SDK client over streamable HTTP, sending `key` as a Bearer token; mode "legacy"
    is the initialize handshake most clients speak, "auto" the SDK's own negotiation."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    hooks = {"response": [statuses.record]} if statuses else {}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=120, event_hooks=hooks) as http,
        Client(streamable_http_client(f"{url}/mcp", http_client=http), mode=mode) as client,
    ):
        yield client


def text_of(result: Any) -> str:
    """The readable text of a tool result (its first content block)."""
    return str(result.content[0].text)


def assert_one_clean_line(message: str) -> None:
    """An error for people: one line, no traceback, no server path."""
    assert "\n" not in message.strip(), message
    leaked = [marker for marker in LEAKS if marker in message]
    assert not leaked, f"{leaked} in {message!r}"


def assert_verbatim(home: Path, citations: list[dict[str, Any]]) -> None:
    """Every quote is the stored text at its offsets."""
    assert citations
    store = Store(home, create=False)
    try:
        for c in citations:
            text = store.text(c["document"]["id"])
            assert text[c["start"] : c["end"]] == c["quote"], c
    finally:
        store.close()


@pytest.fixture
def mcp_home(reference_home: Path, tmp_path: Path) -> Path:
    """This test's own copy of the reference index."""
    return copy_home(reference_home, tmp_path / "mcp-home")


@dataclass
class KeyedServer:
    """A real service with keys made: reader, editor and admin secrets."""

    server: LiveServer
    keys: dict[str, str]

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def keyed_server(
    tmp_path_factory: pytest.TempPathFactory, reference_home: Path
) -> Generator[KeyedServer, None, None]:
    """One real `assistant serve` with a reader, an editor and an admin key."""
    base = tmp_path_factory.mktemp("mcp-live")
    home = copy_home(reference_home, base / "home")
    store = KeyStore(home)
    keys = {role: store.create(role, f"mcp-{role}")[1] for role in ("reader", "editor", "admin")}
    store.close()
    server = start_server(home, base / "server.log", ASSISTANT_RATE_PER_MINUTE="1000000")
    yield KeyedServer(server, keys)
    stop_server(server)
