"""`assistant check`: fact-check a claim, or every sentence of a draft statement.

Registered on the main app by assistant/cli.py. Domain errors end as one line on
stderr and exit code 2, as for the other commands; verdicts are not errors (exit 0).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import fail, print_json, settings_for
from assistant.engine import Assistant
from assistant.errors import AssistantError
from assistant.factcheck import ClaimCheck, DraftCheck, FactChecker
from index import IndexLayerError, format_date

_LABEL = {"supported": "SUPPORTED", "contradicted": "CONTRADICTED", "not_found": "NOT FOUND"}
WIDTH = 100


def check(
    claim: Annotated[
        str | None, typer.Argument(help="A claim to check against the records.")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="A draft statement: every sentence is checked as a claim."),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="With --file: write the Markdown fact-check pack here."),
    ] = None,
    home: Annotated[
        Path | None,
        typer.Option("--home", help="Index folder (default: ASSISTANT_HOME or per-user)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Fact-check a claim (or a draft with --file): supported, contradicted or not_found."""
    if (claim is None) == (file is None):
        fail("give a claim or --file DRAFT (one of the two)")
    if report is not None and file is None:
        fail("--report needs --file DRAFT")
    draft_text = _read(file) if file is not None else None
    with _checker(home) as checker:
        if draft_text is None:
            result = checker.check(claim or "")
            _print_claim(result, checker.store.generation, as_json)
            return
        draft = checker.check_draft(draft_text)
    if report is not None:
        _write(report, draft.report)
    if as_json:
        print_json(draft.as_dict())
    else:
        typer.echo(_summary_table(draft))
        if report is not None:
            typer.echo(f"report written to {report}")


@contextmanager
def _checker(home: Path | None) -> Iterator[FactChecker]:
    """A checker over the index in the home folder; domain errors become one line, exit 2."""
    assistant = Assistant(settings_for(home))
    try:
        yield FactChecker.of(assistant)
    except (AssistantError, IndexLayerError) as exc:
        fail(str(exc))
    finally:
        assistant.close()


def _read(path: Path) -> str:
    """The draft's text (UTF-8, a BOM allowed); unreadable files are one line, exit 2."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text")
    except OSError as exc:
        fail(f"{path}: {exc.strerror or exc}")


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write the report to {path}: {exc.strerror or exc}")


def _print_claim(result: ClaimCheck, generation: int, as_json: bool) -> None:
    if as_json:
        print_json({**result.as_dict(), "generation": generation})
    else:
        typer.echo(claim_text(result))


def claim_text(result: ClaimCheck) -> str:
    """The verdict, the explanation, then each citation with its quote and where it is."""
    lines = [f"{_LABEL[result.verdict]}: {result.claim}", ""]
    lines.append(textwrap.fill(result.explanation, width=WIDTH))
    if result.citations:
        lines += ["", "Sources:"]
    for citation in result.citations:
        e = citation.evidence
        d = e.document
        when = format_date(d.date) if d.date else "undated"
        page = f", page {e.page}" if e.page else ""
        lines.append(f"[{citation.id}] {d.title} ({d.kind}, {when})")
        lines.append(textwrap.indent(textwrap.fill(f"“{e.quote}”", width=WIDTH - 4), "    "))
        lines.append(f"    {d.source} chars {e.start}-{e.end}{page}")
    return "\n".join(lines)


def _summary_table(draft: DraftCheck) -> str:
    """One row per claim: number, verdict, the claim shortened; then the tally."""
    rows = [("#", "VERDICT", "CLAIM")]
    rows += [
        (str(n), _LABEL[c.verdict], textwrap.shorten(c.claim, width=70, placeholder=" …"))
        for n, c in enumerate(draft.checks, start=1)
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    lines = [f"{r[0].rjust(widths[0])}  {r[1].ljust(widths[1])}  {r[2]}" for r in rows]
    tally = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in draft.summary.items())
    lines.append("")
    lines.append(f"{tally} · index generation {draft.generation} · checked {draft.checked_at}")
    return "\n".join(lines)
