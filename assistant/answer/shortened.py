"""Shortened words a question uses where the records write the word out ("chief exec").

A lower-case word no record uses and no common English word is, which begins only one
record word and its inflections ("executive", "executives"; never "executive" beside
"executed"), is read as that word. Nothing is listed by hand: the records' vocabulary says
what a shortening stands for, the embedding model's WordPiece vocabulary which words are
English already.
"""

from __future__ import annotations

import re

from assistant.answer.question import STOPWORDS
from index import Store

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
MIN_GAIN = 2
"""A completion adds at least this many letters ("exec" → "executive"; not a plural)."""


def written_out(text: str, store: Store, english: frozenset[str]) -> str:
    """The text with each shortened word the records never use, and no common English word
    (`english`: "hold" is no shortened "holder"), written as the one record word it begins.
    Without a list of English words, the text as it is."""
    candidates = set(_LOWER_WORD.findall(text)) - STOPWORDS - english
    if not candidates or not english or not store.has_vocabulary():
        return text
    unknown = {w for w in candidates - store.known_words(candidates) if not store.term_frequency(w)}
    full = {w: f for w in unknown if (f := _completion(w, store))}
    if not full:
        return text
    return _LOWER_WORD.sub(lambda m: full.get(m.group(), m.group()), text)


LOOKED_AT = 8
"""Record words a shortening may begin; one beginning more is too vague to read."""


def _completion(word: str, store: Store) -> str | None:
    """The shortest record word the word begins, when every other word it begins is that
    word inflected ("executive", "executives"; not "executed" beside "executive")."""
    begun = store.completions(word, limit=LOOKED_AT + 1)
    found = [w for w in begun if len(w) >= len(word) + MIN_GAIN]
    if not found or len(begun) > LOOKED_AT:
        return None
    shortest = min(found, key=len)
    inflected = {shortest + end for end in ("", "s", "es", "'s", "’s")}
    return shortest if all(w in inflected for w in found) else None
