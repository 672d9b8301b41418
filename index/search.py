"""Hybrid retrieval: FTS5 BM25 and FAISS cosine, fused into one ranking of chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from index.embedder import Embedder
from index.keyword import Engine, default_engine, keyword_engine
from index.records import DocumentRecord, StoredChunk
from index.store import Filters, Store

Mode = Literal["hybrid", "keyword", "dense"]
_ALLOWED_CACHED = 8
Fusion = Literal["weighted", "rrf"]
_TOKEN = re.compile(r"\w+", re.UNICODE)
_STOPWORDS_TEXT = """
    a an and are as at be but by for if in into is it no not of on or such that the their
    then there these they this to was will with
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
"""Lucene's English stop set: dropped from the keyword query, where they match nearly every
chunk (SciFact: median 11,166 of 11,239 chunks matched, 4,452 without them), cost most of
the BM25 time and add next to nothing to the ranking; the dense side still reads them."""


@dataclass(frozen=True)
class SearchConfig:
    """How the two rankings are drawn and fused; defaults are the measured best.

    On BEIR SciFact (benchmarks/README.md) min-max weighted fusion at 0.5 beat RRF and
    every other weight tried; 300 candidates per ranking fill 100 documents for recall.
    """

    candidates: int = 300
    fusion: Fusion = "weighted"
    dense_weight: float = 0.5
    rrf_k: int = 60
    title_weight: float = 2.0
    keep_stopwords: bool = False
    keyword_engine: Engine = field(default_factory=default_engine)
    """Keyword engine: fts5 (exact BM25 over every match) or tantivy (top-k pruning)."""


@dataclass(frozen=True)
class SearchHit:
    """One ranked passage with its provenance and the evidence for its rank."""

    chunk: StoredChunk
    document: DocumentRecord
    text: str
    score: float
    keyword_score: float | None
    dense_score: float | None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape shared by the CLI and the HTTP API."""
        return {
            "chunk_id": self.chunk.id,
            "document": self.document.as_dict(),
            "text": self.text,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "paragraph": self.chunk.paragraph,
            "page": self.chunk.page,
            "score": round(self.score, 6),
            "keyword_score": _round(self.keyword_score),
            "dense_score": _round(self.dense_score),
        }


class Searcher:
    """Ranks chunks for a query over one store with one embedder."""

    def __init__(self, store: Store, embedder: Embedder, config: SearchConfig | None = None):
        self.store = store
        self.embedder = embedder
        self.config = config or SearchConfig()
        self.keywords = keyword_engine(store, self.config.keyword_engine)
        self._allowed_cache: dict[tuple[int, Filters], np.ndarray] = {}

    def search(
        self,
        query: str,
        *,
        top_k: int = 10,
        filters: Filters | None = None,
        mode: Mode = "hybrid",
        query_vector: np.ndarray | None = None,
    ) -> list[SearchHit]:
        """The top_k chunks for the query, best first."""
        filters = filters or Filters()
        keyword = self.keyword_scores(query, filters) if mode != "dense" else {}
        dense: dict[int, float] = {}
        if mode != "keyword":
            vector = query_vector if query_vector is not None else self.embedder.embed_one(query)
            dense = self.dense_scores(vector, filters)
        fused = self.fuse(keyword, dense)
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
        return self._hits(ranked, keyword, dense)

    def keyword_scores(self, query: str, filters: Filters) -> dict[int, float]:
        """BM25 scores of the keyword candidates."""
        words = query_words(query, keep_stopwords=self.config.keep_stopwords)
        hits = self.keywords.search(
            words, self.config.candidates, filters, self.config.title_weight
        )
        return dict(hits)

    def dense_scores(self, vector: np.ndarray, filters: Filters) -> dict[int, float]:
        """Cosine scores of the dense candidates."""
        allowed = self._allowed(filters) if filters.active else None
        return dict(self.store.vectors.search(vector, self.config.candidates, allowed))

    def _allowed(self, filters: Filters) -> np.ndarray:
        """The chunk ids a filter lets through, kept per generation: at 1M passages the
        SQL that finds them costs more than the search, and people repeat their filters."""
        key = (self.store.generation, filters)
        found = self._allowed_cache.get(key)
        if found is None:
            if len(self._allowed_cache) >= _ALLOWED_CACHED or any(
                k[0] != key[0] for k in self._allowed_cache
            ):
                self._allowed_cache = {}
            found = self._allowed_cache[key] = self.store.allowed_chunk_ids(filters)
        return found

    def fuse(self, keyword: dict[int, float], dense: dict[int, float]) -> dict[int, float]:
        """Combine the two candidate lists into one score per chunk."""
        if not keyword or not dense:
            return dict(keyword or dense)
        if self.config.fusion == "rrf":
            return _rrf([keyword, dense], self.config.rrf_k)
        return _weighted(keyword, dense, self.config.dense_weight)

    def _hits(
        self, ranked: list[tuple[int, float]], keyword: dict[int, float], dense: dict[int, float]
    ) -> list[SearchHit]:
        rows = self.store.chunks([chunk_id for chunk_id, _ in ranked])
        hits = []
        for chunk_id, score in ranked:
            if chunk_id not in rows:
                continue  # removed between the two reads
            chunk, document, text = rows[chunk_id]
            hits.append(
                SearchHit(chunk, document, text, score, keyword.get(chunk_id), dense.get(chunk_id))
            )
        return hits


def query_words(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """The query's distinct lower-case words, stop words out unless all are."""
    words = list(dict.fromkeys(w.lower() for w in _TOKEN.findall(text)))
    return words if keep_stopwords else [w for w in words if w not in STOPWORDS] or words


def fts_query(text: str, *, keep_stopwords: bool = False) -> str:
    """An FTS5 MATCH: words quoted (no syntax injection), OR-ed, stop words out unless all are."""
    return " OR ".join(f'"{w}"' for w in query_words(text, keep_stopwords=keep_stopwords))


def best_per_document(hits: list[SearchHit]) -> list[SearchHit]:
    """Each document once, at its best chunk (max score): a document-level ranking."""
    seen: set[str] = set()
    best = []
    for hit in sorted(hits, key=lambda h: -h.score):
        if hit.document.id not in seen:
            seen.add(hit.document.id)
            best.append(hit)
    return best


def _rrf(rankings: list[dict[int, float]], k: int) -> dict[int, float]:
    """Reciprocal rank fusion: sum of 1 / (k + rank) over the rankings."""
    fused: dict[int, float] = {}
    for scores in rankings:
        ordered = sorted(scores, key=lambda cid: -scores[cid])
        for rank, chunk_id in enumerate(ordered, start=1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (k + rank)
    return fused


def _weighted(keyword: dict[int, float], dense: dict[int, float], alpha: float) -> dict[int, float]:
    """Convex combination of min-max normalised scores; a missing score counts as 0."""
    kw = _min_max(keyword)
    de = _min_max(dense)
    return {
        cid: alpha * de.get(cid, 0.0) + (1.0 - alpha) * kw.get(cid, 0.0)
        for cid in keyword.keys() | dense.keys()
    }


def _min_max(scores: dict[int, float]) -> dict[int, float]:
    low, high = min(scores.values()), max(scores.values())
    span = high - low
    if span <= 0:
        return dict.fromkeys(scores, 1.0)
    return {cid: (s - low) / span for cid, s in scores.items()}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
