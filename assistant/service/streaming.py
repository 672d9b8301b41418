"""Server-Sent Events: the answer in parts, then its citations, then a closing status."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from fastapi.responses import StreamingResponse

_SENTENCE_END = re.compile(r"(?<=\])\s+")


def sse(event: str, data: object) -> str:
    """One event in the text/event-stream format."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def answer_parts(text: str) -> list[str]:
    """The answer cut after each citation marker, so each part is a cited sentence."""
    parts = _SENTENCE_END.split(text)
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts)]


def answer_events(payload: dict[str, object]) -> Iterator[str]:
    """meta, delta..., citations, done: what a client renders as the answer arrives."""
    yield sse(
        "meta",
        {"question": payload["question"], "resolved_question": payload.get("resolved_question")},
    )
    for part in answer_parts(str(payload["answer"])):
        yield sse("delta", {"text": part})
    yield sse("citations", {"citations": payload["citations"], "related": payload["related"]})
    yield sse(
        "done",
        {
            "status": payload["status"],
            "reason": payload.get("reason"),
            "answer_id": payload["answer_id"],
            "generation": payload["generation"],
        },
    )


def event_stream(events: Iterator[str]) -> StreamingResponse:
    """A streaming response; a client that leaves early just stops the iterator."""
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
