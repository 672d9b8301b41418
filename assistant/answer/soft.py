"""Words close in meaning: a question's "killed" is held by a sentence's "murdered".

The records' vocabulary is embedded word by word at ingest (`index.vocabulary`); here the
question's words are compared with a sentence's words by cosine, and a word counts as held
(by that much) when some word of the sentence comes within SOFT_MATCH of it. Unrelated
words sit at 0.2-0.35, paraphrases at 0.7-0.85 (measured on pairs from the development
set's misses).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping

import numpy as np

from index import Store

SOFT_MATCH = 0.6
"""A word of the sentence this close to a question's word holds it (by its cosine)."""
CACHE_WORDS = 20_000
"""Word vectors kept in memory between questions (about 30 MB)."""

Embed = Callable[[list[str]], np.ndarray]


class WordVectors:
    """Vectors of words: from memory, else the index's vocabulary, else (for a question's
    own words only) the encoder."""

    def __init__(self, store: Store, embed: Embed | None = None, size: int = CACHE_WORDS) -> None:
        self.store = store
        self.embed = embed
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, words: set[str], *, encode_missing: bool = False) -> dict[str, np.ndarray]:
        """The vectors of those words that have one (encoding the rest when asked, and only
        when the index has a vocabulary to compare them with)."""
        found, missing = self._cached(words)
        if missing and not self.store.has_vocabulary():
            return found
        if missing:
            stored = self.store.word_vectors(missing)
            found.update(stored)
            missing -= stored.keys()
            fresh = dict(stored)
            if missing and encode_missing and self.embed is not None:
                listed = sorted(missing)
                encoded = dict(zip(listed, self.embed(listed), strict=True))
                found.update(encoded)
                fresh.update(encoded)
            self._remember(fresh)
        return found

    def _cached(self, words: set[str]) -> tuple[dict[str, np.ndarray], set[str]]:
        found: dict[str, np.ndarray] = {}
        missing: set[str] = set()
        with self._lock:
            for word in words:
                vector = self._cache.get(word)
                if vector is None:
                    missing.add(word)
                else:
                    self._cache.move_to_end(word)
                    found[word] = vector
        return found, missing

    def _remember(self, vectors: Mapping[str, np.ndarray]) -> None:
        with self._lock:
            self._cache.update(vectors)
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)


def soft_coverage(
    weights: Mapping[str, float],
    held: set[str],
    terms: Mapping[str, np.ndarray],
    words: np.ndarray | None,
) -> float:
    """Share of the term weight held: a term by its stem (1), or by the closest word of the
    text (its cosine, when at least SOFT_MATCH). `terms`: term stem -> the word's vector;
    `words`: one row per word of the text."""
    total = sum(weights.values())
    if total == 0:
        return 1.0
    got = 0.0
    for term, weight in weights.items():
        if term in held:
            got += weight
        elif words is not None and len(words) and term in terms:
            closest = float(np.max(words @ terms[term]))
            got += weight * closest if closest >= SOFT_MATCH else 0.0
    return got / total


def softly_held(
    weights: Mapping[str, float],
    held: set[str],
    terms: Mapping[str, np.ndarray],
    words: np.ndarray | None,
) -> set[str]:
    """The terms not held by their stem that a word of the text is close to ("die" by
    "death")."""
    if words is None or not len(words):
        return set()
    return {
        term
        for term in weights
        if term not in held and term in terms and float(np.max(words @ terms[term])) >= SOFT_MATCH
    }
