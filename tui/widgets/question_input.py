"""The question box: Enter asks, ctrl+n adds a line, up/down walk the history."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea


class QuestionInput(TextArea):
    """A multi-line input that submits on Enter and remembers earlier questions."""

    class Submitted(Message):
        """The user asked a question."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__(id="question", soft_wrap=True, show_line_numbers=False)
        self.border_title = "Ask (enter) · new line (ctrl+n) · history (↑/↓)"
        self.asked: list[str] = []
        self._position = 0

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self._submit()
        elif event.key == "ctrl+n":
            event.prevent_default()
            event.stop()
            self.insert("\n")
        elif event.key == "up" and self.cursor_location[0] == 0 and self.asked:
            event.prevent_default()
            self._recall(-1)
        elif event.key == "down" and self._can_go_down():
            event.prevent_default()
            self._recall(+1)

    def _can_go_down(self) -> bool:
        """On the last line, while a later history entry exists."""
        on_last_line = self.cursor_location[0] == self.document.line_count - 1
        return on_last_line and bool(self.asked) and self._position < len(self.asked)

    def _submit(self) -> None:
        text = self.text.strip()
        if not text:
            return
        if not self.asked or self.asked[-1] != text:
            self.asked.append(text)
        self._position = len(self.asked)
        self.clear()
        self.post_message(self.Submitted(text))

    def _recall(self, step: int) -> None:
        self._position = max(0, min(len(self.asked), self._position + step))
        text = self.asked[self._position] if self._position < len(self.asked) else ""
        self.load_text(text)
        self.move_cursor(self.document.end)
