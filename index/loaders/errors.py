"""Loader error wording shared by the binary-format loaders."""

from __future__ import annotations


def exception_reason(exc: Exception) -> str:
    """Keep a library's multi-line error to the one line a LoaderError can show."""
    message = str(exc).strip().splitlines()
    return message[0][:200] if message else type(exc).__name__
