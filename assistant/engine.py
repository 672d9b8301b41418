"""The assistant's core object: one index folder, the model loaded once, on first need."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from pathlib import Path

from assistant.answer.answerer import Answerer
from assistant.answer.models import Answer
from assistant.answer.scoring import default_model
from assistant.answer.select import COMMON_NAME_SHARE, EvidenceSelector, SelectionRules
from assistant.answer.writer import AnswerWriter, ExtractiveWriter
from assistant.errors import InvalidQuery
from assistant.registers import (
    Recommendation,
    answer_from_register,
    read_register,
    status_filter,
)
from assistant.settings import Settings
from assistant.timeline import TimelineEvent, timeline
from index import (
    DocumentRecord,
    Embedder,
    Filters,
    Ingestor,
    IngestReport,
    PrepareOptions,
    Progress,
    SearchConfig,
    Searcher,
    SearchHit,
    Store,
    date_bounds,
    normalise_date,
    normalise_kind,
)

MAX_TOP_K = 100


def open_embedder(settings: Settings) -> Embedder:
    """The configured model on the configured encoder, its int8 export cached per settings."""
    return Embedder(
        settings.model, encoder=settings.embedder, cache_dir=settings.encoder_cache_dir()
    )


class Assistant:
    """Ingest, list, remove, search and ask over the index in `settings.home`."""

    def __init__(
        self,
        settings: Settings,
        *,
        writer: AnswerWriter | None = None,
        embedder: Embedder | None = None,
        create: bool = False,
    ) -> None:
        self.settings = settings
        self.writer = writer or ExtractiveWriter()
        self._given_embedder = embedder
        self._create = create

    @cached_property
    def store(self) -> Store:
        """The index folder, opened without loading the model; it must exist unless ingesting."""
        return Store(Path(self.settings.home), create=self._create)

    @cached_property
    def embedder(self) -> Embedder:
        """The embedding model, loaded once (or the one given), checked against the index."""
        embedder = self._given_embedder or open_embedder(self.settings)
        self.store.bind_model(embedder.name, embedder.dimension, embedder.encoder)
        return embedder

    @cached_property
    def searcher(self) -> Searcher:
        """Hybrid search with the configured fusion."""
        config = SearchConfig(
            candidates=self.settings.candidates,
            fusion=self.settings.fusion,
            dense_weight=self.settings.dense_weight,
        )
        return Searcher(self.store, self.embedder, config)

    @cached_property
    def answerer(self) -> Answerer:
        """Question answering over the searcher, register rows tried first."""
        rules = SelectionRules(
            max_sentences=self.settings.answer_sentences, day_first=self.settings.day_first
        )
        model = default_model()
        if self.settings.answer_threshold is not None:
            model = replace(model, threshold=self.settings.answer_threshold)
        selector = EvidenceSelector(self.store, rules, model=model, embed=self.embedder.embed_batch)
        day_first = self.settings.day_first
        return Answerer(
            self.store,
            self.searcher,
            selector,
            self.writer,
            day_first=day_first,
            max_question_chars=self.settings.max_question_chars,
            direct=[lambda s, q, f: answer_from_register(s, q, f, day_first=day_first)],
        )

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        """Add or update documents from files and folders (creating the index if need be)."""
        self._create = True
        options = PrepareOptions(
            day_first=self.settings.day_first,
            min_words=self.settings.chunk_min_words,
            max_words=self.settings.chunk_max_words,
            overlap=self.settings.chunk_overlap,
        )
        max_bytes = int(self.settings.max_file_mb * 1_000_000)
        ingestor = Ingestor(
            self.store,
            self.embedder,
            options,
            max_bytes=max_bytes,
            batch_chunks=self.settings.ingest_batch_chunks,
        )
        return ingestor.ingest(paths, progress)

    def remove(self, doc_id: str) -> None:
        """Delete a document from the index."""
        self.store.remove(doc_id)

    def documents(self, filters: Filters | None = None) -> list[DocumentRecord]:
        """Documents in the index, by date."""
        return self.store.documents(filters)

    def search(
        self, query: str, top_k: int = 10, filters: Filters | None = None
    ) -> list[SearchHit]:
        """Ranked passages for a query."""
        if not query.strip():
            raise InvalidQuery("the query is empty")
        if not 1 <= top_k <= MAX_TOP_K:
            raise InvalidQuery(f"top must be between 1 and {MAX_TOP_K}, not {top_k}")
        return self.searcher.search(query, top_k=top_k, filters=filters)

    def ask(self, question: str, filters: Filters | None = None) -> Answer:
        """A cited answer, or not_found."""
        return self.answerer.ask(question, filters)

    def is_common_name(self, name: str) -> bool:
        """Whether most records name it (the inspectorate, the council itself): not what
        any one of them is about."""
        _, passages = self.store.counts()
        return self.store.term_frequency(name.lower()) >= COMMON_NAME_SHARE * max(passages, 1)

    def timeline(self, filters: Filters, about: str | None = None) -> list[TimelineEvent]:
        """Dated events in order (filters: kind, and since/until on the events' dates)."""
        return timeline(
            self.store,
            Filters(kind=filters.kind),
            since=date_bounds(filters.since)[0] if filters.since else None,
            until=date_bounds(filters.until)[1] if filters.until else None,
            about=about,
        )

    def recommendations(
        self, status: str | None = None, kind: str | None = None
    ) -> list[Recommendation]:
        """Register rows (SCR recommendations, action-plan items), optionally of one status."""
        wanted = status_filter(status)
        kind = make_filters(kind, None, None, self.settings.day_first).kind
        return read_register(
            self.store, kind=kind, status=wanted, day_first=self.settings.day_first
        )

    def close(self) -> None:
        """Release the database."""
        if "store" in self.__dict__:
            self.store.close()


def make_filters(
    kind: str | None, since: str | None, until: str | None, day_first: bool
) -> Filters:
    """Validated filters from user input; InvalidQuery names the bad value."""
    if kind is not None:
        try:
            kind = normalise_kind(kind)
        except ValueError as exc:
            raise InvalidQuery(str(exc)) from exc
    return Filters(
        kind=kind, since=_date(since, "since", day_first), until=_date(until, "until", day_first)
    )


def _date(value: str | None, name: str, day_first: bool) -> str | None:
    if value is None:
        return None
    try:
        return normalise_date(value, day_first=day_first)
    except ValueError as exc:
        raise InvalidQuery(f"{name}: {exc}") from exc
