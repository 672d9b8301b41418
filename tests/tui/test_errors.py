"""When the service is away or refuses: an error notification and an error exchange, no crash."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from tui.widgets.exchange import ExchangeView

from ..servers import free_port
from .conftest import (
    VACANCY_Q,
    AppFactory,
    Service,
    ask,
    driving,
    until,
)

pytestmark = pytest.mark.anyio


@asynccontextmanager
async def forwarding(port: int, target: int) -> AsyncIterator[None]:
    """Make `port` reach the service on `target`: the service "comes up" at the app's URL."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", target)
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    server = await asyncio.start_server(connect, "127.0.0.1", port)
    try:
        yield
    finally:
        server.close()
        await server.wait_closed()


def errors(app: object) -> list[tuple[str, str]]:
    """(title, message) of the error notifications raised so far."""
    return [
        (n.title, n.message)
        for n in app._notifications  # type: ignore[attr-defined]
        if n.severity == "error"
    ]


async def test_an_unreachable_service_gives_an_error_and_ctrl_r_retries(
    make_app: AppFactory, service: Service
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    app = make_app(url)
    async with driving(app, ready=False) as pilot:
        failed = await ask(pilot, VACANCY_Q)
        assert failed.status == "error"
        assert failed.answer == f"No answer: cannot reach the service at {url}"
        assert (
            f"cannot reach the service at {url}",
            "start it with `assistant serve`, then retry with ctrl+r",
        ) in errors(app)
        view = app.query_one(ExchangeView)
        assert view.has_class("failed") and not view.has_class("not-found")
        assert app.is_running and app._exception is None, "no traceback, the app goes on"
        assert not app.store.list(), "a failed exchange is not saved"

        await until(pilot, lambda: not app.query_one("#loading").display, "the ready check")
        assert any(title == "Service unreachable" for title, _ in errors(app))
        assert app.sub_title == ""

        async with forwarding(port, service.port):
            await pilot.press("ctrl+r")
            await until(
                pilot,
                lambda: (
                    app.conversation.exchanges[-1].status not in {"pending"}
                    and app.conversation.exchanges[-1] is not failed
                ),
                "the retried answer",
            )
            await asyncio.wait_for(app.workers.wait_for_complete(), 30)
            retried = app.conversation.exchanges[-1]
            assert retried.status == "answered", retried.answer
            assert "15 per cent" in retried.answer
            assert [e.question for e in app.conversation.exchanges] == [VACANCY_Q]
            assert app.is_running and app._exception is None


async def test_retry_replaces_the_failed_exchange_on_screen(
    make_app: AppFactory, service: Service
) -> None:
    port = free_port()
    app = make_app(f"http://127.0.0.1:{port}")
    async with driving(app, ready=False) as pilot:
        failed = await ask(pilot, VACANCY_Q)
        assert failed.status == "error"
        async with forwarding(port, service.port):
            await pilot.press("ctrl+r")
            await until(
                pilot,
                lambda: (
                    app.conversation.exchanges[-1] is not failed
                    and app.conversation.exchanges[-1].status != "pending"
                ),
                "the retried answer",
            )
            await pilot.pause()
            shown = [view.exchange for view in app.query(ExchangeView)]
            assert shown == app.conversation.exchanges


async def test_a_refused_question_gives_the_service_message(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        too_long = "What was the vacancy rate " + "in April 2010 " * 100 + "?"
        exchange = await ask(pilot, too_long)
        assert exchange.status == "error"
        assert exchange.answer.startswith("No answer: ")
        titles = [title for title, _ in errors(app)]
        assert titles and exchange.answer == f"No answer: {titles[-1]}"
        assert "the limit is 1000" in exchange.answer, "the service's own message"
        assert "Traceback" not in exchange.answer
        assert app.is_running and app._exception is None

        after = await ask(pilot, VACANCY_Q)  # the app carries on
        assert after.status == "answered"
