"""What both benchmarks share: the SciFact files, corpus shards, progress bars, timing."""

from __future__ import annotations

import json
import math
import resource
import statistics
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.engine import Assistant
from index import IngestReport

SCIFACT = Path("/work/shared/data/scifact")
OUT = Path(__file__).resolve().parent / "out"
SHARD_RECORDS = 100
"""Records per shard file: the ingest reports progress per file, so shards make a live bar."""


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """One JSON object per non-blank line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_shards(records: list[dict[str, object]], folder: Path) -> list[Path]:
    """Split records into small .jsonl files (rewritten only when changed, so caches hold)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, first in enumerate(range(0, len(records), SHARD_RECORDS)):
        part = records[first : first + SHARD_RECORDS]
        text = "".join(json.dumps(r) + "\n" for r in part)
        path = folder / f"part-{number:04d}.jsonl"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    for stale in set(folder.glob("part-*.jsonl")) - set(paths):
        stale.unlink()
    return paths


def scifact_queries() -> list[tuple[str, str]]:
    """The test queries (queries.jsonl ∩ qrels-test.tsv) as (id, text), in qrels order."""
    texts = {str(q["_id"]): str(q["text"]) for q in read_jsonl(SCIFACT / "queries.jsonl")}
    return [(qid, texts[qid]) for qid in scifact_qrels() if qid in texts]


def scifact_qrels() -> dict[str, dict[str, int]]:
    """Graded judgements {query id: {document id: relevance}} from the BEIR test TSV."""
    qrels: dict[str, dict[str, int]] = {}
    lines = (SCIFACT / "qrels-test.tsv").read_text(encoding="utf-8").split("\n")
    for line in lines[1:]:  # header: query-id, corpus-id, score
        fields = line.rstrip("\r").split("\t")
        if len(fields) == 3:
            qrels.setdefault(fields[0], {})[fields[1]] = int(fields[2])
    return qrels


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Callable[..., None]]:
    """A live bar; the caller sets how much is done (and the total, once it is known)."""
    columns = (
        TextColumn("{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=False) as progress:
        task = progress.add_task(description, total=total)
        yield lambda done, total=None: progress.update(task, completed=done, total=total)


def ingest_with_bar(assistant: Assistant, folder: Path, description: str) -> IngestReport:
    """Ingest a folder through the real pipeline, advancing the bar file by file."""
    with progress_bar(description, None) as update:
        return assistant.ingest([folder], progress=lambda done, total: update(done, total))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (p50 is the median of an odd count)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def median(values: list[float]) -> float:
    """The median, for repeated throughput runs."""
    return statistics.median(values)
