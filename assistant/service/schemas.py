"""Request and response bodies of the HTTP API, with examples for the OpenAPI schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from index import KINDS

Kind = Literal["press_release", "scr_recommendation", "action_plan_note", "other"]
assert set(KINDS) == {"press_release", "scr_recommendation", "action_plan_note", "other"}


class Filters(BaseModel):
    """Restrict evidence to a kind of record and a date range (on document dates)."""

    model_config = ConfigDict(extra="forbid")
    kind: Kind | None = None
    since: str | None = Field(default=None, examples=["2009-01"], max_length=40)
    until: str | None = Field(default=None, examples=["2010-12-31"], max_length=40)


class AskRequest(BaseModel):
    """A question, optional filters, and whether to stream the answer as SSE."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"question": "When was the Improvement Notice issued?"}]},
    )
    question: str = Field(min_length=1)
    filters: Filters | None = None
    stream: bool = False


class SearchRequest(BaseModel):
    """A query for ranked passages."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"query": "vacancy rate", "top_k": 5}]}
    )
    query: str = Field(min_length=1)
    top_k: int = Field(default=10, ge=1, le=100)
    filters: Filters | None = None


class TextPart(BaseModel):
    """A part of a message's content; only text parts carry words we answer."""

    model_config = ConfigDict(extra="allow")
    type: str = "text"
    text: str | None = None


class Message(BaseModel):
    """One chat turn; OpenAI's content forms (text, list of parts, null) are accepted."""

    model_config = ConfigDict(extra="allow")
    role: Literal["user", "assistant", "system", "developer", "tool"]
    content: str | list[TextPart] | None = None

    @property
    def text(self) -> str:
        """The turn's words, whatever form the content came in."""
        if isinstance(self.content, list):
            return " ".join(p.text for p in self.content if p.type == "text" and p.text)
        return self.content or ""

    @property
    def speaker(self) -> Literal["user", "assistant", "system"]:
        """Developer and tool turns count as system turns: they are not questions."""
        return self.role if self.role in ("user", "assistant") else "system"


class ChatRequest(BaseModel):
    """The conversation so far; the last user turn is the question."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "messages": [
                        {"role": "user", "content": "What was the vacancy rate in April 2010?"},
                        {"role": "assistant", "content": "… 15 per cent … [1]"},
                        {"role": "user", "content": "and in February 2010?"},
                    ]
                }
            ]
        },
    )
    messages: list[Message] = Field(min_length=1, max_length=50)
    filters: Filters | None = None
    stream: bool = False


class DocumentOut(BaseModel):
    """A document's metadata."""

    id: str
    title: str
    kind: str
    date: str | None
    source: str
    attribution: str | None = None
    chunks: int | None = None


class ContextOut(BaseModel):
    """A heading, previous sentence, speaker's sentence or the sentence naming in full one the
    quote calls "Cllr Doe", shown with a quote because the quote needs it."""

    role: Literal["heading", "previous", "speaker", "named"]
    quote: str
    start: int
    end: int


class CitationOut(BaseModel):
    """A numbered verbatim quote and where it is."""

    id: int
    quote: str
    start: int
    end: int
    page: int | None
    document: DocumentOut
    context: ContextOut | None = None


class RelatedOut(BaseModel):
    """A nearby passage offered as reading when the records do not answer."""

    text: str
    start: int
    end: int
    document: DocumentOut


class AnswerOut(BaseModel):
    """The ask JSON (the same as `assistant ask --json`), plus its receipt."""

    question: str
    status: Literal["answered", "not_found"]
    answer: str
    citations: list[CitationOut]
    related: list[RelatedOut] = []
    reason: str | None = None
    searched: dict[str, Any] = {}
    confidence: float | None = None
    answer_id: str | None = None
    generation: int | None = None
    resolved_question: str | None = None


class HitOut(BaseModel):
    """A ranked passage."""

    chunk_id: int
    document: DocumentOut
    text: str
    start: int
    end: int
    paragraph: int
    page: int | None
    score: float
    keyword_score: float | None
    dense_score: float | None


class SearchOut(BaseModel):
    """Ranked passages for a query."""

    query: str
    hits: list[HitOut]


class DocumentPage(BaseModel):
    """One page of the document list."""

    documents: list[DocumentOut]
    page: int
    per_page: int
    total: int


class DocumentFull(BaseModel):
    """A document's metadata and its whole stored text (every offset points into it)."""

    document: DocumentOut
    text: str


class IngestOut(BaseModel):
    """What an upload did."""

    added: list[str]
    updated: list[str]
    unchanged: list[str]
    removed: list[str]
    failed: list[dict[str, str]]


class Health(BaseModel):
    """Alive."""

    status: Literal["ok"]


class Ready(BaseModel):
    """Index loaded: counts, generation and model."""

    status: Literal["ready"]
    documents: int
    chunks: int
    generation: int
    model: str | None


class ErrorDetail(BaseModel):
    """A stable code and a message for people."""

    code: str
    message: str


class ErrorOut(BaseModel):
    """Every error response."""

    error: ErrorDetail
