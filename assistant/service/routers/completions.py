"""OpenAI-compatible chat completions (model `records`), so existing chat front ends work.

The reply keeps its [n] markers and ends with a references list; the structured
citations travel in the extra `citations` field.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from assistant.conversation import Turn
from assistant.service.answering import chat_answer, resolve_chat, serve_answer
from assistant.service.deps import ReaderDep, StateDep
from assistant.service.errors import ApiError
from assistant.service.schemas import ErrorOut, Message
from assistant.service.streaming import answer_parts, event_stream
from index import Filters, format_date

MODEL_ID = "records"
router = APIRouter(prefix="/v1", tags=["openai"])


class CompletionRequest(BaseModel):
    """The OpenAI request shape; sampling options are accepted and ignored."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [
                        {"role": "user", "content": "When was the Improvement Notice issued?"}
                    ],
                }
            ]
        },
    )
    model: str = MODEL_ID
    messages: list[Message] = Field(min_length=1, max_length=50)
    stream: bool = False


@router.get("/models")
def models(_: ReaderDep) -> dict[str, object]:
    """The one model this service offers."""
    return {
        "object": "list",
        "data": [
            {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "records-assistant"}
        ],
    }


@router.post("/chat/completions", responses={404: {"model": ErrorOut}, 400: {"model": ErrorOut}})
def completions(body: CompletionRequest, caller: ReaderDep, state: StateDep) -> Any:
    """A cited answer to the last user message, as an OpenAI chat completion."""
    if body.model != MODEL_ID:
        raise ApiError(404, "model_not_found", f"unknown model {body.model!r}; use {MODEL_ID!r}")
    turns = [Turn(m.speaker, m.text) for m in body.messages]
    resolution = resolve_chat(state, turns, Filters())
    payload = serve_answer(
        state,
        caller,
        "/v1/chat/completions",
        lambda: chat_answer(state, resolution, Filters()),
        {"resolved_question": resolution.question},
    )
    reply = reply_text(payload)
    if body.stream:
        return event_stream(_chunks(payload, reply))
    return {
        **_envelope(payload, "chat.completion"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        **_extras(payload),
    }


def reply_text(payload: dict[str, Any]) -> str:
    """The answer with its markers, then a references list (title, date, quote)."""
    citations = payload["citations"]
    if not citations:
        return str(payload["answer"])
    lines = [str(payload["answer"]), "", "References:"]
    for c in citations:
        doc = c["document"]
        when = f", {format_date(doc['date'])}" if doc.get("date") else ""
        lines.append(f"[{c['id']}] {doc['title']}{when}: “{c['quote']}”")
    return "\n".join(lines)


def _envelope(payload: dict[str, Any], kind: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{payload['answer_id']}",
        "object": kind,
        "created": int(time.time()),
        "model": MODEL_ID,
    }


def _extras(payload: dict[str, Any]) -> dict[str, Any]:
    """The structured citations and the receipt, beside the OpenAI fields."""
    return {
        "citations": payload["citations"],
        "status": payload["status"],
        "answer_id": payload["answer_id"],
        "generation": payload["generation"],
        "resolved_question": payload.get("resolved_question"),
    }


def _chunks(payload: dict[str, Any], reply: str) -> Iterator[str]:
    """chat.completion.chunk events: role, content parts, stop with citations, [DONE]."""
    envelope = _envelope(payload, "chat.completion.chunk")

    def chunk(delta: dict[str, str], finish: str | None = None, **extra: Any) -> str:
        body = {**envelope, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        return f"data: {json.dumps({**body, **extra}, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    answer = str(payload["answer"])
    for part in answer_parts(answer):
        yield chunk({"content": part})
    if len(reply) > len(answer):
        yield chunk({"content": reply[len(answer) :]})
    yield chunk({}, "stop", **_extras(payload))
    yield "data: [DONE]\n\n"
