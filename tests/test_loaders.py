"""Loaders: each format read from a fixture built here, and each bad input refused clearly."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from index.errors import LoaderError
from index.kinds import normalise_kind
from index.loaders import SUPPORTED_SUFFIXES, load_file
from index.models import PAGE_BREAK, LoadedDocument

SCIFACT = Path(__file__).resolve().parents[2] / "shared" / "data" / "scifact" / "corpus.jsonl"


def _write(path: Path, data: bytes | str) -> Path:
    """Write a fixture file and hand back its path."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _load_one(path: Path) -> LoadedDocument:
    """Load a single-document file and return its document."""
    documents, failures = load_file(path)
    assert failures == []
    assert len(documents) == 1
    return documents[0]


def test_pdf_pages_joined_by_page_break(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_title("Improvement plan")
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="First page about the review.")
    pdf.add_page()
    pdf.cell(text="Second page about the action plan.")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    document = _load_one(path)
    pages = document.raw_text.split(PAGE_BREAK)
    assert len(pages) == 2
    assert "First page about the review." in pages[0]
    assert "Second page about the action plan." in pages[1]
    assert document.meta.title == "Improvement plan"
    assert len(document.fingerprint) == 64
    assert document.origin == str(path)


def test_docx_heading_paragraphs_list_and_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Serious Case Review actions", level=1)
    document.add_paragraph("The board agreed the plan.")
    document.add_paragraph("Train all social workers", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Owner"
    table.rows[0].cells[1].text = "Director of Children's Services"
    path = tmp_path / "actions.docx"
    document.save(str(path))
    loaded = _load_one(path)
    paragraphs = loaded.raw_text.split("\n\n")
    assert loaded.meta.title == "Serious Case Review actions"
    assert "The board agreed the plan." in paragraphs
    assert "- Train all social workers" in paragraphs
    assert "Owner" in paragraphs
    assert "Director of Children's Services" in paragraphs


HTML_PAGE = """<!doctype html><html><head>
<title>Statement on the review</title>
<meta name="date" content="2010-07-27T10:00:00Z">
<script>var tracking = "do not index";</script><style>p { color: red }</style>
</head><body>
<header>Site header</header><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="share-links"><a href="#">Share on Facebook</a></div>
<article><h1>Statement</h1>
<p>The council &amp; its partners accepted every recommendation.</p>
<ul><li>More social workers</li><li>Better training</li></ul>
<p>Line one<br>line two</p></article>
<aside>Related stories</aside><footer>Copyright council</footer>
</body></html>"""


def test_html_keeps_article_and_drops_boilerplate(tmp_path: Path) -> None:
    document = _load_one(_write(tmp_path / "statement.html", HTML_PAGE))
    text = document.raw_text
    assert document.meta.title == "Statement on the review"
    assert document.meta.date == "2010-07-27"
    assert "The council & its partners accepted every recommendation." in text.split("\n\n")
    assert "- More social workers" in text
    assert "- Better training" in text
    dropped = ("tracking", "color", "Site header", "Home", "Share", "Related", "Copyright")
    assert not [word for word in dropped if word in text]
    assert "Line one\n\nline two" in text


def test_html_title_falls_back_to_first_h1(tmp_path: Path) -> None:
    page = "<html><body><h1>Pledge</h1><p>Text.</p></body></html>"
    assert _load_one(_write(tmp_path / "p.htm", page)).meta.title == "Pledge"


def test_markdown_front_matter_and_syntax(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Better protection\nkind: press_release\ndate: 2010-07-27\n"
        "source: Council\nextra: ignored\n---\n"
        "# Heading\nSome **bold** and *italic* and _under_ with [a link](http://x.org) "
        "and `code`.\n<!-- hidden note -->\n\n- first item\n* second item\n\n```\nfenced\n```\n"
    )
    document = _load_one(_write(tmp_path / "note.md", text))
    assert document.meta.title == "Better protection"
    assert document.meta.kind == "press_release"
    assert document.meta.date == "2010-07-27"
    assert document.meta.source == "Council"
    paragraphs = document.raw_text.split("\n\n")
    assert paragraphs[0] == "Heading"
    assert "Some bold and italic and under with a link and code." in document.raw_text
    assert "- first item\n- second item" in document.raw_text
    assert "hidden" not in document.raw_text
    assert "```" not in document.raw_text
    assert "fenced" in document.raw_text


def test_markdown_without_front_matter_takes_heading_title(tmp_path: Path) -> None:
    document = _load_one(_write(tmp_path / "n.markdown", "# The pledge\n\nBody text.\n"))
    assert document.meta.title == "The pledge"
    assert document.raw_text == "The pledge\n\nBody text."


def test_markdown_malformed_front_matter(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.md", "---\ntitle: [unclosed\n---\nBody\n")
    with pytest.raises(LoaderError, match="invalid front matter"):
        load_file(path)


def test_txt_cp1252_curly_quotes(tmp_path: Path) -> None:
    path = _write(tmp_path / "q.txt", b"The council said \x93quoted\x94 and it\x92s done.")
    assert _load_one(path).raw_text == "The council said \u201cquoted\u201d and it\u2019s done."


def test_txt_utf16_with_bom(tmp_path: Path) -> None:
    path = _write(tmp_path / "u.txt", "Caf\u00e9 review \u2013 2010".encode("utf-16"))
    assert _load_one(path).raw_text == "Caf\u00e9 review \u2013 2010"


def test_jsonl_bad_line_reported_rest_loaded(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 1, "title": "One", "text": "First.", "kind": "other"}),
        "{not json",
        "",
        json.dumps({"id": "r2", "title": "", "text": "Second.", "date": "2010-03-12"}),
        json.dumps({"id": "r3", "text": ""}),
    ]
    path = _write(tmp_path / "records.jsonl", "\n".join(lines) + "\n")
    documents, failures = load_file(path)
    assert [d.record_id for d in documents] == ["1", "r2"]
    assert documents[0].meta.title == "One"
    assert documents[0].meta.kind == "other"
    assert documents[1].meta.title is None
    assert documents[1].meta.date == "2010-03-12"
    assert documents[0].raw_text == "First."
    assert [f.origin for f in failures] == [f"{path}:2", f"{path}:5"]
    assert "invalid JSON" in failures[0].reason
    assert failures[1].reason == "no text"
    assert documents[0].fingerprint != documents[1].fingerprint


def test_jsonl_beir_ids(tmp_path: Path) -> None:
    line = {"_id": "4983", "title": "Paper", "text": "Abstract.", "metadata": {}}
    documents, failures = load_file(_write(tmp_path / "corpus.jsonl", json.dumps(line)))
    assert failures == []
    assert documents[0].record_id == "4983"
    assert documents[0].raw_text == "Abstract."
    assert documents[0].meta.title == "Paper"


@pytest.mark.skipif(not SCIFACT.is_file(), reason="shared scifact corpus not present")
def test_scifact_corpus_loads_quickly() -> None:
    started = time.perf_counter()
    documents, failures = load_file(SCIFACT)
    assert time.perf_counter() - started < 5
    assert failures == []
    assert len(documents) == 5183


def test_csv_register(tmp_path: Path) -> None:
    register = (
        "Ref,Title,Recommendation,Owner,Status,Kind,Date\n"
        "R1,Staffing,Recruit more social workers.,Director,Complete,scr_recommendation,2010-07\n"
        ",,,,,,\n"
        "R3,,Audit case files.,,Open,,\n"
    )
    path = _write(tmp_path / "register.csv", register)
    documents, failures = load_file(path)
    assert [d.record_id for d in documents] == ["R1", "R3"]
    first = documents[0]
    assert first.origin == f"{path}#R1"
    assert first.meta.title == "Staffing"
    assert first.meta.kind == "scr_recommendation"
    assert first.meta.date == "2010-07"
    assert first.raw_text == "Recruit more social workers.\n\nOwner: Director\n\nStatus: Complete"
    assert documents[1].meta.title == "R3"
    assert failures[0].origin == f"{path}:row 3"
    assert failures[0].reason == "no text"


def test_csv_without_ref_uses_row_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.csv", "text\nFirst.\nSecond.\n")
    documents, _ = load_file(path)
    assert [d.record_id for d in documents] == ["row2", "row3"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"text\x00\x01\x02 more", "binary file (NUL bytes)"),
        ("broken.pdf", os.urandom(64) + b"\x00", "corrupt or unreadable PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "corrupt or unreadable DOCX"),
        ("data.xyz", b"something", "unsupported file type '.xyz'"),
        ("blank.txt", b"   \n\n", "no text"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 3, "could not detect the text encoding"),
    ],
)
def test_bad_input_is_refused(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path / name, data)
    with pytest.raises(LoaderError) as caught:
        load_file(path)
    assert caught.value.source == str(path)
    assert caught.value.reason.startswith(reason)


def test_scanned_pdf_without_text(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LoaderError, match=r"no extractable text \(scanned PDF\?\)"):
        load_file(path)


def test_oversized_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "x" * 100)
    with pytest.raises(LoaderError, match=r"too large \(100 bytes > limit 10 bytes\)"):
        load_file(path, max_bytes=10)


def test_directory_cannot_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(LoaderError, match="cannot read: Is a directory"):
        load_file(folder)


def test_missing_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(LoaderError, match="cannot read: No such file or directory"):
        load_file(tmp_path / "gone.txt")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "locked.txt", "secret")
    path.chmod(0)
    try:
        with pytest.raises(LoaderError, match="cannot read: Permission denied"):
            load_file(path)
    finally:
        path.chmod(0o600)


def test_supported_suffixes() -> None:
    expected = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".jsonl", ".csv"}
    assert expected == SUPPORTED_SUFFIXES


def test_encrypted_pdf(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="Confidential.")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(LoaderError, match="encrypted PDF"):
        load_file(path)


def test_markdown_impossible_front_matter_date_is_a_loader_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad-date.md", "---\ndate: 2010-02-30\n---\nBody\n")
    with pytest.raises(LoaderError, match=r"invalid front matter: .*day is out of range"):
        load_file(path)


@pytest.mark.parametrize("written", ["press-release", "Press Release", " PRESS_RELEASE "])
def test_kind_spellings_are_accepted_by_every_loader(tmp_path: Path, written: str) -> None:
    markdown = _write(tmp_path / "a.md", f"---\nkind: {written}\n---\nBody.\n")
    jsonl = _write(tmp_path / "b.jsonl", json.dumps({"id": "1", "text": "T.", "kind": written}))
    register = _write(tmp_path / "c.csv", f"ref,text,kind\nR1,Text.,{written}\n")
    assert _load_one(markdown).meta.kind == "press_release"
    assert load_file(jsonl)[0][0].meta.kind == "press_release"
    assert load_file(register)[0][0].meta.kind == "press_release"


def test_unknown_kind_names_the_kinds(tmp_path: Path) -> None:
    markdown = _write(tmp_path / "a.md", "---\nkind: memo\n---\nBody.\n")
    with pytest.raises(LoaderError, match=r"invalid front matter: unknown kind 'memo' \(expected"):
        load_file(markdown)
    documents, failures = load_file(_write(tmp_path / "c.csv", "ref,text,kind\nR1,Text.,memo\n"))
    assert documents == []
    assert failures[0].reason.startswith("unknown kind 'memo' (expected one of press_release,")


@pytest.mark.parametrize(
    ("name", "data"),
    [("header.csv", "ref,title,text\n"), ("blank.jsonl", "\n  \n\n")],
)
def test_record_file_without_records_is_refused(tmp_path: Path, name: str, data: str) -> None:
    path = _write(tmp_path / name, data)
    with pytest.raises(LoaderError) as caught:
        load_file(path)
    assert caught.value.reason == "no records"


HTML_TAGGED = """<html><body>
<article class="post tag-social-care category-news" id="post-12">
<p>Social care staffing improved.</p>
<div class="social-share">Share this</div><div class="site-menu">Home</div>
<div id="comments">A comment</div><div class="nav_bar">Links</div>
<p class="socialist-history">Kept: not a furniture word.</p>
</article></body></html>"""


def test_html_furniture_matched_by_whole_class_tokens(tmp_path: Path) -> None:
    text = _load_one(_write(tmp_path / "tagged.html", HTML_TAGGED)).raw_text
    assert "Social care staffing improved." in text
    assert "Kept: not a furniture word." in text
    assert not [word for word in ("Share this", "Home", "A comment", "Links") if word in text]


def test_html_article_with_furniture_class_is_never_skipped(tmp_path: Path) -> None:
    page = '<html><body><article class="share"><p>Article text.</p></article></body></html>'
    assert _load_one(_write(tmp_path / "a.html", page)).raw_text == "Article text."


def test_pdf_warnings_are_silenced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _write(tmp_path / "junk.pdf", b"garbage before %PDF-1.4 and nothing more")
    with caplog.at_level(logging.WARNING), pytest.raises(LoaderError):
        load_file(path)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_normalise_kind() -> None:
    assert normalise_kind(" Action-Plan note ") == "action_plan_note"
    with pytest.raises(ValueError, match=r"unknown kind 'x' \(expected one of press_release, "):
        normalise_kind("x")
