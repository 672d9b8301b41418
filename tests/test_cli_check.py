"""`assistant check`: a claim, a draft with its fact-check pack, --json, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import assistant.engine
from assistant.cli import app
from assistant.engine import Assistant
from index import Embedder

from .conftest import open_assistant

runner = CliRunner()
PLEDGE = "000_dacb6d7e4608512c"
DRAFT = (
    "All twelve SCR recommendations have been fully implemented. The Improvement Notice was"
    " issued in February 2009.\n\nThe council opened a new adoption centre in Coventry.\n"
)


@pytest.fixture(autouse=True)
def shared_model(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> None:
    """In-process commands reuse the session's real model instead of reloading it."""
    monkeypatch.setattr(assistant.engine, "Embedder", lambda model, **_: embedder)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, corpus_dir: Path) -> str:
    """The reference corpus ingested once for this module; the commands only read it."""
    folder = tmp_path_factory.mktemp("cli-check") / "home"
    indexed: Assistant = open_assistant(folder, embedder)
    try:
        assert not indexed.ingest([corpus_dir]).failures
    finally:
        indexed.close()
    return str(folder)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_claim_as_text(home: str) -> None:
    code, out, _ = _run(
        "check", "All twelve SCR recommendations have been fully implemented", "--home", home
    )
    assert code == 0
    assert out.startswith("CONTRADICTED: All twelve SCR recommendations")
    assert "10 of the 12" in out and "Sources:" in out and "[1] Better child protection" in out


def test_a_claim_as_json(home: str) -> None:
    code, out, _ = _run(
        "check", "The Improvement Notice was issued in February 2009", "--home", home, "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"claim", "verdict", "explanation", "citations", "generation"}
    assert data["verdict"] == "supported"
    citation = data["citations"][0]
    assert set(citation) == {"id", "quote", "start", "end", "page", "document"}
    assert set(citation["document"]) == {"id", "title", "kind", "date", "source", "attribution"}
    stored = Path(citation["document"]["source"]).read_text(encoding="utf-8")
    assert " ".join(citation["quote"].split()) in " ".join(stored.split())


def test_a_draft_with_a_report(home: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    report = tmp_path / "pack.md"
    code, out, _ = _run("check", "--file", str(draft), "--report", str(report), "--home", home)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["#", "VERDICT", "CLAIM"]
    assert lines[1].split()[:2] == ["1", "CONTRADICTED"]
    assert lines[2].split()[:2] == ["2", "SUPPORTED"]
    assert lines[3].split()[:3] == ["3", "NOT", "FOUND"]
    assert "1 supported, 1 contradicted, 1 not found · index generation 1" in out
    assert f"report written to {report}" in out
    pack = report.read_text(encoding="utf-8")
    assert pack.startswith("# Fact-check pack") and "Index generation: 1" in pack
    assert f"document `{PLEDGE}`" in pack and "## 3. Not found" in pack


def test_a_draft_as_json(home: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, _ = _run("check", "--file", str(draft), "--home", home, "--json")
    data = json.loads(out)
    assert code == 0
    assert [c["verdict"] for c in data["claims"]] == ["contradicted", "supported", "not_found"]
    assert data["report"].startswith("# Fact-check pack") and data["generation"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "error: give a claim or --file DRAFT (one of the two)"),
        (["a claim", "--file", "draft.txt"], "error: give a claim or --file DRAFT"),
        (["a claim", "--report", "pack.md"], "error: --report needs --file DRAFT"),
        (["--file", "no-such-draft.txt"], "error: no-such-draft.txt: "),
        (["   "], "error: the claim is empty"),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(
    home: str, args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run("check", *args, "--home", home)
    assert code == 2
    assert err.startswith(message) and len(err.strip().splitlines()) == 1
