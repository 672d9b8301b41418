"""Streaming answers (SSE) read as a client reads them, and clients that leave early."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from ..servers import LiveServer
from .conftest import (
    FOLLOW_UP,
    NOTICE_Q,
    RESOLVED_FOLLOW_UP,
    SEARCH_QUERIES,
    VACANCY_Q,
    chat_messages,
    parse_sse,
)

NOT_FOUND_Q = "What was the vacancy rate in April 2011?"


def stream_events(client: TestClient, path: str, body: dict[str, Any]) -> list[tuple[str, Any]]:
    with client.stream("POST", path, json={**body, "stream": True}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        text = "".join(response.iter_text())
    return parse_sse(text)


def check_answer_stream(
    events: list[tuple[str, Any]], plain: dict[str, Any], client: TestClient
) -> dict[str, Any]:
    """meta, delta..., citations, done; deltas join to the plain answer; done has the receipt."""
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-2:] == ["citations", "done"], names
    assert set(names[1:-2]) == {"delta"} and len(names) >= 4
    data = dict(events)
    assert data["meta"]["question"] == plain["question"]
    assert "".join(d["text"] for name, d in events if name == "delta") == plain["answer"]
    assert data["citations"]["citations"] == plain["citations"]
    assert data["citations"]["related"] == plain["related"]
    done = data["done"]
    assert done["status"] == plain["status"] and done["reason"] == plain["reason"]
    assert done["generation"] == plain["generation"]
    assert done["answer_id"].startswith("ans_") and done["answer_id"] != plain["answer_id"]
    receipt = client.get(f"/v1/answers/{done['answer_id']}").json()
    assert receipt["answer"]["answer"] == plain["answer"]
    return data


def strip_documents(payload: dict[str, Any]) -> dict[str, Any]:
    """The plain JSON's citations without the response model's `chunks: null`."""
    citations = [
        {**c, "document": {k: v for k, v in c["document"].items() if k != "chunks"}}
        for c in payload["citations"]
    ]
    related = [
        {**r, "document": {k: v for k, v in r["document"].items() if k != "chunks"}}
        for r in payload["related"]
    ]
    return {**payload, "citations": citations, "related": related}


@pytest.mark.parametrize("question", [NOTICE_Q, VACANCY_Q, NOT_FOUND_Q])
def test_ask_stream_matches_the_plain_answer(client: TestClient, question: str) -> None:
    plain = strip_documents(client.post("/v1/ask", json={"question": question}).json())
    events = stream_events(client, "/v1/ask", {"question": question})
    data = check_answer_stream(events, plain, client)
    if plain["status"] == "answered":
        assert data["citations"]["citations"] and "[1]" in plain["answer"]
    else:
        assert data["done"]["reason"]


def test_chat_stream_resolves_the_follow_up(client: TestClient) -> None:
    body = {"messages": chat_messages(VACANCY_Q, FOLLOW_UP)}
    plain = strip_documents(client.post("/v1/chat", json=body).json())
    events = stream_events(client, "/v1/chat", body)
    data = check_answer_stream(events, plain, client)
    assert data["meta"]["resolved_question"] == RESOLVED_FOLLOW_UP
    assert "February 2010" in plain["answer"]


def completion_stream(client: TestClient, body: dict[str, Any]) -> list[Any]:
    with client.stream("POST", "/v1/chat/completions", json={**body, "stream": True}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = parse_sse("".join(response.iter_text()))
    assert {name for name, _ in events} == {"message"}
    return [data for _, data in events]


@pytest.mark.parametrize("question", [NOTICE_Q, NOT_FOUND_Q])
def test_completion_stream_joins_to_the_plain_content(client: TestClient, question: str) -> None:
    body = {"model": "records", "messages": chat_messages(question)}
    plain = client.post("/v1/chat/completions", json=body).json()
    chunks = completion_stream(client, body)
    assert chunks[-1] == "[DONE]"
    chunks = chunks[:-1]
    assert all(c["object"] == "chat.completion.chunk" and c["model"] == "records" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    content = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert content == plain["choices"][0]["message"]["content"]
    last = chunks[-1]
    assert last["choices"][0]["finish_reason"] == "stop" and last["choices"][0]["delta"] == {}
    assert [c["quote"] for c in last["citations"]] == [c["quote"] for c in plain["citations"]]
    assert last["status"] == plain["status"] and last["answer_id"].startswith("ans_")
    assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1])


def test_clients_that_leave_mid_stream_do_no_harm(live_server: LiveServer) -> None:
    """Against the real server: read one chunk of several streams, hang up, carry on."""
    streams = [
        ("/v1/ask", {"question": VACANCY_Q, "stream": True}),
        ("/v1/chat", {"messages": chat_messages(VACANCY_Q, FOLLOW_UP), "stream": True}),
        ("/v1/chat/completions", {"messages": chat_messages(NOTICE_Q), "stream": True}),
    ]
    log_start = live_server.log_size()
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        for _ in range(3):
            for path, body in streams:
                with http.stream("POST", path, json=body) as response:
                    assert response.status_code == 200
                    first = next(response.iter_raw(16))
                    assert first
                # leaving the block closes the connection with the rest unread
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        assert http.get("/health").json() == {"status": "ok"}
        answer = http.post("/v1/ask", json={"question": NOTICE_Q})
        assert answer.status_code == 200 and answer.json()["status"] == "answered"
        hits = http.post("/v1/search", json={"query": SEARCH_QUERIES[0]}).json()["hits"]
        assert hits
    assert live_server.process.poll() is None
    log = live_server.log_since(log_start)
    assert "Traceback" not in log and "ERROR" not in log, log
