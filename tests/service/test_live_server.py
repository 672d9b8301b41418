"""The real server process: every surface once, an ingest while it serves, and a load test."""

from __future__ import annotations

import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from ..servers import CLI, REPO, LiveServer, subprocess_env
from .conftest import (
    NOTICE_Q,
    PLEDGE_ID,
    SEARCH_QUERIES,
    VACANCY_Q,
    assert_error,
    parse_sse,
)

INGEST_DEADLINE_S = 60.0
LOAD_CLIENTS, LOAD_REQUESTS, LOAD_DEADLINE_S = 20, 25, 120.0

NEW_RECORD = """---
title: Lantern Review assurance note
kind: scr_recommendation
date: 2011-02-14
---
# Lantern Review assurance note

The Lantern Review panel met on 9 February 2011 to examine the Zephyr pilot in
Erdington. The panel found that the Zephyr pilot had reached forty families in its
first three months.
"""


def test_every_surface_answers_over_the_wire(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        assert http.get("/health").json() == {"status": "ok"}
        ready = http.get("/ready").json()
        assert ready["status"] == "ready" and ready["documents"] >= 2
        assert ready["model"] == "all-MiniLM-L6-v2"
        answer = http.post("/v1/ask", json={"question": NOTICE_Q}).json()
        assert answer["status"] == "answered" and "February 2009" in answer["answer"]
        receipt = http.get(f"/v1/answers/{answer['answer_id']}").json()
        assert receipt["answer"]["answer"] == answer["answer"]
        hits = http.post("/v1/search", json={"query": "Lifford House", "top_k": 100}).json()
        assert "Lifford House" in hits["hits"][0]["text"]
        docs = http.get("/v1/documents", params={"kind": "press_release"}).json()
        assert PLEDGE_ID in {d["id"] for d in docs["documents"]}
        text = http.get(f"/v1/documents/{PLEDGE_ID}").json()["text"]
        quote = http.post("/v1/ask", json={"question": VACANCY_Q}).json()["citations"][0]
        assert text[quote["start"] : quote["end"]] == quote["quote"]
        assert http.get("/v1/audit").json()["entries"]
        assert http.get("/openapi.json").json()["info"]["title"] == "Records assistant"
        too_long = http.post("/v1/ask", json={"question": "x" * 2000})
        assert_error(too_long, 400, "invalid_query")
        too_big = http.post("/v1/ask", json={"question": "x" * 400_000})  # over 256 kB
        assert_error(too_big, 413, "too_large")
        with http.stream("POST", "/v1/ask", json={"question": NOTICE_Q, "stream": True}) as sse:
            assert sse.headers["content-type"].startswith("text/event-stream")
            events = parse_sse("".join(sse.iter_text()))
        assert events[0][0] == "meta" and events[-1][0] == "done"
        streamed = "".join(data["text"] for name, data in events if name == "delta")
        assert streamed == answer["answer"] and events[-1][1]["status"] == "answered"
        assert_error(http.post("/v1/search", json={"query": "x", "top_k": 101}), 422)


def test_an_ingest_while_serving_is_seen_without_a_restart(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """`assistant ingest` in another process while 4 clients keep searching; all succeed."""
    url = live_server.url
    log_start = live_server.log_size()
    before = httpx.get(f"{url}/ready", timeout=30).json()
    new_file = tmp_path / "lantern-review.md"
    new_file.write_text(NEW_RECORD, "utf-8")
    stop = threading.Event()
    failures: list[str] = []
    counts = [0] * 4

    def keep_searching(worker: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as http:
            while not stop.is_set():
                query = SEARCH_QUERIES[counts[worker] % len(SEARCH_QUERIES)]
                try:
                    response = http.post("/v1/search", json={"query": query, "top_k": 5})
                    if response.status_code != 200 or not response.json()["hits"]:
                        failures.append(f"{query}: {response.status_code} {response.text[:300]}")
                except httpx.HTTPError as exc:
                    failures.append(f"{query}: {exc!r}")
                counts[worker] += 1
                time.sleep(0.02)  # leave the shared cores to the ingest too

    threads = [threading.Thread(target=keep_searching, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    try:
        ingest = subprocess.run(
            [*CLI, "ingest", str(new_file), "--home", str(live_server.home), "--json"],
            cwd=REPO,
            env=subprocess_env(live_server.home),
            capture_output=True,
            text=True,
            timeout=INGEST_DEADLINE_S,
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert ingest.returncode == 0, ingest.stderr
    assert not failures, failures[:5]
    assert all(n >= 1 for n in counts), counts
    print(f"searches during the ingest: {sum(counts)}")

    after = httpx.get(f"{url}/ready", timeout=30).json()
    assert after["generation"] > before["generation"]
    assert after["documents"] == before["documents"] + 1
    with httpx.Client(base_url=url, timeout=30) as http:
        hits = http.post("/v1/search", json={"query": "Zephyr pilot", "top_k": 3}).json()["hits"]
        assert hits and hits[0]["document"]["title"] == "Lantern Review assurance note"
        answer = http.post(
            "/v1/ask", json={"question": "When did the Lantern Review panel meet?"}
        ).json()
        assert answer["status"] == "answered", answer
        assert answer["citations"][0]["document"]["id"] == hits[0]["document"]["id"]
        assert answer["generation"] == after["generation"]
        listed = http.get("/v1/documents", params={"kind": "scr_recommendation"}).json()
        assert [d["title"] for d in listed["documents"]] == ["Lantern Review assurance note"]
    assert "Traceback" not in live_server.log_since(log_start)


def test_twenty_clients_of_twenty_five_requests(live_server: LiveServer) -> None:
    """500 requests, 2 searches to 1 ask, from 20 threads: every one answered, in time."""
    url = live_server.url
    log_start = live_server.log_size()

    def client_run(worker: int) -> list[str]:
        errors: list[str] = []
        with httpx.Client(base_url=url, timeout=60) as http:
            for i in range(LOAD_REQUESTS):
                query = SEARCH_QUERIES[(worker + i) % len(SEARCH_QUERIES)]
                try:
                    if i % 3 == 2:
                        question = (NOTICE_Q, VACANCY_Q)[(worker + i) % 2]
                        response = http.post("/v1/ask", json={"question": question})
                        ok = response.status_code == 200 and response.json()["status"] == "answered"
                    else:
                        response = http.post("/v1/search", json={"query": query, "top_k": 5})
                        ok = response.status_code == 200 and bool(response.json()["hits"])
                    if not ok:
                        errors.append(f"{response.status_code} {response.text[:300]}")
                except httpx.HTTPError as exc:
                    errors.append(repr(exc))
        return errors

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=LOAD_CLIENTS) as pool:
        results = list(pool.map(client_run, range(LOAD_CLIENTS), timeout=LOAD_DEADLINE_S))
    elapsed = time.monotonic() - started
    errors = [e for result in results for e in result]
    assert not errors, (len(errors), errors[:5])
    assert elapsed < LOAD_DEADLINE_S, elapsed
    assert httpx.get(f"{url}/health", timeout=30).status_code == 200
    assert "Traceback" not in live_server.log_since(log_start)
