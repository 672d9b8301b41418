"""One typed settings object: environment (ASSISTANT_*), then command-line overrides."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    """A per-user data folder, so the index survives between sessions."""
    return Path(user_data_dir("records-assistant", appauthor=False))


class Settings(BaseSettings):
    """Everything a user can set; each field reads ASSISTANT_<NAME> from the environment."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    home: Path = Field(
        default_factory=default_home,
        description="Folder holding the index (SQLite database and FAISS vectors).",
    )
    model: str = Field(
        default="all-MiniLM-L6-v2",
        description="sentence-transformers model name or local path; the default is the"
        " packaged all-MiniLM-L6-v2, loaded offline.",
    )
    embedder: Literal["onnx-int8", "torch"] = Field(
        default="onnx-int8",
        description="Encoder of the model: onnx-int8 (ONNX Runtime, int8, no torch at query time;"
        " exported once from the model files) or torch (sentence-transformers, fp32). An index"
        " keeps the encoder it was built with.",
    )
    encoder_cache: Path | None = Field(
        default=None,
        description="Folder for the exported int8 model, keyed by the model files' hash;"
        " default <home>/encoders.",
    )
    day_first: bool = Field(
        default=True, description="Read 12/03/2010 as 12 March (UK order); False for US order."
    )
    max_file_mb: float = Field(default=50.0, gt=0, description="Files larger than this fail.")
    chunk_min_words: int = Field(default=100, ge=10, description="Smallest passage, in words.")
    chunk_max_words: int = Field(default=200, ge=20, description="Largest passage, in words.")
    chunk_overlap: int = Field(default=1, ge=0, le=3, description="Sentences shared by passages.")
    ingest_batch_chunks: int = Field(
        default=256, ge=1, description="Passages embedded and committed together while ingesting."
    )
    fusion: Literal["weighted", "rrf"] = Field(
        default="weighted", description="How keyword and dense rankings are fused."
    )
    dense_weight: float = Field(
        default=0.5, ge=0, le=1, description="Weight of dense similarity in weighted fusion."
    )
    candidates: int = Field(
        default=300, ge=10, description="Candidates drawn per ranking (300: measured best)."
    )
    answer_sentences: int = Field(
        default=3, ge=1, le=8, description="Most sentences an answer quotes."
    )
    answer_threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Probability a quote must reach to answer; unset: the calibrated threshold.",
    )

    max_request_kb: int = Field(
        default=256, ge=1, description="Largest JSON request body the service accepts, in KB."
    )
    max_question_chars: int = Field(
        default=1000, ge=10, description="Longest question or claim, in characters."
    )
    max_upload_mb: float = Field(
        default=20.0, gt=0, description="Largest file accepted by POST /v1/documents, in MB."
    )
    upload_types: list[str] = Field(
        default=[".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".jsonl", ".csv"],
        description="File name endings POST /v1/documents accepts.",
    )
    max_page_size: int = Field(default=100, ge=1, description="Most results per page or search.")
    rate_per_minute: int = Field(
        default=600, ge=1, description="Requests per minute allowed to one key (or client)."
    )
    audit_retention_days: int = Field(
        default=365, ge=1, description="Audit rows older than this are deleted."
    )
    bind_host: str = Field(
        default="127.0.0.1",
        description="The address the service is bound to (set by `assistant serve`); with no"
        " active key only a loopback service answers.",
    )
    cors_origins: list[str] = Field(
        default=[], description="Origins allowed by CORS; empty keeps CORS off."
    )

    def encoder_cache_dir(self) -> Path:
        """Where the int8 export is cached: the setting, else beside the index."""
        return self.encoder_cache or Path(self.home) / "encoders"

    @field_validator("home", mode="before")
    @classmethod
    def _home_is_named(cls, value: object) -> object:
        """An empty home would silently mean the current folder."""
        if isinstance(value, str | Path) and not str(value).strip():
            raise ValueError("home must name a folder")
        return Path(value).expanduser() if isinstance(value, str | Path) else value
