"""POST /v1/check: a claim or a draft, verbatim citations, the pack, errors, the audit row."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.access import KeyStore

from .conftest import PLEDGE_ID, STATEMENT_ID, assert_error, assert_no_leak, bearer

CLAIM = "All twelve SCR recommendations have been fully implemented"
DRAFT = (
    "All twelve SCR recommendations have been fully implemented. The Improvement Notice was"
    " issued in February 2009. The council opened a new adoption centre in Coventry."
)


def _stored(client: TestClient, doc_id: str) -> str:
    response = client.get(f"/v1/documents/{doc_id}")
    assert response.status_code == 200
    text: str = response.json()["text"]
    return text


def test_a_claim(client: TestClient) -> None:
    response = client.post("/v1/check", json={"claim": CLAIM})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["claim"] == CLAIM and body["verdict"] == "contradicted"
    assert "10 of the 12" in body["explanation"]
    citation = body["citations"][0]
    assert set(citation) == {"id", "quote", "start", "end", "page", "document"}
    assert citation["document"]["id"] == PLEDGE_ID
    assert set(citation["document"]) >= {"id", "title", "kind", "date", "source", "attribution"}
    assert _stored(client, PLEDGE_ID)[citation["start"] : citation["end"]] == citation["quote"]
    assert isinstance(body["generation"], int) and body["answer_id"].startswith("ans_")
    receipt = client.get(f"/v1/answers/{body['answer_id']}").json()
    assert receipt["endpoint"] == "/v1/check" and receipt["answer"]["verdict"] == "contradicted"


def test_a_draft_with_its_fact_check_pack(client: TestClient) -> None:
    response = client.post("/v1/check", json={"text": DRAFT})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [c["verdict"] for c in body["claims"]] == ["contradicted", "supported", "not_found"]
    assert body["report"].startswith("# Fact-check pack")
    assert f"Index generation: {body['generation']}" in body["report"]
    assert body["summary"] == {"supported": 1, "contradicted": 1, "not_found": 1}
    supported = body["claims"][1]["citations"][0]
    assert supported["document"]["id"] == STATEMENT_ID
    text = _stored(client, STATEMENT_ID)
    assert text[supported["start"] : supported["end"]] == supported["quote"]


@pytest.mark.parametrize(
    "payload",
    [{}, {"claim": CLAIM, "text": DRAFT}, {"claim": ""}, {"claim": CLAIM, "extra": 1}],
)
def test_both_or_neither_or_bad_fields_are_422(client: TestClient, payload: dict) -> None:
    error = assert_error(client.post("/v1/check", json=payload), 422, "invalid_request")
    if len(payload) != 1:
        assert error["message"]


def test_an_empty_or_oversized_claim_is_400(client: TestClient) -> None:
    assert_error(client.post("/v1/check", json={"claim": "   "}), 400, "invalid_query")
    error = assert_error(client.post("/v1/check", json={"claim": "x" * 1001}), 400)
    assert "limit is 1000" in error["message"]
    assert_no_leak(error["message"])


def test_every_check_writes_an_audit_row(client: TestClient, home: Path) -> None:
    keys = KeyStore(home)
    _, reader = keys.create("reader", "press-office")
    _, admin = keys.create("admin", "records-admin")
    keys.close()
    single = client.post("/v1/check", json={"claim": CLAIM}, headers=bearer(reader)).json()
    draft = client.post("/v1/check", json={"text": DRAFT}, headers=bearer(reader)).json()
    client.post("/v1/check", json={"claim": "   "}, headers=bearer(reader))

    entries = client.get("/v1/audit", headers=bearer(admin)).json()["entries"]
    rows = [e for e in entries if e["endpoint"] == "/v1/check"]
    assert len(rows) == 3
    failed, drafted, claimed = rows  # newest first
    assert claimed["key_name"] == "press-office" and claimed["question"] == CLAIM
    assert claimed["status"] == "contradicted" and claimed["cited"] == [PLEDGE_ID]
    assert claimed["answer_id"] == single["answer_id"]
    assert claimed["generation"] == single["generation"] and claimed["latency_ms"] > 0
    assert drafted["status"] == "draft (1 supported, 1 contradicted, 1 not_found)"
    assert drafted["question"] == DRAFT and drafted["answer_id"] == draft["answer_id"]
    assert drafted["cited"] == sorted([PLEDGE_ID, STATEMENT_ID])
    assert failed["status"] == "error" and failed["answer_id"] is None


def test_a_key_is_needed_once_keys_exist(client: TestClient, home: Path) -> None:
    keys = KeyStore(home)
    keys.create("reader", "press-office")
    keys.close()
    assert_error(client.post("/v1/check", json={"claim": CLAIM}), 401, "unauthorized")
