"""GET /v1/recommendations: the register rows over HTTP, filtered by status, readers only."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from assistant.access import KeyStore
from assistant.engine import Assistant
from assistant.settings import Settings
from index import Embedder

from .conftest import ClientFactory, assert_error, bearer

REGISTER = (
    "ref,kind,text,owner,status,due,as_of\n"
    "R1,scr_recommendation,Appoint a lead.,Head of Education,Implemented,2010-02-28,2010-03-01\n"
    "R2,scr_recommendation,Train staff.,Training Manager,In progress,2010-09-30,2010-03-01\n"
    "R3,scr_recommendation,Review the referral form.,,not started,,2010-03-01\n"
)


def _ingest_register(home: Path, embedder: Embedder, folder: Path) -> None:
    folder.mkdir()
    (folder / "register.csv").write_text(REGISTER, encoding="utf-8")
    assistant = Assistant(Settings(home=home), embedder=embedder)
    try:
        assert not assistant.ingest([folder]).failures
    finally:
        assistant.close()


def test_list_and_filter(
    home: Path, embedder: Embedder, tmp_path: Path, make_client: ClientFactory
) -> None:
    _ingest_register(home, embedder, tmp_path / "reg")
    client = make_client()

    body = client.get("/v1/recommendations").json()
    assert body["count"] == 3 and [r["ref"] for r in body["recommendations"]] == ["R1", "R2", "R3"]
    first = body["recommendations"][0]
    assert first["status"] == "implemented" and first["owner"] == "Head of Education"
    assert first["due"] == "2010-02-28" and first["row"] == 2
    assert first["history"] == [{"status": "implemented", "seen_at": "2010-03-01"}]
    assert first["document"]["kind"] == "scr_recommendation"

    open_rows = client.get("/v1/recommendations", params={"status": "open"}).json()
    assert [r["ref"] for r in open_rows["recommendations"]] == ["R2", "R3"]
    in_progress = client.get("/v1/recommendations", params={"status": "In progress"}).json()
    assert [r["ref"] for r in in_progress["recommendations"]] == ["R2"]

    assert_error(
        client.get("/v1/recommendations", params={"status": "bogus"}), 400, "invalid_query"
    )

    answer = client.post("/v1/ask", json={"question": "Which recommendations are still open?"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "answered"
    quotes = [c["quote"] for c in body["citations"]]
    assert quotes[:2] == ["Status: In progress", "Status: not started"]
    # the reference press release (10 of 12 implemented) disagrees with this register
    assert "they disagree" in body["answer"]
    assert any(q.startswith("Ten of these have already been fully implemented") for q in quotes)


def test_an_index_without_a_register_lists_nothing(client: TestClient) -> None:
    assert client.get("/v1/recommendations").json() == {"recommendations": [], "count": 0}


def test_a_reader_key_is_needed_once_keys_exist(client: TestClient, home: Path) -> None:
    keys = KeyStore(home)
    try:
        _, secret = keys.create("reader", "register-reader")
    finally:
        keys.close()
    assert_error(client.get("/v1/recommendations"), 401, "unauthorized")
    response = client.get("/v1/recommendations", headers=bearer(secret))
    assert response.status_code == 200 and response.json()["count"] == 0
