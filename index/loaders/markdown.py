"""Markdown files: YAML front matter for metadata, and a body with the syntax lifted off."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from index.errors import LoaderError
from index.kinds import normalise_kind
from index.loaders.encoding import decode_bytes
from index.models import DocumentMeta, LoadedDocument

_FENCE_MARKERS = ("---", "...")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}(([-*_])(\s*\2){2,}|=+)\s*$")  # rules, setext underlines
_QUOTE = re.compile(r"^\s*>\s?")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),
)


def load_markdown(path: Path, data: bytes) -> LoadedDocument:
    """Read a .md file; front matter wins over the first heading for the title."""
    origin = str(path)
    front, body = _split_front_matter(decode_bytes(data, origin))
    meta = _front_matter_meta(front, origin)
    text, heading = _strip_markdown(body)
    if meta.title is None and heading is not None:
        meta = DocumentMeta(title=heading, kind=meta.kind, date=meta.date, source=meta.source)
    return LoadedDocument(origin=origin, raw_text=text, meta=meta)


def _split_front_matter(text: str) -> tuple[str | None, str]:
    """Separate a leading '---' block; an unclosed one is just a rule in the body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text
    for index in range(1, len(lines)):
        if lines[index].strip() in _FENCE_MARKERS:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    return None, text


def _front_matter_meta(front: str | None, origin: str) -> DocumentMeta:
    """Parse the YAML block into metadata, ignoring keys we do not know."""
    if front is None:
        return DocumentMeta()
    try:
        values = yaml.safe_load(front)
    except (yaml.YAMLError, ValueError) as exc:
        raise LoaderError(origin, f"invalid front matter: {_yaml_reason(exc)}") from None
    if values is None:
        return DocumentMeta()
    if not isinstance(values, dict):
        raise LoaderError(origin, "invalid front matter: expected 'key: value' lines")
    return DocumentMeta(
        title=_scalar(values.get("title")),
        kind=_kind(values.get("kind"), origin),
        date=_scalar(values.get("date")),
        source=_scalar(values.get("source")),
    )


def _kind(value: Any, origin: str) -> str | None:
    """The front matter's kind in its canonical spelling; an unknown kind stops the file."""
    kind = _scalar(value)
    if kind is None:
        return None
    try:
        return normalise_kind(kind)
    except ValueError as exc:
        raise LoaderError(origin, f"invalid front matter: {exc}") from None


def _yaml_reason(exc: Exception) -> str:
    """One line out of PyYAML's multi-line messages (or a date it could not build)."""
    problem = getattr(exc, "problem", None)
    mark = getattr(exc, "problem_mark", None)
    if problem and mark is not None:
        return f"{problem} (line {mark.line + 1})"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _scalar(value: Any) -> str | None:
    """Front-matter values as strings; YAML dates become ISO dates."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _strip_markdown(body: str) -> tuple[str, str | None]:
    """Body text with headings as paragraphs and bullets as '- ' lines; first heading."""
    out: list[str] = []
    first_heading: str | None = None
    in_fence = False
    for line in _COMMENT.sub("", body).split("\n"):
        if _CODE_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            title = _inline(heading.group(1)).strip()
            first_heading = first_heading or title or None
            out.extend(["", title, ""])
        else:
            out.append(_block_line(line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out))
    return text.strip(), first_heading


def _block_line(line: str) -> str:
    """One non-heading line: rules vanish, quotes lose '>', bullets become '- '."""
    if _RULE.match(line) or _LINK_DEFINITION.match(line):
        return ""
    line = _QUOTE.sub("", line)
    bullet = _BULLET.match(line)
    if bullet:
        return "- " + _inline(bullet.group(1))
    return _inline(line)


def _inline(text: str) -> str:
    """Drop emphasis, link and code markers, keeping the words."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
