"""HTTP errors: every failure is JSON {"error": {"code", "message"}}, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.access import AccessError, AnswerNotFound, KeyNotFound
from assistant.errors import AssistantError, InvalidQuery
from index import DocumentNotFound, IndexLayerError, LoaderError, StoreError

log = logging.getLogger("assistant.service")
ExceptionHandler = Callable[[Request, Exception], Awaitable[JSONResponse]]


class ApiError(Exception):
    """An error the service answers with on purpose: status, stable code, message."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """The one error shape of the API."""
    return {"error": {"code": code, "message": message}}


def _json(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


_INDEX_DOWN = "the index is unavailable; see the service log"
_DOMAIN: list[tuple[type[Exception], int, str, str | None]] = [
    (DocumentNotFound, 404, "document_not_found", None),
    (AnswerNotFound, 404, "answer_not_found", None),
    (KeyNotFound, 404, "key_not_found", None),
    (InvalidQuery, 400, "invalid_query", None),
    (LoaderError, 400, "invalid_document", None),
    (StoreError, 503, "index_unavailable", _INDEX_DOWN),  # its text names server paths
    (AccessError, 400, "invalid_request", None),
    (IndexLayerError, 400, "invalid_request", None),
    (AssistantError, 400, "invalid_request", None),
]


def install_error_handlers(app: FastAPI) -> None:
    """Translate domain errors, validation errors and surprises into the error shape."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return _json(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        return _json(422, "invalid_request", message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}
        code = codes.get(exc.status_code, "http_error")
        return _json(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    for error_type, status, code, fixed in _DOMAIN:
        app.add_exception_handler(error_type, _domain_handler(status, code, fixed))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return _json(500, "internal_error", "the service failed to answer; see its log")


def _domain_handler(status: int, code: str, fixed: str | None) -> ExceptionHandler:
    async def handle(_: Request, exc: Exception) -> JSONResponse:
        if fixed is not None:
            log.error("%s: %s", code, exc)
        return _json(status, code, fixed or str(exc))

    return handle
