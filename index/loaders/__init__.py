"""Read files into documents: pick a loader by suffix, refuse what cannot be read."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from index.errors import LoaderError
from index.loaders.docx import load_docx
from index.loaders.html import load_html
from index.loaders.manifest import MANIFEST_NAME, read_manifest
from index.loaders.markdown import load_markdown
from index.loaders.pdf import load_pdf
from index.loaders.records import load_csv, load_jsonl
from index.loaders.text import load_text
from index.models import LoadedDocument, LoadFailure

__all__ = [
    "MANIFEST_NAME",
    "SUPPORTED_SUFFIXES",
    "LoadResult",
    "load_file",
    "read_manifest",
]

LoadResult = tuple[list[LoadedDocument], list[LoadFailure]]

_SINGLE: dict[str, Callable[[Path, bytes], LoadedDocument]] = {
    ".txt": load_text,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}
_RECORDS: dict[str, Callable[[Path, bytes], LoadResult]] = {
    ".jsonl": load_jsonl,
    ".csv": load_csv,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SINGLE) | frozenset(_RECORDS)


def load_file(path: Path, *, max_bytes: int = 50_000_000) -> LoadResult:
    """Load one file's documents, raising LoaderError with a one-line reason."""
    suffix = path.suffix.lower()
    data = _read_checked(path, suffix, max_bytes)
    if suffix in _RECORDS:
        return _RECORDS[suffix](path, data)
    document = _SINGLE[suffix](path, data)
    if not document.raw_text.strip():
        raise LoaderError(str(path), "no text")
    fingerprint = hashlib.sha256(data).hexdigest()
    document = dataclasses.replace(
        document, origin=str(path), record_id=None, fingerprint=fingerprint
    )
    return [document], []


def _read_checked(path: Path, suffix: str, max_bytes: int) -> bytes:
    """The file's bytes, once it is known to be a readable, sensible-sized, known file."""
    try:
        info = path.stat()
    except OSError as exc:
        raise LoaderError(str(path), f"cannot read: {_os_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoaderError(str(path), f"cannot read: {os.strerror(errno.EISDIR)}")
    if not stat.S_ISREG(info.st_mode):
        raise LoaderError(str(path), "cannot read: not a regular file")
    if info.st_size == 0:
        raise LoaderError(str(path), "empty file")
    if info.st_size > max_bytes:
        raise LoaderError(
            str(path), f"too large ({_size(info.st_size)} > limit {_size(max_bytes)})"
        )
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoaderError(str(path), f"unsupported file type {suffix or '(no suffix)'!r}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoaderError(str(path), f"cannot read: {_os_reason(exc)}") from None


def _os_reason(exc: OSError) -> str:
    """The OS's own words ('Permission denied'), without the path repeated."""
    return exc.strerror or type(exc).__name__


def _size(n_bytes: int) -> str:
    """Sizes in MB, or bytes when small enough that MB would read as zero."""
    if n_bytes < 100_000:
        return f"{n_bytes} bytes"
    return f"{n_bytes / 1_000_000:.1f} MB"
