"""HTML pages: the article text, without site furniture (menus, share links, footers)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from index.inference import without_site_name
from index.loaders.encoding import decode_bytes
from index.models import DocumentMeta, LoadedDocument

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template"}
)
_FURNITURE_WORDS = frozenset(
    {"share", "sharing", "social", "subscribe", "newsletter", "cookie", "cookies", "breadcrumb"}
    | {"breadcrumbs", "menu", "sidebar", "comment", "comments", "nav", "navbar", "navigation"}
)
_TAXONOMY_PREFIXES = ("tag-", "category-")
_NEVER_SKIPPED = frozenset({"html", "body", "main", "article"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article"}
    | {"blockquote", "ul", "ol", "table", "main", "pre", "hr", "dl", "dt", "dd", "figcaption"}
)
_DATE_META_NAMES = frozenset({"date", "dc.date", "dcterms.date", "article:published_time"})
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_BREAK = "\n\n"


class _ArticleParser(HTMLParser):
    """Collects visible text as paragraphs, plus title and date, skipping boilerplate."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.first_h1: str | None = None
        self.date: str | None = None
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._capture: str | None = None  # "title" or "h1" while inside one
        self._captured: list[str] = []
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: maybe start skipping, break a block, or note metadata."""
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            self._note_date(values)
        if self._is_boilerplate(tag, values):
            self._skip_tag, self._skip_depth = tag, 1
            return
        self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (<br/>) never has content to skip."""
        if self._skip_tag is None:
            if tag == "meta":
                self._note_date({name.lower(): value or "" for name, value in attrs})
            self._open(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close an element: end a skip, a capture or a block."""
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
            if self._skip_depth <= 0:
                self._skip_tag = None
            return
        if tag == self._capture:
            self._finish_capture()
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)

    def handle_data(self, data: str) -> None:
        """Keep visible text; whitespace collapses as a browser would (not in <pre>)."""
        if self._skip_tag is not None:
            return
        if self._capture is not None:
            self._captured.append(data)
        if self._capture == "title":
            return
        self.parts.append(data if self._pre_depth else re.sub(r"\s+", " ", data))

    def _open(self, tag: str) -> None:
        """Block elements start a paragraph; list items start a '- ' line."""
        if tag in ("title", "h1") and self._capture is None:
            self._capture, self._captured = tag, []
        if tag == "pre":
            self._pre_depth += 1
        if tag in ("td", "th"):
            self.parts.append(" ")
        if tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)
        if tag == "li":
            self.parts.append("- ")

    def _finish_capture(self) -> None:
        """Store the text of the <title> or the first <h1>."""
        text = re.sub(r"\s+", " ", "".join(self._captured)).strip()
        if self._capture == "title" and not self.title:
            self.title = text
        elif self._capture == "h1" and self.first_h1 is None and text:
            self.first_h1 = text
        self._capture = None

    def _note_date(self, values: dict[str, str]) -> None:
        """The first date-bearing <meta> whose content starts with YYYY-MM-DD."""
        key = (values.get("name") or values.get("property") or "").lower()
        day = values.get("content", "").strip()[:10]
        if self.date is None and key in _DATE_META_NAMES and _ISO_DAY.fullmatch(day):
            self.date = day

    @staticmethod
    def _is_boilerplate(tag: str, values: dict[str, str]) -> bool:
        """Site furniture by element name, or by a tell-tale class or id."""
        if tag in _SKIP_TAGS:
            return True
        if tag in _NEVER_SKIPPED or tag in _VOID_TAGS:
            return False
        marks = f"{values.get('class', '')} {values.get('id', '')}".lower().split()
        return any(_is_furniture_token(token) for token in marks)


def _is_furniture_token(token: str) -> bool:
    """A class or id names furniture by a whole word ('social-share', 'site-menu', 'nav_bar').

    Taxonomy classes ('tag-social-care', 'category-news') describe the content, not the page.
    """
    if token.startswith(_TAXONOMY_PREFIXES):
        return False
    return any(part in _FURNITURE_WORDS for part in re.split(r"[-_]+", token))


def load_html(path: Path, data: bytes) -> LoadedDocument:
    """Read an .html page into paragraphs separated by blank lines."""
    parser = _ArticleParser()
    parser.feed(decode_bytes(data, str(path)))
    parser.close()
    title = without_site_name(parser.title) if parser.title else parser.first_h1
    meta = DocumentMeta(title=title or None, date=parser.date)
    return LoadedDocument(origin=str(path), raw_text=_paragraphs("".join(parser.parts)), meta=meta)


def _paragraphs(text: str) -> str:
    """Tidy the collected text: trimmed lines, one blank line between paragraphs."""
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in block.split("\n")]
        kept = "\n".join(line for line in lines if line and line != "-")
        if kept:
            blocks.append(kept)
    return "\n\n".join(blocks)
