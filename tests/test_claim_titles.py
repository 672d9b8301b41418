"""Claims from the twelfth round's probe over real public pages (written here about Jane
Doe, no real person): a courtesy title ("Councillor") is no name a record must repeat."""

from __future__ import annotations

from assistant.factcheck.claim import read_claim


def test_a_courtesy_title_is_no_name_to_find() -> None:
    claim = read_claim("Councillor Jane Doe said the findings were expected.")
    assert "Councillor" not in claim.names
    assert {"Jane", "Doe"} <= set(claim.names)
