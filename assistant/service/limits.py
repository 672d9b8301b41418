"""Request body limits, enforced before a handler reads the body."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.service.errors import error_body


class BodyLimit:
    """Refuse bodies over the limit (uploads get their own, larger limit) with 413."""

    def __init__(self, app: ASGIApp, *, json_bytes: int, upload_bytes: int) -> None:
        self.app = app
        self.json_bytes = json_bytes
        self.upload_bytes = upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "DELETE", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        limit = self.upload_bytes if scope["path"] == "/v1/documents" else self.json_bytes
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _too_large(send, limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


class BodyTooLarge(HTTPException):
    """A streamed body went past the limit (an HTTPException, so body parsing re-raises it)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(error_body("too_large", f"the request body is larger than {limit} bytes"))
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})
