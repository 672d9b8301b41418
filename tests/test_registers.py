"""Registers: CSV rows as structured records with a value history, and the status
questions answered from them, every quote verbatim and cited to its row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import assistant.engine
from assistant.answer.models import Answer
from assistant.answer.question import analyse
from assistant.cli import app
from assistant.engine import Assistant
from assistant.errors import InvalidQuery
from assistant.registers import classify, normalise_status, status_filter
from index import Embedder

from .conftest import SAMPLES

HEADER = "ref,kind,text,owner,status,due,completed,evidence,as_of\n"
MARCH = (
    HEADER
    + "R1,scr_recommendation,Appoint a lead for missing-from-education checks.,"
    + "Head of Education,Implemented,2010-02-28,2010-02-20,Lead appointed,2010-03-01\n"
    + "R2,scr_recommendation,Train staff on home-education visits.,"
    + "Training Manager,In progress,2010-09-30,,,2010-03-01\n"
    + "R3,scr_recommendation,Audit referrals from schools.,Audit Team,implemented,"
    + "2010-01-31,,Audit report,2010-03-01\n"
    + "R4,scr_recommendation,Review the multi-agency referral form.,,Not started,"
    + "2011-03-31,,,2010-03-01\n"
)
JUNE = MARCH.replace(
    "Training Manager,In progress,2010-09-30,,,2010-03-01",
    "Training Manager,implemented,2010-09-30,,Training log,2010-06-01",
).replace(",2010-03-01\n", ",2010-06-01\n")
RELEASE = """---
title: Council update on the review's recommendations
kind: press_release
date: 2010-07-27
---

# Council update on the review's recommendations

The council said on 27 July 2010 that 3 of the 4 recommendations had been fully implemented.
"""

runner = CliRunner()


@pytest.fixture(autouse=True)
def shared_model(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> None:
    """In-process commands reuse the session's real model instead of reloading it."""
    monkeypatch.setattr(assistant.engine, "Embedder", lambda model, **_: embedder)


def _register(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scr-register.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _verbatim(fresh: Assistant, answer: Answer) -> None:
    """Every citation's quote is the stored text at its offsets, and every marker is used."""
    assert answer.citations
    for citation in answer.citations:
        evidence = citation.evidence
        stored = fresh.store.text(evidence.document.id)
        assert stored[evidence.start : evidence.end] == evidence.quote
        assert f"[{citation.id}]" in answer.answer


def _cited_rows(answer: Answer) -> set[str]:
    return {c.evidence.document.id for c in answer.citations}


def test_status_spellings_normalise() -> None:
    assert normalise_status("In progress") == "in_progress"
    assert normalise_status(" in-progress ") == "in_progress"
    assert normalise_status("Not Started") == "not_started"
    assert normalise_status("Complete") == "implemented"
    assert normalise_status("Superseded") == "superseded"
    assert status_filter("open") == ("in_progress", "not_started")
    with pytest.raises(InvalidQuery):
        status_filter("bogus")


@pytest.mark.parametrize(
    "question",
    [
        "How many recommendations are implemented?",
        "Which recommendations are still outstanding?",
        "What is due before December 2010?",
        "When was R3 implemented?",
        "What was still open in March 2010?",
        "how many are implemented?",
    ],
)
def test_register_questions_are_recognised(question: str) -> None:
    assert classify(analyse(question)) is not None


@pytest.mark.parametrize(
    "question",
    [
        "When was the Improvement Notice issued?",
        "What was the vacancy rate in April 2010?",
        "How many further areas for improvement were implemented?",
        "Who chaired the Task Force?",
    ],
)
def test_other_questions_take_the_normal_path(question: str) -> None:
    assert classify(analyse(question)) is None


def test_rows_load_as_structured_records(fresh: Assistant, tmp_path: Path) -> None:
    report = fresh.ingest([_register(tmp_path / "reg", MARCH)])
    assert not report.failures and len(report.added) == 4
    rows = {r.ref: r for r in fresh.recommendations()}
    assert [rows[r].status for r in ("R1", "R2", "R3", "R4")] == [
        "implemented",
        "in_progress",
        "implemented",
        "not_started",
    ]
    r1 = rows["R1"]
    assert (r1.owner, r1.due, r1.completed, r1.evidence) == (
        "Head of Education",
        "2010-02-28",
        "2010-02-20",
        "Lead appointed",
    )
    assert r1.text == "Appoint a lead for missing-from-education checks."
    assert r1.row == 2 and rows["R4"].row == 5 and rows["R4"].owner is None
    assert [h.as_dict() for h in rows["R2"].history] == [
        {"status": "in_progress", "seen_at": "2010-03-01"}
    ]
    assert [r.ref for r in fresh.recommendations("open")] == ["R2", "R4"]


def test_how_many_implemented_and_which_outstanding(fresh: Assistant, tmp_path: Path) -> None:
    fresh.ingest([_register(tmp_path / "reg", MARCH)])

    answer = fresh.ask("How many recommendations are implemented?")
    assert answer.status == "answered"
    assert answer.answer.startswith("2 of the 4 recommendations in the register are implemented")
    assert {"scr-register-R1", "scr-register-R3"} <= _cited_rows(answer)
    quotes = {c.evidence.document.id: c.evidence.quote for c in answer.citations}
    assert quotes["scr-register-R1"] == "Status: Implemented"
    assert quotes["scr-register-R3"] == "Status: implemented"
    _verbatim(fresh, answer)

    answer = fresh.ask("Which recommendations are still outstanding?")
    assert answer.status == "answered"
    assert answer.answer.startswith("2 of the 4 recommendations in the register are still open")
    assert "R2 (in progress)" in answer.answer and "R4 (not started)" in answer.answer
    assert answer.citations[0].evidence.quote == "Status: In progress"
    assert answer.searched["register_rows"] == 4
    _verbatim(fresh, answer)


def test_reingest_keeps_the_history(fresh: Assistant, tmp_path: Path) -> None:
    path = _register(tmp_path / "reg", MARCH)
    fresh.ingest([path])
    path.write_text(JUNE, encoding="utf-8")
    report = fresh.ingest([path])
    assert len(report.updated) == 4 and not report.added

    r2 = next(r for r in fresh.recommendations() if r.ref == "R2")
    assert r2.status == "implemented"
    assert [h.as_dict() for h in r2.history] == [
        {"status": "in_progress", "seen_at": "2010-03-01"},
        {"status": "implemented", "seen_at": "2010-06-01"},
    ]
    fresh.ingest([path])  # unchanged: no new history
    assert len(next(r for r in fresh.recommendations() if r.ref == "R2").history) == 2

    answer = fresh.ask("When was R2 implemented?")
    assert answer.status == "answered"
    assert "first records R2 as implemented as of 1 June 2010" in answer.answer
    assert "in progress as of 1 March 2010" in answer.answer
    assert [c.evidence.quote for c in answer.citations] == [
        "Status: implemented",
        "As of: 2010-06-01",
    ]
    _verbatim(fresh, answer)

    answer = fresh.ask("When was R1 implemented?")  # a completed date is given
    assert "R1 was completed on 20 February 2010" in answer.answer
    assert answer.citations[0].evidence.quote == "Completed: 2010-02-20"

    answer = fresh.ask("What was still open in March 2010?")
    assert answer.status == "answered"
    assert answer.answer.startswith(
        "2 of the 4 recommendations in the register were still open (in progress or not started)"
        " in March 2010"
    )
    assert "R2 (in progress as recorded as of 1 March 2010; now implemented)" in answer.answer
    assert "R4 (not started)" in answer.answer
    _verbatim(fresh, answer)

    answer = fresh.ask("Which recommendations are still outstanding?")
    assert answer.answer.startswith("1 of the 4 recommendations in the register is still open")

    answer = fresh.ask("What was still open in January 2010?")  # before the history begins
    assert answer.status == "not_found" and "history begins as of 1 March 2010" in answer.answer


def test_due_dates(fresh: Assistant, tmp_path: Path) -> None:
    fresh.ingest([_register(tmp_path / "reg", MARCH)])
    answer = fresh.ask("What is due before December 2010?")
    assert answer.status == "answered"
    assert answer.answer.startswith("3 of the 4 recommendations are due before December 2010")
    assert "R3 (due 31 January 2010, implemented)" in answer.answer
    assert "R4" not in answer.answer
    assert answer.citations[0].evidence.quote == "Due: 2010-01-31"
    _verbatim(fresh, answer)


def test_a_press_release_that_disagrees_is_said_and_cited(fresh: Assistant, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    _register(folder, MARCH)
    (folder / "update.md").write_text(RELEASE, encoding="utf-8")
    assert not fresh.ingest([folder]).failures

    answer = fresh.ask("How many recommendations are implemented?")
    assert answer.status == "answered"
    assert "The press release of 27 July 2010 says 3 of 4 were fully implemented" in answer.answer
    assert "they disagree" in answer.answer
    assert "2 implemented and 2 open of 4" in answer.answer
    kinds = {c.evidence.document.kind for c in answer.citations}
    assert kinds == {"scr_recommendation", "press_release"}
    release = next(c for c in answer.citations if c.evidence.document.kind == "press_release")
    assert release.evidence.quote.startswith("The council said on 27 July 2010 that 3 of the 4")
    _verbatim(fresh, answer)


def test_cli_lists_the_register(fresh: Assistant, tmp_path: Path) -> None:
    fresh.ingest([_register(tmp_path / "reg", MARCH)])
    home = str(fresh.settings.home)

    result = runner.invoke(app, ["recommendations", "--home", home])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["REF", "STATUS", "OWNER", "DUE", "COMPLETED", "TEXT"]
    assert len(lines) == 5 and lines[2].startswith("R2") and "in_progress" in lines[2]

    result = runner.invoke(
        app, ["recommendations", "--status", "In progress", "--json", "--home", home]
    )
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["ref"] for r in rows] == ["R2"]
    assert rows[0]["history"] == [{"status": "in_progress", "seen_at": "2010-03-01"}]
    assert rows[0]["document"]["id"] == "scr-register-R2" and rows[0]["row"] == 3

    result = runner.invoke(app, ["recommendations", "--status", "bogus", "--home", home])
    assert result.exit_code == 2 and result.stderr.startswith("error: unknown status")


def test_the_sample_register(fresh: Assistant) -> None:
    report = fresh.ingest([SAMPLES])
    assert not report.failures, report.failures
    rows = fresh.recommendations(kind="scr_recommendation")
    assert [r.ref for r in rows] == [f"R{n}" for n in range(1, 13)]
    assert sum(r.status == "implemented" for r in rows) == 10
    assert sum(r.status == "in_progress" for r in rows) == 2
    assert all(r.owner is None and r.due is None and r.completed is None for r in rows)
    assert all(r.record.field("derived") == "summary statement" for r in rows)
    assert all("27 July 2010" in (r.source or "") for r in rows)
    assert all("not stated" in (r.evidence or "") for r in rows)

    answer = fresh.ask("How many recommendations are implemented?")
    assert answer.answer.startswith("10 of the 12 recommendations in the register are implemented")
    assert "which agrees with the register" in answer.answer
    _verbatim(fresh, answer)

    answer = fresh.ask("What was the vacancy rate in April 2010?")  # not a register question
    assert answer.status == "answered" and "15 per cent" in answer.citations[0].evidence.quote


def test_without_register_rows_the_normal_path_answers(fresh: Assistant, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "update.md").write_text(RELEASE, encoding="utf-8")
    fresh.ingest([folder])
    answer = fresh.ask("How many recommendations are implemented?")
    assert "register_rows" not in answer.searched
