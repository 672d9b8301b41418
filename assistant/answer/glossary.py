"""Acronyms the records use for long names, so either form matches the other."""

from __future__ import annotations

from assistant.answer.question import stem, words

ACRONYMS: dict[str, str] = {
    "SCR": "Serious Case Review",
    "LACES": "Looked After Children Education Services",
    "BSCB": "Birmingham Safeguarding Children Board",
    "FTE": "full-time equivalent",
    "APA": "Annual Performance Assessment",
}


def _stems_of(phrase: str) -> set[str]:
    return {stem(w) for _, _, w in words(phrase)}


_EXPANSIONS = [(stem(short), _stems_of(long)) for short, long in ACRONYMS.items()]


def with_synonyms(found: set[str]) -> set[str]:
    """Stems of a text plus those its acronyms or spelt-out names stand for."""
    expanded = set(found)
    for short, long in _EXPANSIONS:
        if short in found:
            expanded |= long
        elif long <= found:
            expanded.add(short)
    return expanded
