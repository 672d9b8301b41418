"""Labelled questions about dates and time: accuracy, verbatim quotes, the timeline."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest

from assistant.answer.models import Answer
from assistant.engine import Assistant
from index import Embedder, Filters

from .conftest import SAMPLES, open_assistant
from .labelled_questions import QUESTIONS, Form, LabelledQuestion

MIN_ACCURACY = 0.85  # the target is 0.9; below 0.85 the test fails
MIN_TIMELINE = 0.9

# Events the reference timeline must hold: (label, a substring of one of its statements).
TIMELINE_EVENTS = (
    ("December 2008", "inadequate"),  # Ofsted judgement
    ("February 2009", "Improvement Notice"),
    ("July 2009", "good progress"),  # end of July 2009 ministerial review
    ("November 2009", "the Minister said"),  # ministerial review
    ("November 2009", "Duty & Assessment Services"),  # inspection
    ("December 2009", "LACES"),  # inspection
    ("January 2010", "fostering"),  # inspection
    ("October 2009", "made public"),  # scrutiny report
    ("September 2009", "Scrutiny Inquiry"),  # report completed
    ("December 2009", "vacancy rate"),
    ("February 2010", "vacancy rate"),
    ("April 2010", "vacancy rate"),
    ("June 2010 (approx.)", "Len Clark"),  # appointed "last month" (July 2010 release)
)


@pytest.fixture(scope="module")
def combined(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, corpus_dir: Path
) -> Iterator[Assistant]:
    """The reference statements and the project's sample records, ingested once."""
    assistant = open_assistant(tmp_path_factory.mktemp("reference-and-samples"), embedder)
    report = assistant.ingest([corpus_dir, SAMPLES])
    assert not report.failures, report.failures
    yield assistant
    assistant.close()


def assert_verbatim(assistant: Assistant, answer: Answer) -> None:
    """Every quote is the stored text of its document at its offsets."""
    for citation in answer.citations:
        e = citation.evidence
        assert assistant.store.text(e.document.id)[e.start : e.end] == e.quote, (
            answer.question,
            e.document.id,
            e.quote,
        )


def miss_reason(labelled: LabelledQuestion, answer: Answer) -> str | None:
    """Why the answer is wrong for its label, or None when it is right."""
    if answer.status != labelled.expected:
        return f"status {answer.status} ({answer.reason or answer.answer[:120]})"
    if labelled.expected == "not_found":
        return None
    first = answer.citations[0].evidence
    if not any(s in first.quote for s in labelled.accept):
        return f"first quote lacks {labelled.accept}: “{first.quote[:140]}”"
    if labelled.document and first.document.id != labelled.document:
        return f"first quote from {first.document.id}, not {labelled.document}"
    if labelled.starts and not answer.answer.startswith(labelled.starts):
        return f"answer does not lead with {labelled.starts}: “{answer.answer[:80]}”"
    return None


def test_the_set_is_well_formed() -> None:
    reference = [q for q in QUESTIONS if q.corpus == "reference"]
    samples = [q for q in QUESTIONS if q.corpus == "samples"]
    assert len(reference) >= 40 and len(samples) >= 10
    assert {q.form for q in QUESTIONS} == set(get_args(Form))
    for corpus in (reference, samples):
        statuses = Counter(q.expected for q in corpus)
        assert statuses["not_found"] >= len(corpus) // 4, statuses
        assert len({q.question for q in corpus}) == len(corpus)  # no repeats
    for q in QUESTIONS:
        assert bool(q.accept) == (q.expected == "answered"), q.question
        if q.form == "when" and q.expected == "answered":
            assert q.starts, q.question


def test_labelled_questions_accuracy_and_verbatim_quotes(
    reference: Assistant, combined: Assistant
) -> None:
    assistants = {"reference": reference, "samples": combined}
    misses: list[tuple[LabelledQuestion, str]] = []
    per_corpus: Counter[str] = Counter()
    per_form: Counter[str] = Counter()
    started = time.perf_counter()
    for labelled in QUESTIONS:
        assistant = assistants[labelled.corpus]
        answer = assistant.ask(labelled.question)
        assert_verbatim(assistant, answer)
        reason = miss_reason(labelled, answer)
        if reason is not None:
            misses.append((labelled, reason))
            per_corpus[labelled.corpus] += 1
            per_form[labelled.form] += 1
    elapsed = time.perf_counter() - started
    total = len(QUESTIONS)
    accuracy = 1 - len(misses) / total
    print(
        f"\nlabelled questions: accuracy {accuracy:.3f} ({total - len(misses)}/{total})"
        f" in {elapsed:.1f} s ({elapsed / total * 1000:.0f} ms a question)"
    )
    for corpus in ("reference", "samples"):
        n = sum(q.corpus == corpus for q in QUESTIONS)
        print(f"  {corpus}: {n - per_corpus[corpus]}/{n}")
    if per_form:
        print("  misses by form: " + ", ".join(f"{f} {n}" for f, n in per_form.most_common()))
    for labelled, reason in misses:
        print(
            f"  miss [{labelled.corpus}/{labelled.form}] expected {labelled.expected}:"
            f" {labelled.question}\n      {reason}\n      ({labelled.why})"
        )
    assert accuracy >= MIN_ACCURACY, f"accuracy {accuracy:.3f} < {MIN_ACCURACY}"


def test_not_found_answers_cite_nothing(reference: Assistant) -> None:
    for labelled in QUESTIONS:
        if labelled.corpus != "reference" or labelled.expected != "not_found":
            continue
        answer = reference.ask(labelled.question)
        if answer.status == "not_found":
            assert answer.citations == [], labelled.question
            assert answer.answer.startswith("The records do not say."), answer.answer


def test_timeline_holds_the_expected_events(reference: Assistant) -> None:
    events = reference.timeline(Filters())
    by_label: dict[str, list[str]] = {}
    for event in events:
        by_label.setdefault(event.label, []).append(event.statement)
        for report in event.reports:
            text = reference.store.text(report.document.id)
            assert text[report.start : report.end] == report.text
    missing = [
        (label, needle)
        for label, needle in TIMELINE_EVENTS
        if not any(needle in s for s in by_label.get(label, []))
    ]
    found = len(TIMELINE_EVENTS) - len(missing)
    fraction = found / len(TIMELINE_EVENTS)
    print(f"\ntimeline: {fraction:.3f} of expected events found ({found}/{len(TIMELINE_EVENTS)})")
    for label, needle in missing:
        print(f"  missing: {label} “{needle}” (labels: {sorted(by_label)})")
    assert fraction >= MIN_TIMELINE
    firsts = [e.first for e in events]
    assert firsts == sorted(firsts)
