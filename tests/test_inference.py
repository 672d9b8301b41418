"""Titles and dates are guessed sensibly when no metadata gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.inference import infer_date, infer_title

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _raw(name: str) -> str:
    """Read a reference file, or skip when the shared corpus is absent."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"reference corpus file {path} is absent")
    return path.read_text(encoding="utf-8")


def test_reference_titles_are_their_headings() -> None:
    pdf = clean_text(_raw("000_dacb6d7e4608512c.txt"))
    web = clean_text(_raw("001_531fd4b695795cd4.txt"))
    assert infer_title(pdf) == "Better child protection pledge for city"
    assert infer_title(web) == "Statement following sentencing in Khyra Ishaq trial"


def test_title_from_first_sentence_when_no_heading() -> None:
    text = (
        "The council published its improvement plan for children's social care in "
        "Birmingham today. It sets out targets."
    )
    assert infer_title(clean_text(text)) == (
        "The council published its improvement plan for children's social care in Birmingham…"
    )
    assert infer_title(clean_text("Short note. More text.")) == "Short note."


def test_no_title_for_empty_text() -> None:
    assert infer_title(clean_text("")) is None


def test_web_page_date_from_byline() -> None:
    assert infer_date(_raw("001_531fd4b695795cd4.txt")) == "2010-03-12"


def test_pdf_press_release_has_no_date_near_its_top() -> None:
    assert infer_date(_raw("000_dacb6d7e4608512c.txt")) is None


def test_published_line_and_lead_dates() -> None:
    assert infer_date("Title\n\nPublished 27 July 2010\n\nIn December 2008 ...") == "2010-07-27"
    assert infer_date("Title\n\nIn December 2008 Ofsted met on 3 March 2009.\n") == "2009-03-03"
    assert infer_date("Title\n\nIn December 2008 Ofsted met.\n\nBody.") == "2008-12"
    assert infer_date("Pledge\n\nIssued: 2010-07\n\nBody text.") == "2010-07"
    assert infer_date("Title\nIn 2008 Ofsted met.") is None
    assert infer_date("By on 03/12/2010 in News", day_first=False) == "2010-03-12"


def test_date_far_down_is_not_the_publication_date() -> None:
    assert infer_date("Title\n\n" + "word " * 200 + "on 3 March 2009.") is None


def test_dates_inside_a_paragraph_are_not_the_publication_date() -> None:
    assert infer_date("Report\nIssued to all staff in March 2009 and 12 June 2010") is None
    wrapped = (
        "Decision record\n\nThe plan agreed in principle last spring was adopted\n"
        "by the Cabinet on 15 June 2010 in full and took effect at once.\n"
        "Staff were told the next day.\n"
    )
    assert infer_date(wrapped) is None


def test_byline_must_be_short_and_near_the_top() -> None:
    long_byline = "Title\n\nPublished on 3 May 2010 " + "after a long consultation " * 3
    assert infer_date(long_byline) is None
    far_down = "Title\n\n" + "Line of text.\n\n" * 8 + "Published 3 May 2010\n"
    assert infer_date(far_down) is None


def test_a_date_alone_on_its_line_dates_a_pdf_without_blank_lines() -> None:
    assert infer_date("Pledge for city\n27 July 2010\nThe council said today.") == "2010-07-27"
