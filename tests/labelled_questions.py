"""A labelled set of questions about dates and time, written from the records by hand.

Each question is labelled with what a careful reader of the records would say:
`answered` when the records state it (with substrings, one of which the first cited
quote must hold, and optionally the document that quote should come from and the date
a "when" answer must lead with), `not_found` when they do not (another period than
the one asked, a period the records do not reach, or something never mentioned).
`corpus` is the index asked: "reference" (../shared/corpus, the two real statements)
or "samples" (the reference statements plus samples/, the project's own records).
`form` names the kind of time expression the question uses, so the set can be checked
to cover them all.

The questions live in `data/labelled_questions.jsonl`, one JSON object a line. The labels are
the truth from the records, not what the assistant happens to say, so
any misses are real. Notes in `why` give the sentence that answers (or the reason
nothing does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Corpus = Literal["reference", "samples"]
Status = Literal["answered", "not_found"]
Form = Literal[
    "in_month",
    "in_year",
    "between",
    "before",
    "after",
    "since",
    "as_of",
    "latest",
    "when",
    "uncovered",
]

PLEDGE = "000_dacb6d7e4608512c"  # press release "Better child protection pledge", 27 July 2010
SENTENCING = "001_531fd4b695795cd4"  # news statement after sentencing, 12 March 2010


@dataclass(frozen=True)
class LabelledQuestion:
    """A question, the corpus it is asked of, its true status and what must be cited."""

    question: str
    corpus: Corpus
    form: Form
    expected: Status
    accept: tuple[str, ...] = ()  # one of these must be in the first citation's quote
    document: str | None = None  # the first citation's document, when it matters
    starts: tuple[str, ...] = ()  # a "when" answer must begin with one of these dates
    why: str = ""


DATA = Path(__file__).with_name("data") / "labelled_questions.jsonl"


def _read(line: str) -> LabelledQuestion:
    """One labelled question from its JSON line (lists become tuples)."""
    fields = json.loads(line)
    return LabelledQuestion(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    )


QUESTIONS: tuple[LabelledQuestion, ...] = tuple(
    _read(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()
)
