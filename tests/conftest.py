"""Shared fixtures: a private ASSISTANT_HOME per test, the real model loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.conversation import Resolution, Turn, resolve
from assistant.engine import Assistant
from assistant.settings import Settings
from index import Embedder

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLES = REPO / "samples"


@pytest.fixture(autouse=True)
def assistant_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own index folder, never the user's."""
    home = tmp_path / "assistant-home"
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    return home


@pytest.fixture(scope="session", autouse=True)
def encoder_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One int8 export per session, shared by every home and child process (not one each)."""
    folder = tmp_path_factory.mktemp("encoders")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSISTANT_ENCODER_CACHE", str(folder))
        yield folder


@pytest.fixture(scope="session")
def embedder(encoder_cache: Path) -> Embedder:
    """The real all-MiniLM-L6-v2, from the installed package, loaded once per session."""
    return Embedder(cache_dir=encoder_cache)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The two reference statements; skipped (with the reason) when ../shared is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"reference corpus not found at {CORPUS} (../shared is absent)")
    return CORPUS


def open_assistant(home: Path, embedder: Embedder) -> Assistant:
    """An Assistant on `home` sharing the session's model."""
    return Assistant(Settings(home=home), embedder=embedder)


def page_assistant(
    factory: pytest.TempPathFactory, embedder: Embedder, name: str, text: str
) -> Assistant:
    """An Assistant over one page written for a test, ingested into a fresh home."""
    folder = factory.mktemp(f"{Path(name).stem}-page")
    (folder / name).write_text(text, encoding="utf-8")
    assistant = open_assistant(factory.mktemp(f"{Path(name).stem}-home"), embedder)
    report = assistant.ingest([folder])
    assert not report.failures, report.failures
    return assistant


@pytest.fixture(scope="session")
def reference(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, corpus_dir: Path
) -> Iterator[Assistant]:
    """The reference corpus ingested once, shared read-only by the answer tests."""
    assistant = open_assistant(tmp_path_factory.mktemp("reference"), embedder)
    report = assistant.ingest([corpus_dir])
    assert not report.failures, report.failures
    yield assistant
    assistant.close()


@pytest.fixture(scope="session")
def reference_home(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, corpus_dir: Path
) -> Path:
    """The reference corpus ingested once into a folder that HTTP tests copy, never change."""
    home = tmp_path_factory.mktemp("reference-home") / "home"
    assistant = Assistant(Settings(home=home), embedder=embedder, create=True)
    try:
        report = assistant.ingest([corpus_dir])
    finally:
        assistant.close()
    assert not report.failures, report.failures
    return home


@pytest.fixture
def fresh(assistant_home: Path, embedder: Embedder) -> Iterator[Assistant]:
    """An empty Assistant in this test's own home."""
    assistant = open_assistant(assistant_home, embedder)
    yield assistant
    assistant.close()


def add_pages(assistant: Assistant, factory: pytest.TempPathFactory, pages: dict[str, str]) -> None:
    """More pages written for a test, ingested beside the first (so a name is rare)."""
    folder = factory.mktemp("more-pages")
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert not assistant.ingest([folder]).failures


def chat(*turns: tuple[str, str]) -> Resolution:
    """Resolve a conversation of (role, text) turns, as /v1/chat does."""
    return resolve([Turn("user" if role == "user" else "assistant", text) for role, text in turns])
