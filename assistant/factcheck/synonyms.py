"""A claim's word held by a unit's word of the same meaning ("begin" by "start").

A claim is a paraphrase: its writer chose other words than the record's. A word of the
claim that its unit lacks counts as held when a word of the unit is a near synonym by the
embedding model's word vectors (cosine at least SYNONYM_MATCH) and the unit's page never
uses the claim's own word (a page that says "wife" and "husband" means two people).
Names are never held this way: a claim about Jane Doe needs a record naming her. A verb
of judging ("rated") is held by a unit that gives a grade, in whatever words it judges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from assistant.answer.intent import satisfies
from assistant.answer.scoring import JUDGING
from assistant.factcheck.claim import Claim
from assistant.factcheck.evidence import Unit, Weights
from assistant.factcheck.facts import overlaps
from index import date_bounds, vocabulary

SYNONYM_MATCH = 0.8
"""Word cosine at which two words mean the same ("begin"/"start" 0.86, "killed"/"murdered"
0.85); antonyms sit lower ("higher"/"lower" 0.77, "opened"/"closed" 0.69)."""

Vectors = Callable[[set[str]], dict[str, np.ndarray]]
PageStems = Callable[[Unit], frozenset[str]]


def held_by_synonyms(
    units: list[Unit],
    subject: dict[str, str],
    weights: Weights,
    vectors: tuple[Vectors, Vectors],
    page: PageStems,
) -> list[Unit]:
    """Each unit with the claim's words its near synonyms hold counted as held. `vectors`:
    the claim's words' (encoded when the records lack them) and the records' words'."""
    asked = {
        term: word.lower()
        for term, word in subject.items()
        if term in weights.terms and term not in weights.named and word.islower()
    }
    if not asked:
        return units
    claimed = vectors[0](set(asked.values()))
    return [_rescored(unit, asked, claimed, weights, vectors[1], page) for unit in units]


def _rescored(
    unit: Unit,
    asked: dict[str, str],
    claimed: dict[str, np.ndarray],
    weights: Weights,
    vectors: Vectors,
    page: PageStems,
) -> Unit:
    missing = {w.lower() for w in unit.missing}
    wanted = {
        t: w for t, w in asked.items() if w in missing and w in claimed and t not in page(unit)
    }
    if not wanted:
        return unit
    own = vectors(vocabulary(unit.quote))
    if not own:
        return unit
    matrix = np.stack(list(own.values()))
    held = {t for t, w in wanted.items() if float(np.max(matrix @ claimed[w])) >= SYNONYM_MATCH}
    return with_held(unit, held, asked, weights)


def held_by_grades(units: list[Unit], claim: Claim, weights: Weights) -> list[Unit]:
    """Each unit giving a grade with the claim's verbs of judging counted as held: "rated
    good" is said by "judged to be inadequate", which gives the grade to compare. Not for
    a claim of two grades ("good two years after being judged inadequate"): a change, which
    one sentence's grade does not tell; nor by a unit dated outside the claim's dates (a
    grade of another time is no rating the claim speaks of)."""
    if len(claim.facts.grades) != 1:
        return units
    subject = claim.subject
    judging = {t: w.lower() for t, w in subject.items() if t in weights.terms and t in JUDGING}
    if not judging:
        return units
    return [
        with_held(unit, set(judging), judging, weights) if _grades_then(claim, unit) else unit
        for unit in units
    ]


def _grades_then(claim: Claim, unit: Unit) -> bool:
    """The unit gives a grade, and a date within one of the claim's when the claim gives any."""
    if not satisfies("grade", unit.quote):
        return False
    if not claim.facts.dates:
        return True
    spans = [date_bounds(d.value) for d in claim.facts.dates]
    return any(overlaps(d.value, *span) for d in unit.facts.dates for span in spans)


def with_held(unit: Unit, held: set[str], asked: dict[str, str], weights: Weights) -> Unit:
    """The unit with the claim's terms `held` (still missing from it) counted as held."""
    missing = {w.lower() for w in unit.missing}
    held = {t for t in held if asked[t] in missing}
    if not held:
        return unit
    words = {asked[t] for t in held}
    total = sum(weights.terms.values())
    gained = sum(weights.terms[t] for t in held)
    said = sum(w for t, w in weights.terms.items() if t not in weights.named)
    return replace(
        unit,
        coverage=unit.coverage + gained / total if total else unit.coverage,
        predicate=unit.predicate + gained / said if said else unit.predicate,
        missing=tuple(w for w in unit.missing if w.lower() not in words),
        unsaid_actions=tuple(w for w in unit.unsaid_actions if w.lower() not in words),
    )
