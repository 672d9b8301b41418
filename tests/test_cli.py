"""The command line: every command, --json, one-line errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import assistant.engine
from assistant.cli import app
from index import Embedder

from .conftest import SAMPLES

runner = CliRunner()


@pytest.fixture(autouse=True)
def shared_model(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> None:
    """In-process commands reuse the session's real model instead of reloading it."""
    monkeypatch.setattr(assistant.engine, "Embedder", lambda model, **_: embedder)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_docs_search_ask_remove(corpus_dir: Path, tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    code, out, _ = _run("ingest", str(corpus_dir), "--home", home)
    assert code == 0 and out.strip().endswith("2 added, 0 updated, 0 unchanged, 0 failed")

    code, out, _ = _run("docs", "--home", home, "--json")
    docs = json.loads(out)
    assert code == 0 and {d["id"] for d in docs} == {"000_dacb6d7e4608512c", "001_531fd4b695795cd4"}
    assert set(docs[0]) >= {"id", "title", "kind", "date", "chunks", "source"}

    code, out, _ = _run("docs", "--home", home, "--since", "2010-07")
    assert code == 0 and "000_dacb6d7e4608512c" in out and "001_531" not in out

    code, out, _ = _run("search", "Lifford House", "--home", home, "--top", "3", "--json")
    hits = json.loads(out)["hits"]
    assert code == 0 and len(hits) <= 3 and "Lifford House" in hits[0]["text"]
    assert {"chunk_id", "document", "text", "start", "end", "score"} <= set(hits[0])

    code, out, _ = _run("ask", "When was the Improvement Notice issued?", "--home", home)
    assert code == 0 and "February 2009" in out and "[1]" in out and "Sources:" in out

    code, out, _ = _run("ask", "What was the vacancy rate in April 2010?", "--home", home, "--json")
    answer = json.loads(out)
    assert answer["status"] == "answered" and answer["citations"][0]["quote"]

    code, out, _ = _run("remove", "001_531fd4b695795cd4", "--home", home)
    assert code == 0
    code, out, _ = _run("docs", "--home", home, "--json")
    assert [d["id"] for d in json.loads(out)] == ["000_dacb6d7e4608512c"]


def test_failures_are_one_line_each_and_set_the_exit_code(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A good record\n\nThe panel met in May 2009.", "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    code, out, err = _run("ingest", str(folder), "--home", str(tmp_path / "home"))
    assert code == 1
    assert err.splitlines() == [f"failed: {folder / 'empty.txt'}: empty file"]
    assert out.strip().endswith("1 added, 0 updated, 0 unchanged, 1 failed")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["remove", "nope"], "error: no document with id 'nope'"),
        (["search", "x", "--since", "31/02/2010"], "error: since: "),
        (["search", "x", "--kind", "memo"], "error: unknown kind 'memo'"),
        (["search", "x", "--top", "500"], "error: top must be between 1 and 100"),
        (["ask", "   "], "error: the question is empty"),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(
    args: list[str], message: str, tmp_path: Path, corpus_dir: Path
) -> None:
    home = str(tmp_path / "home")
    _run("ingest", str(corpus_dir), "--home", home)
    code, _, err = _run(*args, "--home", home)
    assert code == 2
    assert err.startswith(message) and len(err.strip().splitlines()) == 1


def test_the_installed_command_answers_the_demo_questions(tmp_path: Path) -> None:
    """A real process, as `make demo` runs it, on the project's own samples."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "assistant.cli"]
    ingest = subprocess.run([*command, "ingest", str(SAMPLES)], env=env, capture_output=True)
    assert ingest.returncode == 0, ingest.stderr
    asked = subprocess.run(
        [*command, "ask", "--json", "What was the vacancy rate in April 2010?"],
        env=env,
        capture_output=True,
        text=True,
    )
    answer = json.loads(asked.stdout)
    assert answer["status"] == "answered"
    assert "15 per cent" in answer["citations"][0]["quote"]
    assert answer["citations"][0]["document"]["kind"] in {"action_plan_note", "press_release"}
