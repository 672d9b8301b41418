"""POST /v1/ask and /v1/chat: cited answers, as JSON or streamed as Server-Sent Events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from assistant.conversation import Turn
from assistant.service.answering import chat_answer, filters_of, resolve_chat, serve_answer
from assistant.service.deps import ReaderDep, StateDep
from assistant.service.schemas import AnswerOut, AskRequest, ChatRequest, ErrorOut
from assistant.service.streaming import answer_events, event_stream

router = APIRouter(prefix="/v1", tags=["answers"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    401: {"model": ErrorOut},
    429: {"model": ErrorOut},
}
_SSE = {"content": {"text/event-stream": {}}, "description": "the answer as SSE (stream: true)"}
_RESPONSES: dict[int | str, dict[str, Any]] = {**_ERRORS, 200: _SSE}


@router.post(
    "/ask", response_model=AnswerOut, response_model_exclude_unset=True, responses=_RESPONSES
)
def ask(body: AskRequest, caller: ReaderDep, state: StateDep) -> Any:
    """Answer a question from the records, every sentence cited (or not_found)."""
    filters = filters_of(body.filters, state)
    payload = serve_answer(
        state, caller, "/v1/ask", lambda: state.current().ask(body.question, filters)
    )
    return event_stream(answer_events(payload)) if body.stream else payload


@router.post(
    "/chat", response_model=AnswerOut, response_model_exclude_unset=True, responses=_RESPONSES
)
def chat(body: ChatRequest, caller: ReaderDep, state: StateDep) -> Any:
    """Answer the last user turn, read against the earlier ones ("and when was that?")."""
    filters = filters_of(body.filters, state)
    resolution = resolve_chat(state, [Turn(m.speaker, m.text) for m in body.messages], filters)
    payload = serve_answer(
        state,
        caller,
        "/v1/chat",
        lambda: chat_answer(state, resolution, filters),
        {"resolved_question": resolution.question},
    )
    return event_stream(answer_events(payload)) if body.stream else payload
