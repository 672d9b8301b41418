"""Chunks are whole sentences, sized in words, with one sentence of overlap."""

from __future__ import annotations

import itertools

from index.chunking import chunk_sentences
from index.cleaning import clean_text
from index.models import ChunkSpan, SentenceSpan
from index.sentences import split_sentences


def _document(word_counts: list[int]) -> tuple[str, list[SentenceSpan]]:
    """Build a one-paragraph text whose sentences have the given word counts."""
    sentences = [" ".join(["word"] * (n - 1) + [f"end{i}."]) for i, n in enumerate(word_counts)]
    clean = clean_text(" ".join(s[0].upper() + s[1:] for s in sentences))
    return clean.text, split_sentences(clean)


def _words(text: str, chunk: ChunkSpan) -> int:
    return len(text[chunk.start : chunk.end].split())


def test_chunks_sized_with_one_sentence_overlap() -> None:
    text, sentences = _document([30] * 20)
    chunks = chunk_sentences(text, sentences, min_words=100, max_words=200)
    assert [(c.first_sentence, c.last_sentence) for c in chunks] == [
        (0, 3),
        (3, 6),
        (6, 9),
        (9, 12),
        (12, 15),
        (15, 19),
    ]
    assert all(100 <= _words(text, c) <= 200 for c in chunks[:-1])
    for before, after in itertools.pairwise(chunks):
        assert after.first_sentence == before.last_sentence
    for chunk in chunks:
        assert chunk.start == sentences[chunk.first_sentence].start
        assert chunk.end == sentences[chunk.last_sentence].end
        assert (chunk.paragraph, chunk.page) == (1, None)


def test_small_tail_is_merged_into_previous_chunk() -> None:
    text, sentences = _document([50, 50, 50, 10])
    chunks = chunk_sentences(text, sentences, min_words=100, max_words=200)
    assert [(c.first_sentence, c.last_sentence) for c in chunks] == [(0, 1), (1, 3)]
    assert _words(text, chunks[-1]) == 110


def test_long_sentence_is_a_chunk_of_its_own() -> None:
    text, sentences = _document([40, 250, 40, 40, 40])
    chunks = chunk_sentences(text, sentences, min_words=100, max_words=200)
    spans = [(c.first_sentence, c.last_sentence) for c in chunks]
    assert (1, 1) in spans
    assert spans[0] == (0, 0)
    assert spans[-1][-1] == 4


def test_overlap_never_stalls() -> None:
    text, sentences = _document([10] * 6)
    chunks = chunk_sentences(text, sentences, min_words=5, max_words=10, overlap=3)
    assert [c.last_sentence for c in chunks] == [0, 1, 2, 3, 4, 5]
    zero = chunk_sentences(text, sentences, min_words=20, max_words=20, overlap=0)
    assert [(c.first_sentence, c.last_sentence) for c in zero] == [(0, 1), (2, 3), (4, 5)]


def test_single_short_document_is_one_chunk() -> None:
    text, sentences = _document([5, 5])
    assert chunk_sentences(text, sentences) == [ChunkSpan(0, len(text), 1, None, 0, 1)]


def test_no_sentences_no_chunks() -> None:
    assert chunk_sentences("", []) == []
