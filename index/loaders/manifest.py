"""The metadata sidecar (manifest.csv): title, kind, date and source per file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from index.dates import normalise_date
from index.errors import LoaderError
from index.kinds import normalise_kind
from index.loaders.encoding import decode_bytes
from index.models import DocumentMeta, LoadFailure

MANIFEST_NAME = "manifest.csv"


class _BadRow(Exception):
    """A manifest row that cannot be used; becomes a LoadFailure."""


def read_manifest(
    folder: Path, *, day_first: bool = True
) -> tuple[dict[str, DocumentMeta], list[LoadFailure]]:
    """Metadata keyed by relative POSIX path; bad rows are reported and skipped."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}, []
    try:
        text = decode_bytes(path.read_bytes(), str(path))
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except LoaderError as exc:
        return {}, [LoadFailure(origin=str(path), reason=exc.reason)]
    except (OSError, csv.Error) as exc:
        return {}, [LoadFailure(origin=str(path), reason=f"cannot read: {exc}")]
    entries: dict[str, DocumentMeta] = {}
    failures: list[LoadFailure] = []
    for row_no, row in enumerate(rows, start=2):  # spreadsheet rows: header is row 1
        fields = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        try:
            key, meta = _entry(fields, day_first)
            if key in entries:
                raise _BadRow(f"duplicate path {key!r}")
        except _BadRow as exc:
            failures.append(LoadFailure(origin=f"{path}:row {row_no}", reason=str(exc)))
            continue
        entries[key] = meta
    return entries, failures


def _entry(fields: dict[str, str], day_first: bool) -> tuple[str, DocumentMeta]:
    """One row into (relative path, metadata), or _BadRow."""
    key = _relative_path(fields.get("path", ""))
    meta = DocumentMeta(
        title=fields.get("title") or None,
        kind=_kind(fields.get("kind") or None),
        date=_date(fields.get("date") or None, day_first),
        source=fields.get("source") or None,
    )
    return key, meta


def _kind(value: str | None) -> str | None:
    """The row's kind in its canonical spelling, so 'Press Release' works here too."""
    try:
        return normalise_kind(value) if value is not None else None
    except ValueError as exc:
        raise _BadRow(str(exc)) from None


def _date(value: str | None, day_first: bool) -> str | None:
    """The row's date read as the rest of the index reads typed dates."""
    try:
        return normalise_date(value, day_first=day_first) if value is not None else None
    except ValueError as exc:
        raise _BadRow(f"bad date: {exc}") from None


def _relative_path(value: str) -> str:
    """A manifest path as 'dir/name.ext', refusing ones that leave the folder."""
    if not value:
        raise _BadRow("no path")
    posix = value.replace("\\", "/")
    parts = [part for part in posix.split("/") if part not in ("", ".")]
    if posix.startswith("/") or ".." in parts or not parts:
        raise _BadRow(f"path {value!r} must be relative to the folder")
    return "/".join(parts)
