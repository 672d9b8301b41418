"""Acronyms the records define, so either form of a name matches the other.

The pairs are learned from the records at ingest (`Store.acronyms`), never listed here, so
another council's bodies are understood as well as the first one's. A corpus may define
thousands (SciFact: 1,256), so the pairs are indexed by word and built once per glossary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.answer.tokens import stem, words


@dataclass(frozen=True)
class Glossary:
    """Acronym stems and the stems of the names they stand for, indexed both ways."""

    pairs: tuple[tuple[str, frozenset[str]], ...] = ()
    by_short: Mapping[str, frozenset[str]] = field(default_factory=dict)
    by_word: Mapping[str, tuple[tuple[str, frozenset[str]], ...]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[tuple[str, frozenset[str]]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


def expansions(glossary: Mapping[str, str]) -> Glossary:
    """Each acronym's stem beside the stems of the words it stands for (built once)."""
    return _indexed(frozenset(glossary.items()))


@lru_cache(maxsize=8)
def _indexed(items: frozenset[tuple[str, str]]) -> Glossary:
    pairs = tuple(
        (stem(short), frozenset(stem(w) for _, _, w in words(long)))
        for short, long in sorted(items)
    )
    by_short: dict[str, set[str]] = defaultdict(set)
    by_word: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for short, long in pairs:
        by_short[short] |= long
        if long:
            by_word[min(long)].append((short, long))  # any one word of the name finds it
    return Glossary(
        pairs,
        {k: frozenset(v) for k, v in by_short.items()},
        {k: tuple(v) for k, v in by_word.items()},
    )


def with_synonyms(found: set[str], glossary: Glossary) -> set[str]:
    """Stems of a text plus those its acronyms or spelt-out names stand for."""
    expanded = set(found)
    for word in found:
        long = glossary.by_short.get(word)
        if long:
            expanded |= long
        for short, name in glossary.by_word.get(word, ()):
            if name <= found:
                expanded.add(short)
    return expanded
