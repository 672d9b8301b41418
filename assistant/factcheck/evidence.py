"""Candidate evidence for a claim: retrieved sentences (and adjacent pairs), scored by coverage.

A unit is one sentence, or two adjacent sentences of one paragraph when the second
leans on the first ("The SCR makes 12 recommendations … Ten of these have …"). Its
quote is always one verbatim span of the stored text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import numpy as np

from assistant.answer.candidates import LIST_RUN, DocumentWords, is_heading, refers_back
from assistant.answer.glossary import Glossary, expansions, with_synonyms
from assistant.answer.intent import (
    COUNCIL_STEMS,
    given_names,
    people_in,
    person_stems,
    place_stems,
)
from assistant.answer.models import Evidence
from assistant.answer.periods import years_in
from assistant.answer.tokens import base_form, stem, stems
from assistant.factcheck.claim import Claim
from assistant.factcheck.facts import PRECISION, Facts, read_facts
from index import DocumentRecord, SearchHit, Store, StoredSentence

COMMON_NAME_SHARE = 0.5
"""A name in this share of passages or more (e.g. "Birmingham") need not be in the evidence.

Higher than the answerer's 0.2: a claim that names a person is about that person."""
ITEM_COVERAGE = 0.4
"""A list item read with its lead-in holds this much of the claim itself: every item shares
the lead-in's words, and one is evidence only for what it adds ("Establishing national
standards" under "The panel recommends:")."""
HEADING_REACH = 4
"""How many sentences above a passage are read for the heading its first paragraph is under."""
PAIR_GAIN = 0.1
"""A pair of sentences is a unit only if it covers this much more than either sentence."""


@dataclass(frozen=True)
class Unit:
    """A span of stored text offered as evidence, with how much of the claim's subject it holds."""

    document: DocumentRecord
    quote: str
    start: int
    end: int
    page: int | None
    rank: int  # retrieval rank of its passage, 0 first
    coverage: float  # share of the claim's subject weight it holds
    missing: tuple[str, ...]  # subject words it lacks, as the claim wrote them
    names_held: bool  # every uncommon name of the claim is in it
    facts: Facts
    sentences: int = 1  # a pair spans two; single sentences rank first
    meaning: float = 0.0  # the answer step's probability that the sentence speaks to it
    document_years: frozenset[int] = frozenset()  # the years its document mentions
    predicate: float = 1.0  # share of the weight of the claim's words other than its names
    closeness: float = 0.0  # cosine of the claim and the unit's sentence vectors
    names_near: bool = False  # every uncommon name is in it, the sentence before or the title
    # (or, for a place, anywhere on its page)
    names_own: bool = False  # every uncommon name is in it, the sentence before or the title
    unsaid_actions: tuple[str, ...] = ()  # the claim's past verbs ("praised") its page lacks

    @property
    def key(self) -> tuple[str, int, int]:
        """Where the unit is: document and offsets."""
        return (self.document.id, self.start, self.end)

    def evidence(self) -> Evidence:
        """The unit as the answer layer's Evidence, so citations share the ask JSON."""
        return Evidence(
            document=self.document,
            quote=self.quote,
            start=self.start,
            end=self.end,
            page=self.page,
            score=self.coverage,
            coverage=self.coverage,
            dates=tuple(d.value for d in self.facts.dates),
            precisions=tuple(PRECISION[d.precision] for d in self.facts.dates),
        )


@dataclass(frozen=True)
class Weights:
    """The claim's subject terms weighted by rarity, and the names evidence must hold."""

    terms: dict[str, float]
    required: frozenset[str]
    unknown_names: tuple[str, ...]
    unknown_words: tuple[str, ...]
    names: frozenset[str] = frozenset()  # stems of the places a page may hold for a sentence
    named: frozenset[str] = frozenset()  # stems of every name the claim gives
    people: tuple[tuple[str, ...], ...] = ()  # the words of each person's name the claim gives


def _used_as_base(store: Store, word: str) -> bool:
    """An irregular past no record uses is still known when its verb is ("ran": "run")."""
    base = base_form(word)
    return base != word.lower() and store.term_frequency(base) > 0


_OPENING_WORD = re.compile(r"([A-Z][\w’'-]*)")
"""A claim's first word: capitalised as any first word, so a name when no record uses it
("Acme facilitated the programme")."""


def weigh(store: Store, claim: Claim, passages: int) -> Weights:
    """Rarer words weigh more; names and words the records never use are reported."""
    total = max(passages, 1)
    frequency = {word: store.term_frequency(word.lower()) for word in claim.subject.values()}
    terms = {
        term: math.log(1 + (total + 1) / (frequency[word] + 1))
        for term, word in claim.subject.items()
    }
    name_share = {n: store.term_frequency(n.lower()) / total for n in claim.names}
    unknown_words = tuple(
        w
        for w, f in frequency.items()
        if f == 0
        and w not in claim.names
        and not any(c.isdigit() for c in w)
        and not _used_as_base(store, w)
    )
    first = _OPENING_WORD.match(claim.text)
    unknown_opening = tuple(w for w in unknown_words if first and w == first.group(1))
    unknown_names = tuple(n for n, share in name_share.items() if share == 0) + unknown_opening
    required = frozenset(
        stem(n) for n, s in name_share.items() if s < COMMON_NAME_SHARE
    ) - given_names(claim.text)
    opening = frozenset(stem(n) for n in claim.opening) - person_stems(claim.text)
    places = place_stems(claim.text) | opening  # its first word too: "Northtown's board was …"
    codes = frozenset(stem(n) for n in claim.names if any(c.isdigit() for c in n))
    names = frozenset(stem(n) for n in claim.names) & (places | codes)  # "review CE001"
    named = frozenset(stem(n) for n in claim.names)
    people = tuple(tuple(p.split()) for p in people_in(claim.text))
    return Weights(terms, required, unknown_names, unknown_words, names, named, people)


_WE = re.compile(r"\b(?:we|our|us|ourselves)\b", re.I)
_BODY_TEXT = "trust board partnership authority"
SPEAKING_BODIES = COUNCIL_STEMS | frozenset(stem(w) for w in _BODY_TEXT.split())
"""Nouns of the bodies that publish statements ("the council", "the trust"): in a
sentence that says "we", the page's body is who speaks."""


def _speaking_body(weights: Weights, quote: str, words: frozenset[str]) -> frozenset[str]:
    """The claim's body nouns held by a sentence in the first person plural on a page that
    names that body: "We have met four of the eight targets", in the council's statement,
    says the council met them."""
    if not _WE.search(quote):
        return frozenset()
    return frozenset(weights.terms.keys() & SPEAKING_BODIES & words)


class UnitReader:
    """Reads the sentences of retrieved passages as scored units."""

    def __init__(self, store: Store, *, day_first: bool = True, min_words: int = 4) -> None:
        self.store = store
        self.day_first = day_first
        self.min_words = min_words
        self._pairs: Glossary = Glossary()
        self.document_words = DocumentWords()

    def units(
        self,
        claim: Claim,
        weights: Weights,
        hits: list[SearchHit],
        vector: np.ndarray | None = None,
        texts: dict[str, str] | None = None,
    ) -> list[Unit]:
        """Every statement of the passages once, plus adjacent pairs that cover more; with
        the claim's `vector`, each unit's closeness in meaning too. `texts`: the pages'
        texts already read, by document id."""
        units: dict[tuple[str, int, int], Unit] = {}
        texts = dict(texts or {})
        self._pairs = expansions(self.store.acronyms())
        for rank, hit in enumerate(hits):
            doc = hit.document
            if doc.id not in texts:
                texts[doc.id] = self.store.text(doc.id)
            text = texts[doc.id]
            chunk = hit.chunk
            first = max(chunk.first_sentence - HEADING_REACH, 0)
            read = self.store.sentences(doc.id, first, chunk.last_sentence)
            vectors = {}
            if vector is not None:
                vectors = self.store.sentence_vectors(doc.id, first, chunk.last_sentence)
            before: StoredSentence | None = None
            previous: tuple[StoredSentence, Unit] | None = None
            heading, under = "", -1  # a heading line ("Jane Doe (2012 - 2013)"), its paragraph
            lead, items = "", 0  # the lead-in line ("… as follows:") and the items read under it
            for sentence in read:
                quote = text[sentence.start : sentence.end]
                near = doc.title
                lead, items = _under_lead(lead, items, quote, before, sentence)
                item = bool(lead) and lead != quote and self._is_heading(quote, doc.title)
                item = item and self._coverage(weights, quote, frozenset()) >= ITEM_COVERAGE
                if item:
                    near += " " + lead  # a list item says what its lead-in says it is
                if sentence.paragraph != under:
                    heading = ""  # it heads the paragraph right under it, all of it
                if before is not None:
                    near += " " + text[before.start : before.end]
                    if self._is_heading(text[before.start : before.end], doc.title):
                        heading, under = text[before.start : before.end], sentence.paragraph
                before = sentence
                if sentence.ord < chunk.first_sentence:
                    continue  # read for the heading above the passage, not a unit itself
                own = with_synonyms(stems(quote + " " + near), self._pairs)
                if self._is_heading(quote, doc.title) and not item:
                    previous = None
                    continue
                words = self.document_words.of(doc.id, text)
                topics: frozenset[str] = frozenset()
                if weights.names:  # read from the page only when a name may be held by it
                    topics = self.document_words.topics(doc.id, text) | (words & COUNCIL_STEMS)
                about = weights.names & topics | _named_in_part(weights.people, quote, words)
                about |= _speaking_body(weights, quote, words)
                about |= weights.required & stems(heading)  # whom the lines under it speak of
                if item:
                    about |= with_synonyms(stems(lead), self._pairs)  # the item states it
                unit = self._unit(claim, weights, doc, text, sentence, sentence, rank, about)
                unit = replace(
                    unit,
                    unsaid_actions=_unsaid_actions(unit.missing, words),
                    document_years=years_in(words),
                    closeness=_closeness(vector, [vectors.get(sentence.ord)]),
                    names_near=unit.names_held or weights.required <= own | about,
                    names_own=weights.required <= own,
                )
                units.setdefault((doc.id, unit.start, unit.end), unit)
                if previous is not None and _reads_on(previous[0], sentence, quote):
                    span = text[previous[0].start : sentence.end]
                    best = max(unit.coverage, previous[1].coverage)
                    gains = self._coverage(weights, span, about) >= best + PAIR_GAIN
                    split = self._names_split(weights, text, previous[0], sentence)
                    if (gains and not split) or refers_back(quote):
                        pair = self._unit(
                            claim, weights, doc, text, previous[0], sentence, rank, about
                        )
                        pair = replace(
                            pair,
                            unsaid_actions=_unsaid_actions(pair.missing, words),
                            document_years=unit.document_years,
                            closeness=_closeness(
                                vector, [vectors.get(previous[0].ord), vectors.get(sentence.ord)]
                            ),
                            names_near=pair.names_held or previous[1].names_near,
                            names_own=previous[1].names_own
                            or weights.required <= with_synonyms(stems(span), self._pairs),
                        )
                        units.setdefault((doc.id, pair.start, pair.end), pair)
                previous = (sentence, unit)
        return list(units.values())

    def _names_split(
        self, weights: Weights, text: str, first: StoredSentence, second: StoredSentence
    ) -> bool:
        """The claim's uncommon names are each in one of two sentences, neither holding them
        all: "Acme House" in one, "Northtown" in the next is no sentence placing one in the
        other (a pair that points back, "She …", still reads as one)."""
        names = weights.required
        if len(names) < 2:
            return False
        held = [with_synonyms(stems(text[s.start : s.end]), self._pairs) for s in (first, second)]
        return not any(names <= h for h in held) and names <= held[0] | held[1]

    def _unit(
        self,
        claim: Claim,
        weights: Weights,
        doc: DocumentRecord,
        text: str,
        first: StoredSentence,
        last: StoredSentence,
        rank: int,
        about: frozenset[str] = frozenset(),
    ) -> Unit:
        """The span from `first` to `last`; `about` are the claim's names its page gives
        (a page about Devon need not say "Devon" in every sentence)."""
        quote = text[first.start : last.end]
        held = with_synonyms(stems(quote), self._pairs) | about
        total = sum(weights.terms.values())
        got = sum(w for term, w in weights.terms.items() if term in held)
        said = {t: w for t, w in weights.terms.items() if t not in weights.named}
        said_got = sum(w for term, w in said.items() if term in held)
        return Unit(
            document=doc,
            quote=quote,
            start=first.start,
            end=last.end,
            page=first.page,
            rank=rank,
            coverage=got / total if total else 0.0,
            missing=tuple(claim.subject[t] for t in weights.terms if t not in held),
            names_held=weights.required <= held,
            facts=read_facts(quote, set(claim.subject), day_first=self.day_first),
            sentences=1 if first.ord == last.ord else 2,
            predicate=said_got / sum(said.values()) if said else 1.0,
        )

    def _coverage(self, weights: Weights, quote: str, about: frozenset[str]) -> float:
        """The share of the subject weight a span holds (a pair is read only if it gains)."""
        held = with_synonyms(stems(quote), self._pairs) | about
        total = sum(weights.terms.values())
        return sum(w for t, w in weights.terms.items() if t in held) / total if total else 0.0

    def _is_heading(self, quote: str, title: str) -> bool:
        """Titles and short unpunctuated lines name a subject; they state nothing."""
        return len(quote.split()) < self.min_words or is_heading(quote, title)


def _under_lead(
    lead: str, items: int, quote: str, before: StoredSentence | None, sentence: StoredSentence
) -> tuple[str, int]:
    """The lead-in line a sentence hangs from and how many items it has had: a line closing
    with a colon leads the lines in the paragraphs after it, one item each ("The panel
    recommends:" then "Establishing national standards"), up to LIST_RUN of them."""
    if quote.rstrip().endswith(":"):
        return quote, 0
    if not lead or before is None or sentence.paragraph == before.paragraph:
        return "", 0  # a second sentence in a paragraph: prose again, not an item
    return (lead, items + 1) if items < LIST_RUN else ("", 0)


_OPENING_PRONOUN = re.compile(r"^\W*(?:he|she|they)\b", re.I)
"""A sentence opening with a personal pronoun: it goes on about the one named before."""


def _reads_on(previous: StoredSentence, sentence: StoredSentence, quote: str) -> bool:
    """The sentence may pair with the one before: the same paragraph, or the next one when
    it opens with "He", "She" or "They" (news pages give each sentence its paragraph)."""
    if previous.paragraph == sentence.paragraph:
        return True
    return previous.ord == sentence.ord - 1 and bool(_OPENING_PRONOUN.match(quote))


def _named_in_part(
    people: tuple[tuple[str, ...], ...], quote: str, page: frozenset[str]
) -> frozenset[str]:
    """The stems of the people's names a sentence gives by the given name alone ("after
    Jane's death", as a child is often named), written as a name, when its page gives the
    whole name ("a marked improvement" does not name Mark Doe)."""
    held: set[str] = set()
    for name in people:
        stemmed = {stem(w) for w in name}
        if stemmed <= page and re.search(rf"\b{re.escape(name[0])}\b", quote):
            held |= stemmed
    return frozenset(held)


def _unsaid_actions(missing: tuple[str, ...], page: frozenset[str]) -> tuple[str, ...]:
    """The claim's verbs in the past ("praised") that neither the unit nor its page uses:
    what was done is a claim's point, and the unit may say the opposite in other words."""
    return tuple(
        w
        for w in missing
        if w.islower()
        and len(w) > 4
        and w.endswith("ed")
        and w not in UNJUDGING_VERBS
        and stem(w) not in page
        and not (w in DONE_VERBS and _DONE_STEMS & page)
    )


DONE_VERBS = frozenset({"completed", "implemented", "finished", "delivered", "fulfilled"})
"""Past verbs that each say a piece of work was done: a page saying one says the others
("all of which have now been fully implemented" for "has now been completed")."""
_DONE_STEMS = frozenset(stem(w) for w in DONE_VERBS)


_UNJUDGING_TEXT = """
    received underwent obtained experienced described called labelled labeled termed dubbed
    asked urged requested
"""
UNJUDGING_VERBS = frozenset(_UNJUDGING_TEXT.split())
"""Past verbs that only say something came to the subject ("received a visit"), what it
was called ("described it as a disgrace") or what was sought ("asked Government to …"): the
words after them say what, and the unit may say it in other words ("inspectors visited",
"singled it out as a disgrace", "recommendations to Government")."""


def _closeness(vector: np.ndarray | None, vectors: list[np.ndarray | None]) -> float:
    """Cosine of the claim and the unit (its sentences' vectors summed); 0 when any is missing."""
    if vector is None or not vectors or any(v is None for v in vectors):
        return 0.0
    summed = np.sum([v for v in vectors if v is not None], axis=0)
    norm = float(np.linalg.norm(summed))
    return float(summed @ vector) / norm if norm else 0.0
