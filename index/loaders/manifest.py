"""The metadata sidecar (manifest.csv): title, kind, date and source per file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from index.errors import LoaderError
from index.loaders.encoding import decode_bytes
from index.models import KINDS, DocumentMeta, LoadFailure

MANIFEST_NAME = "manifest.csv"

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_UK_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class _BadRow(Exception):
    """A manifest row that cannot be used; becomes a LoadFailure."""


def read_manifest(folder: Path) -> tuple[dict[str, DocumentMeta], list[LoadFailure]]:
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
            key, meta = _entry(fields)
            if key in entries:
                raise _BadRow(f"duplicate path {key!r}")
        except _BadRow as exc:
            failures.append(LoadFailure(origin=f"{path}:row {row_no}", reason=str(exc)))
            continue
        entries[key] = meta
    return entries, failures


def _entry(fields: dict[str, str]) -> tuple[str, DocumentMeta]:
    """One row into (relative path, metadata), or _BadRow."""
    key = _relative_path(fields.get("path", ""))
    kind = fields.get("kind") or None
    if kind is not None and kind not in KINDS:
        raise _BadRow(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    raw_date = fields.get("date") or None
    date = _normalise_date(raw_date) if raw_date else None
    if raw_date and date is None:
        raise _BadRow(f"bad date {raw_date!r} (expected YYYY-MM-DD, YYYY-MM or DD/MM/YYYY)")
    meta = DocumentMeta(
        title=fields.get("title") or None,
        kind=kind,
        date=date,
        source=fields.get("source") or None,
    )
    return key, meta


def _relative_path(value: str) -> str:
    """A manifest path as 'dir/name.ext', refusing ones that leave the folder."""
    if not value:
        raise _BadRow("no path")
    posix = value.replace("\\", "/")
    parts = [part for part in posix.split("/") if part not in ("", ".")]
    if posix.startswith("/") or ".." in parts or not parts:
        raise _BadRow(f"path {value!r} must be relative to the folder")
    return "/".join(parts)


def _normalise_date(value: str) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or UK 'DD/MM/YYYY' into 'YYYY-MM-DD' / 'YYYY-MM'."""
    if match := _DAY.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _UK_DAY.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := _MONTH.fullmatch(value):
        year, month = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
