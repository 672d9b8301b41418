"""What press releases say about register counts ("ten of these were implemented"), to compare
with the register."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.models import Evidence
from assistant.registers.rows import (
    OPEN,
    Recommendation,
)
from index import (
    DocumentRecord,
    Filters,
    Store,
    StoreError,
)


@dataclass(frozen=True)
class Claim:
    """A press-release sentence stating how many recommendations were implemented."""

    evidence: tuple[Evidence, ...]  # the sentence, and the one before when it gives the total
    implemented: int | None
    in_progress: int | None
    total: int | None

    @property
    def document(self) -> DocumentRecord:
        return self.evidence[0].document


_NUMBER_WORDS = """zero one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBERS = {w: i for i, w in enumerate(_NUMBER_WORDS.split())}
_NUMBER = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBERS) + r")\b", re.I)
_BEING = re.compile(r"\bbeing implemented\b", re.I)
_IMPLEMENTED = re.compile(r"\bimplemented\b", re.I)
_TOTAL = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBERS) + r")\s+recommendations\b", re.I)


def claims(store: Store) -> list[Claim]:
    """Sentences of press releases that count implemented recommendations."""
    filters = Filters(kind="press_release")
    try:
        hits = store.keyword_search('"implemented"', 20, filters)
    except StoreError:  # a keyword index problem must not break register answers
        return []
    doc_ids = dict.fromkeys(
        chunk.doc_id for chunk, _, _ in store.chunks([h for h, _ in hits]).values()
    )
    claims = []
    for doc_id in doc_ids:
        document, text = store.get(doc_id), store.text(doc_id)
        sentences = store.sentences(doc_id, 0, 1_000_000)
        for index, sentence in enumerate(sentences):
            quote = text[sentence.start : sentence.end]
            before = text[sentences[index - 1].start : sentences[index - 1].end] if index else ""
            if "recommendation" not in (quote + before).lower():
                continue
            done, going = count_before(quote, _IMPLEMENTED, ","), count_before(quote, _BEING, "")
            if done is None and going is None:
                continue
            total = _TOTAL.search(quote)
            spans = [sentence]
            if total is None and index:
                total = _TOTAL.search(before)
                spans = [sentences[index - 1], sentence] if total else spans
            evidence = tuple(
                Evidence(document, text[s.start : s.end], s.start, s.end, s.page, 1.0, 1.0)
                for s in spans
            )
            claims.append(Claim(evidence, done, going, number(total.group(1)) if total else None))
            break
    return claims


def count_before(sentence: str, phrase: re.Pattern[str], stop: str) -> int | None:
    """The number nearest before the phrase, with no other count (or `stop`) between."""
    for match in phrase.finditer(sentence):
        if phrase is _IMPLEMENTED and sentence[: match.start()].rstrip().lower().endswith("being"):
            continue
        head = sentence[max(0, match.start() - 120) : match.start()]
        numbers = list(_NUMBER.finditer(head))
        if not numbers:
            continue
        between = head[numbers[-1].end() :]
        if (stop and stop in between) or _IMPLEMENTED.search(between) or "area" in between.lower():
            continue
        if re.search(r"\bnot\b", between, re.I):
            continue
        nearest = numbers[-1]
        if len(numbers) > 1:  # "3 of the 4 recommendations": the count is the first
            gap = head[numbers[-2].end() : nearest.start()]
            if re.fullmatch(r"\s+of\s+(?:the\s+|these\s+)?", gap, re.I):
                nearest = numbers[-2]
        return number(nearest.group(1))
    return None


def number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def claim_words(claim: Claim) -> str:
    parts = []
    if claim.implemented is not None:
        total = f" of {claim.total}" if claim.total is not None else ""
        parts.append(f"{claim.implemented}{total} were fully implemented")
    if claim.in_progress is not None:
        parts.append(f"{claim.in_progress} were being implemented")
    return " and ".join(parts)


def status_counts(rows: list[Recommendation], day: str | None) -> dict[str, int]:
    states = [r.status if day is None else r.status_at(day) for r in rows]
    known = [s for s in states if s is not None]
    return {
        "implemented": sum(s == "implemented" for s in known),
        "open": sum(s in OPEN for s in known),
        "total": len(known),
    }


def covers(rows: list[Recommendation], day: str) -> bool:
    """Whether the register's history reaches back to a day (else compare with now)."""
    return any(c.seen_at[:10] <= day for r in rows for c in r.history)
