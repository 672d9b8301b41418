"""The register view: recommendations and action items with their status."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select

from tui.client import RecordsClient, ServiceError

STATUSES = ("implemented", "in_progress", "not_started", "superseded", "open")
COLUMNS = ("ref", "status", "owner", "due", "completed", "text")


class RegisterScreen(Screen[None]):
    """Register rows (ref, status, owner, due, completed, text); enter opens the row."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, client: RecordsClient) -> None:
        super().__init__()
        self.client = client
        self.rows: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Select([(s, s) for s in STATUSES], prompt="any status", id="register-status")
        yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Register"
        table = self.query_one(DataTable)
        for column in COLUMNS:
            table.add_column(column.capitalize(), key=column)
        self.load()

    @work(exclusive=True, group="register")
    async def load(self) -> None:
        """Fetch the rows of the chosen status."""
        status = self.query_one("#register-status", Select).value
        try:
            result = await self.client.recommendations(status if isinstance(status, str) else None)
        except ServiceError as exc:
            self.notify(exc.hint or exc.message, title=exc.message, severity="error")
            return
        self.rows = result["recommendations"]
        table = self.query_one(DataTable)
        table.clear()
        for index, row in enumerate(self.rows):
            table.add_row(*[str(row.get(k) or "") for k in COLUMNS], key=str(index))

    def on_select_changed(self, _: Select.Changed) -> None:
        self.load()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            document = self.rows[int(event.row_key.value)]["document"]
            self.app.open_document(document["id"])  # type: ignore[attr-defined]
