"""The int8 ONNX encoder beside torch fp32, side by side in one run on the same texts.

Run: `python -m benchmarks.encoder [--limit-docs N] [--rounds N] [--json]`. Measures, for each
encoder: ingest-style encode throughput (blocks of SciFact records, the two encoders taking
turns block by block), one-query latency (the 300 test queries, one at a time, in turns),
the cosine between the two encoders' vectors, dense-only SciFact nDCG@10 (records embedded
whole, exact cosine), and a real `assistant serve`'s time to /ready and RSS after start.
With --json the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

from assistant.engine import Assistant
from assistant.settings import Settings
from benchmarks.common import OUT, SCIFACT, read_jsonl, scifact_qrels, scifact_queries
from benchmarks.load import free_port
from benchmarks.scifact import _subset, ndcg_at_k
from index.embedder import Embedder, resolve_model
from index.onnx_export import export_int8

ENCODERS = ("torch", "onnx-int8")
BLOCK = 256  # texts per embed_batch call, as ingest's batches of 256 passages
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CACHE = OUT / "encoders"


def load_embedders() -> dict[str, Embedder]:
    """Both encoders of the default model (the int8 one from the benchmark's own cache)."""
    return {name: Embedder(encoder=name, cache_dir=CACHE) for name in ENCODERS}


def corpus(limit: int | None) -> tuple[list[str], list[str]]:
    """SciFact record ids and texts (title + text, as the pipeline embeds them)."""
    records = read_jsonl(SCIFACT / "corpus.jsonl")
    if limit is not None:
        records = _subset(records, limit)
    texts = [f"{r['title']}\n{r['text']}" for r in records]
    return [str(r["_id"]) for r in records], texts


def encode_in_turns(
    embedders: dict[str, Embedder], texts: list[str]
) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """Each block through both encoders, the first alternating, so drift hits both alike."""
    parts: dict[str, list[np.ndarray]] = {name: [] for name in embedders}
    seconds = dict.fromkeys(embedders, 0.0)
    for number, start in enumerate(range(0, len(texts), BLOCK)):
        block = texts[start : start + BLOCK]
        order = list(embedders) if number % 2 == 0 else list(reversed(embedders))
        for name in order:
            began = time.perf_counter()
            parts[name].append(embedders[name].embed_batch(block))
            seconds[name] += time.perf_counter() - began
        done = min(start + BLOCK, len(texts))
        print(f"encoded {done}/{len(texts)}", file=sys.stderr, flush=True)
    return {name: np.concatenate(rows) for name, rows in parts.items()}, seconds


def query_in_turns(
    embedders: dict[str, Embedder], queries: list[str]
) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """One query at a time through each encoder in turn; the median milliseconds."""
    for embedder in embedders.values():  # warm up
        embedder.embed_one(queries[0])
    rows: dict[str, list[np.ndarray]] = {name: [] for name in embedders}
    times: dict[str, list[float]] = {name: [] for name in embedders}
    for number, query in enumerate(queries):
        order = list(embedders) if number % 2 == 0 else list(reversed(embedders))
        for name in order:
            began = time.perf_counter()
            rows[name].append(embedders[name].embed_one(query))
            times[name].append(time.perf_counter() - began)
    medians = {name: 1000 * statistics.median(values) for name, values in times.items()}
    return {name: np.stack(values) for name, values in rows.items()}, medians


def dense_ndcg(
    doc_ids: list[str], docs: np.ndarray, queries: np.ndarray, qids: list[str]
) -> list[float]:
    """Per-query nDCG@10 of exact cosine ranking, scored by benchmarks.scifact's ndcg_at_k."""
    qrels = scifact_qrels()
    top = np.argsort(-(queries @ docs.T), axis=1)[:, :10]
    return [
        ndcg_at_k([doc_ids[i] for i in row], qrels[qid], 10)
        for qid, row in zip(qids, top, strict=True)
    ]


def paired_se(a: list[float], b: list[float]) -> float:
    """Standard error of the mean per-query difference (is a gap more than noise?)."""
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    return statistics.stdev(diffs) / math.sqrt(len(diffs))


def export_cost() -> tuple[float, float]:
    """Seconds to export and quantise once (torch already loaded), and the file's MB."""
    folder = Path(tempfile.mkdtemp(prefix="export-"))
    try:
        target = folder / "model-int8.onnx"
        began = time.perf_counter()
        export_int8(Path(resolve_model("all-MiniLM-L6-v2")), target)
        return time.perf_counter() - began, target.stat().st_size / 1e6
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def service_homes(embedders: dict[str, Embedder], root: Path) -> dict[str, Path]:
    """The samples ingested once per encoder (an index keeps the encoder that built it)."""
    homes = {}
    for name, embedder in embedders.items():
        homes[name] = root / name
        assistant = Assistant(Settings(home=homes[name]), embedder=embedder, create=True)
        assistant.ingest([SAMPLES])
        assistant.close()
    return homes


def serve_once(home: Path, encoder: str) -> tuple[float, float]:
    """Start `assistant serve`, wait for /ready; its seconds to ready and VmRSS in MB."""
    port = free_port()
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "ASSISTANT_EMBEDDER": encoder,
        "ASSISTANT_ENCODER_CACHE": str(CACHE),
    }
    command = [sys.executable, "-m", "assistant.cli", "serve", "--home", str(home)]
    began = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ready = _wait_ready(f"http://127.0.0.1:{port}/ready", began)
        return ready, _vm_rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_ready(url: str, began: float) -> float:
    """Seconds from start until /ready answers 200."""
    while time.perf_counter() - began < 300:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return time.perf_counter() - began
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not answer in 300 s")


def _vm_rss_mb(pid: int) -> float:
    """Resident memory of a process now, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for process {pid}")


def serve_in_turns(homes: dict[str, Path], rounds: int) -> dict[str, tuple[float, float]]:
    """Medians over rounds of (seconds to ready, RSS MB), the encoders taking turns."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in homes}
    for number in range(rounds):
        order = list(homes) if number % 2 == 0 else list(reversed(homes))
        for name in order:
            runs[name].append(serve_once(homes[name], name))
    return {
        name: (statistics.median(r for r, _ in values), statistics.median(m for _, m in values))
        for name, values in runs.items()
    }


def measure(limit: int | None, rounds: int) -> dict[str, float | int]:
    """Every figure, both encoders side by side."""
    embedders = load_embedders()
    doc_ids, texts = corpus(limit)
    docs, seconds = encode_in_turns(embedders, texts)
    queries = scifact_queries()
    query_vectors, query_ms = query_in_turns(embedders, [text for _, text in queries])
    qids = [qid for qid, _ in queries]
    cosines = (docs["torch"] * docs["onnx-int8"]).sum(axis=1)
    ndcg = {name: dense_ndcg(doc_ids, docs[name], query_vectors[name], qids) for name in docs}
    export_s, int8_mb = export_cost()
    with tempfile.TemporaryDirectory(prefix="encoder-bench-") as root:
        served = serve_in_turns(service_homes(embedders, Path(root)), rounds)
    return {
        "texts": len(texts),
        "torch_texts_per_s": len(texts) / seconds["torch"],
        "int8_texts_per_s": len(texts) / seconds["onnx-int8"],
        "speedup": seconds["torch"] / seconds["onnx-int8"],
        "torch_query_ms": query_ms["torch"],
        "int8_query_ms": query_ms["onnx-int8"],
        "cosine_mean": float(cosines.mean()),
        "cosine_min": float(cosines.min()),
        "ndcg_torch": statistics.mean(ndcg["torch"]),
        "ndcg_int8": statistics.mean(ndcg["onnx-int8"]),
        "ndcg_delta": statistics.mean(ndcg["onnx-int8"]) - statistics.mean(ndcg["torch"]),
        "ndcg_delta_se": paired_se(ndcg["onnx-int8"], ndcg["torch"]),
        "export_s": export_s,
        "int8_file_mb": int8_mb,
        "torch_ready_s": served["torch"][0],
        "int8_ready_s": served["onnx-int8"][0],
        "torch_rss_mb": served["torch"][1],
        "int8_rss_mb": served["onnx-int8"][1],
        "load_avg_15min": os.getloadavg()[2],  # other work on the machine while measuring
    }


def main(argv: list[str] | None = None) -> None:
    """Measure, print one line per figure (and the JSON object last, with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--limit-docs", type=int, default=None, help="judged + first others")
    parser.add_argument("--rounds", type=int, default=3, help="service starts per encoder")
    parser.add_argument("--json", action="store_true", help="end with one JSON object")
    args = parser.parse_args(argv)
    figures = measure(args.limit_docs, args.rounds)
    for key, value in figures.items():
        print(f"{key:>18}  {value:.4f}" if isinstance(value, float) else f"{key:>18}  {value}")
    if args.json:
        print(
            json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()})
        )


if __name__ == "__main__":
    main()
