"""The filters dialog: kind and date range for the next questions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

KINDS = ("press_release", "scr_recommendation", "action_plan_note", "other")


class FiltersScreen(ModalScreen[dict[str, str]]):
    """Returns the filters chosen (an empty dict clears them)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: dict[str, str]) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="filters-dialog"):
            yield Label("Filters for the next questions")
            yield Select(
                [(k, k) for k in KINDS],
                prompt="any kind",
                value=self.current.get("kind", Select.NULL),
                id="kind",
            )
            yield Input(
                self.current.get("since", ""), placeholder="since (e.g. 2009-01)", id="since"
            )
            yield Input(
                self.current.get("until", ""), placeholder="until (e.g. 2010-12-31)", id="until"
            )
            with Horizontal():
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear", id="clear")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "clear":
            self.dismiss({})
            return
        chosen: dict[str, str] = {}
        kind = self.query_one("#kind", Select).value
        if isinstance(kind, str):
            chosen["kind"] = kind
        for name in ("since", "until"):
            value = self.query_one(f"#{name}", Input).value.strip()
            if value:
                chosen[name] = value
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(self.current)
