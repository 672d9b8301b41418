"""Load on the HTTP service over loopback: requests/s and p50/p95/p99 of /v1/search and
/v1/ask at 1, 8 and 32 concurrent clients. Bounded in count and time; stops by itself.

    python -m benchmarks.load [--home DIR ...] [--requests N] [--seconds S]

Each home is served by a real `assistant serve` process on a free loopback port.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

QUESTIONS = [
    "What was the vacancy rate in April 2010?",
    "When was the Improvement Notice issued?",
    "Who chaired the Task Force?",
    "How many recommendations does the Serious Case Review make?",
    "What did Ofsted judge safeguarding to be in December 2008?",
    "What was the sickness rate?",
    "How many care homes were rated inadequate?",
    "What was the vacancy rate in April 2011?",
]
CLIENTS = (1, 8, 32)


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`assistant serve` over the home; returns once /ready answers (or fails after 180 s)."""
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_RATE_PER_MINUTE": "100000000"}
    command = [
        sys.executable,
        "-m",
        "assistant.cli",
        "serve",
        "--home",
        str(home),
        "--port",
        str(port),
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit(f"the service over {home} did not become ready")


def run(url: str, endpoint: str, clients: int, requests: int, seconds: float) -> dict[str, float]:
    """`requests` calls spread over `clients` threads (or until `seconds` pass)."""
    deadline = time.monotonic() + seconds

    def body(i: int) -> dict[str, object]:
        question = QUESTIONS[i % len(QUESTIONS)]
        return {"query": question, "top_k": 10} if endpoint == "search" else {"question": question}

    def one(http: httpx.Client, i: int) -> float | None:
        if time.monotonic() > deadline:
            return None
        started = time.perf_counter()
        response = http.post(f"/v1/{endpoint}", json=body(i))
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    def worker(worker_index: int) -> list[float]:
        with httpx.Client(base_url=url, timeout=60) as http:
            done = [one(http, i) for i in range(worker_index, requests, clients)]
        return [d for d in done if d is not None]

    for i in range(5):  # warm-up
        with httpx.Client(base_url=url, timeout=60) as http:
            one(http, i)
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = [ms for batch in pool.map(worker, range(clients)) for ms in batch]
    elapsed = time.perf_counter() - started
    return summarise(latencies, elapsed)


def summarise(latencies: list[float], elapsed: float) -> dict[str, float]:
    """Throughput and latency percentiles (ms)."""
    ordered = sorted(latencies)
    cuts = statistics.quantiles(ordered, n=100) if len(ordered) > 1 else ordered * 99
    return {
        "requests": len(ordered),
        "rps": round(len(ordered) / elapsed, 1),
        "p50": round(statistics.median(ordered), 1),
        "p95": round(cuts[94], 1),
        "p99": round(cuts[98], 1),
    }


def main() -> None:
    """Serve each home in turn and load it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", action="append", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200, help="per endpoint and level")
    parser.add_argument("--seconds", type=float, default=60.0, help="cap per endpoint and level")
    options = parser.parse_args()
    results = []
    for home in options.home:
        process, url = start(home)
        try:
            ready = httpx.get(f"{url}/ready").json()
            for endpoint in ("search", "ask"):
                for clients in CLIENTS:
                    timing = run(url, endpoint, clients, options.requests, options.seconds)
                    row: dict[str, object] = {**timing, "home": str(home)}
                    row.update(chunks=ready["chunks"], endpoint=endpoint, clients=clients)
                    results.append(row)
                    print(json.dumps(row), flush=True)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"# {time.strftime('%Y-%m-%d')} {platform.machine()} {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
