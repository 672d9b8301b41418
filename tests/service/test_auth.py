"""Who may do what: open with no keys, then keys and roles; no open service off loopback."""

from __future__ import annotations

import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.access import KeyStore
from assistant.service.server import UnsafeBind, check_bind
from assistant.settings import Settings

from ..servers import CLI, REPO, LiveServer, free_port, subprocess_env
from .conftest import (
    NOTICE_Q,
    PLEDGE_ID,
    ClientFactory,
    Reply,
    assert_error,
    bearer,
    chat_messages,
)

ROLES = ("reader", "editor", "admin")


@dataclass(frozen=True)
class Call:
    """One request and the least role that may make it."""

    method: str
    path: str
    needs: str
    json: Any = None
    upload: bool = False

    def send(self, client: TestClient, headers: dict[str, str]) -> Reply:
        if self.upload:
            note = b"Auth note\n\nThe panel met in May 2009 in Aston."
            files = [("files", ("auth-note.txt", note, "text/plain"))]
            return client.post(self.path, files=files, headers=headers)
        return client.request(self.method, self.path, json=self.json, headers=headers)


CALLS = [
    Call("GET", "/v1/models", "reader"),
    Call("POST", "/v1/ask", "reader", {"question": NOTICE_Q}),
    Call("POST", "/v1/search", "reader", {"query": "vacancy rate"}),
    Call("POST", "/v1/chat", "reader", {"messages": chat_messages(NOTICE_Q)}),
    Call("POST", "/v1/chat/completions", "reader", {"messages": chat_messages(NOTICE_Q)}),
    Call("GET", "/v1/documents", "reader"),
    Call("GET", f"/v1/documents/{PLEDGE_ID}", "reader"),
    Call("GET", "/v1/answers/{answer_id}", "reader"),
    Call("POST", "/v1/documents", "editor", upload=True),
    Call("DELETE", "/v1/documents/no-such-doc", "editor"),  # 404 once the role is allowed
    Call("GET", "/v1/audit", "admin"),
    Call("GET", "/v1/keys", "admin"),
    Call("POST", "/v1/keys", "admin", {"role": "reader"}),
    Call("DELETE", "/v1/keys/no-such-key", "admin"),  # 404 once the role is allowed
]


@pytest.fixture
def keyed(client: TestClient, home: Path) -> tuple[TestClient, dict[str, str], str]:
    """The app with a key of each role (secrets by role) and a revoked key; an answer id."""
    answer_id = client.post("/v1/ask", json={"question": NOTICE_Q}).json()["answer_id"]
    keys = KeyStore(home)
    try:
        secrets = {role: keys.create(role, f"{role}-key")[1] for role in ROLES}
        _, revoked = keys.create("admin", "old-admin")
        keys.revoke("old-admin")
    finally:
        keys.close()
    return client, {**secrets, "revoked": revoked}, answer_id


def test_with_no_keys_the_service_is_open(client: TestClient) -> None:
    answer_id = client.post("/v1/ask", json={"question": NOTICE_Q}).json()["answer_id"]
    for call in CALLS:
        if call.path == "/v1/keys" and call.method == "POST":
            continue  # the first key closes the open service: last, below
        path = call.path.format(answer_id=answer_id)
        response = Call(call.method, path, call.needs, call.json, call.upload).send(client, {})
        assert response.status_code in (200, 404), (call, response.text)
    bogus = client.post("/v1/search", json={"query": "x"}, headers=bearer("rk_not-a-key"))
    assert bogus.status_code == 200  # open mode ignores whatever key is sent
    first = client.post("/v1/keys", json={"role": "admin", "name": "first"})
    assert first.status_code == 200
    assert_error(client.get("/v1/models"), 401, "unauthorized")
    assert client.get("/v1/models", headers=bearer(first.json()["key"])).status_code == 200


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.method} {c.path}")
def test_every_v1_call_needs_a_valid_key_and_the_role(
    keyed: tuple[TestClient, dict[str, str], str], call: Call
) -> None:
    client, secrets, answer_id = keyed
    call = Call(
        call.method, call.path.format(answer_id=answer_id), call.needs, call.json, call.upload
    )
    rejected = {
        "none": {},
        "wrong": bearer("rk_" + "x" * 32),
        "not ours": bearer("sk-some-other-service"),
        "revoked": bearer(secrets["revoked"]),
        "basic": {"Authorization": f"Basic {secrets['admin']}"},
        "empty": {"Authorization": "Bearer "},
    }
    for label, headers in rejected.items():
        response = call.send(client, headers)
        error = assert_error(response, 401, "unauthorized")
        assert response.headers.get("www-authenticate") == "Bearer", label
        assert secrets["revoked"] not in error["message"]
    for role in ROLES:
        response = call.send(client, bearer(secrets[role]))
        if ROLES.index(role) < ROLES.index(call.needs):
            message = assert_error(response, 403, "forbidden")["message"]
            assert call.needs in message, message
        else:
            assert response.status_code in (200, 404), (role, response.text)
            if response.status_code == 404:
                assert call.method == "DELETE", response.text


def test_health_and_ready_need_no_key(keyed: tuple[TestClient, dict[str, str], str]) -> None:
    client, _, _ = keyed
    assert client.get("/health").status_code == 200
    assert client.get("/ready").json()["status"] == "ready"
    assert client.get("/v1/models").status_code == 401


def test_the_scheme_is_case_insensitive(keyed: tuple[TestClient, dict[str, str], str]) -> None:
    client, secrets, _ = keyed
    headers = {"Authorization": f"bearer {secrets['reader']}"}
    assert client.get("/v1/models", headers=headers).status_code == 200


def test_editor_uploads_and_deletes_reader_cannot(
    keyed: tuple[TestClient, dict[str, str], str],
) -> None:
    client, secrets, _ = keyed
    note = [("files", ("editor-note.txt", b"Editor note\n\nThe panel met in 2009.", "text/plain"))]
    refused = client.post("/v1/documents", files=note, headers=bearer(secrets["reader"]))
    assert_error(refused, 403, "forbidden")
    added = client.post("/v1/documents", files=note, headers=bearer(secrets["editor"]))
    (doc_id,) = added.json()["added"]
    assert_error(client.delete(f"/v1/documents/{doc_id}", headers=bearer(secrets["reader"])), 403)
    removed = client.delete(f"/v1/documents/{doc_id}", headers=bearer(secrets["editor"]))
    assert removed.json() == {"removed": doc_id}


def test_admin_manages_keys_over_http(keyed: tuple[TestClient, dict[str, str], str]) -> None:
    client, secrets, _ = keyed
    admin = bearer(secrets["admin"])
    made = client.post("/v1/keys", json={"role": "reader", "name": "press-office"}, headers=admin)
    assert made.status_code == 200 and made.json()["key"].startswith("rk_")
    new = bearer(made.json()["key"])
    assert client.get("/v1/models", headers=new).status_code == 200
    listed = client.get("/v1/keys", headers=admin)
    names = {k["name"]: k for k in listed.json()["keys"]}
    assert {"reader-key", "editor-key", "admin-key", "old-admin", "press-office"} <= set(names)
    assert names["old-admin"]["revoked_at"] is not None
    for secret in (*secrets.values(), made.json()["key"]):
        assert secret not in listed.text
    assert "hash" not in listed.text
    duplicate = client.post(
        "/v1/keys", json={"role": "reader", "name": "press-office"}, headers=admin
    )
    assert_error(duplicate, 400)
    revoked = client.delete("/v1/keys/press-office", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert_error(client.get("/v1/models", headers=new), 401, "unauthorized")


def test_check_bind_refuses_an_open_service_off_loopback(home: Path) -> None:
    settings = Settings(home=home)
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        check_bind(host, settings)
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org"):
        with pytest.raises(UnsafeBind) as refused:
            check_bind(host, settings)
        message = str(refused.value)
        assert message.startswith(f"refusing to serve on {host}")
        assert "assistant keys create --role admin" in message
    keys = KeyStore(home)
    info, _ = keys.create("admin")
    check_bind("0.0.0.0", settings)
    keys.revoke(info.id)
    keys.close()
    with pytest.raises(UnsafeBind):
        check_bind("0.0.0.0", settings)


def test_serve_off_loopback_with_no_keys_exits_before_binding(home: Path) -> None:
    port = free_port()
    result = subprocess.run(
        [*CLI, "serve", "--home", str(home), "--host", "0.0.0.0", "--port", str(port)],
        cwd=REPO,
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: refusing "), result.stderr
    assert "assistant keys create" in lines[0]
    assert "Uvicorn running" not in result.stderr + result.stdout
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:  # nobody kept the port
        sock.bind(("0.0.0.0", port))


def test_a_real_server_enforces_keys(live_server: LiveServer) -> None:
    """Keys made while the server runs take effect at once; revoking them reopens it."""
    keys = KeyStore(live_server.home)
    made = []
    try:
        reader, reader_secret = keys.create("reader", "live-reader")
        made.append(reader.id)
        with httpx.Client(base_url=live_server.url, timeout=30) as http:
            assert http.get("/health").status_code == 200
            assert http.get("/ready").status_code == 200
            assert_error(http.post("/v1/search", json={"query": "Task Force"}), 401, "unauthorized")
            wrong = http.post("/v1/search", json={"query": "x"}, headers=bearer("rk_wrong"))
            assert_error(wrong, 401, "unauthorized")
            ok = http.post(
                "/v1/search", json={"query": "Task Force"}, headers=bearer(reader_secret)
            )
            assert ok.status_code == 200 and ok.json()["hits"]
            assert_error(http.get("/v1/audit", headers=bearer(reader_secret)), 403, "forbidden")
            other, _ = keys.create("admin", "live-admin")
            made.append(other.id)
            keys.revoke(reader.id)
            gone = http.post("/v1/search", json={"query": "x"}, headers=bearer(reader_secret))
            assert_error(gone, 401, "unauthorized")
    finally:
        for key_id in made:
            keys.revoke(key_id)
        keys.close()
    assert httpx.get(f"{live_server.url}/v1/models", timeout=30).status_code == 200  # open again


def test_a_non_loopback_service_with_every_key_revoked_stays_closed(
    home: Path, make_client: ClientFactory
) -> None:
    keys = KeyStore(home)
    info, _ = keys.create("admin", "only")
    keys.revoke(info.id)
    keys.close()
    client = make_client(bind_host="0.0.0.0")
    assert_error(client.post("/v1/search", json={"query": "x"}), 401, "unauthorized")
