"""Dated events: relative phrases and ranges read at ingest, and the cited timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.engine import Assistant, make_filters
from assistant.service.app import create_app
from index import Embedder, Filters
from index.events import dated_spans

ANCHOR = "2010-07-27"  # the date of the July 2010 press release


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("issued an Improvement Notice in February 2009.", [("2009-02-01", "2009-02-28", False)]),
        ("By on 12/03/2010 in News", [("2010-03-12", "2010-03-12", False)]),
        ("judged inadequate (December 2008).", [("2008-12-01", "2008-12-31", False)]),
        ("between July 2008 – July 2009", [("2008-07-01", "2009-07-31", False)]),
        ("between July 2009 and April 2010", [("2009-07-01", "2010-04-30", False)]),
        ("was appointed Executive Member last month.", [("2010-06-01", "2010-06-30", True)]),
        ("was strengthened last year with the recruitment", [("2009-01-01", "2009-12-31", True)]),
        ("will now move by the end of the year", [("2010-12-01", "2010-12-31", True)]),
        ("instead of next spring.", [("2011-03-01", "2011-05-31", True)]),
        ("the death of Khyra Ishaq over 22 months ago.", [("2008-09-01", "2008-09-30", True)]),
        # a month without its year: the record's last such month, on or before its date
        (
            "following a monitoring visit in June, the inspector",
            [("2010-06-01", "2010-06-30", True)],
        ),
        ("a review by Ofsted last December", [("2009-12-01", "2009-12-31", True)]),
        ("a report published this morning rated", [("2010-07-27", "2010-07-27", True)]),
        ("The Minister wrote to the Council yesterday", [("2010-07-26", "2010-07-26", True)]),
        ("visited on 20 and 21 September", []),  # days without a year are not placed
        ("the council may decide", []),
    ],
)
def test_dated_spans(sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    spans = dated_spans(sentence, ANCHOR)
    assert [(s.first, s.last, s.approximate) for s in spans] == expected
    assert all(sentence[s.start : s.end] for s in spans)


def test_relative_phrases_need_a_document_date() -> None:
    assert dated_spans("He was appointed last month.", None) == []


def test_the_reference_timeline_holds_the_key_events(reference: Assistant) -> None:
    events = reference.timeline(Filters())
    by_label: dict[str, list[str]] = {}
    for event in events:
        by_label.setdefault(event.label, []).append(event.statement)
    assert any("inadequate" in s for s in by_label["December 2008"])
    assert any("Improvement Notice" in s for s in by_label["February 2009"])
    assert any("good progress" in s for s in by_label["July 2009"])
    for month in ("December 2009", "February 2010", "April 2010"):
        assert any("vacancy rate" in s for s in by_label[month])
    firsts = [e.first for e in events]
    assert firsts == sorted(firsts)


def test_every_timeline_quote_is_verbatim(reference: Assistant) -> None:
    for event in reference.timeline(Filters()):
        for citation in event.as_dict()["citations"]:  # type: ignore[attr-defined]
            text = reference.store.text(citation["document"]["id"])
            assert text[citation["start"] : citation["end"]] == citation["quote"]


def test_filters_and_about(reference: Assistant) -> None:
    in_2009 = reference.timeline(make_filters(None, "2009-01", "2009-12", True))
    assert in_2009 and all(e.first <= "2009-12-31" and e.last >= "2009-01-01" for e in in_2009)
    vacancies = reference.timeline(Filters(), about="vacancy rate")
    assert [e.label for e in vacancies] == ["December 2009", "February 2010", "April 2010"]
    assert reference.timeline(Filters(kind="scr_recommendation")) == []


def test_one_event_however_many_documents_report_it(
    fresh: Assistant, corpus_dir: Path, tmp_path: Path
) -> None:
    fresh.ingest([corpus_dir])
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "note.md").write_text(
        "---\ntitle: Note\nkind: action_plan_note\ndate: 2010-08-01\n---\n"
        "The Department for Children, Young People and Families issued an Improvement Notice"
        " to the council in February 2009.\n",
        encoding="utf-8",
    )
    fresh.ingest([tmp_path / "notes"])
    (notice,) = [
        e
        for e in fresh.timeline(Filters(), about="Improvement Notice")
        if e.label == "February 2009"
    ]
    assert {r.document.id for r in notice.reports} == {"001_531fd4b695795cd4", "note"}


def test_timeline_over_http(reference: Assistant, embedder: Embedder) -> None:
    with TestClient(create_app(reference.settings, embedder=embedder)) as client:
        response = client.get("/v1/timeline", params={"about": "vacancy rate"})
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 3 and body["events"][0]["citations"][0]["quote"]
        bad = client.get("/v1/timeline", params={"since": "31/02/2010"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_query"
