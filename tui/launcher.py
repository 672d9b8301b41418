"""`assistant chat`: use a service, or start one on a free loopback port and stop it on exit."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from tui.app import RecordsApp
from tui.client import RecordsClient


def free_port() -> int:
    """A port nothing listens on right now, on loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def parse(argv: list[str]) -> argparse.Namespace:
    """The chat command's options."""
    parser = argparse.ArgumentParser(
        prog="assistant chat", description="Ask the records in the terminal."
    )
    parser.add_argument("--server", help="URL of a running service (default: start one here)")
    parser.add_argument(
        "--api-key",
        default=os.environ.get("ASSISTANT_API_KEY"),
        help="API key (default: ASSISTANT_API_KEY)",
    )
    parser.add_argument("--home", help="index folder for the service started here")
    return parser.parse_args(argv)


def start_service(home: str | None, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The embedded service: `assistant serve` in its own process (torch stays out of ours)."""
    port = free_port()
    command = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)]
    if home:
        command += ["--home", home]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    return process, f"http://127.0.0.1:{port}"


def main(argv: list[str] | None = None) -> int:
    """Run the client; with no --server, own the service's lifetime."""
    options = parse(sys.argv[1:] if argv is None else argv)
    process = None
    log = Path(tempfile.gettempdir()) / f"records-assistant-serve-{os.getpid()}.log"
    url = options.server
    if url is None:
        process, url = start_service(options.home, log)
    app = RecordsApp(RecordsClient(url, options.api_key), wait_seconds=180 if process else 5)
    try:
        app.run()
    finally:
        if process is not None:
            _stop(process)
    if process is not None and process.returncode not in (0, -15, None):
        sys.stderr.write(f"the embedded service failed; its log: {log}\n")
    return 0


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
