"""Terminal-client fixtures: one real `assistant serve` over the reference index, and the app.

The client reaches the service over HTTP only, so its tests do too: one real server
process per session (started like tests/service's live server: a free loopback port,
GET /ready polled, terminated at the end, its log attached to failing tests), and each
test builds a RecordsApp on it with its own conversation and export folders, driven by
Textual's Pilot. Nothing stands in for the service.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from assistant.engine import Assistant
from assistant.settings import Settings
from index import Embedder
from tui.app import RecordsApp
from tui.client import RecordsClient
from tui.conversations import ConversationStore
from tui.models import Exchange
from tui.widgets.question_input import QuestionInput

REPO = Path(__file__).resolve().parents[2]
CLI = (sys.executable, "-m", "assistant.cli")
ASSISTANT = Path(sys.executable).parent / "assistant"  # the console script of this venv
START_DEADLINE_S = 120.0
ANSWER_DEADLINE_S = 30.0
LOG_TAIL_CHARS = 20_000

# Facts of the reference corpus (../shared/corpus) the tests ask about.
VACANCY_Q = "What was the vacancy rate in April 2010?"
MISSING_Q = "What was the vacancy rate in April 2011?"  # the records give other months
NOTICE_Q = "When was the Improvement Notice issued?"  # only the March 2010 statement says
FOLLOW_UP = "and in February 2010?"
RESOLVED_FOLLOW_UP = "What was the vacancy rate in February 2010?"
MANY_QUOTES_Q = "What did the council do after the Improvement Notice?"  # 3 quotes, 1 document
PLEDGE_ID = "000_dacb6d7e4608512c"  # press release, 27 July 2010
PLEDGE_TITLE = "Better child protection pledge for city"
STATEMENT_ID = "001_531fd4b695795cd4"  # news statement, 12 March 2010
STATEMENT_TITLE = "Statement following sentencing in Khyra Ishaq trial"


# ---------------------------------------------------------------- one real server


@dataclass
class Service:
    """A running `assistant serve` process."""

    url: str
    port: int
    home: Path
    log: Path
    process: subprocess.Popen[bytes]

    def log_tail(self) -> str:
        """The end of the server's output."""
        if not self.log.exists():
            return ""
        return self.log.read_text("utf-8", errors="replace")[-LOG_TAIL_CHARS:]


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a child `assistant` process: offline model, this home, no rate limit.

    The rate limit is lifted because every loopback client shares one bucket in open mode.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONUNBUFFERED="1",
        ASSISTANT_HOME=str(home),
        ASSISTANT_RATE_PER_MINUTE="1000000",
        **extra,
    )
    return env


def copy_home(reference: Path, target: Path) -> Path:
    """A private copy of an index folder (SQLite files and FAISS vectors)."""
    shutil.copytree(reference, target)
    return target


@pytest.fixture(scope="session")
def tui_reference_home(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, corpus_dir: Path
) -> Path:
    """The reference corpus ingested once with the session's model; copied, never changed."""
    home = tmp_path_factory.mktemp("tui-reference") / "home"
    assistant = Assistant(Settings(home=home), embedder=embedder, create=True)
    try:
        report = assistant.ingest([corpus_dir])
    finally:
        assistant.close()
    assert not report.failures, report.failures
    return home


def start_service(home: Path, log: Path) -> Service:
    """`python -m assistant.cli serve` on a free port, returned once GET /ready says 200."""
    for _attempt in range(3):  # another process may take the free port before the server
        port = free_port()
        with log.open("ab") as sink:
            process = subprocess.Popen(
                [*CLI, "serve", "--home", str(home), "--host", "127.0.0.1", "--port", str(port)],
                cwd=REPO,
                env=child_env(home),
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        service = Service(f"http://127.0.0.1:{port}", port, home, log, process)
        if _wait_ready(service):
            return service
        stop_service(service)
        if "address already in use" not in service.log_tail().lower():
            break
    pytest.fail(f"the service did not become ready; its log:\n{service.log_tail()}")


def _wait_ready(service: Service) -> bool:
    deadline = time.monotonic() + START_DEADLINE_S
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            return False
        try:
            if httpx.get(f"{service.url}/ready", timeout=2.0).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    return False


def stop_service(service: Service) -> None:
    """Terminate, then kill if it will not go."""
    if service.process.poll() is None:
        service.process.terminate()
        try:
            service.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            service.process.kill()
            service.process.wait(timeout=15)


@pytest.fixture(scope="session")
def service(
    tmp_path_factory: pytest.TempPathFactory, tui_reference_home: Path
) -> Generator[Service, None, None]:
    """One real service for the session (open mode, loopback), over a copy of the index."""
    base = tmp_path_factory.mktemp("tui-service")
    home = copy_home(tui_reference_home, base / "home")
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


def no_blink(pilot: Pilot[Any]) -> None:
    """Steady cursors on the active screen, so screenshots do not depend on timing."""
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False
    for line in pilot.app.screen.query(Input):
        line.cursor_blink = False


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
def private_service_home(tui_reference_home: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the reference index for a service a test starts itself."""
    yield copy_home(tui_reference_home, tmp_path / "index-home")
