"""`assistant keys ...` and `assistant audit`: text, --json, one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.access import AuditEntry, AuditLog, KeyStore
from assistant.cli_access import audit, keys_app

runner = CliRunner()


def _app() -> typer.Typer:
    """The two surfaces registered the way assistant/cli.py registers them."""
    app = typer.Typer(add_completion=False, no_args_is_help=True)
    app.add_typer(keys_app, name="keys")
    app.command()(audit)
    return app


APP = _app()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(APP, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_create_prints_the_key_once_with_a_warning(assistant_home: Path) -> None:
    code, out, err = _run("keys", "create", "--role", "editor", "--name", "ci")
    assert code == 0
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("rk_") and "ci" in out
    assert "not be shown again" in err
    store = KeyStore(assistant_home)  # ASSISTANT_HOME is the default home
    info = store.verify(secret)
    assert info is not None and info.name == "ci" and info.role.value == "editor"
    store.close()

    code, out, _ = _run("keys", "list")
    assert code == 0 and "ci" in out and "editor" in out and "rk_" not in out


def test_json_create_list_revoke(tmp_path: Path) -> None:
    home = str(tmp_path / "elsewhere")
    code, out, _ = _run("keys", "create", "--role", "READER", "--home", home, "--json")
    assert code == 0
    created = json.loads(out)
    assert set(created) == {"id", "name", "role", "key", "created_at"}
    assert created["role"] == "reader" and created["name"] == f"reader-{created['id']}"

    code, out, _ = _run("keys", "list", "--home", home, "--json")
    (listed,) = json.loads(out)
    assert listed["id"] == created["id"] and listed["active"] is True
    assert created["key"] not in out

    code, out, _ = _run("keys", "revoke", created["id"], "--home", home, "--json")
    assert code == 0 and json.loads(out)["revoked_at"] is not None

    code, out, _ = _run("keys", "list", "--home", home)
    assert code == 0 and "revoked" in out


def test_errors_are_one_line_with_exit_code_2() -> None:
    _run("keys", "create", "--role", "reader", "--name", "twice")
    code, out, err = _run("keys", "create", "--role", "admin", "--name", "twice")
    assert code == 2 and out == ""
    assert err.strip().startswith("error: ") and "twice" in err and len(err.splitlines()) == 1

    code, _, err = _run("keys", "revoke", "nobody")
    assert code == 2 and err.startswith("error: ") and len(err.splitlines()) == 1

    code, _, err = _run("audit", "--since", "yesterday-ish")
    assert code == 2 and err.startswith("error: ") and len(err.splitlines()) == 1

    code, _, err = _run("keys", "list", "--home", " ")
    assert code == 2 and err.startswith("error: invalid setting --home")


def test_bad_role_is_a_usage_error() -> None:
    code, _, _ = _run("keys", "create", "--role", "owner")
    assert code != 0


def test_empty_listings() -> None:
    assert "No API keys" in _run("keys", "list")[1]
    assert "No audit entries" in _run("audit")[1]
    assert json.loads(_run("audit", "--json")[1]) == []


@pytest.fixture
def recorded(assistant_home: Path) -> None:
    log = AuditLog(assistant_home)
    long_question = "What did the action plan say about " + "caseloads and supervision " * 8
    log.record(
        AuditEntry(
            endpoint="/ask",
            status="answered",
            key_name="ci",
            question=long_question,
            cited=["doc-1"],
            latency_ms=42.0,
            time="2024-05-01T10:00:00",
        )
    )
    log.record(AuditEntry(endpoint="/search", status="401", time="2024-05-02T10:00:00"))
    log.close()


@pytest.mark.usefixtures("recorded")
def test_audit_table_and_json() -> None:
    code, out, _ = _run("audit")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split()[:3] == ["TIME", "KEY", "ENDPOINT"]
    assert "/search" in lines[1] and "/ask" in lines[2]  # newest first
    assert "42 ms" in lines[2] and "…" in lines[2] and len(lines[2]) < 160

    code, out, _ = _run("audit", "--json", "--since", "2024-05-01", "--limit", "1")
    (entry,) = json.loads(out)
    assert entry["endpoint"] == "/search" and entry["status"] == "401"

    code, out, _ = _run("audit", "--json", "--since", "2024-05-02T00:00:01")
    assert [e["endpoint"] for e in json.loads(out)] == ["/search"]
    code, out, _ = _run("audit", "--json", "--since", "2024-05-01")
    assert json.loads(out)[1]["cited"] == ["doc-1"]
