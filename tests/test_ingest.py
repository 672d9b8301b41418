"""Ingestion through the real pipeline: incremental, replace, remove, bad input, metadata."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from assistant.engine import Assistant
from index import DocumentNotFound, Embedder, Store, StoreError

from .conftest import open_assistant

LONG = " ".join(
    f"Sentence number {i} says the review team met on a Tuesday to discuss item {i}."
    for i in range(40)
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _ids(assistant: Assistant) -> set[str]:
    return {d.id for d in assistant.documents()}


def test_reference_corpus_metadata_comes_from_the_sidecar(reference: Assistant) -> None:
    docs = {d.id: d for d in reference.documents()}
    pledge = docs["000_dacb6d7e4608512c"]
    assert pledge.title == "Better child protection pledge for city"
    assert (pledge.kind, pledge.date) == ("press_release", "2010-07-27")
    assert pledge.attribution and "Serious Case Review" in pledge.attribution
    assert pledge.source.endswith("000_dacb6d7e4608512c.txt")
    assert docs["001_531fd4b695795cd4"].date == "2010-03-12"
    assert pledge.chunks >= 5


def test_reference_web_page_boilerplate_is_not_stored(reference: Assistant) -> None:
    text = reference.store.text("001_531fd4b695795cd4")
    for furniture in ("Subscribe", "Tags:", "If you enjoyed", "By on 12/03/2010", "lawrence-les2"):
        assert furniture not in text
    assert "\nTop" not in text and not text.endswith("Top")


def test_date_and_title_inferred_without_sidecar(fresh: Assistant, tmp_path: Path) -> None:
    page = _write(
        tmp_path / "in" / "statement.txt",
        "Council statement on fostering\n\nBy on 12/03/2010 in News\n\n" + LONG,
    )
    report = fresh.ingest([page])
    assert report.added == ["statement"]
    doc = fresh.store.get("statement")
    assert (doc.title, doc.date, doc.kind) == (
        "Council statement on fostering",
        "2010-03-12",
        "other",
    )


def test_front_matter_gives_metadata(fresh: Assistant, tmp_path: Path) -> None:
    note = _write(
        tmp_path / "in" / "note.md",
        "---\ntitle: Action plan note\nkind: action_plan_note\ndate: 2009-11\n"
        "source: Test register\n---\n# Heading\n\n" + LONG,
    )
    fresh.ingest([note])
    doc = fresh.store.get("note")
    assert (doc.title, doc.kind, doc.date, doc.attribution) == (
        "Action plan note",
        "action_plan_note",
        "2009-11",
        "Test register",
    )


def test_unchanged_changed_and_removed(fresh: Assistant, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    a = _write(folder / "a.txt", "Alpha report\n\n" + LONG)
    _write(folder / "b.txt", "Beta report\n\n" + LONG.replace("Tuesday", "Friday"))
    first = fresh.ingest([folder])
    assert sorted(first.added) == ["a", "b"]
    generation = fresh.store.generation

    again = fresh.ingest([folder])
    assert sorted(again.unchanged) == ["a", "b"] and not again.added and not again.updated
    assert fresh.store.generation == generation  # nothing was written

    before = fresh.store.counts()[1]
    a.write_text("Alpha report\n\nOnly one short sentence now remains in this file.", "utf-8")
    changed = fresh.ingest([folder])
    assert changed.updated == ["a"]
    docs, chunks = fresh.store.counts()
    assert docs == 2 and chunks < before
    assert fresh.store.vectors.size == chunks  # old vectors replaced, not added to
    hits = fresh.search("Only one short sentence now remains", top_k=1)
    assert hits[0].document.id == "a"

    fresh.remove("b")
    assert _ids(fresh) == {"a"}
    assert all(h.document.id != "b" for h in fresh.search("Friday", top_k=20))
    assert fresh.store.vectors.size == fresh.store.counts()[1]
    with pytest.raises(DocumentNotFound):
        fresh.remove("b")


def test_bad_files_fail_one_line_each_and_the_rest_goes_on(
    fresh: Assistant, tmp_path: Path
) -> None:
    good = _write(tmp_path / "keep" / "kept.txt", "Kept record\n\n" + LONG)
    fresh.ingest([good])
    batch = tmp_path / "batch"
    _write(batch / "fine.txt", "Fine record\n\n" + LONG)
    _write(batch / "empty.txt", "")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (batch / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (batch / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (batch / "big.txt").write_text("word " * 400_000, encoding="utf-8")
    (batch / "records.jsonl").write_text(
        '{"id": "r1", "title": "Record one", "text": "' + LONG + '"}\n{not json}\n',
        encoding="utf-8",
    )
    fresh.settings.max_file_mb = 1.0
    report = fresh.ingest([batch, tmp_path / "missing.txt"])
    reasons = {Path(f.origin.split(":")[0]).name: f.reason for f in report.failures}
    assert sorted(report.added) == ["fine", "r1"]
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["broken.pdf"]
    assert "DOCX" in reasons["broken.docx"]
    assert "too large" in reasons["big.txt"]
    assert "missing.txt" in reasons
    assert any(f.origin.endswith("records.jsonl:2") for f in report.failures)
    assert _ids(fresh) == {"kept", "fine", "r1"}  # nothing already stored was lost
    assert report.summary() == "2 added, 0 updated, 0 unchanged, 7 failed"


def test_jsonl_records_keep_their_ids(fresh: Assistant, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "beir.jsonl",
        '{"_id": "4983", "title": "A study", "text": "Cells divide when signalled to.", '
        '"metadata": {}}\n',
    )
    fresh.ingest([path])
    assert _ids(fresh) == {"4983"}
    path.write_text(
        '{"_id": "77", "title": "Other", "text": "Something else entirely."}\n', "utf-8"
    )
    report = fresh.ingest([path])
    assert report.added == ["77"] and report.removed == ["4983"]  # vanished records go


def test_pdf_pages_reach_the_citations(fresh: Assistant, tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page_text in (
        "Foster care review. The panel met in May 2009 to plan the work.",
        "The fostering service was judged good in January 2010 by inspectors.",
    ):
        pdf.add_page()
        pdf.multi_cell(0, 6, page_text)
    path = tmp_path / "review.pdf"
    pdf.output(str(path))
    fresh.ingest([path])
    answer = fresh.ask("How was the fostering service judged in January 2010?")
    assert answer.status == "answered"
    assert answer.citations[0].evidence.page == 2


def test_an_index_refuses_another_model(assistant_home: Path, embedder: Embedder) -> None:
    store = Store(assistant_home)
    store.bind_model("some-other-model", 768)
    store.close()
    assistant = open_assistant(assistant_home, embedder)
    with pytest.raises(StoreError, match="built with model"):
        assistant.search("anything")


def test_lost_vector_file_is_rebuilt_from_sqlite(
    reference: Assistant, tmp_path: Path, embedder: Embedder
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(reference.store.home, copy)
    for vectors in copy.glob("vectors.*.faiss"):
        vectors.unlink()
    assistant = open_assistant(copy, embedder)
    assert assistant.search("vacancy rate", top_k=1)[0].document.id == "000_dacb6d7e4608512c"
    assert assistant.store.vectors.size == assistant.store.counts()[1]
    assistant.close()


def test_a_file_named_twice_is_ingested_once(fresh: Assistant, tmp_path: Path) -> None:
    path = _write(tmp_path / "in" / "once.txt", "Once only\n\n" + LONG)
    report = fresh.ingest([path, tmp_path / "in", path])
    assert report.added == ["once"]
    assert _ids(fresh) == {"once"}


def test_a_manifest_names_files_in_subfolders(fresh: Assistant, tmp_path: Path) -> None:
    root = tmp_path / "records"
    _write(root / "2010" / "pledge.txt", "Pledge\n\n" + LONG)
    _write(
        root / "manifest.csv",
        "path,title,kind,date,source\n2010/pledge.txt,The pledge,press-release,27 July 2010,PR\n",
    )
    fresh.ingest([root])
    doc = fresh.store.get("pledge")
    assert (doc.title, doc.kind, doc.date) == ("The pledge", "press_release", "2010-07-27")


def test_reading_commands_do_not_create_an_index(tmp_path: Path, embedder: Embedder) -> None:
    missing = tmp_path / "typo"
    with pytest.raises(StoreError, match="no index in"):
        open_assistant(missing, embedder).documents()
    assert not missing.exists()
