"""The document kinds, checked in one place so every loader accepts the same spellings."""

from __future__ import annotations

from index.models import KINDS

__all__ = ["normalise_kind"]


def normalise_kind(value: str) -> str:
    """Accept 'press-release' or 'Press Release' wherever a kind is typed, refuse the rest."""
    kind = value.strip().lower().replace("-", "_").replace(" ", "_")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {value.strip()!r} (expected one of {', '.join(KINDS)})")
    return kind
