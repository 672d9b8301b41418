"""The vocabulary of the records, each word with its own vector (int8, like sentences).

A question says "killed" where the record says "murdered", "fell" where it says "dropped":
no stem matches, but the embedding model places the two words close (cosine 0.84 and 0.72
for these pairs, against 0.2-0.35 for unrelated words). Each distinct word is embedded
once, at the ingest that first meets it, so answering compares words without encoding.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
MIN_LENGTH = 3
MAX_LENGTH = 30


def vocabulary(text: str) -> set[str]:
    """The distinct lower-case words of a text worth a vector (three letters or more)."""
    return {
        w.replace("’", "'")
        for w in _WORD.findall(text.lower())
        if MIN_LENGTH <= len(w) <= MAX_LENGTH
    }
