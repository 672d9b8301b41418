"""Documents over HTTP: list (paged, filtered), read in full, upload, delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import (
    NOTICE_Q,
    PLEDGE_ID,
    STATEMENT_ID,
    VACANCY_Q,
    ClientFactory,
    assert_error,
    assert_no_leak,
)

NEW_RECORD = b"""---
title: Quarterly assurance note
kind: action_plan_note
date: 2011-02-14
---
# Quarterly assurance note

The Lantern Review panel met on 9 February 2011 to examine the Zephyr pilot for
family support in Erdington. The panel found that the Zephyr pilot had reached
forty families in its first three months.
"""


def ids(page: dict[str, Any]) -> list[str]:
    return [d["id"] for d in page["documents"]]


def test_list_is_paged_by_date(client: TestClient) -> None:
    full = client.get("/v1/documents").json()
    assert full["total"] == 2 and full["page"] == 1 and full["per_page"] == 20
    assert ids(full) == [STATEMENT_ID, PLEDGE_ID]  # by date: March 2010, then July 2010
    first = full["documents"][0]
    assert first["title"] == "Statement following sentencing in Khyra Ishaq trial"
    assert first["kind"] == "press_release" and first["date"] == "2010-03-12"
    assert first["chunks"] >= 1
    pages = [
        client.get("/v1/documents", params={"per_page": 1, "page": n}).json() for n in (1, 2, 3)
    ]
    assert [ids(p) for p in pages] == [[STATEMENT_ID], [PLEDGE_ID], []]
    assert {p["total"] for p in pages} == {2} and {p["per_page"] for p in pages} == {1}
    assert_error(client.get("/v1/documents", params={"per_page": 101}), 422, "invalid_request")
    assert_error(client.get("/v1/documents", params={"page": 0}), 422, "invalid_request")


def test_list_filters_by_kind_and_date(client: TestClient) -> None:
    def listed(**params: str) -> list[str]:
        response = client.get("/v1/documents", params=params)
        assert response.status_code == 200, response.text
        return ids(response.json())

    assert listed(kind="press_release") == [STATEMENT_ID, PLEDGE_ID]
    assert listed(kind="scr_recommendation") == []
    assert listed(since="2010-07") == [PLEDGE_ID]
    assert listed(until="31/03/2010") == [STATEMENT_ID]  # UK day-first
    assert listed(since="2010-03-12", until="2010-03-12") == [STATEMENT_ID]
    assert_error(client.get("/v1/documents", params={"kind": "memo"}), 422)
    bad = client.get("/v1/documents", params={"since": "31/02/2010"})
    assert "31/02/2010" in assert_error(bad, 400, "invalid_query")["message"]


def test_get_document_has_metadata_and_the_text_quotes_point_into(client: TestClient) -> None:
    for question in (NOTICE_Q, VACANCY_Q):
        answer = client.post("/v1/ask", json={"question": question}).json()
        assert answer["citations"], answer
        for citation in answer["citations"]:
            doc_id = citation["document"]["id"]
            response = client.get(f"/v1/documents/{doc_id}")
            assert response.status_code == 200
            body = response.json()
            assert body["document"]["id"] == doc_id and body["document"]["chunks"] >= 1
            assert body["document"]["title"] == citation["document"]["title"]
            assert body["text"][citation["start"] : citation["end"]] == citation["quote"]
    assert_error(client.get("/v1/documents/no-such-doc"), 404, "document_not_found")


def test_upload_one_file_is_ingested_and_answerable(client: TestClient, home: Path) -> None:
    before = client.get("/ready").json()
    files = [("files", ("assurance.md", NEW_RECORD, "text/markdown"))]
    response = client.post("/v1/documents", files=files)
    assert response.status_code == 200, response.text
    report = response.json()
    assert len(report["added"]) == 1 and report["failed"] == [] and report["updated"] == []
    (doc_id,) = report["added"]
    after = client.get("/ready").json()
    assert after["documents"] == before["documents"] + 1
    assert after["generation"] > before["generation"]
    doc = client.get(f"/v1/documents/{doc_id}").json()
    assert doc["document"]["title"] == "Quarterly assurance note"
    assert doc["document"]["kind"] == "action_plan_note" and doc["document"]["date"] == "2011-02-14"
    assert "Zephyr pilot" in doc["text"]
    assert Path(doc["document"]["source"]).is_relative_to(home / "uploads")
    hits = client.post("/v1/search", json={"query": "Zephyr pilot", "top_k": 3}).json()["hits"]
    assert hits[0]["document"]["id"] == doc_id
    answer = client.post("/v1/ask", json={"question": "When did the Lantern Review panel meet?"})
    assert answer.json()["status"] == "answered", answer.json()
    assert answer.json()["citations"][0]["document"]["id"] == doc_id
    again = client.post("/v1/documents", files=files).json()
    assert again["unchanged"] == [doc_id] and again["added"] == []


def test_upload_several_files_and_failures_name_the_uploaded_file(
    client: TestClient, home: Path
) -> None:
    files = [
        ("files", ("assurance.md", NEW_RECORD, "text/markdown")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("binary.txt", bytes(range(256)) * 8, "application/octet-stream")),
        ("files", ("broken.pdf", b"%PDF-1.4 this is not a pdf", "application/pdf")),
        ("files", ("note.txt", b"Panel note\n\nThe panel met in May 2009 in Aston.", "text/plain")),
    ]
    response = client.post("/v1/documents", files=files)
    assert response.status_code == 200, response.text
    report = response.json()
    assert len(report["added"]) == 2
    failed = {f["source"]: f["reason"] for f in report["failed"]}
    assert set(failed) == {"empty.txt", "binary.txt", "broken.pdf"}
    assert failed["empty.txt"] == "empty file"
    assert "binary" in failed["binary.txt"]
    assert "PDF" in failed["broken.pdf"]
    assert_no_leak(response.text)
    assert str(home) not in response.text and "uploads" not in response.text


def test_upload_file_names_cannot_escape_the_uploads_folder(client: TestClient, home: Path) -> None:
    files = [
        ("files", ("../../escape.txt", b"Escape note\n\nThe panel met in 2009.", "text/plain"))
    ]
    response = client.post("/v1/documents", files=files)
    assert response.status_code == 200, response.text
    (doc_id,) = response.json()["added"]
    source = Path(client.get(f"/v1/documents/{doc_id}").json()["document"]["source"])
    assert source.resolve().is_relative_to((home / "uploads").resolve())
    assert not (home.parent / "escape.txt").exists() and not (home / "escape.txt").exists()


def test_upload_of_an_unaccepted_type_is_415_and_ingests_nothing(client: TestClient) -> None:
    before = client.get("/ready").json()
    files = [
        ("files", ("note.txt", b"A note\n\nThe panel met in May 2009.", "text/plain")),
        ("files", ("tool.exe", b"MZ\x90\x00", "application/octet-stream")),
    ]
    error = assert_error(client.post("/v1/documents", files=files), 415, "unsupported_type")
    assert error["message"].startswith("tool.exe:") and ".exe" in error["message"]
    assert client.get("/ready").json() == before
    no_suffix = [("files", ("README", b"text", "text/plain"))]
    assert_error(client.post("/v1/documents", files=no_suffix), 415, "unsupported_type")


@pytest.mark.parametrize("size", [12_000, 200_000], ids=["over-file-limit", "over-body-limit"])
def test_upload_too_large_is_413(make_client: ClientFactory, size: int) -> None:
    client = make_client(max_upload_mb=0.01)  # 10 kB
    before = client.get("/ready").json()
    files = [("files", ("big.txt", b"word " * (size // 5), "text/plain"))]
    error = assert_error(client.post("/v1/documents", files=files), 413, "too_large")
    assert "big.txt" in error["message"] or "bytes" in error["message"]
    assert client.get("/ready").json() == before
    small = [("files", ("small.txt", b"Small note\n\nThe panel met in May 2009.", "text/plain"))]
    assert client.post("/v1/documents", files=small).status_code == 200


def test_upload_needs_files(client: TestClient) -> None:
    assert_error(client.post("/v1/documents"), 422, "invalid_request")
    assert_error(client.post("/v1/documents", data={"x": "1"}), 422, "invalid_request")


def test_delete_removes_the_document_and_its_passages(client: TestClient) -> None:
    before = client.get("/ready").json()
    response = client.delete(f"/v1/documents/{PLEDGE_ID}")
    assert response.status_code == 200 and response.json() == {"removed": PLEDGE_ID}
    after = client.get("/ready").json()
    assert after["documents"] == 1 and after["chunks"] < before["chunks"]
    assert after["generation"] > before["generation"]
    assert_error(client.get(f"/v1/documents/{PLEDGE_ID}"), 404, "document_not_found")
    assert ids(client.get("/v1/documents").json()) == [STATEMENT_ID]
    hits = client.post("/v1/search", json={"query": "Lifford House", "top_k": 100}).json()["hits"]
    assert all(h["document"]["id"] != PLEDGE_ID for h in hits)
    gone = client.post("/v1/ask", json={"question": VACANCY_Q}).json()
    assert gone["status"] == "not_found"
    assert_error(client.delete(f"/v1/documents/{PLEDGE_ID}"), 404, "document_not_found")


def test_reuploading_a_revised_file_updates_its_document(client: TestClient) -> None:
    first = b"# Panel note\n\nThe Lantern Review panel met in May 2009 in Aston."
    revised = b"# Panel note\n\nThe Lantern Review panel met in June 2009 in Aston."
    added = client.post("/v1/documents", files=[("files", ("panel.md", first, "text/plain"))])
    (doc_id,) = added.json()["added"]
    again = client.post("/v1/documents", files=[("files", ("panel.md", revised, "text/plain"))])
    assert again.json()["updated"] == [doc_id] and again.json()["added"] == []
    assert client.get("/ready").json()["documents"] == 3
    assert "June 2009" in client.get(f"/v1/documents/{doc_id}").json()["text"]


def test_a_record_id_with_a_slash_can_be_read_and_deleted(client: TestClient) -> None:
    line = b'{"id": "beir/1", "title": "T1", "text": "The Zephyr board met in May 2009 in Aston."}'
    added = client.post("/v1/documents", files=[("files", ("recs.jsonl", line, "text/plain"))])
    assert added.json()["added"] == ["beir/1"]
    found = client.post("/v1/search", json={"query": "Zephyr board met in Aston"}).json()
    assert found["hits"][0]["document"]["id"] == "beir/1"
    for path in ("/v1/documents/beir%2F1", "/v1/documents/beir/1"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.json()["document"]["id"] == "beir/1"
    assert client.delete("/v1/documents/beir%2F1").json() == {"removed": "beir/1"}
