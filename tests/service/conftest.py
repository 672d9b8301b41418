"""Service fixtures: the reference index copied per test, the app in-process, one real server.

In-process tests drive the ASGI app through fastapi's TestClient (httpx underneath,
lifespan run), each over its own copy of the reference index in its own
ASSISTANT_HOME. Tests of the HTTP surface itself share one real `assistant serve`
process per session, started on a free loopback port and stopped at the end; its
log is attached to the report of any test that fails while using it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
from fastapi.testclient import TestClient

from assistant.service.app import create_app
from assistant.settings import Settings
from index import Embedder

from ..servers import (
    LiveServer,
    copy_home,
    start_server,
    stop_server,
)

# Facts of the reference corpus (../shared/corpus) the tests ask about.
PLEDGE_ID = "000_dacb6d7e4608512c"  # press release, 27 July 2010
STATEMENT_ID = "001_531fd4b695795cd4"  # news statement, 12 March 2010
NOTICE_Q = "When was the Improvement Notice issued?"
VACANCY_Q = "What was the vacancy rate in April 2010?"
FOLLOW_UP = "and in February 2010?"
RESOLVED_FOLLOW_UP = "What was the vacancy rate in February 2010?"
SEARCH_QUERIES = ("Lifford House", "vacancy rate", "Improvement Notice", "Task Force", "Ofsted")

# What no error body may contain: a traceback or a path on the server.
LEAKS = ("Traceback", 'File "', "/work/", "/tmp/", "site-packages", "/home/", "/usr/")


class Reply(Protocol):
    """A response of httpx or of the TestClient (starlette builds it on its own httpx copy)."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Any: ...

    @property
    def text(self) -> str: ...

    def json(self, **kwargs: Any) -> Any: ...


def bearer(secret: str) -> dict[str, str]:
    """The Authorization header for an API key."""
    return {"Authorization": f"Bearer {secret}"}


def chat_messages(*user_turns: str) -> list[dict[str, str]]:
    """A conversation of user turns with an assistant reply between each."""
    messages: list[dict[str, str]] = []
    for i, turn in enumerate(user_turns):
        if i:
            messages.append({"role": "assistant", "content": "(an earlier answer) [1]"})
        messages.append({"role": "user", "content": turn})
    return messages


def parse_sse(text: str) -> list[tuple[str, Any]]:
    """Server-Sent Events as a client reads them: (event name, decoded data) in order.

    Events are separated by a blank line; `event:` defaults to "message"; several
    `data:` lines join with newlines; a `[DONE]` data line stays a string.
    """
    events: list[tuple[str, Any]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if not block.strip():
            continue
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        raw = "\n".join(data)
        events.append((name, raw if raw == "[DONE]" else json.loads(raw)))
    return events


def assert_error(response: Reply, status: int, code: str | None = None) -> dict[str, str]:
    """The one error shape, the status (and code) expected, and nothing leaked."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    if code is not None:
        assert body["error"]["code"] == code, body
    assert_no_leak(response.text)
    return dict(body["error"])


def assert_no_leak(text: str) -> None:
    """No traceback and no server path in a body meant for clients."""
    leaked = [marker for marker in LEAKS if marker in text]
    assert not leaked, f"{leaked} in {text[:500]!r}"


# ---------------------------------------------------------------- the reference index


@pytest.fixture
def home(reference_home: Path, assistant_home: Path) -> Path:
    """This test's ASSISTANT_HOME, holding its own copy of the reference index."""
    return copy_home(reference_home, assistant_home)


# ---------------------------------------------------------------- the app in-process

ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(home: Path, embedder: Embedder) -> Iterator[ClientFactory]:
    """Build the app over this test's home with some settings, lifespan started.

    The rate limit is lifted unless a test sets it, so only the rate tests meet it.
    """
    stack: list[TestClient] = []

    def make(**settings: Any) -> TestClient:
        settings.setdefault("rate_per_minute", 1_000_000)
        app = create_app(Settings(home=home, **settings), embedder=embedder)
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        stack.append(client)
        return client

    yield make
    for client in reversed(stack):
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    """The app with the default settings (and no rate limit to speak of)."""
    return make_client()


# ---------------------------------------------------------------- one real server


@pytest.fixture(scope="session")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, reference_home: Path
) -> Generator[LiveServer, None, None]:
    """One real server for the session, over a copy of the reference index.

    Open mode (no keys) on loopback. The rate limit is lifted: every loopback client
    shares one bucket in open mode, and the load tests would meet it; the in-process
    tests cover the limit itself.
    """
    base = tmp_path_factory.mktemp("live")
    home = copy_home(reference_home, base / "home")
    server = start_server(home, base / "server.log", ASSISTANT_RATE_PER_MINUTE="1000000")
    yield server
    stop_server(server)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Attach the real server's log to the report of a failing test that used it."""
    report = yield
    server = getattr(item, "funcargs", {}).get("live_server")
    if report.failed and isinstance(server, LiveServer):
        report.sections.append(("live server log (tail)", server.log_tail()))
    return report
