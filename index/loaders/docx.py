"""Word .docx files via python-docx: paragraphs and table cells in reading order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from index.errors import LoaderError
from index.loaders.errors import exception_reason
from index.models import DocumentMeta, LoadedDocument

_TITLE_STYLES = ("Title", "Heading")


def load_docx(path: Path, data: bytes) -> LoadedDocument:
    """Read a .docx into blank-line separated paragraphs, list items as '- ' lines."""
    origin = str(path)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
        core_title = (document.core_properties.title or "").strip()
        lines = [line for block in blocks for line in _block_lines(block)]
    except Exception as exc:
        raise LoaderError(origin, f"corrupt or unreadable DOCX: {exception_reason(exc)}") from None
    title = core_title or _first_heading(blocks)
    text = "\n\n".join(lines)
    return LoadedDocument(origin=origin, raw_text=text, meta=DocumentMeta(title=title or None))


def _block_lines(block: Paragraph | Table) -> Iterator[str]:
    """A paragraph gives one line; a table gives one per non-empty cell paragraph."""
    if isinstance(block, Paragraph):
        line = _paragraph_line(block)
        if line:
            yield line
        return
    for row in block.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat across the grid
                continue
            seen.add(id(cell._tc))
            yield from (text for text in (p.text.strip() for p in cell.paragraphs) if text)


def _paragraph_line(paragraph: Paragraph) -> str:
    """The paragraph's text, prefixed '- ' when Word shows it as a list item."""
    text = paragraph.text.strip()
    if text and _is_list_item(paragraph):
        return "- " + text
    return text


def _is_list_item(paragraph: Paragraph) -> bool:
    """List styles, or direct numbering, mark a list item."""
    if _style_name(paragraph).startswith("List"):
        return True
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _first_heading(blocks: list[Paragraph | Table]) -> str | None:
    """The first Title- or Heading-styled paragraph with text."""
    for block in blocks:
        if isinstance(block, Paragraph) and _style_name(block).startswith(_TITLE_STYLES):
            text = block.text.strip()
            if text:
                return text
    return None


def _style_name(paragraph: Paragraph) -> str:
    """The paragraph style's name, or '' when it has none."""
    style = paragraph.style
    return (style.name or "") if style is not None else ""
