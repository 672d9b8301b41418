"""`assistant keys ...` and `assistant audit`: manage API keys, read the audit trail.

Registered on the main app by assistant/cli.py; kept apart so that file stays about
the index. Errors end as one line on stderr and exit code 2, as there.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from assistant.access import AuditEntry, AuditLog, KeyInfo, KeyStore, Role
from assistant.cli_common import HomeOption, JsonOption, fail, print_json, settings_for
from assistant.errors import AssistantError

keys_app = typer.Typer(
    no_args_is_help=True,
    help="Create, list and revoke API keys for the HTTP service (only hashes are stored).",
)


def _home(home: Path | None) -> Path:
    """The home folder from the settings, --home on top."""
    return settings_for(home).home


@contextmanager
def _domain_errors() -> Iterator[None]:
    """Access errors (and any other assistant error) become one line, exit 2."""
    try:
        yield
    except AssistantError as exc:
        fail(str(exc))


@contextmanager
def _keys(home: Path | None) -> Iterator[KeyStore]:
    store = KeyStore(_home(home))
    try:
        with _domain_errors():
            yield store
    finally:
        store.close()


def _table(rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


@keys_app.command()
def create(
    role: Annotated[Role, typer.Option("--role", case_sensitive=False, help="What it may do.")],
    name: Annotated[str | None, typer.Option("--name", help="Default: <role>-<id>.")] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Create a key and print its secret, once: it cannot be shown again."""
    with _keys(home) as store:
        info, secret = store.create(role, name)
    typer.echo("warning: copy this key now; it will not be shown again.", err=True)
    if as_json:
        print_json(
            {
                "id": info.id,
                "name": info.name,
                "role": info.role.value,
                "key": secret,
                "created_at": info.created_at,
            }
        )
    else:
        typer.echo(f"created {info.role.value} key {info.name} (id {info.id}):")
        typer.echo(secret)


@keys_app.command("list")
def list_keys(home: HomeOption = None, as_json: JsonOption = False) -> None:
    """List the keys (never their secrets), active and revoked."""
    with _keys(home) as store:
        keys = store.list()
    if as_json:
        print_json([info.as_dict() for info in keys])
    else:
        typer.echo(_keys_text(keys))


def _keys_text(keys: list[KeyInfo]) -> str:
    if not keys:
        return "No API keys: create one with `assistant keys create --role reader`."
    rows = [("ID", "NAME", "ROLE", "CREATED", "LAST USED", "STATUS")]
    rows += [
        (
            k.id,
            k.name,
            k.role.value,
            _short_time(k.created_at),
            _short_time(k.last_used_at),
            "active" if k.active else f"revoked {_short_time(k.revoked_at)}",
        )
        for k in keys
    ]
    return _table(rows)


@keys_app.command()
def revoke(
    key: Annotated[str, typer.Argument(metavar="KEY_ID_OR_NAME", help="Key id or active name.")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Revoke a key: requests with it fail from now on."""
    with _keys(home) as store:
        info = store.revoke(key)
    if as_json:
        print_json(info.as_dict())
    else:
        typer.echo(f"revoked key {info.name} (id {info.id}) at {_short_time(info.revoked_at)}")


def audit(
    since: Annotated[
        str | None, typer.Option("--since", help="Only entries at/after this ISO date or time.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most entries shown.")] = 100,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the service's audit trail, newest first."""
    log = AuditLog(_home(home))
    try:
        with _domain_errors():
            entries = log.list(since=since, limit=limit)
    finally:
        log.close()
    if as_json:
        print_json([entry.as_dict() for entry in entries])
    else:
        typer.echo(_audit_text(entries))


def _audit_text(entries: list[AuditEntry]) -> str:
    if not entries:
        return "No audit entries."
    rows = [("TIME", "KEY", "ENDPOINT", "STATUS", "LATENCY", "QUESTION")]
    rows += [
        (
            _short_time(e.time),
            e.key_name or "-",
            e.endpoint,
            e.status,
            f"{e.latency_ms:.0f} ms",
            textwrap.shorten(e.question, 60, placeholder="…") if e.question else "-",
        )
        for e in entries
    ]
    return _table(rows)


def _short_time(stamp: str | None) -> str:
    """'2024-05-01 12:34:56' from a stored UTC time; '-' for none."""
    return stamp[:19].replace("T", " ") if stamp else "-"
