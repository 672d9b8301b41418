"""Timeline, register and fact-check screens against the real service."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, TextArea

from tui.screens.check import CheckScreen
from tui.screens.register import RegisterScreen
from tui.screens.source import SourceScreen
from tui.screens.timeline import TimelineScreen

from .conftest import AppFactory, driving, until

pytestmark = pytest.mark.anyio


async def test_timeline_filters_jumps_by_year_and_opens_a_source(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        table = screen.query_one("#timeline-table", DataTable)
        await until(pilot, lambda: table.row_count > 10, "the events")
        firsts = [e["first"] for e in screen.shown]
        assert firsts == sorted(firsts)
        years = [e["first"][:4] for e in screen.shown]
        table.focus()
        await pilot.press("ctrl+n")
        assert screen.shown[table.cursor_row]["first"][:4] != years[0]
        screen.query_one("#timeline-filter", Input).value = "vacancy rate"
        await until(pilot, lambda: table.row_count == 3, "three vacancy events")
        labels = [e["label"] for e in screen.shown]
        assert labels == ["December 2009", "February 2010", "April 2010"]
        assert [e["date"] for e in screen.shown] == ["2009-12", "2010-02", "2010-04"]
        table.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
        viewer = app.screen
        assert isinstance(viewer, SourceScreen)
        await pilot.pause(0.2)
        assert "vacancy rate" in viewer.highlighted
        assert app.check_action("documents", ()) is False  # chat actions are off here


async def test_register_screen_lists_rows(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("ctrl+b")
        await until(pilot, lambda: isinstance(app.screen, RegisterScreen), "the register")
        await pilot.pause(0.5)
        assert app.screen.query_one("#register-table", DataTable).row_count == 0  # no register


async def test_check_screen_marks_each_sentence(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, CheckScreen), "the check screen")
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        screen.query_one("#draft", TextArea).load_text(
            "All twelve SCR recommendations have been fully implemented. "
            "The Improvement Notice was issued in February 2009."
        )
        await pilot.press("ctrl+k")
        await until(pilot, lambda: len(screen.claims) == 2, "two verdicts", timeout=60)
        assert [c["verdict"] for c in screen.claims] == ["contradicted", "supported"]
        verdicts = screen.query_one("#verdicts", OptionList)
        assert verdicts.option_count == 2
        verdicts.highlighted = 0
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen), "the evidence")
