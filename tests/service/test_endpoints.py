"""Every endpoint in-process: health, ready, ask, search, chat, answers, models, completions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.engine import Assistant
from assistant.settings import Settings
from index import Embedder

from .conftest import (
    FOLLOW_UP,
    NOTICE_Q,
    PLEDGE_ID,
    RESOLVED_FOLLOW_UP,
    STATEMENT_ID,
    VACANCY_Q,
    assert_error,
    chat_messages,
)


def cli_answer(home: Path, embedder: Embedder, question: str) -> dict[str, Any]:
    """What `assistant ask --json QUESTION` prints (the CLI prints Answer.as_dict())."""
    assistant = Assistant(Settings(home=home), embedder=embedder)
    try:
        return assistant.ask(question).as_dict()
    finally:
        assistant.close()


def test_health_needs_nothing(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_ready_reports_the_index(client: TestClient) -> None:
    body = client.get("/ready").json()
    assert body == {
        "status": "ready",
        "documents": 2,
        "chunks": body["chunks"],
        "generation": body["generation"],
        "model": "all-MiniLM-L6-v2",
    }
    assert body["chunks"] >= 2 and body["generation"] >= 1


def test_ask_answers_like_the_cli_plus_a_receipt(
    client: TestClient, home: Path, embedder: Embedder
) -> None:
    response = client.post("/v1/ask", json={"question": NOTICE_Q})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    body = response.json()
    expected = cli_answer(home, embedder, NOTICE_Q)
    for field in ("question", "status", "answer", "related", "reason", "searched"):
        assert body[field] == expected[field], field
    assert body["status"] == "answered" and "February 2009" in body["answer"]
    assert "[1]" in body["answer"]
    assert len(body["citations"]) == len(expected["citations"]) >= 1
    for got, want in zip(body["citations"], expected["citations"], strict=True):
        assert {k: got[k] for k in want if k != "document"} == {
            k: v for k, v in want.items() if k != "document"
        }
        assert {k: got["document"][k] for k in want["document"]} == want["document"]
    assert body["citations"][0]["document"]["id"] == STATEMENT_ID
    assert body["answer_id"].startswith("ans_")
    assert body["generation"] == client.get("/ready").json()["generation"]


def test_ask_json_has_exactly_the_cli_shape_and_equals_its_receipt(
    client: TestClient, home: Path, embedder: Embedder
) -> None:
    body = client.post("/v1/ask", json={"question": NOTICE_Q}).json()
    expected = cli_answer(home, embedder, NOTICE_Q)
    receipt = client.get(f"/v1/answers/{body['answer_id']}").json()
    assert set(body) == set(expected) | {"answer_id", "generation"}
    assert set(body["citations"][0]["document"]) == set(expected["citations"][0]["document"])
    # The receipt is the payload as served (its id is beside it, not inside it).
    assert receipt["answer"] == {k: v for k, v in body.items() if k != "answer_id"}


def test_ask_not_found_says_so_with_a_reason(client: TestClient) -> None:
    body = client.post(
        "/v1/ask", json={"question": "What was the vacancy rate in April 2011?"}
    ).json()
    assert body["status"] == "not_found" and body["citations"] == []
    assert body["reason"] and "April 2011" in body["reason"]
    assert body["answer_id"].startswith("ans_")


def test_ask_filters_restrict_the_evidence(client: TestClient) -> None:
    q = {"question": NOTICE_Q}
    late = client.post("/v1/ask", json={**q, "filters": {"since": "2010-07"}}).json()
    assert all(c["document"]["id"] == PLEDGE_ID for c in late["citations"])
    assert late["searched"]["filters"]["since"] == "2010-07"
    none = client.post("/v1/ask", json={**q, "filters": {"kind": "scr_recommendation"}}).json()
    assert none["status"] == "not_found" and none["citations"] == []
    bad = client.post("/v1/ask", json={**q, "filters": {"since": "31/02/2010"}})
    assert "31/02/2010" in assert_error(bad, 400, "invalid_query")["message"]
    assert_error(client.post("/v1/ask", json={**q, "filters": {"kind": "memo"}}), 422)
    assert_error(client.post("/v1/ask", json={**q, "colour": "red"}), 422, "invalid_request")


def test_search_returns_ranked_passages_with_provenance(client: TestClient) -> None:
    response = client.post("/v1/search", json={"query": "Lifford House", "top_k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "Lifford House" and 1 <= len(body["hits"]) <= 3
    top = body["hits"][0]
    assert "Lifford House" in top["text"] and top["document"]["id"] == PLEDGE_ID
    assert {"chunk_id", "document", "text", "start", "end", "score"} <= set(top)
    assert isinstance(top["chunk_id"], int) and 0 <= top["start"] < top["end"]
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)
    text = client.get(f"/v1/documents/{PLEDGE_ID}").json()["text"]
    assert text[top["start"] : top["end"]] == top["text"]


def test_search_top_k_up_to_100(client: TestClient) -> None:
    chunks = client.get("/ready").json()["chunks"]
    hits = client.post("/v1/search", json={"query": "children", "top_k": 100}).json()["hits"]
    assert 1 <= len(hits) <= min(100, chunks)
    assert len({h["chunk_id"] for h in hits}) == len(hits)
    for top_k in (101, 0, -1):
        bad = client.post("/v1/search", json={"query": "children", "top_k": top_k})
        assert "top_k" in assert_error(bad, 422, "invalid_request")["message"]


def test_search_filters(client: TestClient) -> None:
    body = {"query": "Improvement Notice", "top_k": 20}
    early = client.post("/v1/search", json={**body, "filters": {"until": "2010-03-31"}}).json()
    assert early["hits"] and {h["document"]["id"] for h in early["hits"]} == {STATEMENT_ID}
    none = client.post("/v1/search", json={**body, "filters": {"kind": "other"}}).json()
    assert none["hits"] == []


def test_chat_resolves_a_follow_up_against_the_earlier_turn(client: TestClient) -> None:
    response = client.post("/v1/chat", json={"messages": chat_messages(VACANCY_Q, FOLLOW_UP)})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["resolved_question"] == RESOLVED_FOLLOW_UP
    assert body["question"] == RESOLVED_FOLLOW_UP
    assert body["status"] == "answered" and "February 2010" in body["answer"]
    assert body["citations"][0]["document"]["id"] == PLEDGE_ID
    first = client.post("/v1/chat", json={"messages": chat_messages(NOTICE_Q)}).json()
    assert first["resolved_question"] == NOTICE_Q and "February 2009" in first["answer"]


def test_chat_needs_a_user_message(client: TestClient) -> None:
    system_only = [{"role": "system", "content": "be brief"}]
    assert_error(client.post("/v1/chat", json={"messages": system_only}), 400, "invalid_query")
    assert_error(client.post("/v1/chat", json={"messages": []}), 422, "invalid_request")
    tool = [{"role": "tool", "content": "x"}]  # OpenAI roles are accepted; none is a question
    assert_error(client.post("/v1/chat", json={"messages": tool}), 400, "invalid_query")


def test_answer_receipt_is_the_answer_as_served(client: TestClient) -> None:
    served = client.post("/v1/ask", json={"question": VACANCY_Q}).json()
    response = client.get(f"/v1/answers/{served['answer_id']}")
    assert response.status_code == 200
    receipt = response.json()
    assert receipt["id"] == served["answer_id"] and receipt["endpoint"] == "/v1/ask"
    assert receipt["generation"] == served["generation"] and receipt["created_at"]
    stored = receipt["answer"]
    for field in ("question", "status", "answer", "generation", "reason", "searched"):
        assert stored[field] == served[field], field
    assert [
        (c["quote"], c["start"], c["end"], c["document"]["id"]) for c in stored["citations"]
    ] == [(c["quote"], c["start"], c["end"], c["document"]["id"]) for c in served["citations"]]
    chat = client.post("/v1/chat", json={"messages": chat_messages(VACANCY_Q, FOLLOW_UP)}).json()
    chat_receipt = client.get(f"/v1/answers/{chat['answer_id']}").json()
    assert chat_receipt["endpoint"] == "/v1/chat"
    assert chat_receipt["answer"]["resolved_question"] == RESOLVED_FOLLOW_UP
    assert_error(client.get("/v1/answers/ans_0000000000000000"), 404, "answer_not_found")


def test_receipt_stays_true_after_the_index_changes(client: TestClient) -> None:
    served = client.post("/v1/ask", json={"question": NOTICE_Q}).json()
    assert client.delete(f"/v1/documents/{STATEMENT_ID}").status_code == 200
    again = client.post("/v1/ask", json={"question": NOTICE_Q}).json()
    assert again["generation"] > served["generation"]
    assert all(c["document"]["id"] != STATEMENT_ID for c in again["citations"])
    receipt = client.get(f"/v1/answers/{served['answer_id']}").json()
    assert receipt["generation"] == served["generation"]
    assert receipt["answer"]["answer"] == served["answer"]


def test_models_lists_records(client: TestClient) -> None:
    body = client.get("/v1/models").json()
    assert body["object"] == "list" and [m["id"] for m in body["data"]] == ["records"]


def test_chat_completions_in_the_openai_shape(client: TestClient) -> None:
    request = {"model": "records", "messages": chat_messages(NOTICE_Q), "temperature": 0.2}
    response = client.post("/v1/chat/completions", json=request)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["object"] == "chat.completion" and body["model"] == "records"
    assert body["id"] == f"chatcmpl-{body['answer_id']}"
    (choice,) = body["choices"]
    assert choice["finish_reason"] == "stop" and choice["message"]["role"] == "assistant"
    content = choice["message"]["content"]
    assert "[1]" in content and "February 2009" in content
    answer, _, references = content.partition("\n\nReferences:\n")
    assert references.startswith("[1] Statement following sentencing in Khyra Ishaq trial")
    assert body["citations"][0]["quote"] in references
    assert body["status"] == "answered" and body["generation"] >= 1
    stored = client.get(f"/v1/answers/{body['answer_id']}").json()
    assert stored["endpoint"] == "/v1/chat/completions" and stored["answer"]["answer"] == answer


def test_chat_completions_follow_up_and_unknown_model(client: TestClient) -> None:
    follow = {"model": "records", "messages": chat_messages(VACANCY_Q, FOLLOW_UP)}
    body = client.post("/v1/chat/completions", json=follow).json()
    assert body["resolved_question"] == RESOLVED_FOLLOW_UP
    assert "February 2010" in body["choices"][0]["message"]["content"]
    wrong = {"model": "gpt-4o", "messages": chat_messages(NOTICE_Q)}
    message = assert_error(client.post("/v1/chat/completions", json=wrong), 404)["message"]
    assert "records" in message


def test_not_found_completion_has_no_references(client: TestClient) -> None:
    request = {"messages": chat_messages("What was the vacancy rate in April 2011?")}
    body = client.post("/v1/chat/completions", json=request).json()
    assert body["status"] == "not_found" and body["citations"] == []
    assert "References:" not in body["choices"][0]["message"]["content"]


def test_unknown_routes_and_methods_answer_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/v1/nothing-here"), 404, "not_found")
    assert_error(client.put("/v1/ask", json={}), 405, "method_not_allowed")


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/health",
        "/ready",
        "/v1/ask",
        "/v1/search",
        "/v1/chat",
        "/v1/documents",
        "/v1/documents/{doc_id}",
        "/v1/answers/{answer_id}",
        "/v1/models",
        "/v1/chat/completions",
        "/v1/audit",
        "/v1/keys",
    } <= set(paths)


@pytest.mark.parametrize(
    "messages",
    [
        [{"role": "user", "content": [{"type": "text", "text": NOTICE_Q}]}],
        [{"role": "developer", "content": "Be brief."}, {"role": "user", "content": NOTICE_Q}],
        [
            {"role": "user", "content": "Hello"},
            {"role": "assistant", "content": None},
            {"role": "user", "content": NOTICE_Q},
        ],
    ],
    ids=["text-parts", "developer-role", "null-assistant-content"],
)
def test_chat_completions_accept_other_valid_openai_messages(
    client: TestClient, messages: list[dict[str, Any]]
) -> None:
    response = client.post("/v1/chat/completions", json={"model": "records", "messages": messages})
    assert response.status_code == 200, response.text
    assert "February 2009" in response.json()["choices"][0]["message"]["content"]
