"""Speed and memory of the pipeline: ingest beside a raw encode, warm query latency, peak RSS.

Run: `python -m benchmarks.pipeline [--corpus PATH] [--repeat N]` (or `make bench`). Each
phase runs in a fresh process, so each peak RSS (ru_maxrss) is that phase's own.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import itertools
import pstats
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from assistant.engine import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings
from benchmarks.common import (
    SCIFACT,
    median,
    peak_rss_mb,
    percentile,
    progress_bar,
    read_jsonl,
    scifact_queries,
    write_shards,
)
from index import DEFAULT_MODEL, SUPPORTED_SUFFIXES, Embedder, Filters, Store
from index.embedder import resolve_model

Result = dict[str, Any]
TIMED_QUERIES = 200
WARM_UP = 20


class TimedEmbedder(Embedder):
    """The project's embedder, keeping the time spent inside embed_batch."""

    seconds = 0.0

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed as usual, adding the wall time to `seconds`."""
        start = time.perf_counter()
        vectors = super().embed_batch(texts)
        self.seconds += time.perf_counter() - start
        return vectors


_WORKER: dict[str, Any] = {}
"""What a worker process keeps between blocks: its model, and the pipeline's Assistant."""


def pipeline_open(home: Path) -> Result:
    """Load the project's embedder and open an Assistant on an empty home."""
    start = time.perf_counter()
    embedder = TimedEmbedder()
    loaded = time.perf_counter() - start
    _WORKER["embedder"] = embedder
    _WORKER["assistant"] = Assistant(Settings(home=home), embedder=embedder, create=True)
    return {"model_load": loaded, "batch_size": embedder.batch_size}


def pipeline_block(files: list[Path], label: str) -> Result:
    """Ingest some files through the full pipeline (load, clean, chunk, embed, write)."""
    assistant, embedder = _WORKER["assistant"], _WORKER["embedder"]
    before, embedded = assistant.store.counts()[1], embedder.seconds
    start = time.perf_counter()
    with progress_bar(label, len(files)) as update:
        report = assistant.ingest(files, progress=lambda done, _: update(done))
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "embed_seconds": embedder.seconds - embedded,
        "chunks": assistant.store.counts()[1] - before,
        "failures": len(report.failures),
    }


def pipeline_close(home: Path) -> Result:
    """What the index holds, its size on disk, and this process's peak RSS."""
    assistant = _WORKER.pop("assistant")
    documents, chunks = assistant.store.counts()
    assistant.close()
    disk = sum(p.stat().st_size for p in home.iterdir()) / 1e6
    return {"documents": documents, "chunks": chunks, "disk_mb": disk, "rss": peak_rss_mb()}


def raw_open(batch_size: int) -> Result:
    """Load the same model as a bare SentenceTransformer."""
    from sentence_transformers import SentenceTransformer

    _WORKER["model"] = SentenceTransformer(resolve_model(DEFAULT_MODEL), device="cpu")
    _WORKER["batch_size"] = batch_size
    _WORKER["done"] = -1
    return {}


def raw_block(home: Path, label: str) -> Result:
    """Encode the chunks the pipeline just wrote, as it embedded them (title + chunk text)."""
    store = Store(home)
    ids = sorted(int(i) for i in store.allowed_chunk_ids(Filters()) if i > _WORKER["done"])
    rows = store.chunks(ids)
    store.close()
    texts = [f"{document.title}\n{text}" for _, (_, document, text) in sorted(rows.items())]
    with progress_bar(label, 1) as update:
        start = time.perf_counter()
        _WORKER["model"].encode(
            texts,
            batch_size=_WORKER["batch_size"],
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        seconds = time.perf_counter() - start
        update(1)
    _WORKER["done"] = max(ids, default=_WORKER["done"])
    return {"seconds": seconds, "chunks": len(texts)}


def raw_close() -> Result:
    """This process's peak RSS."""
    return {"rss": peak_rss_mb()}


def ingest_side_by_side(files: list[Path], home: Path, blocks: int) -> tuple[Result, Result]:
    """Pipeline and raw encode in two processes taking turns block by block.

    This machine's speed drifts (a burst after idle, then +-15%), so one long run of each
    would compare two different machines; alternating blocks shares the drift fairly.
    """
    spawn = get_context("spawn")
    size = -(-len(files) // blocks)
    parts = [files[i : i + size] for i in range(0, len(files), size)]
    with (
        ProcessPoolExecutor(1, mp_context=spawn) as pipeline,
        ProcessPoolExecutor(1, mp_context=spawn) as raw,
    ):
        opened = pipeline.submit(pipeline_open, home).result()
        raw.submit(raw_open, opened["batch_size"]).result()
        ingests, encodes = [], []
        for number, part in enumerate(parts, start=1):
            label = f"block {number}/{len(parts)}"
            ingests.append(pipeline.submit(pipeline_block, part, f"ingest {label}").result())
            encodes.append(raw.submit(raw_block, home, f"raw {label}").result())
            ratio = encodes[-1]["seconds"] / ingests[-1]["seconds"]
            print(f"  {label}: {ingests[-1]['chunks']} chunks, pipeline at {ratio:.0%} of raw")
        closed = pipeline.submit(pipeline_close, home).result()
        raw_rss = raw.submit(raw_close).result()["rss"]
    ratios = [e["seconds"] / i["seconds"] for i, e in zip(ingests, encodes, strict=True)]
    ingest = _totals(ingests) | opened | closed | {"block_ratios": ratios}
    encode = _totals(encodes) | {"rss": raw_rss}
    return ingest, encode


def _totals(blocks: list[Result]) -> Result:
    """Seconds and chunks summed over blocks."""
    keys = ("seconds", "embed_seconds", "chunks")
    return {k: sum(b[k] for b in blocks) for k in keys if k in blocks[0]}


def query_phase(home: Path, queries: list[str], profile: bool) -> Result:
    """Warm in-process latency of search and ask, and where one search spends its time."""
    assistant = Assistant(Settings(home=home))
    for text in queries[TIMED_QUERIES : TIMED_QUERIES + WARM_UP] or queries[:WARM_UP]:
        assistant.ask(text)
    timed = queries[:TIMED_QUERIES]
    times: dict[str, list[float]] = {"search": [], "ask": []}
    stages: dict[str, list[float]] = {}
    with progress_bar("queries", len(timed)) as update:
        for done, query in enumerate(timed, start=1):  # interleaved: both see the same machine
            times["search"].append(_milliseconds(assistant.search, query))
            times["ask"].append(_milliseconds(_ask, assistant, query))
            for name, ms in _stages(assistant, query).items():
                stages.setdefault(name, []).append(ms)
            update(done)
    if profile:
        _profile("search", timed, lambda q: assistant.search(q))
        _profile("ask", timed, lambda q: _ask(assistant, q))
    result: Result = times | {"queries": len(timed), "config": str(assistant.searcher.config)}
    result["stages"] = {name: median(ms) for name, ms in stages.items()}
    result["rss"] = peak_rss_mb()
    assistant.close()
    return result


def _ask(assistant: Assistant, question: str) -> None:
    """Ask, counting a refusal as an answer (its latency is what we time)."""
    with contextlib.suppress(AssistantError):
        assistant.ask(question)


def _milliseconds(call: Callable[..., object], *args: object) -> float:
    """Wall time of one call."""
    start = time.perf_counter()
    call(*args)
    return (time.perf_counter() - start) * 1000


def _stages(assistant: Assistant, query: str) -> dict[str, float]:
    """Milliseconds of each step of one Searcher.search, through its public methods."""
    searcher, filters = assistant.searcher, Filters()
    marks = [time.perf_counter()]
    vector = searcher.embedder.embed_one(query)
    marks.append(time.perf_counter())
    keyword = searcher.keyword_scores(query, filters)
    marks.append(time.perf_counter())
    dense = searcher.dense_scores(vector, filters)
    marks.append(time.perf_counter())
    fused = searcher.fuse(keyword, dense)
    top = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:10]
    marks.append(time.perf_counter())
    assistant.store.chunks([chunk_id for chunk_id, _ in top])
    marks.append(time.perf_counter())
    names = ("embed query", "keyword (FTS5)", "dense (FAISS)", "fuse", "fetch chunks")
    return {n: (b - a) * 1000 for n, (a, b) in zip(names, itertools.pairwise(marks), strict=True)}


def _profile(label: str, queries: list[str], call: Callable[[str], object]) -> None:
    """cProfile of the timed loop: the functions holding the most cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for query in queries:
        call(query)
    profiler.disable()
    print(f"\n--- cProfile: {label} over {len(queries)} queries ---")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)
    print(f"--- cProfile: {label}, by own time (tottime) ---")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


def in_child(phase: Callable[..., Result], *args: object) -> Result:
    """Run a phase in a fresh process, so its peak RSS is its own."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(phase, *args).result()


def corpus_folder(path: Path, work: Path) -> Path:
    """A folder to ingest: a .jsonl corpus split into shards (for progress), a folder as is."""
    if path.is_dir():
        return path
    write_shards(read_jsonl(path), work / "corpus")
    return work / "corpus"


def ingest_table(ingests: list[Result], raws: list[Result]) -> Table:
    """Throughput side by side, and peak memory, with the target."""
    chunks = ingests[0]["chunks"]
    pipeline = median([chunks / i["seconds"] for i in ingests])
    raw = median([chunks / r["seconds"] for r in raws])
    ratio = median([r["seconds"] / i["seconds"] for i, r in zip(ingests, raws, strict=True)])
    blocks = [r for i in ingests for r in i["block_ratios"]]
    embedding = median([i["embed_seconds"] / i["seconds"] for i in ingests])
    rows = [
        ("ingest, full pipeline (chunks/s)", pipeline),
        ("raw SentenceTransformer.encode (chunks/s)", raw),
        ("pipeline / raw encode (%)", 100 * ratio, ">= 80", ratio >= 0.8),
        ("  per block, lowest (%)", 100 * min(blocks)),
        ("  per block, highest (%)", 100 * max(blocks)),
        ("ingest time inside embed_batch (%)", 100 * embedding),
        ("peak RSS, ingest (MB)", median([i["rss"] for i in ingests])),
        ("peak RSS, raw encode (MB)", median([r["rss"] for r in raws])),
        ("index on disk (MB)", ingests[0]["disk_mb"]),
    ]
    title = f"Ingest ({ingests[0]['documents']} documents, {chunks} chunks, {len(ingests)} run(s))"
    return _table(title, rows)


def query_table(query: Result) -> Table:
    """Warm latency percentiles and peak memory, with the targets."""
    search, ask = percentile(query["search"], 0.5), percentile(query["ask"], 0.5)
    rows = [
        ("Assistant.search p50 (ms)", search, "< 20", search < 20),
        ("Assistant.search p95 (ms)", percentile(query["search"], 0.95)),
        ("Assistant.ask p50 (ms)", ask, "< 50", ask < 50),
        ("Assistant.ask p95 (ms)", percentile(query["ask"], 0.95)),
        ("peak RSS, queries (MB)", query["rss"]),
    ]
    return _table(f"Queries ({query['queries']} SciFact test queries, warm)", rows)


def _table(title: str, rows: list[tuple[Any, ...]]) -> Table:
    """Rows of (figure, value[, target, met]) as a table."""
    table = Table(title=title)
    for column in ("figure", "value", "target", "met"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for name, value, *check in rows:
        target, met = check or ("", None)
        table.add_row(name, f"{value:.1f}", target, "" if met is None else "yes" if met else "NO")
    return table


def main(argv: list[str] | None = None) -> None:
    """Ingest and raw-encode side by side N times, then time queries on the last index."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=SCIFACT / "corpus.jsonl")
    parser.add_argument("--repeat", type=int, default=1, help="ingest/encode pairs (median)")
    parser.add_argument("--blocks", type=int, default=8, help="turns pipeline and raw take")
    parser.add_argument("--profile", action="store_true", help="cProfile the query loops")
    parser.add_argument("--home", type=Path, help="only time queries on this existing index")
    args = parser.parse_args(argv)
    queries = [text for _, text in scifact_queries()]
    if args.home:
        query = in_child(query_phase, args.home, queries, args.profile)
        Console(width=120).print(query_table(query))
        print_stages(query)
        return
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        work = Path(tmp)
        corpus = corpus_folder(args.corpus, work)
        files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
        ingests, raws = [], []
        for run in range(args.repeat):
            print(f"run {run + 1} of {args.repeat}: pipeline and raw encode, block by block")
            home = work / "home"
            shutil.rmtree(home, ignore_errors=True)
            ingest, raw = ingest_side_by_side(files, home, args.blocks)
            ingests.append(ingest)
            raws.append(raw)
        query = in_child(query_phase, work / "home", queries, args.profile)
    console = Console(width=120)
    console.print(ingest_table(ingests, raws))
    console.print(query_table(query))
    print_stages(query)
    print(f"model load {ingests[0]['model_load']:.1f} s")


def print_stages(query: Result) -> None:
    """Where one search spends its time, and the configuration timed."""
    stages = ", ".join(f"{name} {ms:.1f}" for name, ms in query["stages"].items())
    print(f"search stages, median ms: {stages}")
    print(f"search config (from Settings): {query['config']}")


if __name__ == "__main__":
    main()
