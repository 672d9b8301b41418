"""Turn loader text into clean paragraphs with exact offsets and page numbers.

Numbered list markers ("1.", "(a)", "b)") are dropped like bullet glyphs: the
paragraph keeps only the item's own text, so sentences start at real words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from index.furniture import NAV_RUN, is_furniture, is_link_list_heading, is_nav_item
from index.models import PAGE_BREAK, CleanText, Paragraph
from index.wraps import is_wrap, wrap_width

__all__ = ["clean_text"]

_ODD_SPACES = re.compile(r"[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # tab, \v, \n, \f, \r handled apart
_SPACE_RUN = re.compile(r" {2,}")
_GLYPH_BULLET = re.compile(r"^[•◦▪‣●○■□▫➢►]\s*")
_DASH_BULLET = re.compile(r"^[-*–—]\s+")
_NUMBER_BULLET = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+(?=\S)")
_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?=[A-Z])")

_LINK_MAX_WORDS = 12
_HEAD_MIN_WORDS = 3
_HEAD_REPEATS = 3

Line = tuple[str, int | None]
"""A normalised line and its page (None when unpaged)."""


def clean_text(raw: str) -> CleanText:
    """Give every later stage one normalised text whose offsets never move again."""
    has_pages = PAGE_BREAK in raw
    blocks = _paragraph_blocks(list(_numbered_lines(raw, has_pages)))
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    page_starts: list[tuple[int, int]] = []
    offset = 0
    for lines, pages in blocks:
        body, line_starts = _join_lines(lines)
        if parts:
            offset += 2
        for line_start, page in zip(line_starts, pages, strict=True):
            if page is not None and (not page_starts or page_starts[-1][1] != page):
                page_starts.append((offset + line_start, page))
        paragraphs.append(Paragraph(offset, offset + len(body), len(paragraphs) + 1, pages[0]))
        parts.append(body)
        offset += len(body)
    return CleanText("\n\n".join(parts), paragraphs, page_starts)


def _normalise_line(line: str) -> str:
    """Make spacing uniform so hard wraps and odd spaces cannot leak into quotes."""
    line = _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", line))
    return _SPACE_RUN.sub(" ", line).strip()


def _numbered_lines(raw: str, has_pages: bool) -> Iterator[Line]:
    """Yield each normalised line with its 1-based page (None when unpaged)."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)  # a NUL would cut the text short in SQLite's substr
    pages = text.split(PAGE_BREAK)
    for index, page_text in enumerate(pages):
        page = index + 1 if has_pages else None
        for line in _page_lines(page_text, index > 0, index < len(pages) - 1):
            yield _normalise_line(line), page


def _page_lines(page_text: str, after_break: bool, before_break: bool) -> list[str]:
    """Split a page into lines; a newline beside a page break is not a blank line."""
    lines = page_text.split("\n")
    if after_break and page_text.startswith("\n"):
        lines = lines[1:]
    if before_break and page_text.endswith("\n") and lines:
        lines = lines[:-1]
    return lines


def _strip_bullet(line: str, previous: str | None, in_list: bool) -> tuple[str, bool]:
    """Drop a list marker so the item reads as plain text; say whether one was there."""
    match = _GLYPH_BULLET.match(line)
    if match:
        return line[match.end() :], True
    likely_item = in_list or _ends_clause(previous)
    match = _NUMBER_BULLET.match(line)
    if match and likely_item:
        return line[match.end() :], True
    match = _DASH_BULLET.match(line)
    if match and (likely_item or line[match.end() :][:1].isupper()):
        return line[match.end() :], True
    return line, False


def _ends_clause(previous: str | None) -> bool:
    """Tell a list item from a hard-wrapped line that merely starts with a dash."""
    return previous is None or previous.rstrip().endswith((".", ":", ";", "!", "?"))


Block = tuple[list[str], list[int | None]]
"""A paragraph's lines and the page each line is on."""


def _furniture(lines: list[Line], width: int | None) -> list[bool]:
    """Mark web furniture, but only lines that stand alone: a wrapped sentence never does."""
    marks: list[bool] = []
    for index, (line, _) in enumerate(lines):
        opens = index == 0 or marks[index - 1] or not _continues(lines, index - 1, width)
        closes = _closes(lines, index, width)
        marks.append(bool(line) and opens and closes and _loose_furniture(line))
    return marks


def _loose_furniture(line: str) -> bool:
    """Furniture to drop line by line; a links heading waits, to take its links with it."""
    return is_furniture(line) and not is_link_list_heading(line)


def _continues(lines: list[Line], index: int, width: int | None) -> bool:
    """Whether line `index + 1` carries on line `index`'s paragraph (same page or across one)."""
    line, following = lines[index][0], lines[index + 1][0]
    return bool(line) and bool(following) and is_wrap(line, following, width)


def _closes(lines: list[Line], index: int, width: int | None) -> bool:
    """A line ends its paragraph before a blank line, the end, a page break or furniture."""
    if index + 1 == len(lines):
        return True
    following, page = lines[index + 1]
    if not following or page != lines[index][1] or _loose_furniture(following):
        return True
    return not _continues(lines, index, width)


def _paragraph_blocks(lines: list[Line]) -> list[Block]:
    """Group lines into paragraphs: blank lines, real breaks, bullets and furniture end them."""
    width = wrap_width([line for line, _ in lines])
    blocks: list[Block] = []
    current: Block = ([], [])
    in_list = False
    previous_line = ""
    for (line, line_page), is_furniture_line in zip(lines, _furniture(lines, width), strict=True):
        if not line or is_furniture_line:
            current = _flush(blocks, current)
            continue
        previous = current[0][-1] if current[0] else None
        body, is_bullet = _strip_bullet(line, previous, in_list)
        if is_bullet or (current[0] and not is_wrap(previous_line, line, width)):
            current = _flush(blocks, current)
        if not current[0]:
            in_list = is_bullet
            body = _SLUG.sub("", body)
        if body:
            current[0].append(body)
            current[1].append(line_page)
        previous_line = line
    _flush(blocks, current)
    return _without_furniture(blocks)


def _without_furniture(blocks: list[Block]) -> list[Block]:
    """Drop furniture paragraphs, repeats of the paragraph before, and runs of menu entries."""
    texts = [" ".join(lines) for lines, _ in blocks]
    menu = _menu_runs(texts) | _running_heads(texts)
    kept: list[Block] = []
    in_links = False
    for index, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        in_links = is_link_list_heading(text) or (in_links and _is_link_text(text))
        repeated = index > 0 and text == texts[index - 1]
        if not (in_links or index in menu or repeated or is_furniture(text)):
            kept.append(block)
    return kept


def _is_link_text(text: str) -> bool:
    """A headline-like line under 'Related stories': short, with no closing full stop."""
    return len(text.split()) <= _LINK_MAX_WORDS and not text.endswith(
        (".", ":", "?", "!", '"', "”")
    )


def _running_heads(texts: list[str]) -> set[int]:
    """Short lines met again and again: page headers and footers of a transcript."""
    counts = Counter(text for text in texts if _HEAD_MIN_WORDS <= len(text.split()) < 15)
    return {i for i, text in enumerate(texts) if counts[text] >= _HEAD_REPEATS}


def _menu_runs(texts: list[str]) -> set[int]:
    """Indexes of paragraphs in runs of short menu-like entries (a site's navigation)."""
    found: set[int] = set()
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and len(texts[end].split()) <= 3 and "." not in texts[end]:
            end += 1
        items = [i for i in range(start, end) if is_nav_item(texts[i])]
        if len(items) >= NAV_RUN and len(items) * 2 >= end - start:
            found.update(range(start, items[-1] + 1))  # a heading just after stays
        start = max(end, start + 1)
    return found


def _flush(blocks: list[Block], current: Block) -> Block:
    """Close the open paragraph (if any) and hand back a fresh one."""
    if current[0]:
        blocks.append(current)
    return ([], [])


def _join_lines(lines: list[str]) -> tuple[str, list[int]]:
    """Undo hard wraps (one space, none after a word-breaking hyphen); note line starts."""
    joined = lines[0]
    starts = [0]
    for line in lines[1:]:
        if not (joined.endswith("-") and joined[-2:-1].isalpha() and line[:1].islower()):
            joined += " "
        starts.append(len(joined))
        joined += line
    return joined, starts
