"""`assistant chat` in a real terminal (tmux): against a service, and with its own service."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import ASSISTANT, PLEDGE_TITLE, VACANCY_Q, Service, child_env

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed (the Makefile installs it)"
)
READY_TEXT = "2 documents · 18 passages"  # the header once the service has answered /ready


class Terminal:
    """One detached tmux session of 120x40 on a private tmux server."""

    def __init__(self, name: str) -> None:
        self.socket = name

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        # The C-level environment may hold COLUMNS=80 and LINES=24 (GNU readline sets them
        # when something in the test process loads it); the client would size itself by them.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        done = subprocess.run(
            [TMUX, "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=10,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        """Run argv in the pane; when it ends, say how, and keep the pane for a while."""
        settings = [f"{k}={v}" for k, v in env.items()]
        command = f'{shlex.join(["env", *settings, *argv])}; echo "[exited $?]"; sleep 60'
        self.tmux(
            "new-session", "-d", "-s", "chat", "-x", "120", "-y", "40", "-c", str(cwd), command
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "chat")

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "chat", "-l", text)

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "chat", *keys)

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float) -> str:
        """Poll the pane until `condition` holds on its text; fail showing the last screen."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if condition(text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}; screen:\n{text}")
            time.sleep(0.1)

    def close(self) -> None:
        if TMUX is not None:
            subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    term = Terminal(f"tui-tests-{os.getpid()}-{request.node.name[:20]}")
    yield term
    term.close()


def answered(text: str) -> bool:
    """The answer, its [1] marker and the cited quote in the Sources panel are on screen."""
    return (
        "15 per cent in April 2010" in text
        and "(latest figures available). [1]" in text
        and "[1] Better child protection pledge" in text
        and "“The vacancy rate within" in text
    )


def test_chat_against_a_running_service(
    terminal: Terminal, service: Service, tmp_path: Path
) -> None:
    env = child_env(tmp_path / "client-home", TMPDIR=str(tmp_path))
    terminal.start([str(ASSISTANT), "chat", "--server", service.url], env, tmp_path)

    first = terminal.wait_for(lambda t: READY_TEXT in t, "the first screen, ready", 60)
    assert "Records assistant" in first and "Try one of these" in first
    assert "Ask (enter)" in first and "Traceback" not in first

    terminal.type(VACANCY_Q)
    terminal.press("Enter")
    screen = terminal.wait_for(answered, "the answer and its citation", 60)
    assert f"You: {VACANCY_Q}" in screen
    assert "Traceback" not in screen

    terminal.press("C-q")
    terminal.wait_for(lambda t: "[exited 0]" in t, "the client to quit", 20)


def serve_processes(home: Path) -> list[int]:
    """Pids of `assistant.cli serve` processes on this home (found in /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        words = [a.decode(errors="replace") for a in argv]
        if "assistant.cli" in words and "serve" in words and str(home) in words:
            found.append(int(entry.name))
    return found


def argument(pid: int, flag: str) -> str:
    words = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    return words[words.index(flag) + 1]


def test_chat_starts_its_own_service_and_stops_it_on_quit(
    terminal: Terminal, private_service_home: Path, tmp_path: Path
) -> None:
    home = private_service_home
    env = child_env(home, TMPDIR=str(tmp_path))
    terminal.start([str(ASSISTANT), "chat", "--home", str(home)], env, tmp_path)
    started: list[int] = []
    try:
        loading = terminal.wait_for(
            lambda t: "Loading the index" in t or READY_TEXT in t, "the first screen", 60
        )
        assert "Loading the index" in loading, "the model loads for seconds: it says so"
        terminal.wait_for(lambda t: READY_TEXT in t, "the embedded service to be ready", 120)
        assert "Loading the index" not in terminal.screen()

        started = serve_processes(home)
        assert len(started) == 1, started
        port = argument(started[0], "--port")
        ready = httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5).json()
        assert ready["documents"] == 2, "the service runs on the loopback port it was given"

        terminal.type(VACANCY_Q)
        terminal.press("Enter")
        screen = terminal.wait_for(answered, "the answer and its citation", 60)
        assert PLEDGE_TITLE[:20] in screen

        terminal.press("C-q")
        terminal.wait_for(lambda t: "[exited 0]" in t, "the client to quit", 30)
        deadline = time.monotonic() + 15
        while serve_processes(home) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert serve_processes(home) == [], "quitting stops the embedded service"
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2)
        assert "embedded service failed" not in terminal.screen()
    finally:
        for pid in serve_processes(home):  # only if the test failed half-way
            if pid in started:
                os.kill(pid, signal.SIGTERM)
