"""Domain errors of keys, audit and stored answers; the CLI and HTTP edge translate them."""

from __future__ import annotations

from assistant.errors import AssistantError


class AccessError(AssistantError):
    """Base of every access-layer error, so one handler can catch them all."""


class KeyNotFound(AccessError):
    """No key has that id (or no active key has that name)."""


class DuplicateKeyName(AccessError):
    """Another active key already has that name; names must pick out one key."""


class AnswerNotFound(AccessError):
    """No stored answer has that id."""
