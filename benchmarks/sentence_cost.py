"""What storing sentence vectors costs at ingest, per encoder, and the cheaper way beside it.

    python -m benchmarks.sentence_cost [--docs N] [--block-chunks N] [--encoders E,E]
                                       [--no-pooled] [--ingest] [--json]

Encode: the texts ingest embeds for N SciFact records (prepared by `index.prepare` as the
ingest prepares them: title + "\\n" + each passage, and every sentence), through
`Embedder.embed_batch`, one call per block as ingest makes one call per flush. Per encoder,
passages alone (the ingest before sentence vectors) and passages plus sentences (what ingest
does now). All the rows take turns block by block, the first rotating, on the same texts,
so the machine's drift falls on every row alike.

Pooled (torch, unless --no-pooled): one passage pass over each record (title + abstract)
whose token embeddings are mean-pooled per sentence; its accuracy is the cosine to the
separately encoded sentences.

Ingest (--ingest): the same records as .jsonl files of one block each, through the real
`Assistant.ingest` into a fresh home per encoder, the encoders taking turns file by file.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from assistant.engine import Assistant
from assistant.settings import Settings
from benchmarks.common import SCIFACT, read_jsonl
from benchmarks.pipeline import TimedEmbedder
from index import Embedder, PrepareOptions, sentences_of
from index.embedder import ENCODERS
from index.loaders import load_file
from index.prepare import prepare

Texts = tuple[list[str], list[str]]
"""Passages (title + passage text) and sentences, as ingest embeds them."""


def passages_and_sentences(limit: int) -> tuple[list[str], list[list[str]]]:
    """SciFact records as passages (title + abstract) and their sentences."""
    records = read_jsonl(SCIFACT / "corpus.jsonl")[:limit]
    passages = [f"{r['title']}\n{r['text']}" for r in records]
    return passages, [sentences_of(str(r["text"])) for r in records]


def write_records(records: list[dict[str, object]], folder: Path, per_file: int) -> list[Path]:
    """The records as .jsonl files of `per_file` records each (one ingest flush apiece)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, first in enumerate(range(0, len(records), per_file)):
        path = folder / f"block-{number:03d}.jsonl"
        part = records[first : first + per_file]
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        paths.append(path)
    return paths


def ingest_blocks(paths: list[Path]) -> list[Texts]:
    """Per file, the texts Ingestor._flush embeds: title + passage, then each sentence."""
    blocks = []
    for path in paths:
        loaded, failures = load_file(path)
        assert not failures, failures
        passages, sentences = [], []
        for document in loaded:
            prepared = prepare(path, document, document.meta, PrepareOptions())
            text = prepared.text
            passages += [f"{prepared.title}\n{text[c.start : c.end]}" for c in prepared.chunks]
            sentences += [text[s.start : s.end] for s in prepared.sentences]
        blocks.append((passages, sentences))
    return blocks


def records_per_block(records: list[dict[str, object]], block_chunks: int) -> int:
    """Records per block so a block holds about `block_chunks` passages (ingest flushes at 256)."""
    with tempfile.TemporaryDirectory(prefix="sentence-cost-") as tmp:
        (passages, _), *_ = ingest_blocks(write_records(records, Path(tmp), len(records)))
    return max(1, round(block_chunks * len(records) / max(1, len(passages))))


def timed(action: Callable[[], object]) -> float:
    """Wall seconds of one call."""
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


def encode_in_turns(embedders: dict[str, Embedder], blocks: list[Texts]) -> dict[str, Any]:
    """Seconds per row (encoder x passages alone / with sentences), rows taking turns by block."""
    rows = [(name, both) for name in embedders for both in (False, True)]
    seconds = {_row(name, both): 0.0 for name, both in rows}
    for embedder in embedders.values():
        embedder.embed_batch(blocks[0][0][:16] + blocks[0][1][:16])  # warm up
    for number, (passages, sentences) in enumerate(blocks):
        shift = number % len(rows)
        for name, both in rows[shift:] + rows[:shift]:
            texts = passages + sentences if both else passages  # ingest: one call per flush
            seconds[_row(name, both)] += timed(partial(embedders[name].embed_batch, texts))
        done = ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items())
        print(f"  block {number + 1}/{len(blocks)}: {done}", flush=True)
    return seconds


def _row(encoder: str, both: bool) -> str:
    """A row's name: the encoder, and what it encodes."""
    return f"{encoder}, {'passages + sentences' if both else 'passages alone'}"


def ingest_in_turns(encoders: list[str], paths: list[Path], work: Path) -> dict[str, Any]:
    """The files through Assistant.ingest, one fresh home per encoder, taking turns by file."""
    assistants, embedders = {}, {}
    for name in encoders:
        embedders[name] = TimedEmbedder(encoder=name)
        settings = Settings(home=work / f"home-{name}", embedder=name)  # type: ignore[arg-type]
        assistants[name] = Assistant(settings, embedder=embedders[name], create=True)
        assistants[name].store.counts()  # open the store before timing
    seconds = dict.fromkeys(encoders, 0.0)
    for number, path in enumerate(paths):
        shift = number % len(encoders)
        for name in encoders[shift:] + encoders[:shift]:
            seconds[name] += timed(partial(assistants[name].ingest, [path]))
        done = ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items())
        print(f"  ingest file {number + 1}/{len(paths)}: {done}", flush=True)
    figures: dict[str, Any] = {}
    for name in encoders:
        documents, chunks = assistants[name].store.counts()
        figures[name] = {
            "seconds": round(seconds[name], 2),
            "records_per_s": round(documents / seconds[name], 2),
            "chunks": chunks,
            "embed_share": round(embedders[name].seconds / seconds[name], 3),
        }
        assistants[name].close()
    return figures


def pooled_figures(docs: int) -> dict[str, Any]:
    """The cheaper way (torch only): its time against passages alone, and its cosines."""
    embedder = Embedder(encoder="torch")  # the encoder with token outputs
    passages, sentences = passages_and_sentences(docs)
    flat = [s for parts in sentences for s in parts]
    embedder.embed_batch(passages[:16])  # warm up
    alone = timed(lambda: embedder.embed_batch(passages))
    pool_time = timed(lambda: pooled(embedder, passages, sentences))
    separate = embedder.embed_batch(flat)
    cosines = np.sum(separate * pooled(embedder, passages, sentences), axis=1)
    return {
        "pooled_record_passages": len(passages),
        "pooled_record_passages_s": round(alone, 2),
        "pooled_s": round(pool_time, 2),
        "throughput_pooled": round(alone / pool_time, 3),
        "pooled_cosine_mean": round(float(cosines.mean()), 3),
        "pooled_cosine_median": round(float(statistics.median(cosines)), 3),
        "pooled_cosine_min": round(float(cosines.min()), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--block-chunks", type=int, default=128, help="passages per turn")
    parser.add_argument("--encoders", default="torch,onnx-int8", help="comma-separated")
    parser.add_argument("--no-pooled", action="store_true", help="skip the pooled rows")
    parser.add_argument("--ingest", action="store_true", help="also time Assistant.ingest")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    encoders = [e.strip() for e in args.encoders.split(",") if e.strip()]
    unknown = set(encoders) - set(ENCODERS)
    if unknown or not encoders:
        parser.error(f"--encoders takes {', '.join(ENCODERS)}, not {sorted(unknown)}")
    records = read_jsonl(SCIFACT / "corpus.jsonl")[: args.docs]
    per_block = records_per_block(records, args.block_chunks)
    figures: dict[str, Any] = {"docs": len(records), "records_per_block": per_block}
    with tempfile.TemporaryDirectory(prefix="sentence-cost-") as tmp:
        work = Path(tmp)
        paths = write_records(records, work / "records", per_block)
        blocks = ingest_blocks(paths)
        figures["blocks"] = len(blocks)
        figures["passages"] = sum(len(p) for p, _ in blocks)
        figures["sentences"] = sum(len(s) for _, s in blocks)
        embedders = {name: Embedder(encoder=name) for name in encoders}
        seconds = encode_in_turns(embedders, blocks)
        del embedders
        figures["encode_s"] = {k: round(v, 2) for k, v in seconds.items()}
        base = _row(encoders[0], False)  # the first encoder's passages alone
        figures["throughput_vs_" + base.replace(", ", "_").replace(" ", "_")] = {
            k: round(seconds[base] / v, 3) for k, v in seconds.items()
        }
        figures["records_per_s"] = {k: round(len(records) / v, 2) for k, v in seconds.items()}
        if args.ingest:
            figures["ingest"] = ingest_in_turns(encoders, paths, work)
    if not args.no_pooled:
        figures |= pooled_figures(args.docs)
    print(json.dumps(figures) if args.json else "\n".join(f"{k}: {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
