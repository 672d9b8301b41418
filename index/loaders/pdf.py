"""PDF files via pypdf: one text block per page, pages split by PAGE_BREAK."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader

from index.errors import LoaderError
from index.loaders.errors import exception_reason
from index.models import PAGE_BREAK, DocumentMeta, LoadedDocument


def load_pdf(path: Path, data: bytes) -> LoadedDocument:
    """Read a .pdf; any pypdf failure becomes a one-line LoaderError."""
    origin = str(path)
    _quiet_pypdf()
    reader = _open(data, origin)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise LoaderError(origin, f"corrupt or unreadable PDF: {exception_reason(exc)}") from None
    if not any(page.strip() for page in pages):
        raise LoaderError(origin, "no extractable text (scanned PDF?)")
    meta = DocumentMeta(title=_title(reader))
    return LoadedDocument(origin=origin, raw_text=PAGE_BREAK.join(pages), meta=meta)


def _quiet_pypdf() -> None:
    """pypdf logs recoverable damage as warnings; our one-line LoaderError says enough."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def _open(data: bytes, origin: str) -> PdfReader:
    """Parse the file; PDFs locked only by an owner password still open."""
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
    except Exception as exc:
        if _is_encryption_error(exc):
            raise LoaderError(origin, "encrypted PDF") from None
        raise LoaderError(origin, f"corrupt or unreadable PDF: {exception_reason(exc)}") from None
    if locked:
        raise LoaderError(origin, "encrypted PDF")
    return reader


def _is_encryption_error(exc: Exception) -> bool:
    """pypdf signals encryption trouble with its own error types."""
    return type(exc).__name__ in {"FileNotDecryptedError", "WrongPasswordError", "DependencyError"}


def _title(reader: PdfReader) -> str | None:
    """The document-information /Title, when it says something."""
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        return None
    return (title.strip() or None) if isinstance(title, str) else None
