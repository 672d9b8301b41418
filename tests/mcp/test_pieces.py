"""The small parts of the MCP edge, without a model: the key gate, resource URIs, one-line
errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import anyio
import httpx
import pytest
from mcp.shared.uri_template import UriTemplate
from starlette.types import Receive, Scope, Send

from assistant.access import KeyStore
from assistant.mcp.auth import SCOPE_KEY, McpGate
from assistant.mcp.calls import FAILED, INDEX_DOWN, tool_error
from assistant.mcp.rendering import DOCUMENT_URI, document_uri
from assistant.mcp.server import fold_error
from assistant.service.ratelimit import RateLimiter
from index import DocumentNotFound, StoreError

from ..conftest import REPO


async def _echo_caller(scope: Scope, receive: Receive, send: Send) -> None:
    caller = scope[SCOPE_KEY]
    body = f"{caller.name} {caller.role}".encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _post(gate: McpGate, headers: dict[str, str]) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=gate)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.post("/mcp", headers=headers, json={})

    return anyio.run(send)


def test_the_gate_admits_keys_by_role_within_their_rate(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    _, secret = keys.create("reader", "desk")
    state = SimpleNamespace(keys=keys, limiter=RateLimiter(1))
    gate = McpGate(_echo_caller, lambda: state, open_when_keyless=True)

    admitted = _post(gate, {"Authorization": f"Bearer {secret}"})
    assert admitted.status_code == 200 and admitted.text == "desk reader"
    over = _post(gate, {"Authorization": f"Bearer {secret}"})
    assert over.status_code == 429 and over.headers["retry-after"]
    missing = _post(gate, {})
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"]["code"] == "unauthorized"
    wrong = _post(gate, {"Authorization": "Bearer rk_wrong"})
    assert wrong.json()["error"]["message"] == "unknown or revoked API key"


def test_the_gate_is_open_on_loopback_only_while_no_key_exists(tmp_path: Path) -> None:
    state = SimpleNamespace(keys=KeyStore(tmp_path), limiter=RateLimiter(100))
    open_gate = McpGate(_echo_caller, lambda: state, open_when_keyless=True)
    assert _post(open_gate, {}).text == "None admin"
    closed = McpGate(_echo_caller, lambda: state, open_when_keyless=False)
    assert _post(closed, {}).status_code == 401


@pytest.mark.parametrize("doc_id", ["000_dacb6d7e4608512c", "register.csv-R3", "a/b c", "ü"])
def test_document_uris_round_trip(doc_id: str) -> None:
    uri = document_uri(doc_id, 5, 9)
    assert UriTemplate.parse(DOCUMENT_URI).match(uri) == {
        "doc_id": doc_id,
        "start": "5",
        "end": "9",
    }


def test_errors_are_one_line_without_server_paths() -> None:
    assert str(tool_error(StoreError("no index in /srv/records: run ingest"))) == INDEX_DOWN
    assert str(tool_error(DocumentNotFound("x"))) == "no document with id 'x'"
    assert str(tool_error(RuntimeError("boom at /srv/x.py"))) == FAILED
    report = (
        "Error executing tool ask: 1 validation error for askArguments\nquestion\n"
        "  Field required [type=missing, input_value={}, input_type=dict]\n"
        "    For further information visit https://errors.pydantic.dev/2.14/v/missing"
    )
    folded = fold_error([{"type": "text", "text": report}])
    assert folded == "Error executing tool ask: invalid argument question: Field required"


def test_the_mcp_package_loads_no_model_and_no_fastapi() -> None:
    """`assistant mcp` starts fast: the model loads on the first question, FastAPI never."""
    code = "import sys, assistant.mcp; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout.split()
    assert not {m.split(".")[0] for m in loaded} & {"torch", "sentence_transformers", "fastapi"}


def test_public_names() -> None:
    import assistant.mcp

    assert sorted(assistant.mcp.__all__) == sorted(set(assistant.mcp.__all__))
    for name in assistant.mcp.__all__:
        assert getattr(assistant.mcp, name) is not None
