"""The FastAPI app: thin routers; the model and index loaded once, in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.routing import Route

from assistant.mcp import http_endpoint
from assistant.service.errors import install_error_handlers
from assistant.service.limits import BodyLimit
from assistant.service.routers import (
    admin,
    answers,
    ask,
    check,
    completions,
    documents,
    health,
    recommendations,
    search,
    timeline,
)
from assistant.service.server import is_loopback
from assistant.service.state import ServiceState, open_state
from assistant.settings import Settings
from index import Embedder

DESCRIPTION = """Cited answers over Birmingham children's social care improvement records.

Every answer sentence is a verbatim quote with a citation; when the records do not
answer, the status is `not_found`. Errors are `{"error": {"code", "message"}}`.
"""


def create_app(settings: Settings | None = None, *, embedder: Embedder | None = None) -> FastAPI:
    """The service over the index in `settings.home`; nothing loads until the lifespan."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.service = open_state(settings, embedder)
        try:
            async with mcp_sessions():
                yield
        finally:
            app.state.service.close()

    app = FastAPI(
        title="Records assistant", version="0.1.0", description=DESCRIPTION, lifespan=lifespan
    )
    install_error_handlers(app)

    def service() -> ServiceState:
        state: ServiceState = app.state.service
        return state

    mcp_endpoint, mcp_sessions = http_endpoint(  # MCP, behind the same keys, roles and audit
        service, open_when_keyless=is_loopback(settings.bind_host), host=settings.bind_host
    )
    app.router.routes.append(Route("/mcp", mcp_endpoint, methods=["GET", "POST", "DELETE"]))

    for module in (
        health,
        ask,
        check,
        search,
        documents,
        answers,
        completions,
        admin,
        timeline,
        recommendations,
    ):
        app.include_router(module.router)
    app.add_middleware(
        BodyLimit,
        json_bytes=settings.max_request_kb * 1024,
        upload_bytes=int(settings.max_upload_mb * 1_000_000) + 64 * 1024,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app


def app_factory() -> FastAPI:
    """Entry point for `uvicorn --factory` (each worker builds its own app)."""
    return create_app()
