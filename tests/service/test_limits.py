"""Limits: request body size, question length, the rate limit; errors leak nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from assistant.access import KeyStore

from .conftest import (
    NOTICE_Q,
    ClientFactory,
    assert_error,
    assert_no_leak,
    bearer,
    chat_messages,
)


def test_json_body_over_the_limit_is_413(make_client: ClientFactory) -> None:
    client = make_client(max_request_kb=1)
    padded = {"question": NOTICE_Q, "filters": {"kind": None}, "pad": "x" * 2000}
    for path in ("/v1/ask", "/v1/search", "/v1/chat", "/v1/chat/completions"):
        error = assert_error(client.post(path, json=padded), 413, "too_large")
        assert "1024 bytes" in error["message"]
    ok = client.post("/v1/ask", json={"question": NOTICE_Q})
    assert ok.status_code == 200 and ok.json()["status"] == "answered"


def test_uploads_have_their_own_limit(make_client: ClientFactory) -> None:
    client = make_client(max_request_kb=1)  # 1 kB of JSON, but files up to 20 MB
    text = b"Long note\n\n" + b"The panel met in May 2009 to review the Zephyr pilot. " * 100
    response = client.post("/v1/documents", files=[("files", ("long.txt", text, "text/plain"))])
    assert response.status_code == 200, response.text
    assert len(response.json()["added"]) == 1


def _chunked(*parts: bytes) -> Iterator[bytes]:
    """A body sent without Content-Length (Transfer-Encoding: chunked)."""
    yield from parts


def test_chunked_json_body_over_the_limit_is_413(make_client: ClientFactory) -> None:
    client = make_client(max_request_kb=1)
    body = _chunked(b'{"question": "', b"a" * 3000, b'"}')
    response = client.post("/v1/ask", content=body, headers={"content-type": "application/json"})
    assert_error(response, 413, "too_large")


def test_chunked_upload_over_the_limit_is_413(make_client: ClientFactory) -> None:
    client = make_client(max_upload_mb=0.01)
    head = (
        b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n"
    )
    body = _chunked(head, *[b"word " * 2000] * 20, b"\r\n--b--\r\n")
    headers = {"content-type": "multipart/form-data; boundary=b"}
    assert_error(client.post("/v1/documents", content=body, headers=headers), 413, "too_large")


def test_chunked_body_within_the_limit_is_read(make_client: ClientFactory) -> None:
    client = make_client(max_request_kb=1)
    body = _chunked(b'{"question": "When was the Improvement ', b'Notice issued?"}')
    response = client.post("/v1/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200 and response.json()["status"] == "answered"


def test_question_over_max_question_chars_is_400(make_client: ClientFactory) -> None:
    client = make_client(max_question_chars=60)
    long = "What was the vacancy rate in the workforce of children's social care in April 2010?"
    assert len(long) > 60
    requests = [
        ("/v1/ask", {"question": long}),
        ("/v1/search", {"query": long}),
        ("/v1/chat", {"messages": chat_messages(long)}),
        ("/v1/chat/completions", {"messages": chat_messages(long)}),
    ]
    for path, body in requests:
        assert_error(client.post(path, json=body), 400, "invalid_query")
    short = client.post("/v1/ask", json={"question": "What was the vacancy rate in April 2010?"})
    assert short.status_code == 200 and short.json()["status"] == "answered"


def test_the_fourth_call_in_a_minute_is_429_with_retry_after(make_client: ClientFactory) -> None:
    client = make_client(rate_per_minute=3)
    calls = [
        lambda: client.post("/v1/search", json={"query": "vacancy rate"}),
        lambda: client.get("/v1/documents"),
        lambda: client.post("/v1/ask", json={"question": NOTICE_Q}),
    ]
    assert [call().status_code for call in calls] == [200, 200, 200]
    response = client.post("/v1/ask", json={"question": NOTICE_Q})
    error = assert_error(response, 429, "rate_limited")
    retry = response.headers["Retry-After"]
    assert retry.isdigit() and 1 <= int(retry) <= 60 and retry in error["message"]
    assert client.get("/health").status_code == 200  # health and readiness are not metered
    assert client.get("/ready").status_code == 200


def test_each_key_has_its_own_rate(make_client: ClientFactory, home: Path) -> None:
    keys = KeyStore(home)
    _, first = keys.create("reader", "first")
    _, second = keys.create("reader", "second")
    keys.close()
    client = make_client(rate_per_minute=2)
    search = {"query": "vacancy rate"}
    codes = [
        client.post("/v1/search", json=search, headers=bearer(first)).status_code for _ in "123"
    ]
    assert codes == [200, 200, 429]
    assert client.post("/v1/search", json=search, headers=bearer(second)).status_code == 200


def test_error_bodies_never_hold_a_traceback_or_a_server_path(
    make_client: ClientFactory,
) -> None:
    client = make_client(max_request_kb=2, max_upload_mb=0.01)
    responses = [
        client.get("/v1/documents/../../etc/passwd"),
        client.get("/v1/documents/nope"),
        client.delete("/v1/documents/nope"),
        client.get("/v1/answers/nope"),
        client.get("/v1/documents", params={"since": "yesterday"}),
        client.get("/v1/audit", params={"since": "not a date"}),
        client.post("/v1/ask", json={"question": ""}),
        client.post("/v1/ask", json={"question": "   "}),
        client.post("/v1/ask", json={"question": "x" * 1500}),
        client.post("/v1/ask", content=b"{broken", headers={"content-type": "application/json"}),
        client.post("/v1/ask", content=b"\xff\xfe", headers={"content-type": "application/json"}),
        client.post("/v1/ask", json={"question": "x" * 5000}),
        client.post("/v1/search", json={"query": '"unbalanced AND ('}),
        client.post("/v1/chat", json={"messages": [{"role": "system", "content": "hi"}]}),
        client.post("/v1/chat/completions", json={"model": "gpt", "messages": chat_messages("x")}),
        client.post("/v1/documents", files=[("files", ("a.exe", b"MZ", "x/y"))]),
        client.post("/v1/documents", files=[("files", ("a.txt", b"a" * 20_000, "text/plain"))]),
        client.post("/v1/keys", json={"role": "root"}),
        client.delete("/v1/keys/nope"),
        client.put("/v1/search"),
        client.get("/v2/nothing"),
    ]
    for response in responses:
        assert response.status_code < 500, response.text
        if response.status_code >= 400:
            assert_error(response, response.status_code)  # checks for leaks too
    assert sum(r.status_code >= 400 for r in responses) >= 19


def test_upload_failure_reasons_leak_no_server_path(client: TestClient) -> None:
    files = [
        ("files", ("empty.md", b"", "text/markdown")),
        ("files", ("bad-front-matter.md", b"---\ntitle: [unclosed\n---\nText.", "text/plain")),
        ("files", ("bad.docx", b"PK\x03\x04 not a zip", "application/octet-stream")),
        ("files", ("records.jsonl", b'{"id": "r1"}\nnot json\n', "application/json")),
        ("files", ("latin.txt", bytes(range(1, 32)) * 40, "text/plain")),
    ]
    response = client.post("/v1/documents", files=files)
    assert response.status_code == 200, response.text
    failed = response.json()["failed"]
    assert len(failed) >= 4
    for failure in failed:
        assert failure["source"].split(":")[0] in {name for _, (name, _, _) in files}
    assert_no_leak(response.text)
