"""Follow-ups through /v1/chat and the OpenAI endpoint: pronouns, periods, the unresolved case.

Each conversation sends back the answers the service gave, as a chat client does (issue 8:
"When was it set up?" answered about another inquiry; "What did she say in November 2009?"
kept July 2009).
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from .conftest import chat_messages


def converse(client: TestClient, *questions: str) -> list[dict[str, Any]]:
    """Ask each question in turn through /v1/chat, sending the earlier answers back."""
    messages: list[dict[str, str]] = []
    bodies: list[dict[str, Any]] = []
    for question in questions:
        messages.append({"role": "user", "content": question})
        response = client.post("/v1/chat", json={"messages": messages})
        assert response.status_code == 200, response.text
        bodies.append(response.json())
        messages.append({"role": "assistant", "content": bodies[-1]["answer"]})
    return bodies


def test_it_carries_the_task_force_into_the_follow_up(client: TestClient) -> None:
    first, second = converse(client, "Who chaired the Task Force?", "When was it set up?")
    assert "Mike Whitby" in first["answer"]
    assert second["resolved_question"] == "When was the Task Force set up?"
    assert second["status"] == "answered"
    assert all("Task Force" in c["quote"] for c in second["citations"])


def test_she_is_the_minister_the_answer_named_in_the_new_period(client: TestClient) -> None:
    first, second = converse(
        client, "Who acknowledged good progress in July 2009?", "What did she say in November 2009?"
    )
    assert "Dawn Primarolo" in first["answer"]
    resolved = second["resolved_question"]
    assert "Dawn Primarolo" in resolved and "November 2009" in resolved
    assert "July" not in resolved


def test_the_year_before_asks_of_the_previous_year(client: TestClient) -> None:
    _, second = converse(
        client, "What was the vacancy rate in April 2010?", "What was it the year before?"
    )
    assert second["resolved_question"] == "What was the vacancy rate in 2009?"
    assert second["status"] == "answered" and "December 2009" in second["answer"]


def test_an_answer_the_client_did_not_send_back_is_asked_again(client: TestClient) -> None:
    messages = chat_messages("Who chaired the Task Force?", "When was he appointed?")
    body = client.post("/v1/chat", json={"messages": messages}).json()
    assert "Cllr Mike Whitby" in body["resolved_question"]


def test_an_unresolved_follow_up_is_not_found_and_says_why(client: TestClient) -> None:
    body = client.post("/v1/chat", json={"messages": chat_messages("When was it set up?")}).json()
    note = "I could not tell what 'it' refers to: name it."
    assert body["status"] == "not_found" and body["citations"] == []
    assert body["answer"] == body["reason"] == note
    assert body["resolved_question"] == "When was it set up?"
    refused = client.post("/v1/ask", json={"question": "What was the vacancy rate in 1990?"}).json()
    assert refused["status"] == "not_found"
    assert set(body["searched"]) == set(refused["searched"])
    assert body["searched"]["documents"] == refused["searched"]["documents"] == 2
    receipt = client.get(f"/v1/answers/{body['answer_id']}").json()
    assert receipt["answer"]["reason"] == note


def test_she_with_nobody_named_is_not_found_on_the_openai_endpoint(client: TestClient) -> None:
    (first,) = converse(client, "What was the vacancy rate in April 2010?")
    turns = [
        {"role": "user", "content": "What was the vacancy rate in April 2010?"},
        {"role": "assistant", "content": first["answer"]},
        {"role": "user", "content": "What did she say?"},
    ]
    body = client.post("/v1/chat/completions", json={"model": "records", "messages": turns}).json()
    assert body["status"] == "not_found" and body["citations"] == []
    content = body["choices"][0]["message"]["content"]
    assert content == "I could not tell who 'she' refers to: name the person."
