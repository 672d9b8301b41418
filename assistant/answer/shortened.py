"""Shortened words a question uses where the records write the word out ("chief exec").

A lower-case word no record uses, which begins exactly one family of words the records do
use ("executive", "executives"), is read as that word. Nothing is listed by hand: the
records' own vocabulary says what a shortening stands for.
"""

from __future__ import annotations

import re

from assistant.answer.question import STOPWORDS
from assistant.answer.tokens import stem
from index import Store

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
MIN_GAIN = 2
"""A completion adds at least this many letters ("exec" → "executive"; not a plural)."""


def written_out(text: str, store: Store, english: frozenset[str]) -> str:
    """The text with each shortened word the records never use, and no common English word
    (`english`: "hold" is no shortened "holder"), written as the one word family the records
    use that it begins. Without a list of English words, the text as it is."""
    candidates = set(_LOWER_WORD.findall(text)) - STOPWORDS - english
    if not candidates or not english or not store.has_vocabulary():
        return text
    unknown = {w for w in candidates - store.known_words(candidates) if not store.term_frequency(w)}
    full = {w: f for w in unknown if (f := _completion(w, store))}
    if not full:
        return text
    return _LOWER_WORD.sub(lambda m: full.get(m.group(), m.group()), text)


def _completion(word: str, store: Store) -> str | None:
    """The shortest record word the word begins, when every such word is of one family."""
    found = [w for w in store.completions(word) if len(w) >= len(word) + MIN_GAIN]
    if not found or len({stem(w) for w in found}) != 1:
        return None
    return min(found, key=len)
