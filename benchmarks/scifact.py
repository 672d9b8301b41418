"""BEIR SciFact through the real pipeline: document-level nDCG@10 and Recall@100 per variant.

Run: `python -m benchmarks.scifact [--limit-docs N]` (or `make bench-scifact`). The index is
built once under benchmarks/out/ and reused (unchanged records are skipped on re-ingest).
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from rich.console import Console
from rich.table import Table

from assistant.engine import Assistant
from assistant.settings import Settings
from benchmarks.common import (
    OUT,
    SCIFACT,
    ingest_with_bar,
    progress_bar,
    read_jsonl,
    scifact_qrels,
    scifact_queries,
    write_shards,
)
from index.search import Mode, SearchConfig, Searcher, best_per_document

Qrels = dict[str, dict[str, int]]


def ndcg_at_k(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """nDCG as BEIR/trec_eval compute it: gain = rel, discount log2(rank + 1), ideal from qrels.

    >>> round(ndcg_at_k(["c", "a", "d", "b"], {"a": 2, "b": 1}), 4)  # 1.6925 / 2.6309
    0.6433
    """
    dcg = sum(judged.get(doc, 0) / math.log2(rank + 1) for rank, doc in enumerate(ranked[:k], 1))
    ideal = sorted((rel for rel in judged.values() if rel > 0), reverse=True)[:k]
    best = sum(rel / math.log2(rank + 1) for rank, rel in enumerate(ideal, 1))
    return dcg / best if best > 0 else 0.0


def recall_at_k(ranked: list[str], judged: dict[str, int], k: int = 100) -> float:
    """Relevant documents found in the top k over all relevant documents.

    >>> recall_at_k(["c", "a", "d", "b"], {"a": 2, "b": 1, "e": 0}, k=2)
    0.5
    """
    relevant = {doc for doc, rel in judged.items() if rel > 0}
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


def check_metrics() -> None:
    """The hand-worked toy example, so a broken metric cannot print a plausible table."""
    judged = {"a": 2, "b": 1, "e": 0}
    # DCG = 2/log2(3) + 1/log2(5) = 1.26186 + 0.43068; ideal = 2/log2(2) + 1/log2(3) = 2.63093
    assert abs(ndcg_at_k(["c", "a", "d", "b"], judged) - 1.69254 / 2.63093) < 1e-5
    assert ndcg_at_k(["a", "b"], judged) == 1.0
    assert ndcg_at_k(["c", "d"], judged) == 0.0
    assert recall_at_k(["c", "a", "d", "b"], judged, k=2) == 0.5
    assert recall_at_k(["c", "a", "d", "b"], judged, k=4) == 1.0


@dataclass(frozen=True)
class Variant:
    """One row of the table: a search mode and configuration."""

    name: str
    mode: Mode
    config: SearchConfig


def variants() -> list[Variant]:
    """The rows: each mode, each fusion and weight, and each knob changed from the default."""
    base = SearchConfig()
    rows = [
        Variant("keyword (BM25, title x2)", "keyword", base),
        Variant("keyword, title x1", "keyword", replace(base, title_weight=1.0)),
        Variant("keyword, title x3", "keyword", replace(base, title_weight=3.0)),
        Variant("keyword, stop words kept", "keyword", replace(base, keep_stopwords=True)),
        Variant("dense", "dense", base),
        Variant("hybrid rrf k=60", "hybrid", replace(base, fusion="rrf")),
    ]
    for alpha in (0.3, 0.4, 0.5, 0.6, 0.7):
        config = replace(base, fusion="weighted", dense_weight=alpha)
        rows.append(Variant(f"hybrid weighted a={alpha}", "hybrid", config))
    rows += [
        Variant("hybrid default, title x1", "hybrid", replace(base, title_weight=1.0)),
        Variant("hybrid default, stop words kept", "hybrid", replace(base, keep_stopwords=True)),
        Variant("hybrid default, 100 candidates", "hybrid", replace(base, candidates=100)),
        Variant("hybrid default, 1000 candidates", "hybrid", replace(base, candidates=1000)),
        Variant(
            "previous default (100 cand., stop words)",
            "hybrid",
            replace(base, candidates=100, keep_stopwords=True),
        ),
    ]
    return rows


def build_index(limit_docs: int | None) -> Assistant:
    """The SciFact index in a cache folder, through Assistant.ingest (the real pipeline)."""
    records = read_jsonl(SCIFACT / "corpus.jsonl")
    if limit_docs is not None:
        records = _subset(records, limit_docs)
    folder = OUT / ("scifact" if limit_docs is None else f"scifact-{limit_docs}")
    write_shards(records, folder / "corpus")
    assistant = Assistant(Settings(home=folder / "home"))
    report = ingest_with_bar(assistant, folder / "corpus", "ingest")
    documents, chunks = assistant.store.counts()
    print(f"{report.summary()}; index holds {documents} documents, {chunks} chunks")
    return assistant


def _subset(records: list[dict[str, object]], limit: int) -> list[dict[str, object]]:
    """Every judged document plus the first others, up to `limit` (scores read high)."""
    judged = {doc for docs in scifact_qrels().values() for doc in docs}
    chosen = [r for r in records if str(r["_id"]) in judged]
    others = [r for r in records if str(r["_id"]) not in judged]
    return chosen + others[: max(0, limit - len(chosen))]


def evaluate(
    searcher: Searcher,
    mode: Mode,
    queries: list[tuple[str, str]],
    vectors: np.ndarray,
    qrels: Qrels,
    advance: Callable[[], None],
) -> tuple[list[float], list[float]]:
    """Per-query nDCG@10 and Recall@100 over documents ranked by their best chunk."""
    top_k = 2 * searcher.config.candidates  # the whole fused candidate pool
    ndcgs, recalls = [], []
    for (qid, text), vector in zip(queries, vectors, strict=True):
        hits = searcher.search(text, top_k=top_k, mode=mode, query_vector=vector)
        ranked = [hit.document.id for hit in best_per_document(hits)]
        ndcgs.append(ndcg_at_k(ranked, qrels[qid], 10))
        recalls.append(recall_at_k(ranked, qrels[qid], 100))
        advance()
    return ndcgs, recalls


def report(results: dict[str, tuple[list[float], list[float]]], default: str) -> Table:
    """The table: means, and each row's paired difference from the default with its SE."""
    table = Table(title="SciFact test (300 queries), document level")
    for column in ("variant", "nDCG@10", "Recall@100", "ΔnDCG vs default ± SE"):
        table.add_column(column, justify="left" if column == "variant" else "right")
    base = results[default][0]
    for name, (ndcgs, recalls) in results.items():
        diffs = [a - b for a, b in zip(ndcgs, base, strict=True)]
        se = statistics.stdev(diffs) / math.sqrt(len(diffs))
        delta = "" if name == default else f"{statistics.mean(diffs):+.4f} ± {se:.4f}"
        label = f"{name} *" if name == default else name
        means = f"{statistics.mean(ndcgs):.4f}", f"{statistics.mean(recalls):.4f}"
        table.add_row(label, *means, delta)
    return table


def main(argv: list[str] | None = None) -> None:
    """Build or reuse the index, run every variant over the test queries, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--limit-docs", type=int, default=None, help="index only N documents")
    args = parser.parse_args(argv)
    check_metrics()
    assistant = build_index(args.limit_docs)
    qrels = scifact_qrels()
    queries = scifact_queries()
    vectors = assistant.embedder.embed_batch([text for _, text in queries])
    rows = variants()
    results: dict[str, tuple[list[float], list[float]]] = {}
    with progress_bar("queries", len(rows) * len(queries)) as set_done:
        tick = itertools.count(1)
        for row in rows:
            searcher = Searcher(assistant.store, assistant.embedder, row.config)
            results[row.name] = evaluate(
                searcher, row.mode, queries, vectors, qrels, lambda: set_done(next(tick))
            )
    default = next(r.name for r in rows if r.mode == "hybrid" and r.config == SearchConfig())
    Console(width=120).print(report(results, default))
    print(f"* = SearchConfig() default: {SearchConfig()}")
    assistant.close()


if __name__ == "__main__":
    main()
