"""A labelled set of claims for the fact-checker, written from the records by hand.

Each claim is labelled with the verdict a careful reader of the records would give:
`supported` when the records state it, `contradicted` when they state something else
about the same thing (another figure, date, person, grade, a part for the whole, the
opposite), `not_found` when they do not speak of it (or not of the detail claimed).
`corpus` is the index it is checked against: "reference" (../shared/corpus, the two
real statements) or "samples" (samples/, the project's own records of the same facts).

The claims live in `data/factcheck_claims.jsonl`, one JSON object a line. Some claims are
hard on purpose (marked HARD): the labels are the truth, not what the
checker happens to say, so the misses are real.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Corpus = Literal["reference", "samples"]
Verdict = Literal["supported", "contradicted", "not_found"]


@dataclass(frozen=True)
class Labelled:
    """A claim, the corpus it is checked against, its true verdict and why."""

    claim: str
    corpus: Corpus
    expected: Verdict
    why: str


DATA = Path(__file__).with_name("data") / "factcheck_claims.jsonl"

CLAIMS: tuple[Labelled, ...] = tuple(
    Labelled(**json.loads(line))
    for line in DATA.read_text(encoding="utf-8").splitlines()
    if line.strip()
)
