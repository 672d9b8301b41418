"""What the client keeps of a conversation: each exchange with its citations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Exchange:
    """One question and its answer as the service sent it."""

    question: str
    resolved: str | None = None
    answer: str = ""
    status: str = "pending"  # pending | answered | not_found | error
    reason: str | None = None
    citations: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    answer_id: str | None = None

    @property
    def asked(self) -> str:
        """The question the service answered (the resolved one for follow-ups)."""
        return self.resolved or self.question


@dataclass
class Conversation:
    """A titled list of exchanges, saved locally between sessions."""

    id: str
    title: str = "New conversation"
    exchanges: list[Exchange] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)

    def messages(self, next_question: str) -> list[dict[str, str]]:
        """The turns to send to /v1/chat: earlier questions and answers, then the new one."""
        turns: list[dict[str, str]] = []
        for exchange in self.exchanges:
            if exchange.status in {"answered", "not_found"}:
                turns.append({"role": "user", "content": exchange.question})
                turns.append({"role": "assistant", "content": exchange.answer})
        turns.append({"role": "user", "content": next_question})
        return turns

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Conversation:
        """Read a saved conversation back."""
        exchanges = [Exchange(**e) for e in data.get("exchanges", [])]
        return cls(
            id=data["id"],
            title=data.get("title", "Conversation"),
            exchanges=exchanges,
            filters=data.get("filters", {}),
        )
