"""The terminal client's speed: time to first screen (in tmux, a real terminal), and from
enter to the first streamed words and to the full answer (over HTTP, as the client reads).

    python -m benchmarks.client --home DIR [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.load import QUESTIONS, start
from tui.client import RecordsClient


def first_screen(url: str, runs: int) -> list[float]:
    """Seconds from launching `python -m tui` in tmux until its title is on screen."""
    times = []
    for run in range(runs):
        session = f"bench-client-{run}"
        started = time.perf_counter()
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
             f"{sys.executable} -m tui --server {url}"],
            check=True,
        )  # fmt: skip
        while time.perf_counter() - started < 30:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if "Try one of these" in screen:
                times.append(time.perf_counter() - started)
                break
            time.sleep(0.01)
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    return times


async def answer_times(url: str) -> tuple[list[float], list[float]]:
    """Per question: ms to the first delta event, and to the done event."""
    client = RecordsClient(url)
    first, full = [], []
    for question in QUESTIONS * 3:
        started = time.perf_counter()
        seen_first = None
        async for event in client.chat([{"role": "user", "content": question}]):
            if event.name == "delta" and seen_first is None:
                seen_first = (time.perf_counter() - started) * 1000
        full.append((time.perf_counter() - started) * 1000)
        first.append(seen_first if seen_first is not None else full[-1])
    await client.close()
    return first, full


def main() -> None:
    """Start a service over the home, then measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    process, url = start(options.home)
    try:
        if shutil.which("tmux"):
            screens = first_screen(url, options.runs)
            print(f"first screen (s): median {statistics.median(screens):.2f}, runs {screens}")
        first, full = asyncio.run(answer_times(url))
        print(
            f"enter → first words: median {statistics.median(first):.1f} ms;"
            f" enter → full answer: median {statistics.median(full):.1f} ms ({len(full)} questions)"
        )
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
