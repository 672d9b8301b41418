"""The documents screen: a table, filter as you type, sort by column, open in the viewer."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from tui.client import RecordsClient, ServiceError

COLUMNS = ("title", "kind", "date", "chunks")


class DocumentsScreen(Screen[None]):
    """All documents in the index; enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, client: RecordsClient) -> None:
        super().__init__()
        self.client = client
        self.documents: list[dict[str, Any]] = []
        self.sorted_by = "date"
        self.reverse = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter by title, kind or date…", id="doc-filter")
        yield DataTable(id="doc-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Documents"
        table = self.query_one(DataTable)
        for column in COLUMNS:
            table.add_column(column.capitalize(), key=column)
        self.load()

    @work(exclusive=True, group="documents")
    async def load(self) -> None:
        """Fetch every page of documents."""
        found: list[dict[str, Any]] = []
        page = 1
        try:
            while True:
                batch = await self.client.documents(page=page, per_page=100)
                found += batch["documents"]
                if len(found) >= batch["total"] or not batch["documents"]:
                    break
                page += 1
        except ServiceError as exc:
            self.notify(str(exc), title="Could not list documents", severity="error")
            return
        self.documents = found
        self.fill()

    def fill(self) -> None:
        """Show the documents that match the filter, in the chosen order."""
        needle = self.query_one("#doc-filter", Input).value.lower().strip()
        rows = [d for d in self.documents if needle in _haystack(d)]
        rows.sort(key=lambda d: str(d.get(self.sorted_by) or ""), reverse=self.reverse)
        if self.sorted_by == "chunks":
            rows.sort(key=lambda d: int(d.get("chunks") or 0), reverse=self.reverse)
        table = self.query_one(DataTable)
        table.clear()
        for d in rows:
            cells = (d["title"], d["kind"], d.get("date") or "", str(d.get("chunks")))
            table.add_row(*[Text(c) for c in cells], key=d["id"])  # titles are not markup

    def on_input_changed(self, _: Input.Changed) -> None:
        self.fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Click a header to sort by it; again to reverse."""
        key = str(event.column_key.value)
        self.reverse = not self.reverse if key == self.sorted_by else False
        self.sorted_by = key
        self.fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_document(str(event.row_key.value))  # type: ignore[attr-defined]


def _haystack(document: dict[str, Any]) -> str:
    return " ".join(str(document.get(k) or "") for k in ("title", "kind", "date", "id")).lower()
