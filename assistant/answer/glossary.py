"""Acronyms the records define, so either form of a name matches the other.

The pairs are learned from the records at ingest (`Store.acronyms`), never listed here, so
another council's bodies are understood as well as the first one's.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.answer.tokens import stem, words


def expansions(glossary: Mapping[str, str]) -> list[tuple[str, set[str]]]:
    """Each acronym's stem beside the stems of the words it stands for."""
    return [(stem(short), {stem(w) for _, _, w in words(long)}) for short, long in glossary.items()]


def with_synonyms(found: set[str], pairs: list[tuple[str, set[str]]]) -> set[str]:
    """Stems of a text plus those its acronyms or spelt-out names stand for."""
    expanded = set(found)
    for short, long in pairs:
        if short in found:
            expanded |= long
        elif long and long <= found:
            expanded.add(short)
    return expanded
