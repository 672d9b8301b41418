"""The audit trail over HTTP: one row per answer served, with the key's name, never the key."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from assistant.access import KeyStore

from .conftest import (
    FOLLOW_UP,
    NOTICE_Q,
    PLEDGE_ID,
    RESOLVED_FOLLOW_UP,
    STATEMENT_ID,
    VACANCY_Q,
    assert_error,
    bearer,
    chat_messages,
)

FIELDS = {
    "time",
    "key_name",
    "endpoint",
    "question",
    "status",
    "cited",
    "answer_id",
    "generation",
    "latency_ms",
}


def test_audit_lists_every_answer_served_newest_first(client: TestClient, home: Path) -> None:
    keys = KeyStore(home)
    _, reader = keys.create("reader", "press-office")
    _, admin = keys.create("admin", "records-admin")
    keys.close()
    as_reader = bearer(reader)
    served = [
        client.post("/v1/ask", json={"question": NOTICE_Q}, headers=as_reader).json(),
        client.post(
            "/v1/chat", json={"messages": chat_messages(VACANCY_Q, FOLLOW_UP)}, headers=as_reader
        ).json(),
        client.post(
            "/v1/chat/completions", json={"messages": chat_messages(NOTICE_Q)}, headers=as_reader
        ).json(),
        client.post("/v1/ask", json={"question": NOTICE_Q, "stream": True}, headers=as_reader).text,
        client.post(
            "/v1/ask",
            json={"question": "What was the vacancy rate in April 2011?"},
            headers=as_reader,
        ).json(),
    ]
    client.post("/v1/search", json={"query": "vacancy"}, headers=as_reader)  # not an answer

    response = client.get("/v1/audit", headers=bearer(admin))
    assert response.status_code == 200
    entries = response.json()["entries"]
    assert len(entries) == 5 and all(set(e) == FIELDS for e in entries)
    assert [e["endpoint"] for e in entries] == [
        "/v1/ask",
        "/v1/ask",
        "/v1/chat/completions",
        "/v1/chat",
        "/v1/ask",
    ]
    assert {e["key_name"] for e in entries} == {"press-office"}
    assert [e["time"] for e in entries] == sorted((e["time"] for e in entries), reverse=True)
    not_found, streamed, completion, chat, ask = entries
    assert (ask["question"], ask["status"], ask["cited"]) == (NOTICE_Q, "answered", [STATEMENT_ID])
    assert ask["answer_id"] == served[0]["answer_id"]
    assert ask["generation"] == served[0]["generation"] >= 1
    assert ask["latency_ms"] >= 0
    assert chat["question"] == RESOLVED_FOLLOW_UP and chat["cited"] == [PLEDGE_ID]
    assert chat["answer_id"] == served[1]["answer_id"]
    assert completion["question"] == NOTICE_Q and completion["cited"] == [STATEMENT_ID]
    assert completion["answer_id"] == served[2]["answer_id"]
    assert streamed["answer_id"] and streamed["answer_id"] in served[3]
    assert not_found["status"] == "not_found" and not_found["cited"] == []
    assert not_found["answer_id"] == served[4]["answer_id"]
    for secret in (reader, admin):
        assert secret not in response.text
    assert {e["answer_id"] for e in entries} == {
        client.get(f"/v1/answers/{e['answer_id']}", headers=as_reader).json()["id"] for e in entries
    }


def test_audit_in_open_mode_has_no_key_name(client: TestClient) -> None:
    client.post("/v1/ask", json={"question": VACANCY_Q})
    (entry,) = client.get("/v1/audit").json()["entries"]
    assert entry["key_name"] is None and entry["status"] == "answered"
    assert entry["cited"] == [PLEDGE_ID]


def test_a_failed_answer_is_audited_as_an_error(client: TestClient) -> None:
    assert client.post("/v1/ask", json={"question": "x" * 1001}).status_code == 400
    (entry,) = client.get("/v1/audit").json()["entries"]
    assert entry["endpoint"] == "/v1/ask" and entry["status"] == "error"
    assert entry["answer_id"] is None and entry["cited"] == []


def test_audit_since_and_limit(client: TestClient) -> None:
    for _ in range(3):
        client.post("/v1/ask", json={"question": NOTICE_Q})
    entries = client.get("/v1/audit").json()["entries"]
    assert len(client.get("/v1/audit", params={"limit": 2}).json()["entries"]) == 2
    since = client.get("/v1/audit", params={"since": entries[1]["time"]}).json()["entries"]
    assert [e["answer_id"] for e in since] == [e["answer_id"] for e in entries[:2]]
    assert client.get("/v1/audit", params={"since": "2999-01-01"}).json()["entries"] == []
    assert_error(client.get("/v1/audit", params={"since": "soon"}), 400)
    assert_error(client.get("/v1/audit", params={"limit": 0}), 422)
