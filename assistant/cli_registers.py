"""`assistant recommendations`: the register rows as a table or JSON (with status history).

Registered on the main app by assistant/cli.py; errors end as one line on stderr and
exit code 2, as there.
"""

from __future__ import annotations

import textwrap
from typing import Annotated

import typer

from assistant.cli_common import HomeOption, JsonOption, opened, print_json
from assistant.registers import Recommendation

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
    with opened(home) as assistant:
        rows = assistant.recommendations(status, kind)
    if as_json:
        print_json([r.as_dict() for r in rows])
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
