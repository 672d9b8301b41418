"""What the client looks like (SVG snapshots), with answers from the real service.

Deterministic by construction: the service answers the same question the same way,
the Header has no clock, the time-based conversation id is never drawn, cursors do
not blink, and the one machine-dependent string drawn (a document's absolute source
path, in the source viewer) is shown relative to the shared folder.

Regenerate after a deliberate change with `pytest tests/tui/test_snapshots.py
--snapshot-update`, and look at the SVGs in tests/tui/__snapshots__/ before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import PurePath
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tui.client import RecordsClient
from tui.screens.documents import DocumentsScreen
from tui.screens.source import SourceScreen

from .conftest import MISSING_Q, VACANCY_Q, AppFactory, Service, ask, settle, until, without_cursor

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

Compare = Callable[..., bool]
Scene = Callable[[Pilot[Any]], Awaitable[None]]


class PortableClient(RecordsClient):
    """The real client, but a document's source path is drawn from `shared/` on."""

    async def document(self, doc_id: str) -> dict[str, Any]:
        full = await super().document(doc_id)
        parts = PurePath(full["document"]["source"]).parts
        full["document"]["source"] = "…/" + "/".join(parts[-3:])
        return full


async def ready(pilot: Pilot[Any]) -> None:
    await until(pilot, lambda: not pilot.app.query_one("#loading").display, "/ready")


async def chat_with_answer(pilot: Pilot[Any]) -> None:
    await ready(pilot)
    await ask(pilot, VACANCY_Q)
    await without_cursor(pilot)


async def not_found_answer(pilot: Pilot[Any]) -> None:
    await ready(pilot)
    await ask(pilot, MISSING_Q)
    await without_cursor(pilot)


async def source_viewer(pilot: Pilot[Any]) -> None:
    await ready(pilot)
    await ask(pilot, VACANCY_Q)
    await pilot.press("ctrl+s", "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, SourceScreen), "the source viewer")
    await settle(pilot)
    await without_cursor(pilot)


async def documents_screen(pilot: Pilot[Any]) -> None:
    await ready(pilot)
    await pilot.press("ctrl+d")
    await until(pilot, lambda: isinstance(pilot.app.screen, DocumentsScreen), "the documents")
    table = pilot.app.screen.query_one(DataTable)
    await until(pilot, lambda: table.row_count == 2, "the documents table")
    await without_cursor(pilot)


def shoot(
    snap_compare: Compare, make_app: AppFactory, service: Service, scene: Scene, size: Any
) -> bool:
    app = make_app(client=PortableClient(service.url))
    return snap_compare(app, terminal_size=size, run_before=scene)


@pytest.mark.parametrize("size", SIZES)
def test_chat_with_an_answer(
    snap_compare: Compare, make_app: AppFactory, service: Service, size: Any
) -> None:
    assert shoot(snap_compare, make_app, service, chat_with_answer, size)


@pytest.mark.parametrize("size", SIZES)
def test_source_viewer(
    snap_compare: Compare, make_app: AppFactory, service: Service, size: Any
) -> None:
    assert shoot(snap_compare, make_app, service, source_viewer, size)


@pytest.mark.parametrize("size", SIZES)
def test_documents_screen(
    snap_compare: Compare, make_app: AppFactory, service: Service, size: Any
) -> None:
    assert shoot(snap_compare, make_app, service, documents_screen, size)


@pytest.mark.parametrize("size", SIZES)
def test_not_found_answer(
    snap_compare: Compare, make_app: AppFactory, service: Service, size: Any
) -> None:
    assert shoot(snap_compare, make_app, service, not_found_answer, size)
