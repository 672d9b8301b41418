"""Registers: SCR recommendations and action-plan items read from register rows, and the
status questions they answer (how many, which are open, what is due, when a row changed),
each answer cited to the rows' stored text and checked against press releases."""

from assistant.registers.answers import answer_from_register
from assistant.registers.questions import RegisterQuestion, classify
from assistant.registers.rows import (
    OPEN,
    STATUSES,
    Recommendation,
    StatusChange,
    normalise_status,
    read_register,
    status_filter,
)

__all__ = [
    "OPEN",
    "STATUSES",
    "Recommendation",
    "RegisterQuestion",
    "StatusChange",
    "answer_from_register",
    "classify",
    "normalise_status",
    "read_register",
    "status_filter",
]
