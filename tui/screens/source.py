"""The source viewer: the whole document, the quoted span selected and scrolled into view."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea
from textual.widgets.text_area import Selection


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as TextArea counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class SourceScreen(Screen[None]):
    """A document with its metadata on top; n/p walk the citations in the same document."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "app.pop_screen", "Back"),
        Binding("n", "step(1)", "Next citation here"),
        Binding("p", "step(-1)", "Previous citation here"),
    ]

    def __init__(
        self, document: dict[str, Any], text: str, spans: list[tuple[int, int]], index: int = 0
    ) -> None:
        super().__init__()
        self.document = document
        self.text = text
        self.spans = spans
        self.index = index

    def compose(self) -> ComposeResult:
        yield Header()
        d = self.document
        yield Static(
            f"[b]{_esc(d['title'])}[/b]\n{d['kind']} · {d.get('date') or 'undated'} · "
            f"{_esc(d['source'])}",
            id="source-meta",
        )
        yield TextArea(self.text, id="source-text", read_only=True, soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.document["title"]
        self.call_after_refresh(self.show_span)  # after layout, so centring is right

    def show_span(self) -> None:
        """Select the current quote and scroll it to the middle of the view."""
        area = self.query_one("#source-text", TextArea)
        if not self.spans:
            return
        start, end = self.spans[self.index]
        selection = Selection(location(self.text, start), location(self.text, end))
        area.selection = selection
        area.scroll_to(y=_centred_top(area, selection), animate=False)
        self.sub_title = f"citation {self.index + 1} of {len(self.spans)} in this document"

    @property
    def highlighted(self) -> str:
        """The text now selected (the quote)."""
        return self.query_one("#source-text", TextArea).selected_text

    def action_step(self, step: int) -> None:
        """Go to the next (or previous) citation in the same document."""
        if self.spans:
            self.index = (self.index + step) % len(self.spans)
            self.show_span()


def _centred_top(area: TextArea, selection: Selection) -> float:
    """The scroll offset that puts the quote's middle line mid-view (its start, if taller)."""
    first = area.wrapped_document.location_to_offset(min(selection)).y
    last = area.wrapped_document.location_to_offset(max(selection)).y
    height = area.scrollable_content_region.height
    if last - first + 1 >= height:
        return max(0, first)
    return max(0.0, (first + last + 1) / 2 - height / 2)


def _esc(text: str) -> str:
    return text.replace("[", r"\[")
