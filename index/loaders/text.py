"""Plain-text files: the decoded text, untouched (the cleaner works on it later)."""

from __future__ import annotations

from pathlib import Path

from index.loaders.encoding import decode_bytes
from index.models import LoadedDocument


def load_text(path: Path, data: bytes) -> LoadedDocument:
    """Read a .txt file; title and date are inferred later from the text itself."""
    return LoadedDocument(origin=str(path), raw_text=decode_bytes(data, str(path)))
