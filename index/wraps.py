"""Tell a hard line wrap from a real line break, so paragraphs are neither merged nor cut.

PDF transcripts and plain-text exports wrap lines at a fixed width; web pages put
one paragraph (or a title) per line. A line is joined to the next only when it
could not have ended there on purpose: the next line carries on in lower case, the
line stops on a comma or a word like "the", or the document is wrapped and the
next word would not have fitted on the line.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from index.furniture import ADDRESS_LINE, is_timestamp

__all__ = ["is_wrap", "wrap_width"]

_MAX_WRAP_WIDTH = 130  # wider "lines" are whole paragraphs, not wrapped text
_OUTLIER_RATIO = 1.3  # a wrapped text has (almost) no line much wider than its width
_BYLINE_WORDS = 4  # "by", a name, a role word
_MIN_SURE_WRAPS = 2
_SURE_SHARE = 10  # at least one line in ten must surely run on
_FIT_SLACK = 0.85  # proportional fonts: a wrapped line's characters vary by ~15%
_LIST_INTRO = re.compile(r"[:;][\"'”’)\]]*$")
_CARRIES_ON = re.compile(
    r"(?:[,(/&+–—-]|\b(?:a|an|the|of|to|and|or|nor|but|for|in|on|at|by|with|from|into|onto"
    r"|than|that|which|who|whose|as|is|are|was|were|be|been|has|have|had|its|their|our|his"
    r"|her|this|these|those|not|no|per|via))$",
    re.IGNORECASE,
)
_LEADING_MARKS = "\"'“”‘’([–—-… "


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text was wrapped at, or None when its lines are whole paragraphs.

    Wrapped text shows it: several lines run on into the next (lower case, or after
    "the", "and", a comma), and (almost) no line is much wider than the rest.
    """
    pairs = [
        (line, following) for line, following in itertools.pairwise(lines) if line and following
    ]
    sure = sum(1 for line, following in pairs if _surely_runs_on(line, following))
    if sure < _MIN_SURE_WRAPS or sure * _SURE_SHARE < len(pairs):
        return None
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[math.ceil(0.9 * len(lengths)) - 1]
    outliers = sum(1 for length in lengths if length > _OUTLIER_RATIO * width)
    if width > _MAX_WRAP_WIDTH or outliers > max(1, len(lengths) // 20):
        return None
    return width


def is_wrap(line: str, following: str, width: int | None) -> bool:
    """Whether `following` continues `line`'s paragraph rather than starting a new one."""
    if _is_dated_byline(following) or ADDRESS_LINE.match(line) or ADDRESS_LINE.match(following):
        return False  # a saved page's "Source: https://…" line stands alone
    if _surely_runs_on(line, following):
        return True
    if width is None or _LIST_INTRO.search(line) or _starts_lower(following):
        return False
    next_word = following.split(" ", 1)[0]
    return len(line) + 1 + len(next_word) > _FIT_SLACK * width


def _surely_runs_on(line: str, following: str) -> bool:
    """A lower-case start after an open line, or a line stopped on a comma or 'the'."""
    if _starts_lower(following):
        return _LIST_INTRO.search(line) is None
    return _CARRIES_ON.search(line) is not None


def _is_dated_byline(line: str) -> bool:
    """'by Jane Smith, 12 March 2010' starts in lower case yet runs on from nothing."""
    return line[:3].lower() == "by " and is_timestamp(line, names=_BYLINE_WORDS)


def _starts_lower(line: str) -> bool:
    """Whether the first letter (past quotes, dashes and brackets) is lower case."""
    return line.lstrip(_LEADING_MARKS)[:1].islower()
