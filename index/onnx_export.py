"""Export the sentence model to ONNX and quantise it to int8 (needs torch; run once per model)."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
import warnings
from pathlib import Path

import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel
from transformers.utils import logging as transformers_logging

from index.errors import StoreError

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
OPSET = 17
WORK_PREFIX = ".export-"
STALE_SECONDS = 3600  # older work folders were left by a killed export, not a running one


class _LastHiddenState(torch.nn.Module):
    """Takes the three inputs by name: transformers 5 no longer accepts them positionally."""

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        """The token vectors, before pooling (pooling is done at run time, in numpy)."""
        output = self.model(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        )
        return output.last_hidden_state


def export_int8(model_dir: Path, target: Path) -> None:
    """Write `target` whole or not at all, so a kill or a second process never tears it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target.parent)
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=target.parent))
    try:
        fp32, int8 = work / "model-fp32.onnx", work / "model-int8.onnx"
        _export_fp32(model_dir, fp32)
        _quantise(fp32, int8)
        _fsync(int8)
        os.replace(int8, target)
    except (OSError, RuntimeError, ValueError) as exc:
        raise StoreError(f"cannot export {model_dir} to ONNX: {exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _export_fp32(model_dir: Path, path: Path) -> None:
    """The legacy exporter (opset 17) with batch and sequence left dynamic."""
    transformers_logging.disable_progress_bar()  # a bar per load is noise on a CLI
    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()
    sample = torch.ones((2, 8), dtype=torch.long)
    inputs = (sample, torch.ones_like(sample), torch.zeros_like(sample))
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUT_NAMES, OUTPUT_NAME)}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer and deprecation notes: noise for a user
        torch.onnx.export(
            _LastHiddenState(model),
            inputs,
            str(path),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )


def _quantise(fp32: Path, int8: Path) -> None:
    """Per-channel int8 weights on MatMul only: the defaults cost 0.06 of cosine (measured)."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process is for vision models: noise here
    try:
        quantize_dynamic(
            str(fp32),
            str(int8),
            per_channel=True,
            op_types_to_quantize=["MatMul"],
            weight_type=QuantType.QInt8,
        )
    finally:
        root.setLevel(level)


def _remove_stale(folder: Path) -> None:
    """Delete the work folders of exports killed midway (another may be running: spare it)."""
    for work in folder.glob(f"{WORK_PREFIX}*"):
        with contextlib.suppress(OSError):
            if time.time() - work.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(work)


def _fsync(path: Path) -> None:
    """Flush the file to disk before it is renamed into place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
