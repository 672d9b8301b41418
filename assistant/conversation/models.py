"""The chat turns read, and the question made of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["user", "assistant", "system"]


@dataclass(frozen=True)
class Turn:
    """One chat message; user turns carry questions, assistant turns the names they answered."""

    role: Role
    content: str


@dataclass(frozen=True)
class Resolution:
    """The question to answer, the message as typed, and whether context was carried in.

    `unresolved` says, for the user, what could not be read from the earlier turns (a
    pronoun with no antecedent, a relative period with no period before it); it is a note
    on the question, not part of it, so it takes no part in equality.
    """

    question: str
    original: str
    changed: bool
    unresolved: str | None = field(default=None, compare=False)
    carried: str = field(default="", compare=False)  # an earlier period carried in, untyped
    named_record: bool = field(default=False, compare=False)  # it said which record was meant


@dataclass(frozen=True)
class Exchange:
    """A user question (already resolved) and the assistant's reply to it, if sent."""

    question: str
    reply: str = ""
    said: str = ""  # the question as typed ("What did he say?"), before it was resolved
