"""A claim read for checking: the subject it is about, and the facts it states about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer.question import LIGHT_VERBS, STOPWORDS, Period, Question, analyse
from assistant.conversation.entities import TITLES
from assistant.factcheck.errors import InvalidClaim
from assistant.factcheck.facts import FACT_WORDS, Facts, read_facts, without_grade_phrases
from index import DateMention


@dataclass(frozen=True)
class Claim:
    """The words that say what a claim is about, apart from the facts it asserts."""

    text: str
    question: Question
    subject: dict[str, str]  # stem -> the word as written (to look its frequency up)
    names: tuple[str, ...]  # capitalised words after the first: people, bodies, places
    facts: Facts
    periods: tuple[tuple[Period, DateMention], ...]  # each date asked about, as read
    opening: tuple[str, ...] = ()  # the first word, when a name ("Northtown's board …")

    @property
    def counts(self) -> set[float]:
        """The claim's figures that are counts, not percentages."""
        return self.facts.values(percent=False)

    @property
    def whole_set(self) -> bool:
        """Says "all" or "every" without itself naming a part ("10 of the 12"), or "fully"
        with no count: "Ten of them were fully implemented" says those ten were done in
        full, not that all of them were."""
        if self.facts.quantified:
            return len(self.counts) <= 1
        return self.facts.whole and not self.counts


def read_claim(text: str, *, day_first: bool = True, max_chars: int = 1000) -> Claim:
    """Split a claim into subject terms and facts; an empty or oversized claim is refused."""
    claim = " ".join(text.split())
    if not claim:
        raise InvalidClaim("the claim is empty")
    if len(claim) > max_chars:
        raise InvalidClaim(f"the claim is {len(claim)} characters; the limit is {max_chars}")
    question = analyse(claim, day_first=day_first, records=False)
    said = analyse(without_grade_phrases(claim), day_first=day_first, records=False)
    subject = {
        term: word
        for term, word in zip(said.terms, said.term_words, strict=True)
        if (word.lower() not in FACT_WORDS | _ASPECT | LIGHT_VERBS or word in modal_verbs(claim))
        and not word[0].isdigit()
    }
    opening = _opening_name(claim)
    names = tuple(
        n
        for n in (*opening, *question.names)
        if n.lower() not in FACT_WORDS and n.lower().rstrip(".") not in TITLES
    )  # "Councillor Jane Doe": a record may write "Cllr", or no title at all
    facts = read_facts(claim, set(subject), day_first=day_first)
    periods = tuple(zip(question.periods, facts.dates, strict=True))
    return Claim(claim, question, subject, names, facts, periods, opening)


_MODAL_VERB = re.compile(
    r"\b(?:will|would|shall|should|must|can|could|may|might)\s+"
    r"(?:(?:not|now|also|still|soon|then)\s+)?(?:(?:be|have)\s+)?([a-z]{3,})\b"
)


def modal_verbs(claim: str) -> frozenset[str]:
    """The verbs a modal governs ("will close", "will now be closed"): what the claim says
    will be done, a verb even where the word may be another part of speech ("close to")."""
    return frozenset(m.group(1) for m in _MODAL_VERB.finditer(claim))


_ASPECT = frozenset({"still", "already"})
"""Words a claim adds to say a state goes on or is done ("are still being implemented");
the record states the state itself, in its own tense."""

_OPENING_NAME = re.compile(r"^([A-Z][\w-]*)(?:['’]s\b|\s+(?=[A-Z]))")


def _opening_name(claim: str) -> tuple[str, ...]:
    """The claim's first word when it is a name: possessive ("Northtown's previous
    inspection") or followed by another capitalised word ("Jacqui Smith was …"). A
    question opens with "who" or "what"; a claim often opens with whom it is about."""
    found = _OPENING_NAME.match(claim)
    if found is None or found.group(1).lower() in STOPWORDS:
        return ()
    return (found.group(1),)


_FIRST_WORD = re.compile(r"^([A-Z][a-z][\w-]*)\b")


def with_opening_name(claim: Claim, texts: list[str]) -> Claim:
    """The claim with its first word as a name when the records write it only as one:
    capitalised inside their sentences, never in lower case ("Northtown appointed …")."""
    found = _FIRST_WORD.match(claim.text)
    if claim.opening or found is None:
        return claim
    word = found.group(1)
    if word.lower() in STOPWORDS or word.lower() in FACT_WORDS:
        return claim
    if re.match(r"\s+\d", claim.text[found.end() :]):
        return claim  # "Section 47 enquiries rose": a label before its number
    inside = re.compile(rf"(?<=[a-z,] ){re.escape(word)}\b")
    lower = re.compile(rf"\b{re.escape(word.lower())}\b")
    if not any(inside.search(t) for t in texts) or any(lower.search(t) for t in texts):
        return claim
    return replace(claim, names=(word, *claim.names), opening=(word,))
