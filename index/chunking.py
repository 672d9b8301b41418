"""Group sentences into overlapping passages sized for embedding and citation."""

from __future__ import annotations

from index.models import ChunkSpan, SentenceSpan

__all__ = ["chunk_sentences"]

_TAIL_STRETCH = 1.25


def chunk_sentences(
    text: str,
    sentences: list[SentenceSpan],
    *,
    min_words: int = 100,
    max_words: int = 200,
    overlap: int = 1,
) -> list[ChunkSpan]:
    """Make passages of whole sentences so every hit can be quoted without cutting words."""
    words = [len(text[s.start : s.end].split()) for s in sentences]
    ranges: list[tuple[int, int]] = []  # [first, last) sentence indexes
    first_new = 0
    while first_new < len(sentences):
        begin = _overlap_start(ranges, first_new, overlap)
        begin = _fit_overlap(words, begin, first_new, max_words)
        end = _grow(words, begin, first_new, min_words, max_words)
        ranges.append((begin, end))
        first_new = end
    _merge_small_tail(ranges, words, min_words, max_words)
    return [_span(sentences, first, last) for first, last in ranges]


def _overlap_start(ranges: list[tuple[int, int]], first_new: int, overlap: int) -> int:
    """Repeat the previous chunk's last sentences, but never its whole start again."""
    if not ranges:
        return first_new
    return max(first_new - max(overlap, 0), ranges[-1][0] + 1)


def _fit_overlap(words: list[int], begin: int, first_new: int, max_words: int) -> int:
    """Drop overlap sentences that would push the chunk's first new sentence past the cap."""
    while begin < first_new and sum(words[begin : first_new + 1]) > max_words:
        begin += 1
    return begin


def _grow(words: list[int], begin: int, first_new: int, min_words: int, max_words: int) -> int:
    """Add sentences until the chunk is big enough, staying under the cap when possible."""
    end = first_new + 1
    count = sum(words[begin:end])
    while end < len(words) and count < min_words and count + words[end] <= max_words:
        count += words[end]
        end += 1
    return end


def _merge_small_tail(
    ranges: list[tuple[int, int]], words: list[int], min_words: int, max_words: int
) -> None:
    """Fold a tiny last chunk into the one before so no passage is a stray fragment."""
    if len(ranges) < 2:
        return
    (prev_begin, prev_end), (_, last_end) = ranges[-2], ranges[-1]
    tail = sum(words[prev_end:last_end])
    merged = sum(words[prev_begin:last_end])
    if tail < min_words / 3 and merged <= max_words * _TAIL_STRETCH:
        ranges[-2:] = [(prev_begin, last_end)]


def _span(sentences: list[SentenceSpan], first: int, end: int) -> ChunkSpan:
    """Describe sentences [first, end) by offsets and the first sentence's place."""
    head, last = sentences[first], sentences[end - 1]
    return ChunkSpan(head.start, last.end, head.paragraph, head.page, first, end - 1)
