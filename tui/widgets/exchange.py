"""One question and its answer: citation markers are links; not-found looks different."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Markdown, Static

from tui.models import Exchange

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")


def answer_markdown(text: str) -> str:
    """Escape Markdown, then turn each [n] into a link the reader can select."""
    return _MARKER.sub(r"[\\[\1\\]](cite:\1)", _SPECIAL.sub(r"\\\1", text))


class ExchangeView(Vertical):
    """Renders an exchange; re-rendered as streamed parts arrive."""

    class CitationSelected(Message):
        """A marker [n] was clicked."""

        def __init__(self, exchange: Exchange, number: int) -> None:
            super().__init__()
            self.exchange = exchange
            self.number = number

    def __init__(self, exchange: Exchange) -> None:
        super().__init__(classes="exchange")
        self.exchange = exchange

    def compose(self) -> ComposeResult:
        yield Static(f"[b]You:[/b] {_rich_escape(self.exchange.question)}", classes="question")
        yield Static("", classes="resolved")
        yield Markdown("", classes="answer", open_links=False)
        yield Static("", classes="related")

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Show the exchange as it stands (pending, streaming, answered, not found, error)."""
        exchange = self.exchange
        resolved = self.query_one(".resolved", Static)
        if exchange.resolved and exchange.resolved != exchange.question:
            resolved.update(f"[i]answered as: {_rich_escape(exchange.resolved)}[/i]")
        self.set_class(exchange.status == "not_found", "not-found")
        self.set_class(exchange.status == "error", "failed")
        text = exchange.answer or ("…" if exchange.status == "pending" else "")
        self.query_one(".answer", Markdown).update(answer_markdown(text))
        self.query_one(".related", Static).update(_related(exchange))

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """[n] clicked: tell the screen to open that citation."""
        if event.href.startswith("cite:"):
            event.stop()
            self.post_message(self.CitationSelected(self.exchange, int(event.href[5:])))


def _related(exchange: Exchange) -> str:
    """For not-found answers: the nearby passages, offered as reading, not as an answer."""
    if exchange.status != "not_found" or not exchange.related:
        return ""
    lines = ["[b]Related reading (not an answer):[/b]"]
    for item in exchange.related:
        document = item["document"]
        when = document.get("date") or "undated"
        lines.append(f"• {_rich_escape(document['title'])} ({when})")
    return "\n".join(lines)


def _rich_escape(text: str) -> str:
    return text.replace("[", r"\[")
