"""Documents: list, read in full, upload (editor) and delete (editor)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile

from assistant.engine import make_filters
from assistant.service.deps import EditorDep, ReaderDep, StateDep
from assistant.service.errors import ApiError
from assistant.service.schemas import DocumentFull, DocumentPage, ErrorOut, IngestOut, Kind
from assistant.service.state import ServiceState

router = APIRouter(prefix="/v1/documents", tags=["documents"])
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}, 401: {"model": ErrorOut}}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@router.get("", response_model=DocumentPage)
def list_documents(
    _: ReaderDep,
    state: StateDep,
    kind: Kind | None = None,
    since: Annotated[str | None, Query(max_length=40)] = None,
    until: Annotated[str | None, Query(max_length=40)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, object]:
    """Documents by date, a page at a time, filtered by kind and date range."""
    per_page = min(per_page, state.settings.max_page_size)
    filters = make_filters(kind, since, until, state.settings.day_first)
    documents = state.current().documents(filters)
    window = documents[(page - 1) * per_page : page * per_page]
    return {
        "documents": [{**d.as_dict(), "chunks": d.chunks} for d in window],
        "page": page,
        "per_page": per_page,
        "total": len(documents),
    }


@router.get("/{doc_id:path}", response_model=DocumentFull, responses=_NOT_FOUND)
def get_document(doc_id: str, _: ReaderDep, state: StateDep) -> dict[str, object]:
    """A document's metadata and whole stored text, so a quote can be shown in context."""
    store = state.current().store
    record = store.get(doc_id)
    return {"document": {**record.as_dict(), "chunks": record.chunks}, "text": store.text(doc_id)}


@router.delete("/{doc_id:path}", responses=_NOT_FOUND)
def delete_document(doc_id: str, _: EditorDep, state: StateDep) -> dict[str, str]:
    """Remove a document, its passages and vectors."""
    with state.write_lock:
        state.writer.remove(doc_id)
    return {"removed": doc_id}


@router.post(
    "", response_model=IngestOut, responses={413: {"model": ErrorOut}, 415: {"model": ErrorOut}}
)
def upload_documents(
    files: Annotated[list[UploadFile], File(description="One or more record files.")],
    _: EditorDep,
    state: StateDep,
) -> dict[str, object]:
    """Ingest uploaded files with the same loaders and errors as the CLI."""
    saved = {_save(upload, state): upload.filename or "upload" for upload in files}
    with state.write_lock:
        report = state.writer.ingest(list(saved))
    result = report.as_dict()
    result["failed"] = [_public_failure(f, saved) for f in report.as_dict()["failed"]]  # type: ignore[attr-defined]
    return result


def _save(upload: UploadFile, state: ServiceState) -> Path:
    """Check type and size, then keep the upload under the home by name (citations point there)."""
    name = Path(upload.filename or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix not in state.settings.upload_types:
        raise ApiError(
            415, "unsupported_type", f"{name}: files of type '{suffix}' are not accepted"
        )
    limit = int(state.settings.max_upload_mb * 1_000_000)
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, "too_large", f"{name}: larger than {state.settings.max_upload_mb} MB")
    folder = Path(state.settings.home) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (_SAFE_NAME.sub("-", name).lstrip(".") or "upload")
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    tmp.replace(path)  # a revised file of the same name replaces the old: its document updates
    return path


def _public_failure(failure: dict[str, str], saved: dict[Path, str]) -> dict[str, str]:
    """A failure line naming the uploaded file, never the server's path."""
    source = failure["source"]
    for path, name in saved.items():
        source = source.replace(str(path.resolve()), name).replace(str(path), name)
    return {"source": source, "reason": failure["reason"]}
