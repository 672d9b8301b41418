"""Where the exported int8 model lives: one file per model, keyed by the hash of its files."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from platformdirs import user_cache_dir

INT8_FILE = "model-int8.onnx"
RECIPE = "onnx-int8 v1: legacy exporter, opset 17; dynamic int8, per channel, MatMul only"
_SKIPPED = {"README.md", ".gitattributes"}


def default_cache_dir() -> Path:
    """A per-user cache, for embedders made without a home (scripts, benchmarks)."""
    return Path(user_cache_dir("records-assistant", appauthor=False)) / "encoders"


def model_key(model_dir: Path) -> str:
    """A hash of the export recipe and the model's files, so a changed model is re-exported."""
    digest = hashlib.sha256(RECIPE.encode())
    for path, relative in _model_files(model_dir):
        digest.update(relative.encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def cached_int8(model_dir: Path, cache_dir: Path) -> Path:
    """The int8 file for this model, exported first if the cache does not hold it yet."""
    target = cache_dir / _known_key(model_dir, cache_dir) / INT8_FILE
    if not target.is_file():
        # Imported here, not at the top: only the export needs torch, the query path must not.
        from index.onnx_export import export_int8

        export_int8(model_dir, target)
    return target


def _model_files(model_dir: Path) -> list[tuple[Path, str]]:
    """The files that make the model, in a stable order (not its README, not other exports)."""
    found = []
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(model_dir).as_posix()
        if path.name not in _SKIPPED and not relative.startswith("onnx/"):
            found.append((path, relative))
    return found


def _known_key(model_dir: Path, cache_dir: Path) -> str:
    """model_key, remembered per file sizes and times: hashing 90 MB costs 0.3 s a start."""
    stamp = hashlib.sha256(RECIPE.encode())
    for path, relative in _model_files(model_dir):
        status = path.stat()
        stamp.update(f"{path}\0{relative}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    memo = cache_dir / "keys" / stamp.hexdigest()
    with contextlib.suppress(OSError):
        return memo.read_text().strip()
    key = model_key(model_dir)
    with contextlib.suppress(OSError):  # only a memo: the next start hashes again
        memo.parent.mkdir(parents=True, exist_ok=True)
        partial = memo.with_name(f"{memo.name}.{os.getpid()}.tmp")
        partial.write_text(key)
        os.replace(partial, memo)
    return key
