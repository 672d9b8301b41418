"""Cleaning and sentence splitting for text that is not a stored document (drafts, claims)."""

from __future__ import annotations

from index.cleaning import clean_text
from index.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    """The whole sentences of a piece of text, cleaned as documents are."""
    clean = clean_text(text)
    return [clean.text[s.start : s.end] for s in split_sentences(clean) if s.end > s.start]
