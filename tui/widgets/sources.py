"""The sources panel: each citation with number, title, kind, date and the quote."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class SourcesPanel(OptionList):
    """Citations of the selected answer; choosing one opens it in the source viewer."""

    class Opened(Message):
        """A citation was chosen."""

        def __init__(self, citation: dict[str, Any]) -> None:
            super().__init__()
            self.citation = citation

    def __init__(self) -> None:
        super().__init__(id="sources")
        self.border_title = "Sources"
        self.citations: list[dict[str, Any]] = []

    def show(self, citations: list[dict[str, Any]]) -> None:
        """Replace the list with these citations."""
        self.citations = citations
        self.clear_options()
        self.add_options([Option(_label(c), id=str(c["id"])) for c in citations])
        if citations:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(self.citations[event.option_index]))


def _label(citation: dict[str, Any]) -> Text:
    document = citation["document"]
    label = Text()
    label.append(f"[{citation['id']}] ", style="bold")
    label.append(document["title"], style="bold")
    label.append(f"\n{document['kind']} · {document.get('date') or 'undated'}\n", style="dim")
    label.append(f"“{citation['quote']}”", style="italic")
    return label
