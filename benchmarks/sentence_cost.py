"""What storing sentence vectors costs at ingest, and the cheaper way measured beside it.

    python -m benchmarks.sentence_cost [--docs N] [--json]

With the torch encoder, on the same SciFact records, side by side in one run: encoding the
passages alone (the ingest before sentence vectors), passages plus every sentence (what
ingest does now), and the cheaper way: one passage pass whose token embeddings are
mean-pooled per sentence. Accuracy of the pooled vectors is their cosine to the separately
encoded ones.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import numpy as np

from benchmarks.common import SCIFACT, read_jsonl
from index import Embedder, sentences_of


def passages_and_sentences(limit: int) -> tuple[list[str], list[list[str]]]:
    """SciFact records as passages (title + abstract) and their sentences."""
    records = read_jsonl(SCIFACT / "corpus.jsonl")[:limit]
    passages = [f"{r['title']}\n{r['text']}" for r in records]
    return passages, [sentences_of(str(r["text"])) for r in records]


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def pooled(embedder: Embedder, passages: list[str], sentences: list[list[str]]) -> np.ndarray:
    """Sentence vectors pooled from the passage pass's token embeddings (one encode)."""
    model = embedder._backend._model  # type: ignore[attr-defined]  # torch: ST model
    out = model.encode(passages, output_value="token_embeddings", convert_to_numpy=False)
    tokenizer = model.tokenizer
    vectors = []
    for passage, tokens, parts in zip(passages, out, sentences, strict=True):
        enc = tokenizer(passage, return_offsets_mapping=True, truncation=True, max_length=256)
        offsets = enc["offset_mapping"]
        at = 0
        for sentence in parts:
            start = passage.find(sentence, at)
            end = start + len(sentence)
            at = max(at, end)
            rows = [i for i, (a, b) in enumerate(offsets) if b > a and a >= start and b <= end]
            rows = [i for i in rows if i < len(tokens)]
            v = tokens[rows].mean(0).numpy() if rows else np.zeros(tokens.shape[1])
            n = np.linalg.norm(v)
            vectors.append(v / n if n else v)
    return np.array(vectors, dtype=np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    embedder = Embedder(encoder="torch")  # today's encoder, and the one with token outputs
    passages, sentences = passages_and_sentences(args.docs)
    flat = [s for parts in sentences for s in parts]
    embedder.embed_batch(passages[:16])  # warm up
    alone = timed(lambda: embedder.embed_batch(passages))
    both = timed(lambda: embedder.embed_batch(passages + flat))
    pool_time = timed(lambda: pooled(embedder, passages, sentences))
    separate = embedder.embed_batch(flat)
    pooled_vectors = pooled(embedder, passages, sentences)
    cosines = np.sum(separate * pooled_vectors, axis=1)
    figures = {
        "docs": len(passages),
        "sentences": len(flat),
        "passages_only_s": round(alone, 2),
        "passages_and_sentences_s": round(both, 2),
        "throughput_with_sentences": round(alone / both, 3),
        "pooled_s": round(pool_time, 2),
        "throughput_pooled": round(alone / pool_time, 3),
        "pooled_cosine_mean": round(float(cosines.mean()), 3),
        "pooled_cosine_median": round(float(statistics.median(cosines)), 3),
        "pooled_cosine_min": round(float(cosines.min()), 3),
    }
    print(json.dumps(figures) if args.json else "\n".join(f"{k}: {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
