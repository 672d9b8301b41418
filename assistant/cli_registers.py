"""`assistant recommendations`: the register rows as a table or JSON (with status history).

Registered on the main app by assistant/cli.py; errors end as one line on stderr and
exit code 2, as there.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from assistant.engine import Assistant
from assistant.errors import AssistantError
from assistant.registers import Recommendation
from assistant.settings import Settings
from index import IndexLayerError

HomeOption = Annotated[
    Path | None, typer.Option("--home", help="Index folder (default: ASSISTANT_HOME or per-user).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
StatusOption = Annotated[
    str | None,
    typer.Option(
        "--status",
        help="Only this status: implemented, in_progress, not_started, superseded, open.",
    ),
]
KindOption = Annotated[str | None, typer.Option("--kind", help="Only this kind of record.")]
TEXT_WIDTH = 60


def recommendations(
    status: StatusOption = None,
    kind: KindOption = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """List register rows (SCR recommendations, action-plan items) with their status."""
    try:
        settings = Settings() if home is None else Settings(home=home)
    except ValidationError as exc:
        typer.echo(f"error: invalid setting: {exc.errors()[0]['msg']}", err=True)
        raise typer.Exit(2) from None
    assistant = Assistant(settings)
    try:
        rows = assistant.recommendations(status, kind)
    except (AssistantError, IndexLayerError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        assistant.close()
    if as_json:
        sys.stdout.write(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        typer.echo(register_text(rows))


def register_text(rows: list[Recommendation]) -> str:
    """A table: ref, status, owner, due, completed, and the text shortened."""
    if not rows:
        return "The index holds no register rows."
    table = [("REF", "STATUS", "OWNER", "DUE", "COMPLETED", "TEXT")]
    table += [
        (
            r.ref,
            r.status,
            r.owner or "-",
            r.due or "-",
            r.completed or "-",
            textwrap.shorten(r.text, TEXT_WIDTH, placeholder=" …"),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(6)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in table
    )
