"""The int8 ONNX encoder: tokenizers + ONNX Runtime + numpy pooling, no torch at run time."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Encoding, Tokenizer

from index.errors import StoreError

DEFAULT_MAX_LENGTH = 256


class OnnxEncoder:
    """Encodes as sentence-transformers does: truncate, mean-pool over the mask, normalise."""

    def __init__(self, model_file: Path, model_dir: Path) -> None:
        self._tokenizer = _tokenizer(model_dir)
        self._session = _session(model_file)
        self._inputs = {item.name for item in self._session.get_inputs()}
        self.dimension = int(self.encode(["probe"]).shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit rows in the order given, one run per text.

        Dynamic int8 scales activations per run, so in a batch a text's vector would depend on
        its neighbours (cosine 0.99 to itself alone); one text per run keeps it a function of
        the text, and measured faster than batches of 32 here (no padding).
        """
        return np.stack([self._run(self._tokenizer.encode(text.strip())) for text in texts])

    def _run(self, encoding: Encoding) -> np.ndarray:
        """One text through the session, pooled and normalised."""
        feeds = {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
        }
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})
        return mean_pool(hidden[0], feeds["attention_mask"])[0]


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Average the token vectors the mask keeps, then scale each row to unit length."""
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def check_mean_pooling(model_dir: Path) -> None:
    """Refuse a model this encoder would pool wrongly (CLS or max pooling)."""
    config = model_dir / "1_Pooling" / "config.json"
    if config.is_file() and not json.loads(config.read_text()).get("pooling_mode_mean_tokens"):
        raise StoreError(
            f"the onnx-int8 encoder pools by mean, and {model_dir} does not:"
            " set ASSISTANT_EMBEDDER=torch for this model"
        )


def max_length(model_dir: Path) -> int:
    """The model's max_seq_length, where sentence-transformers reads it."""
    config = model_dir / "sentence_bert_config.json"
    if config.is_file():
        return int(json.loads(config.read_text()).get("max_seq_length", DEFAULT_MAX_LENGTH))
    return DEFAULT_MAX_LENGTH


def _tokenizer(model_dir: Path) -> Tokenizer:
    """The model's fast tokenizer, truncating as ST does; no padding (one text per run)."""
    path = model_dir / "tokenizer.json"
    if not path.is_file():
        raise StoreError(f"the onnx-int8 encoder needs {path}: set ASSISTANT_EMBEDDER=torch")
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_length(model_dir))  # the file says 128
    tokenizer.no_padding()  # the file pads every text to 128 tokens
    return tokenizer


def _session(model_file: Path) -> ort.InferenceSession:
    """A CPU session on the int8 file, quiet unless something fails."""
    options = ort.SessionOptions()
    options.log_severity_level = 3
    # Spinning threads wait hot between runs: on a busy or shared CPU that halves throughput
    # (measured) and keeps an idle service busy.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # ORT raises its own kinds; one line for the user
        raise StoreError(f"cannot load the ONNX encoder {model_file}: {exc}") from exc
