"""Domain errors of the answering layer; CLI and HTTP translate them at the edge."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""


class InvalidQuery(AssistantError):
    """A question, query or filter the assistant cannot work with."""


class QuoteMismatch(AssistantError):
    """A quote that is not verbatim in its source: never returned to a user."""
