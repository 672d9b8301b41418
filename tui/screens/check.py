"""The check screen: paste a draft statement; each sentence marked supported,
contradicted or not found, with its evidence one keystroke away."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, TextArea
from textual.widgets.option_list import Option

from tui.client import RecordsClient, ServiceError

MARKS = {
    "supported": ("✔ supported", "green"),
    "contradicted": ("✘ contradicted", "red"),
    "not_found": ("? not in the records", "yellow"),
}


class CheckScreen(Screen[None]):
    """ctrl+k checks the draft; choosing a verdict opens its first quote in its source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+k", "check", "Check draft", priority=True),
    ]

    def __init__(self, client: RecordsClient) -> None:
        super().__init__()
        self.client = client
        self.claims: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        draft = TextArea(id="draft", soft_wrap=True)
        draft.border_title = "Paste the draft statement, then ctrl+k"
        yield draft
        verdicts = OptionList(id="verdicts")
        verdicts.border_title = "Verdicts"
        yield verdicts
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Fact-check a draft"
        self.query_one("#draft", TextArea).focus()

    def action_check(self) -> None:
        """Send the draft to /v1/check."""
        text = self.query_one("#draft", TextArea).text.strip()
        if text:
            self.run_check(text)

    @work(exclusive=True, group="check")
    async def run_check(self, text: str) -> None:
        try:
            result = await self.client.check(text)
        except ServiceError as exc:
            self.notify(exc.hint or exc.message, title=exc.message, severity="error")
            return
        self.claims = result["claims"]
        verdicts = self.query_one("#verdicts", OptionList)
        verdicts.clear_options()
        verdicts.add_options([Option(_label(c)) for c in self.claims])
        verdicts.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        claim = self.claims[event.option_index]
        if claim["citations"]:
            self.app.open_citation(claim["citations"][0], claim["citations"])  # type: ignore[attr-defined]


def _label(claim: dict[str, Any]) -> Text:
    mark, colour = MARKS.get(claim["verdict"], (claim["verdict"], "white"))
    label = Text()
    label.append(f"{mark}  ", style=f"bold {colour}")
    label.append(claim["claim"], style="bold")
    label.append(f"\n{claim['explanation']}", style="dim")
    return label
