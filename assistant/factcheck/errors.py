"""Domain errors of fact-checking; the CLI and the service translate them at the edge."""

from __future__ import annotations

from assistant.errors import InvalidQuery


class InvalidClaim(InvalidQuery):
    """A claim or draft the checker cannot work with (empty, too long, too many claims)."""
