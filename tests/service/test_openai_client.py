"""The official `openai` client against the real server: chat completions, plain and streamed."""

from __future__ import annotations

import openai
import pytest
from openai import OpenAI
from openai.types.chat import ChatCompletionMessageParam

from assistant.access import KeyStore

from ..servers import LiveServer
from .conftest import (
    FOLLOW_UP,
    NOTICE_Q,
    RESOLVED_FOLLOW_UP,
    VACANCY_Q,
)


def make_client(server: LiveServer, api_key: str = "unused") -> OpenAI:
    return OpenAI(base_url=f"{server.url}/v1", api_key=api_key, max_retries=0, timeout=30)


def test_models_list(live_server: LiveServer) -> None:
    assert [m.id for m in make_client(live_server).models.list()] == ["records"]


def test_completion_has_markers_references_and_citations(live_server: LiveServer) -> None:
    client = make_client(live_server)
    response = client.chat.completions.create(
        model="records", messages=[{"role": "user", "content": NOTICE_Q}], temperature=0
    )
    assert response.object == "chat.completion" and response.model == "records"
    choice = response.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    content = choice.message.content or ""
    assert "[1]" in content and "February 2009" in content
    assert "\n\nReferences:\n[1] " in content
    extra = response.model_extra or {}
    citations = extra["citations"]
    assert citations == response.to_dict()["citations"]
    assert citations[0]["id"] == 1 and citations[0]["quote"] in content
    assert citations[0]["document"]["title"] in content
    assert extra["status"] == "answered" and extra["answer_id"].startswith("ans_")
    assert response.id == f"chatcmpl-{extra['answer_id']}"


def test_streamed_completion_equals_the_plain_one(live_server: LiveServer) -> None:
    client = make_client(live_server)
    messages: list[ChatCompletionMessageParam] = [
        {"role": "system", "content": "Answer from the records."},
        {"role": "user", "content": VACANCY_Q},
        {"role": "assistant", "content": "15 per cent [1]"},
        {"role": "user", "content": FOLLOW_UP},
    ]
    plain = client.chat.completions.create(model="records", messages=messages)
    assert (plain.model_extra or {})["resolved_question"] == RESOLVED_FOLLOW_UP
    chunks = list(client.chat.completions.create(model="records", messages=messages, stream=True))
    assert len(chunks) >= 3
    content = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert content == plain.choices[0].message.content
    assert "February 2010" in content and "References:" in content
    assert chunks[0].choices[0].delta.role == "assistant"
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    assert (last.model_extra or {})["citations"][0]["quote"] in content


def test_unknown_model_is_a_not_found_error(live_server: LiveServer) -> None:
    with pytest.raises(openai.NotFoundError) as raised:
        make_client(live_server).chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": NOTICE_Q}]
        )
    assert raised.value.status_code == 404
    body = raised.value.body
    assert isinstance(body, dict) and body["code"] == "model_not_found"


def test_with_keys_the_client_sends_a_real_key(live_server: LiveServer) -> None:
    keys = KeyStore(live_server.home)
    info, secret = keys.create("reader", "openai-client")
    try:
        with pytest.raises(openai.AuthenticationError):
            make_client(live_server, "unused").chat.completions.create(
                model="records", messages=[{"role": "user", "content": NOTICE_Q}]
            )
        reply = make_client(live_server, secret).chat.completions.create(
            model="records", messages=[{"role": "user", "content": NOTICE_Q}]
        )
        assert "February 2009" in (reply.choices[0].message.content or "")
    finally:
        keys.revoke(info.id)
        keys.close()
