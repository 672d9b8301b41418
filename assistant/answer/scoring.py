"""One score per candidate sentence: meaning, words and answer type, in its context.

The score is a logistic model over a handful of features; its weights and the one
threshold that decides "answer or abstain" are fitted on the dev half of the labelled set
(`python -m benchmarks.calibrate`) and kept in `calibration.json` beside this module.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from assistant.answer.candidates import Candidate, refers_back
from assistant.answer.glossary import Glossary, with_synonyms
from assistant.answer.intent import COUNCIL_STEMS, SHAPED, AnswerType, names_author, satisfies
from assistant.answer.question import DOCUMENTS
from assistant.answer.soft import soft_coverage, softly_held
from assistant.answer.tokens import stem, stems
from index import vocabulary

FEATURES = (
    "meaning",  # cosine of the question and the sentence
    "context_meaning",  # best cosine of the question and the heading or previous sentence
    "passage",  # cosine of the question and the passage (title included)
    "words",  # share of the question's term weight the sentence holds
    "context_words",  # the same over sentence, heading, previous sentence and title
    "type",  # the sentence has the answer's shape (a name, a date, a number)
    "context_type",  # only its context has it
    "rank",  # 1 for the top passage, falling to 0
    "missing",  # weight share of the heaviest question term found nowhere near the sentence
    # (nor a word close in meaning to it)
    "predicate",  # share of the question's other terms (not its names) in sentence or context
    "shaped",  # the question asks for a shape (a person, date, figure) the sentence must show
    "soft_predicate",  # "predicate", a word also held by a word close in meaning ("murdered")
)
CALIBRATION = Path(__file__).with_name("calibration.json")


@dataclass(frozen=True)
class Model:
    """Feature weights, bias and the threshold on the resulting probability."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        """The calibrated chance that the sentence answers the question."""
        z = self.bias + sum(self.weights.get(n, 0.0) * features.get(n, 0.0) for n in FEATURES)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def default_model() -> Model:
    """The fitted model shipped with the code (read once, on first use)."""
    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    return Model(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


@dataclass(frozen=True)
class Query:
    """What a sentence is scored against: the question's vector, weighted terms and type."""

    vector: np.ndarray
    weights: Mapping[str, float]
    kind: AnswerType
    pairs: Glossary
    asked: frozenset[str] = frozenset()  # the question's own words, lower case
    unit: str | None = None
    day_first: bool = True
    names: frozenset[str] = frozenset()  # stems of the uncommon names: what records are about
    common: frozenset[str] = frozenset()  # stems of the names most records give ("Ofsted")
    people: frozenset[str] = frozenset()  # stems of the people's names among them
    first_names: Mapping[str, str] = field(default_factory=dict)  # surname -> given name stems
    bodies: frozenset[str] = frozenset()  # stems of bodies' names after their first word
    # (with the people: the names a sentence must give itself, its page cannot)
    offices: frozenset[str] = frozenset()  # offices a "who" question names ("director"), as words
    sourced: frozenset[str] = frozenset()  # words naming the record asked: its page holds them
    authoring: str | None = None  # "wrote" in "Who wrote the report?": "report by X" holds it
    action: str | None = None  # the stem of the verb asked about ("concl" in "… conclude?")
    term_vectors: Mapping[str, np.ndarray] = field(default_factory=dict)  # term stem -> vector
    lexicon: Mapping[str, np.ndarray] = field(default_factory=dict)  # candidates' word vectors

    @property
    def predicate_weights(self) -> dict[str, float]:
        """The weights of the terms that say what is asked about the names."""
        return {t: w for t, w in self.weights.items() if t not in self.names}

    def shaped(self, text: str) -> bool:
        """Whether a text has the answer's shape beyond what the question says."""
        return satisfies(self.kind, text, self.asked, unit=self.unit, day_first=self.day_first)


def _read_with(candidate: Candidate, query: Query) -> str:
    """The heading, previous sentence and speaker the sentence's words are read with. Not
    the item before a list item (`_sibling_item`); nor, when both give a date, a sentence
    in the paragraph before ("… reviewed performance three months ago." then "This week,
    the Minister met …"): a date the sentence gives is of what it says, and the one
    before is a candidate of its own."""
    previous = candidate.previous
    if previous is None or candidate.same_paragraph or refers_back(candidate.text):
        return context_only(candidate)
    sibling = _sibling_item(candidate)
    dated_apart = (
        query.kind == "date" and query.shaped(candidate.text) and query.shaped(previous.text)
    )
    if not (sibling or dated_apart):
        return context_only(candidate)
    return " \n".join(s.text for s in (candidate.heading, candidate.speaker) if s is not None)


def _sibling_item(candidate: Candidate) -> bool:
    """The sentence is an item of a list whose lead-in line is its heading, and the one
    before it is another item: items are parallel facts ("Sickness rates have dropped …",
    "The vacancy rate has dropped …"), not each other's context."""
    heading, previous = candidate.heading, candidate.previous
    return (
        heading is not None
        and previous is not None
        and heading.text.rstrip().endswith(":")
        and previous.start > heading.start
    )


def features(query: Query, candidate: Candidate, reads: int) -> dict[str, float]:
    """The features of one candidate."""
    own = with_synonyms(stems(candidate.text), query.pairs) | person_pointed_at(candidate, query)
    if query.authoring and names_author(candidate.text, DOCUMENTS):
        own.add(query.authoring)  # "the report by the Board" says who wrote it
    if query.action in JUDGING and satisfies("grade", candidate.text, query.asked):
        own.add(query.action)  # "What did Ofsted conclude?": "The judgement was 'inadequate'"
    succession = SUCCESSION & query.weights.keys()  # "replace": held by "takes over … from"
    if succession and _SUCCEEDING.search(candidate.text):
        own |= succession
    leading = LEADING & query.weights.keys() if query.kind in _WHO_KINDS else frozenset()
    if leading and _LEADING_OFFICE.search(candidate.text):
        own |= leading  # "Who runs the trust?": "the trust's chief executive, Jane Doe"
    served = SERVING & query.weights.keys() if query.asked & _EARLIER else frozenset()
    if served and _CAME_FROM.search(candidate.text):
        own |= served  # "Where did she work before?": "who came from Northtown Council"
    read_with = _read_with(candidate, query)
    around = own | with_synonyms(stems(f"{candidate.document.title} \n{read_with}"), query.pairs)
    placeable = (query.names | query.common) - query.people - query.bodies - around
    if placeable:
        around |= placeable & page_names(candidate)  # read from the page only when needed
    paged = query.sourced & record_words(candidate)  # "according to the plan": the page's
    around |= paged
    near = with_synonyms(stems(read_with), query.pairs) | paged
    in_sentence = query.shaped(candidate.text)
    in_context = not in_sentence and query.shaped(context_only(candidate))
    context = [v for v in (candidate.previous_vector, candidate.heading_vector) if v is not None]
    matrix = _matrix(f"{candidate.text} \n{read_with}", query)
    close = softly_held(query.weights, around, query.term_vectors, matrix)
    return {
        "meaning": _cosine(query.vector, candidate.vector),
        "context_meaning": max((_cosine(query.vector, v) for v in context), default=0.0),
        "passage": candidate.passage_score,
        "words": coverage(query.weights, own),
        "context_words": coverage(query.weights, around),
        "type": float(in_sentence),
        "context_type": float(in_context),
        "rank": 1.0 - candidate.rank / max(reads, 1),
        "missing": missing(query.weights, around | close),
        "predicate": coverage(query.predicate_weights, own | near),
        "shaped": float(query.kind in SHAPED),
        "soft_predicate": soft_coverage(
            query.predicate_weights, own | near, query.term_vectors, matrix
        ),
    }


_JUDGING_TEXT = "conclude judge rate assess decide grade"
JUDGING = frozenset(stem(w) for w in _JUDGING_TEXT.split())
"""Verbs of passing a judgement: a sentence giving a grade tells what was concluded. Not
"find": records say what inspectors found in that word ("The inspectors found …")."""

_LEADING_TEXT = "run runs ran running lead leads led head heads headed manage manages managed"
LEADING = frozenset(stem(w) for w in _LEADING_TEXT.split())
"""Verbs of being in charge: who runs a body is told by who holds its leading office."""
_WHO_KINDS = frozenset({"person", "agent"})
_LEADING_OFFICE = re.compile(
    r"\b(?:chief executive|director|chair(?:man|woman|person)?|head|leader|manager|"
    r"commissioner)\b",
    re.I,
)

_SERVING_TEXT = "work works worked working serve serves served serving employed"
SERVING = frozenset(stem(w) for w in _SERVING_TEXT.split())
_EARLIER = frozenset({"before", "previously", "formerly", "prior", "earlier"})
_CAME_FROM = re.compile(
    r"\b(?:came|comes|coming|joins|joined|joining|moves|moved|arrives|arrived)\s+from\b"
    r"|\b(?:previously|formerly)\b",
    re.I,
)
"""Where someone worked before is told by where they came from ("who came from Northtown
Council"), or by what they previously did."""

_SUCCESSION_TEXT = "replace replaced succeed succeeded successor took"
SUCCESSION = frozenset(stem(w) for w in _SUCCESSION_TEXT.split())
"""Words of one person following another in a post ("took" as a question's "took over")."""
_SUCCEEDING = re.compile(
    r"\b(?:replac\w*|succeed\w*|successor|(?:take[sn]?|took|taking)\s+over|in place of)\b", re.I
)
"""How a record says one followed another: any of these holds any word of succession."""

_PERSONAL_OPENING = re.compile(r"(?:But |And )?(?:He|She)\b")
"""A sentence that opens with "He" or "She" is about a person the one before named."""


def person_pointed_at(candidate: Candidate, query: Query) -> set[str]:
    """The asked person's names the sentence before gives, for a sentence that opens with
    "He" or "She" in the same paragraph ("Doe was cleared of X. He was convicted of Y.")."""
    previous = candidate.previous
    if previous is None or not candidate.same_paragraph:
        return set()
    if not _PERSONAL_OPENING.match(candidate.text):
        return set()
    return _with_given_names(set(query.people & stems(previous.text)), query)


def _with_given_names(held: set[str], query: Query) -> set[str]:
    """A person asked about in full is held by their surname alone ("Doe was cleared"): news
    calls people by surname after the first mention."""
    given = {stem(name) for surname, name in query.first_names.items() if surname in held}
    return held | given


def record_words(candidate: Candidate) -> frozenset[str]:
    """The stems of a sentence's page and of its kind ("press release"): what a question's
    source clause may say of the record ("listed in the July 2010 press release")."""
    kind = candidate.document.kind or ""
    return candidate.document_stems | frozenset(stems(kind.replace("_", " ")))


def page_names(candidate: Candidate) -> frozenset[str]:
    """The names a sentence's page holds for it: what the page is about, and its council."""
    return candidate.document_topics | (candidate.document_stems & COUNCIL_STEMS)


def _matrix(text: str, query: Query) -> np.ndarray | None:
    """The vectors of the words of the sentence and what it is read with."""
    rows = [query.lexicon[w] for w in vocabulary(text) if w in query.lexicon]
    return np.stack(rows) if rows else None


def coverage(weights: Mapping[str, float], held: set[str]) -> float:
    """Share of the question's term weight a text holds (1.0 for a term-less question)."""
    total = sum(weights.values())
    if total == 0:
        return 1.0
    return sum(w for term, w in weights.items() if term in held) / total


def missing(weights: Mapping[str, float], held: set[str]) -> float:
    """The heaviest question term a text lacks, as a share of all the term weight."""
    total = sum(weights.values())
    if total == 0:
        return 0.0
    return max((w for term, w in weights.items() if term not in held), default=0.0) / total


def context_only(candidate: Candidate) -> str:
    """Heading and previous sentence (not the title: every sentence shares it)."""
    return " \n".join(s.text for s in candidate.context_spans)


def _cosine(query: np.ndarray, vector: np.ndarray | None) -> float:
    if vector is None:
        return 0.0
    return float(np.dot(query, vector))
