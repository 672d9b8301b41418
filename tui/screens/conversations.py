"""Reopen a saved conversation from a list."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.models import Conversation


class ConversationsScreen(ModalScreen[Conversation | None]):
    """Pick one of the saved conversations (escape keeps the current one)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, conversations: list[Conversation]) -> None:
        super().__init__()
        self.conversations = conversations

    def compose(self) -> ComposeResult:
        options = [
            Option(Text(f"{c.title}  ({len(c.exchanges)} questions, {c.id[:8]})"), id=c.id)
            for c in self.conversations
        ] or [Option("No saved conversations yet.", disabled=True)]
        picker = OptionList(*options, id="conversation-list")
        picker.border_title = "Saved conversations"
        yield picker

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.conversations[event.option_index])
