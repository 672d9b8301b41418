"""The other screens and actions: documents, filters, export, copy, saved conversations, palette."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, OptionList, Select

from tui.app import RecordsApp
from tui.screens.conversations import ConversationsScreen
from tui.screens.documents import DocumentsScreen
from tui.screens.filters import FiltersScreen
from tui.screens.source import SourceScreen
from tui.widgets.exchange import ExchangeView
from tui.widgets.sources import SourcesPanel

from .conftest import (
    MISSING_Q,
    NOTICE_Q,
    PLEDGE_ID,
    PLEDGE_TITLE,
    STATEMENT_TITLE,
    VACANCY_Q,
    AppFactory,
    Service,
    ask,
    driving,
    settle,
    until,
)

pytestmark = pytest.mark.anyio


def titles(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_documents_screen_filters_sorts_and_opens(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, DocumentsScreen), "the documents")
        screen = app.screen
        assert isinstance(screen, DocumentsScreen)
        table = screen.query_one("#doc-table", DataTable)
        await until(pilot, lambda: table.row_count == 2, "the table to fill")
        assert titles(table) == [STATEMENT_TITLE, PLEDGE_TITLE], "oldest first (by date)"
        assert [str(c) for c in table.get_row_at(1)] == [
            PLEDGE_TITLE,
            "press_release",
            "2010-07-27",
            "10",
        ]

        assert app.focused is screen.query_one("#doc-filter", Input)
        await pilot.press(*"pledge")
        await until(pilot, lambda: titles(table) == [PLEDGE_TITLE], "the filter to narrow")
        await pilot.press(*"zzz")
        await until(pilot, lambda: table.row_count == 0, "no row to match")
        screen.query_one("#doc-filter", Input).value = "2010-03"  # matches on the date too
        await until(pilot, lambda: titles(table) == [STATEMENT_TITLE], "a match on the date")
        screen.query_one("#doc-filter", Input).value = ""
        await until(pilot, lambda: table.row_count == 2, "every row again")

        await pilot.click(table, offset=(2, 0))  # the Title header
        await until(pilot, lambda: screen.sorted_by == "title", "the sort by title")
        assert not screen.reverse
        assert titles(table) == [PLEDGE_TITLE, STATEMENT_TITLE]
        await pilot.click(table, offset=(2, 0))  # again: reversed
        await until(pilot, lambda: screen.reverse, "the reversed sort")
        assert titles(table) == [STATEMENT_TITLE, PLEDGE_TITLE]
        chunks = table.get_column_index("chunks")
        screen.post_message(
            DataTable.HeaderSelected(table, table.ordered_columns[chunks].key, chunks, "Chunks")
        )
        await until(pilot, lambda: screen.sorted_by == "chunks", "the sort by chunks")
        assert [str(table.get_row_at(i)[3]) for i in range(2)] == ["8", "10"], "numerically"

        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
        await settle(pilot)
        viewer = app.screen
        assert isinstance(viewer, SourceScreen)
        document = httpx.get(f"{app.client.base_url}/v1/documents/{PLEDGE_ID}").json()
        assert viewer.title == PLEDGE_TITLE
        assert viewer.text == document["text"]
        assert viewer.query_one("#source-text").text == document["text"]  # type: ignore[attr-defined]
        assert viewer.highlighted == "", "a document opened from the list selects nothing"

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.default_screen


@pytest.fixture
def bracketed_document(service: Service, tmp_path: Path) -> Iterator[str]:
    """A document whose title holds square brackets, uploaded for one test, then removed."""
    note = tmp_path / "workforce-plan.md"
    note.write_text(
        "---\ntitle: Workforce plan [draft]\nkind: action_plan_note\ndate: 2010-09-01\n---\n"
        "# Workforce plan [draft]\n\nThe draft workforce plan sets out how caseloads will be "
        "reduced during the autumn of 2010.\n",
        encoding="utf-8",
    )
    with note.open("rb") as handle:
        added = httpx.post(f"{service.url}/v1/documents", files={"files": handle}, timeout=60)
    assert added.status_code in (200, 201), added.text
    doc_id = added.json()["added"][0]
    yield doc_id
    removed = httpx.delete(f"{service.url}/v1/documents/{doc_id}", timeout=60)
    assert removed.status_code == 200, removed.text


async def test_documents_show_titles_with_brackets_as_written(
    make_app: AppFactory, bracketed_document: str
) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, DocumentsScreen), "the documents")
        table = app.screen.query_one("#doc-table", DataTable)
        await until(pilot, lambda: table.row_count == 3, "the table to fill")
        row = table.get_row_index(bracketed_document)
        drawn = table.render_line(row + 1).text  # +1: the header line
        assert "Workforce plan [draft]" in drawn, drawn


async def test_filters_dialog_opens_with_no_filters_set(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, FiltersScreen), "the filters dialog")
        dialog = app.screen
        dialog.query_one("#kind", Select).value = "press_release"
        dialog.query_one("#since", Input).value = "2010-07"
        await pilot.click("#apply")
        await pilot.pause()
        assert app.conversation.filters == {"kind": "press_release", "since": "2010-07"}


async def test_filters_apply_to_the_next_question(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        before = await ask(pilot, NOTICE_Q)
        assert before.status == "answered" and "February 2009" in before.answer

        # Start from a kind already set (the dialog opens with none set too: see above).
        app.conversation.filters = {"kind": "action_plan_note"}
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, FiltersScreen), "the filters dialog")
        dialog = app.screen
        kind = dialog.query_one("#kind", Select)
        assert kind.value == "action_plan_note", "the dialog shows the current filters"
        kind.value = "press_release"
        dialog.query_one("#since", Input).focus()
        await pilot.press(*"2010-07")
        await pilot.click("#apply")
        await until(pilot, lambda: not isinstance(app.screen, FiltersScreen), "the dialog")
        assert app.conversation.filters == {"kind": "press_release", "since": "2010-07"}
        assert app.title == "Records assistant — filters: kind: press_release, since: 2010-07"

        # Only the March 2010 statement tells of the notice: since July 2010 it is not found.
        after = await ask(pilot, NOTICE_Q)
        assert after.status == "not_found", after.answer
        assert after.answer.startswith("The records do not say.")
        assert [r["document"]["title"] for r in after.related] == [PLEDGE_TITLE]

        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, FiltersScreen), "the filters dialog")
        assert app.screen.query_one("#since", Input).value == "2010-07"
        await pilot.press("escape")  # cancel keeps them
        await pilot.pause()
        assert app.conversation.filters == {"kind": "press_release", "since": "2010-07"}
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, FiltersScreen), "the filters dialog")
        await pilot.click("#clear")
        await pilot.pause()
        assert app.conversation.filters == {}
        assert app.title == "Records assistant"
        cleared = await ask(pilot, NOTICE_Q)
        assert cleared.status == "answered"


async def test_export_writes_markdown_with_numbered_references(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    async with driving(app) as pilot:
        exchange = await ask(pilot, VACANCY_Q)
        await pilot.press("ctrl+e")
        await pilot.pause()
        path = tmp_path / f"conversation-{app.conversation.id}.md"
        assert path.is_file(), list(tmp_path.iterdir())
        assert any(n.message == f"Exported to {path}" for n in app._notifications)

    text = path.read_text("utf-8")
    citation = exchange.citations[0]
    answer = exchange.answer.replace("[1]", "[^1]")
    assert text.startswith(f"# {VACANCY_Q}\n")
    assert f"**Q:** {VACANCY_Q}" in text
    assert f"**A:** {answer}" in text and answer.endswith("[^1]")
    references = text.split("## References", 1)[1]
    assert references.strip() == (
        f"[^1]: {PLEDGE_TITLE} (2010-07-27). “{citation['quote']}” "
        f"Source: {citation['document']['source']}, "
        f"characters {citation['start']}–{citation['end']}."
    )


async def test_copy_puts_the_last_answer_and_its_references_on_the_clipboard(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with driving(app) as pilot:
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.clipboard == ""
        assert any(n.message == "Nothing to copy yet." for n in app._notifications)

        await ask(pilot, MISSING_Q)
        last = await ask(pilot, VACANCY_Q)
        await pilot.press("ctrl+y")
        await pilot.pause()
        copied = app.clipboard
        assert copied.startswith(f"# {VACANCY_Q}")
        assert MISSING_Q not in copied, "only the last answer"
        assert last.answer.replace("[1]", "[^1]") in copied
        assert f"“{last.citations[0]['quote']}”" in copied
        assert f"[^1]: {PLEDGE_TITLE} (2010-07-27)" in copied


async def test_conversations_are_saved_renewed_and_reopened(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    async with driving(app) as pilot:
        first = app.conversation
        exchange = await ask(pilot, VACANCY_Q)
        saved = tmp_path / "conv" / f"{first.id}.json"
        assert saved.is_file()
        data = json.loads(saved.read_text("utf-8"))
        assert data["title"] == VACANCY_Q
        assert [e["question"] for e in data["exchanges"]] == [VACANCY_Q]
        assert data["exchanges"][0]["answer"] == exchange.answer
        assert data["exchanges"][0]["citations"] == exchange.citations

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.conversation.id != first.id and not app.conversation.exchanges
        assert not app.query(ExchangeView)
        assert app.query_one("#examples").display
        assert app.query_one(SourcesPanel).option_count == 0

        await ask(pilot, MISSING_Q)  # a second saved conversation
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, ConversationsScreen), "the list")
        picker = app.screen.query_one("#conversation-list", OptionList)
        labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
        assert len(labels) == 2
        assert labels[0].startswith(MISSING_Q) and labels[1].startswith(VACANCY_Q), labels
        assert all("(1 questions" in label for label in labels)

        picker.focus()
        picker.highlighted = 1
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is app.default_screen, "the list to close")
        assert app.conversation.id == first.id
        views = list(app.query(ExchangeView))
        assert len(views) == 1 and views[0].exchange.answer == exchange.answer
        assert "15 per cent" in views[0].query_one(".answer").source  # type: ignore[attr-defined]
        assert app.query_one(SourcesPanel).citations == exchange.citations
        assert not app.query_one("#examples").display

        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, ConversationsScreen), "the list")
        await pilot.press("escape")  # keeps the current one
        await pilot.pause()
        assert app.conversation.id == first.id


async def test_saved_conversation_titles_are_shown_as_written(make_app: AppFactory) -> None:
    question = "Who chaired the Task Force [/b]?"
    app = make_app()
    async with driving(app) as pilot:
        exchange = await ask(pilot, question)
        assert exchange.status == "answered"
        await pilot.press("ctrl+l")
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, ConversationsScreen), "the list")
        picker = app.screen.query_one("#conversation-list", OptionList)
        drawn = [picker.render_line(y).text for y in range(picker.size.height)]
        assert any(line.strip().startswith(question) for line in drawn), drawn


async def test_every_binding_is_offered_in_the_command_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        commands = list(app.get_system_commands(app.screen))
        offered = {getattr(c.callback, "__name__", "") for c in commands}
        bindings = [b for b in RecordsApp.BINDINGS if isinstance(b, Binding)]
        assert len(bindings) == len(RecordsApp.BINDINGS)
        for binding in bindings:
            assert f"action_{binding.action}" in offered, binding
        by_title = {c.title: c for c in commands}
        for binding in bindings:
            assert binding.description in by_title, binding
        assert by_title["Export"].help.startswith("Write the conversation to a Markdown file")

        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"Documents")
        results = app.screen.query_one(CommandList)

        def offered() -> bool:
            first = results.highlighted_option
            return first is not None and "Documents" in str(first.prompt)

        await until(pilot, offered, "the palette to offer Documents")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DocumentsScreen), "the documents")


async def test_ctrl_t_switches_between_dark_and_light(make_app: AppFactory) -> None:
    app = make_app()
    async with driving(app) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"
