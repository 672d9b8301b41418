"""The timeline screen: dated events in order; filter by text and kind, jump by year."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select

from tui.client import RecordsClient, ServiceError
from tui.screens.filters import KINDS


class TimelineScreen(Screen[None]):
    """Every dated event with its date label and source count; enter opens its first source.

    The service sends `date` as ISO 8601 (for sorting) and `label` for people.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+n", "year(1)", "Next year"),
        Binding("ctrl+b", "year(-1)", "Previous year"),
    ]

    def __init__(self, client: RecordsClient) -> None:
        super().__init__()
        self.client = client
        self.events: list[dict[str, Any]] = []
        self.shown: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="timeline-filters"):
            yield Input(placeholder="Filter events by words…", id="timeline-filter")
            yield Select([(k, k) for k in KINDS], prompt="any kind", id="timeline-kind")
        yield DataTable(id="timeline-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Timeline"
        table = self.query_one(DataTable)
        table.add_column("Date", key="date", width=26)
        table.add_column("Statement", key="statement")
        table.add_column("Sources", key="sources", width=7)
        self.load()

    @work(exclusive=True, group="timeline")
    async def load(self) -> None:
        """Fetch the events for the chosen kind."""
        kind = self.query_one("#timeline-kind", Select).value
        try:
            result = await self.client.timeline(kind=kind if isinstance(kind, str) else None)
        except ServiceError as exc:
            self.notify(exc.hint or exc.message, title=exc.message, severity="error")
            return
        self.events = result["events"]
        self.fill()

    def fill(self) -> None:
        """Show the events whose statement holds the filter words."""
        needle = self.query_one("#timeline-filter", Input).value.lower().strip()
        self.shown = [e for e in self.events if needle in (e["statement"] + e["label"]).lower()]
        table = self.query_one(DataTable)
        table.clear()
        for index, event in enumerate(self.shown):
            table.add_row(
                event["label"], event["statement"], str(len(event["citations"])), key=str(index)
            )

    def on_input_changed(self, _: Input.Changed) -> None:
        self.fill()

    def on_select_changed(self, _: Select.Changed) -> None:
        self.load()

    def action_year(self, step: int) -> None:
        """Move the cursor to the first event of the next (or previous) year."""
        table = self.query_one(DataTable)
        if not self.shown:
            return
        year = self.shown[table.cursor_row]["first"][:4]
        rows = (
            range(table.cursor_row + 1, len(self.shown))
            if step > 0
            else range(table.cursor_row - 1, -1, -1)
        )
        for row in rows:
            if self.shown[row]["first"][:4] != year:
                target = self.shown[row]["first"][:4]
                while step < 0 and row > 0 and self.shown[row - 1]["first"][:4] == target:
                    row -= 1
                table.move_cursor(row=row)
                return

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return
        chosen = self.shown[int(event.row_key.value)]
        citation = chosen["citations"][0]
        self.app.open_citation(citation, chosen["citations"])  # type: ignore[attr-defined]
