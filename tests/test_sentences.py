"""Sentences come out whole, exact, and never cut at abbreviations or quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.models import PAGE_BREAK, CleanText, Paragraph
from index.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _sentences_of(clean: CleanText) -> list[str]:
    return [clean.text[s.start : s.end] for s in split_sentences(clean)]


def _corpus_sentences(name: str) -> list[str]:
    """Clean and split a reference file, or skip when the shared corpus is absent."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"reference corpus file {path} is absent")
    return _sentences_of(clean_text(path.read_text(encoding="utf-8")))


def _split(text: str) -> list[str]:
    return _sentences_of(CleanText(text, [Paragraph(0, len(text), 1)]))


def test_pdf_sentences_are_whole() -> None:
    sentences = _corpus_sentences("000_dacb6d7e4608512c.txt")
    assert (
        "The vacancy rate within the Children’s Social Care workforce has dropped from 23 per "
        "cent in December 2009; 20 per cent in February 2010 to 15 per cent in April 2010 "
        "(latest figures available)."
    ) in sentences
    assert (
        "This is down from 180 vacancies out of 750 qualified full-time social workers to 100"
    ) in sentences
    assert (
        "The SCR makes 12 recommendations that directly relate to Birmingham’s children "
        "services, or are joint recommendations with other agencies."
    ) in sentences
    assert (
        "Ten of these have already been fully implemented and a further two, which emerged "
        "from the criminal trial into Khyra’s death, are in the process of being implemented."
    ) in sentences
    assert (
        "Cllr Lawrence, Cabinet Member for Children, Young People and Families for Birmingham "
        "City Council, said: “We realise that none of the improvements we and other agencies "
        "have put in place can bring Khyra back."
    ) in sentences
    assert any(s.startswith("Sickness rates") and "to 16.9 from July 2009" in s for s in sentences)
    assert not any("\n" in s or "•" in s for s in sentences)


def test_web_sentences_are_whole() -> None:
    sentences = _corpus_sentences("001_531fd4b695795cd4.txt")
    assert sentences[1] == (
        "Cllr Les Lawrence, Cabinet Member for Children, Young People and Families, said: "
        "“Today's sentencing brings to a close a very sad chapter in this city which begun "
        "with the death of Khyra Ishaq over 22 months ago."
    )
    assert (
        "As a result, the Department for Children, Young People and Families issued an "
        "Improvement Notice in February 2009."
    ) in sentences
    assert "In the year in which Khyra Ishaq died." in sentences


@pytest.mark.parametrize("name", ["000_dacb6d7e4608512c.txt", "001_531fd4b695795cd4.txt"])
def test_every_span_is_exact_and_inside_its_paragraph(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"reference corpus file {path} is absent")
    clean = clean_text(path.read_text(encoding="utf-8"))
    spans = split_sentences(clean)
    for span in spans:
        paragraph = clean.paragraphs[span.paragraph - 1]
        assert paragraph.start <= span.start < span.end <= paragraph.end
        assert clean.text[span.start : span.end] == clean.text[span.start : span.end].strip()
    assert {s.paragraph for s in spans} == {p.number for p in clean.paragraphs}


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = (
        "Mr. Tucker met Dr. Jones and J. Smith at 9 a.m. on Tuesday. The rate fell to 16.9 "
        "per cent, e.g. in the South. Was it enough? “Yes,” said Cllr. Clark. (Later) it rose."
    )
    assert _split(text) == [
        "Mr. Tucker met Dr. Jones and J. Smith at 9 a.m. on Tuesday.",
        "The rate fell to 16.9 per cent, e.g. in the South.",
        "Was it enough?",
        "“Yes,” said Cllr. Clark.",
        "(Later) it rose.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "He said: “We are sorry.” Then he left. “Let this be her legacy.” 2010 was hard."
    assert _split(text) == [
        "He said: “We are sorry.”",
        "Then he left.",
        "“Let this be her legacy.”",
        "2010 was hard.",
    ]


def test_lowercase_after_stop_does_not_split() -> None:
    assert _split("The figures (approx. ten) rose. and so on") == [
        "The figures (approx. ten) rose. and so on"
    ]


def test_sentences_carry_paragraph_and_page() -> None:
    clean = clean_text(f"One. Two.\n\n{PAGE_BREAK}Three over\n{PAGE_BREAK}a page.")
    spans = split_sentences(clean)
    assert _sentences_of(clean) == ["One.", "Two.", "Three over a page."]
    assert [(s.paragraph, s.page) for s in spans] == [(1, 1), (1, 1), (2, 2)]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences(CleanText("", [])) == []


def test_reference_abbreviations_before_numbers_do_not_split() -> None:
    text = (
        "See para. 5 and paras. 6-8, pp. 12-14, p. 3, Vol. 2, vols. 3, ref. 7, refs. 8, "
        "cf. 9, ch. 3, Sec. 4, art. 2, fig. 1, figs. 3 and No. 9 of the review. Then it ended."
    )
    assert _split(text) == [text.removesuffix(" Then it ended."), "Then it ended."]


def test_reference_abbreviation_before_a_capital_still_ends_a_sentence() -> None:
    assert _split("It is set out in the next para. The list follows.") == [
        "It is set out in the next para.",
        "The list follows.",
    ]


def test_dotted_initialisms_continue_a_name() -> None:
    text = (
        "The U.K. Government and the U.S.A. Department met. He moved to the U.K. The rest stayed."
    )
    assert _split(text) == [
        "The U.K. Government and the U.S.A. Department met.",
        "He moved to the U.K.",
        "The rest stayed.",
    ]


def test_times_end_a_sentence_only_before_a_common_opener() -> None:
    text = (
        "They met at 5 p.m. The meeting ended. Again at 9 A.M. Monday they met at 10 a.m. Ofsted."
    )
    assert _split(text) == [
        "They met at 5 p.m.",
        "The meeting ended.",
        "Again at 9 A.M. Monday they met at 10 a.m. Ofsted.",
    ]
