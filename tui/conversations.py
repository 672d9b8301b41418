"""Conversations on disk (JSON, one file each) and their Markdown export."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_dir

from tui.models import Conversation


def data_folder() -> Path:
    """Beside the index when ASSISTANT_HOME is set, else the per-user data folder."""
    home = os.environ.get("ASSISTANT_HOME")
    base = Path(home) if home else Path(user_data_dir("records-assistant", appauthor=False))
    return base / "conversations"


class ConversationStore:
    """Saves and lists conversations."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_folder()

    def new(self) -> Conversation:
        """A fresh conversation with a time-based id."""
        return Conversation(id=datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f"))

    def save(self, conversation: Conversation) -> Path:
        """Write atomically (a crash never leaves half a file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{conversation.id}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(conversation.to_json(), ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, path)
        return path

    def list(self) -> list[Conversation]:
        """Saved conversations, newest first; unreadable files are skipped."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json"), reverse=True):
            try:
                found.append(Conversation.from_json(json.loads(path.read_text("utf-8"))))
            except (ValueError, KeyError, TypeError, OSError):
                continue
        return found


def to_markdown(conversation: Conversation) -> str:
    """The conversation with numbered references (title, date, quote, source)."""
    lines = [f"# {conversation.title}", ""]
    number = 0
    references: list[str] = []
    for exchange in conversation.exchanges:
        lines += [f"**Q:** {exchange.question}", ""]
        if exchange.resolved and exchange.resolved != exchange.question:
            lines += [f"*(answered as: {exchange.resolved})*", ""]
        answer = exchange.answer
        for citation in exchange.citations:
            number += 1
            answer = answer.replace(f"[{citation['id']}]", f"[^{number}]")
            references.append(_reference(number, citation))
        lines += [f"**A:** {answer}", ""]
    if references:
        lines += ["## References", "", *references, ""]
    return "\n".join(lines)


def _reference(number: int, citation: dict[str, object]) -> str:
    document = citation["document"]
    assert isinstance(document, dict)
    date = document.get("date") or "undated"
    return (
        f"[^{number}]: {document['title']} ({date}). “{citation['quote']}” "
        f"Source: {document['source']}, characters {citation['start']}–{citation['end']}."
    )
