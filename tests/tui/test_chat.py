"""Asking in the terminal client: answers, streaming, not-found, follow-ups, history, citations."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Markdown, Static, TextArea

from tui.client import Event
from tui.screens.source import SourceScreen
from tui.widgets.exchange import ExchangeView
from tui.widgets.question_input import QuestionInput
from tui.widgets.sources import SourcesPanel

from .conftest import (
    FOLLOW_UP,
    MANY_QUOTES_Q,
    MISSING_Q,
    PLEDGE_TITLE,
    RESOLVED_FOLLOW_UP,
    STATEMENT_ID,
    STATEMENT_TITLE,
    VACANCY_Q,
    AppFactory,
    ask,
    driving,
    settle,
    until,
)

pytestmark = pytest.mark.anyio


def shown(widget: Static) -> str:
    """The plain text a Static shows now."""
    return str(widget.render())


def panel_lines(panel: SourcesPanel) -> str:
    """The sources panel's options as plain text."""
    return "\n".join(str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count))


async def test_ask_shows_the_answer_and_its_sources(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        assert app.sub_title == "2 documents · 18 passages"
        assert app.query_one("#examples").display
        exchange = await ask(pilot, VACANCY_Q, typed=True)

        assert exchange.status == "answered"
        assert "15 per cent" in exchange.answer and exchange.answer.endswith("[1]")
        assert not app.query_one("#examples").display, "the examples make way for the answer"
        view = app.query_one(ExchangeView)
        assert VACANCY_Q in shown(view.query_one(".question", Static))
        assert "15 per cent" in view.query_one(".answer", Markdown).source
        assert not view.has_class("not-found") and not view.has_class("failed")

        panel = app.query_one("#sources", SourcesPanel)
        assert panel.citations == exchange.citations and len(panel.citations) == 1
        citation = exchange.citations[0]
        text = panel_lines(panel)
        assert f"[1] {PLEDGE_TITLE}" in text
        assert "press_release · 2010-07-27" in text
        assert f"“{citation['quote']}”" in text
        assert "15 per cent in April 2010" in citation["quote"]
        assert app.query_one(QuestionInput).text == "", "the box is cleared for the next question"


async def test_the_answer_is_streamed_in_as_the_service_answers(
    make_app: AppFactory, service_ask: Callable[[str], dict[str, Any]]
) -> None:
    app = make_app()
    events: list[Event] = []
    real_chat = app.client.chat

    async def recording_chat(
        messages: list[dict[str, str]], filters: dict[str, str] | None = None
    ) -> AsyncIterator[Event]:
        async for event in real_chat(messages, filters):  # the real HTTP stream, recorded
            events.append(event)
            yield event

    app.client.chat = recording_chat  # type: ignore[method-assign]
    async with driving(app) as pilot:
        exchange = await ask(pilot, VACANCY_Q)

    names = [event.name for event in events]
    assert names[0] == "meta" and names[-2:] == ["citations", "done"], names
    deltas = [event.data["text"] for event in events if event.name == "delta"]
    assert deltas, "the answer arrived as delta events"
    plain = service_ask(VACANCY_Q)
    assert exchange.answer == "".join(deltas) == plain["answer"]
    assert exchange.citations == plain["citations"]
    assert exchange.status == plain["status"] == "answered"
    assert exchange.answer_id and exchange.answer_id.startswith("ans_")


async def test_not_found_looks_different_and_offers_related_reading(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with driving(app) as pilot:
        exchange = await ask(pilot, MISSING_Q)
        assert exchange.status == "not_found"
        assert exchange.reason and "not for April 2011" in exchange.reason
        assert exchange.answer.startswith("The records do not say.")
        assert not exchange.citations and exchange.related

        view = app.query_one(ExchangeView)
        assert view.has_class("not-found")
        related = shown(view.query_one(".related", Static))
        assert related.startswith("Related reading (not an answer):")
        assert f"• {PLEDGE_TITLE} (2010-07-27)" in related
        assert f"• {STATEMENT_TITLE} (2010-03-12)" in related
        assert app.query_one(SourcesPanel).option_count == 0, "related reading is no source"


async def test_a_follow_up_shows_the_question_it_was_answered_as(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        first = await ask(pilot, VACANCY_Q)
        second = await ask(pilot, FOLLOW_UP)

        assert first.resolved == VACANCY_Q
        assert second.status == "answered"
        assert second.question == FOLLOW_UP and second.resolved == RESOLVED_FOLLOW_UP
        assert "20 per cent in February 2010" in second.answer
        views = list(app.query(ExchangeView))
        assert len(views) == 2
        assert shown(views[0].query_one(".resolved", Static)) == ""
        assert shown(views[1].query_one(".resolved", Static)) == (
            f"answered as: {RESOLVED_FOLLOW_UP}"
        )


async def test_up_and_down_walk_the_question_history(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await ask(pilot, VACANCY_Q)
        await ask(pilot, MISSING_Q)
        box = app.query_one(QuestionInput)
        assert box.text == "" and app.focused is box

        await pilot.press("up")
        assert box.text == MISSING_Q
        await pilot.press("up")
        assert box.text == VACANCY_Q
        await pilot.press("down")
        assert box.text == MISSING_Q
        await pilot.press("down")
        assert box.text == ""


async def test_a_source_opens_with_the_quote_selected_and_n_p_walk_the_quotes(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with driving(app) as pilot:
        exchange = await ask(pilot, MANY_QUOTES_Q)
        quotes = {c["start"]: c["quote"] for c in exchange.citations}
        count = len(quotes)
        assert count >= 3, exchange.citations
        assert {c["document"]["id"] for c in exchange.citations} == {STATEMENT_ID}
        in_text_order = [quotes[start] for start in sorted(quotes)]

        await pilot.press("ctrl+s")
        assert app.focused is app.query_one(SourcesPanel)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        first = exchange.citations[0]["quote"]
        assert screen.highlighted == first
        assert screen.title == STATEMENT_TITLE
        assert "press_release · 2010-03-12" in shown(screen.query_one("#source-meta", Static))

        position = in_text_order.index(first)
        for step in [1] * count + [-1]:  # n … n p: through the document's quotes, wrapping
            await pilot.press("n" if step == 1 else "p")
            position = (position + step) % count
            assert screen.highlighted == in_text_order[position]
            assert screen.sub_title == f"citation {position + 1} of {count} in this document"

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SourceScreen)

        await pilot.press("ctrl+s", "down", "enter")  # the second citation in the panel
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.highlighted == exchange.citations[1]["quote"]


async def click_marker(pilot: Pilot[Any], view: ExchangeView, number: int) -> None:
    """Click the [n] link in the answer, where it is drawn."""
    paragraph = view.query_one("MarkdownParagraph")
    lines = paragraph.render_lines(Region(0, 0, paragraph.size.width, paragraph.size.height))
    for y, line in enumerate(lines):
        x = line.text.find(f"[{number}]")
        if x >= 0:
            await pilot.click(paragraph, offset=(x + 1, y))
            return
    pytest.fail(f"no [{number}] drawn in {[line.text for line in lines]}")


async def test_clicking_a_marker_opens_its_citation(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    monkeypatch.setattr(app, "open_url", lambda url, **_: None)  # no browser from a test
    async with driving(app) as pilot:
        exchange = await ask(pilot, VACANCY_Q)
        await click_marker(pilot, app.query_one(ExchangeView), 1)
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.highlighted == exchange.citations[0]["quote"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.default_screen


async def test_clicking_a_marker_opens_no_browser(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with driving(app) as pilot:
        await ask(pilot, VACANCY_Q)
        await click_marker(pilot, app.query_one(ExchangeView), 1)
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
    assert opened == []


async def test_a_posted_citation_selection_opens_that_citation(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        exchange = await ask(pilot, MANY_QUOTES_Q)
        view = app.query_one(ExchangeView)
        view.post_message(ExchangeView.CitationSelected(exchange, 3))
        await until(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
        await settle(pilot)
        assert app.screen.highlighted == exchange.citations[2]["quote"]  # type: ignore[attr-defined]


async def test_a_source_opens_with_the_quote_in_the_middle_of_the_view(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with driving(app, size=(80, 24)) as pilot:
        exchange = await ask(pilot, MANY_QUOTES_Q)  # quotes well inside a long document
        placed = []
        for number in range(len(exchange.citations)):
            panel = app.query_one(SourcesPanel)
            panel.focus()
            panel.highlighted = number
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
            await settle(pilot)
            area = app.screen.query_one("#source-text", TextArea)
            start, end = sorted(area.selection)
            first = area.wrapped_document.location_to_offset(start).y
            last = area.wrapped_document.location_to_offset(end).y
            top, height = area.scroll_offset.y, area.scrollable_content_region.height
            assert top <= first and last < top + height, "the quote is in view"
            if 0 < top < area.max_scroll_y:  # not held at either end of the document
                placed.append(((first + last) / 2 - top) / height)  # 0 top, 1 bottom
            await pilot.press("escape")
            await pilot.pause()
        assert placed and all(1 / 3 <= where <= 2 / 3 for where in placed), placed
