"""Files → records → chunks → embeddings → FAISS + SQLite, and hybrid search over them.

The assistant layer imports only the names listed in `__all__`.
"""

from index.acronyms import spelt_out
from index.dates import (
    MONTH_NAME,
    date_bounds,
    find_dates,
    format_date,
    month_number,
    normalise_date,
)
from index.embedder import DEFAULT_MODEL, Embedder
from index.errors import DocumentNotFound, IndexLayerError, LoaderError, StoreError
from index.events import DatedSpan, dated_spans
from index.fields import FieldChange, StoredRecord
from index.furniture import ADDRESS_LINE
from index.inference import year_in_name
from index.ingest import Ingestor, IngestReport, Progress
from index.kinds import normalise_kind
from index.loaders import SUPPORTED_SUFFIXES
from index.models import KINDS, DateMention
from index.prepare import PrepareOptions
from index.records import DocumentRecord, StoredSentence
from index.search import SearchConfig, Searcher, SearchHit
from index.store import DatedSentence, Filters, Store
from index.text import sentences_of
from index.vocabulary import vocabulary

__all__ = [
    "ADDRESS_LINE",
    "DEFAULT_MODEL",
    "KINDS",
    "MONTH_NAME",
    "SUPPORTED_SUFFIXES",
    "DateMention",
    "DatedSentence",
    "DatedSpan",
    "DocumentNotFound",
    "DocumentRecord",
    "Embedder",
    "FieldChange",
    "Filters",
    "IndexLayerError",
    "IngestReport",
    "Ingestor",
    "LoaderError",
    "PrepareOptions",
    "Progress",
    "SearchConfig",
    "SearchHit",
    "Searcher",
    "Store",
    "StoreError",
    "StoredRecord",
    "StoredSentence",
    "date_bounds",
    "dated_spans",
    "find_dates",
    "format_date",
    "month_number",
    "normalise_date",
    "normalise_kind",
    "sentences_of",
    "spelt_out",
    "vocabulary",
    "year_in_name",
]
