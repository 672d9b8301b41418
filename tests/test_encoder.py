"""The int8 ONNX encoder: exported once and cached, close to torch, never mixed, torch-free."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.engine import Assistant
from assistant.settings import Settings
from index import Embedder, Store, StoreError, sentences_of
from index.embedder import resolve_model
from index.encoder_cache import INT8_FILE, model_key

from .conftest import REPO, SAMPLES

QUESTION = "What was the vacancy rate in April 2010?"
WORKFORCE = SAMPLES / "action-plan" / "2010-07-workforce-figures.md"


@pytest.fixture(scope="module")
def torch_embedder() -> Embedder:
    """The fp32 reference, loaded once for this module."""
    return Embedder(encoder="torch")


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """About twenty real sentences of the sample records, short and long."""
    found: list[str] = []
    for path in sorted(SAMPLES.rglob("*.md")):
        if path.name != "README.md":
            found += [s for s in sentences_of(path.read_text()) if len(s.split()) >= 5]
    assert len(found) >= 20
    return found[:: max(1, len(found) // 20)][:20]


def _built_by(embedder: Embedder, home: Path) -> Path:
    """The workforce register ingested into `home` by that encoder."""
    assistant = Assistant(Settings(home=home), embedder=embedder, create=True)
    try:
        assert not assistant.ingest([WORKFORCE]).failures
    finally:
        assistant.close()
    return home


@pytest.fixture(scope="module")
def torch_home(tmp_path_factory: pytest.TempPathFactory, torch_embedder: Embedder) -> Path:
    """An index built by the torch encoder."""
    return _built_by(torch_embedder, tmp_path_factory.mktemp("torch-home"))


@pytest.fixture(scope="module")
def int8_home(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """An index built by the session's int8 encoder (its export already cached)."""
    return _built_by(embedder, tmp_path_factory.mktemp("int8-home"))


def test_the_default_encoder_is_int8(embedder: Embedder) -> None:
    assert embedder.encoder == "onnx-int8" and embedder.dimension == 384
    assert Settings().embedder == "onnx-int8"


def test_export_is_cached_under_the_model_hash_and_reused(
    embedder: Embedder, encoder_cache: Path
) -> None:
    key = model_key(Path(resolve_model("all-MiniLM-L6-v2")))
    exported = encoder_cache / key / INT8_FILE
    assert exported.is_file()
    before = exported.stat().st_mtime_ns
    again = Embedder(cache_dir=encoder_cache)
    assert exported.stat().st_mtime_ns == before  # loaded, not exported a second time
    assert sorted(p.name for p in encoder_cache.iterdir()) == sorted([key, "keys"])
    assert [p.name for p in exported.parent.iterdir()] == [INT8_FILE]  # no work files left
    vectors = again.embed_batch(["Improvement Notice"])
    assert np.allclose(vectors, embedder.embed_batch(["Improvement Notice"]))


def test_settings_cache_the_export_beside_the_index_unless_told(tmp_path: Path) -> None:
    assert Settings(home=tmp_path, encoder_cache=None).encoder_cache_dir() == tmp_path / "encoders"
    other = tmp_path / "shared"
    assert Settings(home=tmp_path, encoder_cache=other).encoder_cache_dir() == other


def test_int8_vectors_are_close_to_torch(
    embedder: Embedder, torch_embedder: Embedder, sentences: list[str]
) -> None:
    int8, fp32 = embedder.embed_batch(sentences), torch_embedder.embed_batch(sentences)
    assert int8.dtype == np.float32 and int8.shape == fp32.shape == (len(sentences), 384)
    assert np.allclose(np.linalg.norm(int8, axis=1), 1, atol=1e-5)
    cosines = (int8 * fp32).sum(axis=1)
    assert cosines.mean() >= 0.98 and cosines.min() >= 0.97, cosines


def test_a_vector_does_not_depend_on_its_batch(embedder: Embedder, sentences: list[str]) -> None:
    together = embedder.embed_batch(sentences)
    alone = np.stack([embedder.embed_one(s) for s in sentences[:3]])
    assert np.allclose(together[:3], alone, atol=1e-6)


def test_an_index_refuses_a_second_encoder(torch_home: Path, embedder: Embedder) -> None:
    store = Store(torch_home)
    assert store.encoder == "torch"
    store.close()
    assistant = Assistant(Settings(home=torch_home), embedder=embedder)
    with pytest.raises(StoreError, match="built with the torch encoder, not onnx-int8") as caught:
        assistant.search("vacancy rate")
    assert "ASSISTANT_EMBEDDER=torch" in str(caught.value) and "--home" in str(caught.value)
    assistant.close()


def test_an_index_without_the_key_counts_as_torch(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    store.bind_model("all-MiniLM-L6-v2", 384, "onnx-int8")
    store.close()
    db = sqlite3.connect(tmp_path / "index.sqlite3")
    with db:
        db.execute("DELETE FROM meta WHERE key = 'encoder'")
    db.close()
    store = Store(tmp_path)
    assert store.encoder == "torch"
    with pytest.raises(StoreError, match="ASSISTANT_EMBEDDER=torch"):
        store.bind_model("all-MiniLM-L6-v2", 384, "onnx-int8")
    store.bind_model("all-MiniLM-L6-v2", 384, "torch")
    store.close()


NO_TORCH = """
import sys
from assistant.settings import Settings
from assistant.service.state import open_state
import assistant.cli, assistant.service.app
state = open_state(Settings())
print(state.current().ask(sys.argv[1]).status)
state.close()
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"torch", "sentence_transformers"})
print("loaded:", ",".join(loaded))
"""


def _child_env(home: Path, encoder_cache: Path) -> dict[str, str]:
    from .servers import subprocess_env

    return subprocess_env(home, ASSISTANT_ENCODER_CACHE=str(encoder_cache))


@pytest.mark.slow
def test_the_service_answers_without_torch(int8_home: Path, encoder_cache: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_TORCH, QUESTION],
        env=_child_env(int8_home, encoder_cache),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["answered", "loaded:"], result.stdout


@pytest.mark.slow
def test_the_ask_command_never_imports_torch(int8_home: Path, encoder_cache: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "assistant.cli", "ask", QUESTION],
        env=_child_env(int8_home, encoder_cache),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "15 per cent" in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert not {name.split(".")[0] for name in imported} & {"torch", "sentence_transformers"}
