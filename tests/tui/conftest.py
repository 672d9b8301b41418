"""Terminal-client fixtures: one real `assistant serve` over the reference index, and the app.

The client reaches the service over HTTP only, so its tests do too: one real server
process per session (started like tests/service's live server: a free loopback port,
GET /ready polled, terminated at the end, its log attached to failing tests), and each
test builds a RecordsApp on it with its own conversation and export folders, driven by
Textual's Pilot. Nothing stands in for the service.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.app import RecordsApp
from tui.client import RecordsClient
from tui.conversations import ConversationStore
from tui.models import Exchange
from tui.widgets.question_input import QuestionInput

from ..servers import LiveServer as Service
from ..servers import copy_home as copy_home
from ..servers import start_server, stop_server, subprocess_env

ASSISTANT = Path(sys.executable).parent / "assistant"  # the console script of this venv
ANSWER_DEADLINE_S = 30.0

# Facts of the reference corpus (../shared/corpus) the tests ask about.
VACANCY_Q = "What was the vacancy rate in April 2010?"
MISSING_Q = "What was the vacancy rate in April 2011?"  # the records give other months
NOTICE_Q = "When was the Improvement Notice issued?"  # only the March 2010 statement says
FOLLOW_UP = "and in February 2010?"
RESOLVED_FOLLOW_UP = "What was the vacancy rate in February 2010?"
MANY_QUOTES_Q = "What evidence of progress did the council give?"  # a list, 1 document
PLEDGE_ID = "000_dacb6d7e4608512c"  # press release, 27 July 2010
PLEDGE_TITLE = "Better child protection pledge for city"
STATEMENT_ID = "001_531fd4b695795cd4"  # news statement, 12 March 2010
STATEMENT_TITLE = "Statement following sentencing in Khyra Ishaq trial"


# ---------------------------------------------------------------- one real server


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """A child `assistant` process's environment, rate limit lifted: in open mode every
    loopback client shares one bucket."""
    return subprocess_env(
        home, TOKENIZERS_PARALLELISM="false", ASSISTANT_RATE_PER_MINUTE="1000000", **extra
    )


def start_service(home: Path, log: Path) -> Service:
    """`assistant serve` on a free port, once GET /ready says 200 (rate limit lifted)."""
    return start_server(home, log, ASSISTANT_RATE_PER_MINUTE="1000000")


stop_service = stop_server


@pytest.fixture(scope="session")
def service(
    tmp_path_factory: pytest.TempPathFactory, reference_home: Path
) -> Generator[Service, None, None]:
    """One real service for the session (open mode, loopback), over a copy of the index."""
    base = tmp_path_factory.mktemp("tui-service")
    home = copy_home(reference_home, base / "home")
    running = start_service(home, base / "server.log")
    yield running
    stop_service(running)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Attach the service's log to the report of a failing test that used it."""
    report = yield
    running = getattr(item, "funcargs", {}).get("service")
    if report.failed and isinstance(running, Service):
        report.sections.append(("service log (tail)", running.log_tail()))
    return report


# ---------------------------------------------------------------- the app


@pytest.fixture
def anyio_backend() -> str:
    """Pilot tests run on asyncio, as Textual does."""
    return "asyncio"


AppFactory = Callable[..., RecordsApp]


@pytest.fixture
def make_app(service: Service, tmp_path: Path) -> AppFactory:
    """A RecordsApp on the real service (or `url`), saving and exporting under tmp_path."""

    def make(url: str | None = None, client: RecordsClient | None = None) -> RecordsApp:
        app = RecordsApp(
            client or RecordsClient(url or service.url),
            store=ConversationStore(tmp_path / "conv"),
            export_folder=tmp_path,
            wait_seconds=5,
        )
        app.NOTIFICATION_TIMEOUT = 600  # notifications outlive the test, which reads them
        return app

    return make


async def until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str, timeout: float = 30.0
) -> None:
    """Let the app run until `condition` holds; fail saying `what` was awaited."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.05)


async def settle(pilot: Pilot[Any], timeout: float = ANSWER_DEADLINE_S) -> None:
    """Wait for every worker (answers, viewer, documents: the app tracks them all), refresh."""
    await asyncio.wait_for(pilot.app.workers.wait_for_complete(), timeout)
    await pilot.pause()


@asynccontextmanager
async def driving(
    app: RecordsApp, size: tuple[int, int] = (120, 40), ready: bool = True
) -> AsyncIterator[Pilot[None]]:
    """Run the app headless; with `ready`, wait until it has heard from the service."""
    try:
        async with app.run_test(size=size) as pilot:
            if ready:
                await until(pilot, lambda: not app.query_one("#loading").display, "/ready")
            yield pilot
    finally:
        await app.client.close()


async def ask(pilot: Pilot[Any], question: str, typed: bool = False) -> Exchange:
    """Put the question in the box (typing it key by key if `typed`), press enter, await."""
    app = pilot.app
    assert isinstance(app, RecordsApp)
    before = len(app.conversation.exchanges)
    box = app.query_one(QuestionInput)
    box.focus()
    await pilot.pause()
    if typed:
        await pilot.press(*question)
    else:
        box.load_text(question)
    await pilot.press("enter")

    def answered() -> bool:
        exchanges = app.conversation.exchanges
        return len(exchanges) > before and exchanges[-1].status != "pending"

    await until(pilot, answered, f"an answer to {question!r}", ANSWER_DEADLINE_S)
    await settle(pilot)
    return app.conversation.exchanges[-1]


async def without_cursor(pilot: Pilot[Any]) -> None:
    """No cursor in the screenshot, so it does not depend on timing: blinking stops and
    nothing keeps the focus (a steady cursor is drawn exactly when its widget has the
    focus, and the headless app can lose and regain it between the scene and the shot)."""
    for widget in [*pilot.app.screen.query(TextArea), *pilot.app.screen.query(Input)]:
        widget.cursor_blink = False
    pilot.app.screen.set_focus(None)
    await pilot.pause()


@pytest.fixture
def service_ask(service: Service) -> Callable[[str], dict[str, Any]]:
    """The service's own, non-streamed answer to a question (POST /v1/ask)."""

    def fetch(question: str) -> dict[str, Any]:
        response = httpx.post(f"{service.url}/v1/ask", json={"question": question}, timeout=30)
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()
        return data

    return fetch


@pytest.fixture
def private_service_home(reference_home: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the reference index for a service a test starts itself."""
    yield copy_home(reference_home, tmp_path / "index-home")
