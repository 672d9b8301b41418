"""Domain errors of the index layer; the edges (CLI, HTTP) translate them."""

from __future__ import annotations


class IndexLayerError(Exception):
    """Base of every error the index layer raises on purpose."""


class LoaderError(IndexLayerError):
    """A file or record could not be read into a document; names it and why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(IndexLayerError):
    """The on-disk index is missing, incompatible or could not be written."""


class DocumentNotFound(IndexLayerError):
    """A document id that the index does not hold."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"no document with id {doc_id!r}")
        self.doc_id = doc_id
