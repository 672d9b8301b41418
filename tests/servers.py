"""A real `assistant serve` process on a free loopback port, for the tests of every surface
that speaks HTTP (the service and the terminal client)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
CLI = (sys.executable, "-m", "assistant.cli")  # the `assistant` command of this venv
START_DEADLINE_S = 120.0
LOG_TAIL_CHARS = 20_000


def copy_home(reference: Path, target: Path) -> Path:
    """A private copy of an index folder (SQLite files and FAISS vectors)."""
    shutil.copytree(reference, target)
    return target


@dataclass
class LiveServer:
    """A running `assistant serve` process."""

    url: str
    port: int
    home: Path
    log: Path
    process: subprocess.Popen[bytes]

    def log_tail(self) -> str:
        """The end of the server's stderr/stdout."""
        return self.log_since(0)[-LOG_TAIL_CHARS:]

    def log_size(self) -> int:
        """Where the log ends now, to read only what a test adds to it."""
        return self.log.stat().st_size if self.log.exists() else 0

    def log_since(self, offset: int) -> str:
        """The log written after `offset`."""
        if not self.log.exists():
            return ""
        with self.log.open("rb") as handle:
            handle.seek(offset)
            return handle.read().decode("utf-8", errors="replace")


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a child `assistant` process: offline model, this home."""
    keep = {"ASSISTANT_ENCODER_CACHE"}  # the session's one int8 export, not one per server
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_") or k in keep}
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONUNBUFFERED="1",
        ASSISTANT_HOME=str(home),
        **extra,
    )
    return env


def start_server(home: Path, log: Path, **env: str) -> LiveServer:
    """`python -m assistant.cli serve` on a free port, returned once /ready says 200."""
    for _attempt in range(3):  # another process may take the free port before the server does
        port = free_port()
        handle = log.open("ab")
        process = subprocess.Popen(
            [*CLI, "serve", "--home", str(home), "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO,
            env=subprocess_env(home, **env),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        handle.close()
        server = LiveServer(f"http://127.0.0.1:{port}", port, home, log, process)
        if _wait_ready(server):
            return server
        stop_server(server)
        if "address already in use" not in server.log_tail().lower():
            break
    pytest.fail(f"the server did not become ready; its log:\n{server.log_tail()}")


def _wait_ready(server: LiveServer) -> bool:
    """Poll GET /ready until 200, the process dies, or the deadline passes."""
    deadline = time.monotonic() + START_DEADLINE_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            if httpx.get(f"{server.url}/ready", timeout=2.0).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    return False


def stop_server(server: LiveServer) -> None:
    """Terminate, then kill if it will not go."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=15)
