"""The `assistant` command line: ingest, docs, remove, search, ask. Errors end as one line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant import render
from assistant.cli_access import audit, keys_app
from assistant.cli_check import check
from assistant.cli_common import HomeOption, JsonOption, opened, print_json, settings_for
from assistant.cli_registers import recommendations
from assistant.engine import make_filters
from assistant.errors import AssistantError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Ask the improvement records questions; every answer sentence is cited.",
)
app.add_typer(keys_app, name="keys", help="Create, list and revoke API keys for the service.")
app.command()(audit)
app.command()(check)
app.command()(recommendations)
err = Console(stderr=True)

KindOption = Annotated[str | None, typer.Option("--kind", help="Only this kind of record.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only records dated on/after.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only records dated on/before.")]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add or update records from files and folders; unchanged files are skipped."""
    with (
        opened(home) as assistant,
        _progress(enabled=not as_json and err.is_terminal) as progress,
    ):
        report = assistant.ingest(paths, progress)
    if as_json:
        print_json(report.as_dict())
    else:
        for failure in report.failures:
            typer.echo(f"failed: {failure.origin}: {failure.reason}", err=True)
        typer.echo(report.summary())
    if report.failures:
        raise typer.Exit(1)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while files are ingested."""
    if not enabled:
        yield None
        return
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@app.command()
def docs(
    home: HomeOption = None,
    kind: KindOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the documents in the index."""
    with opened(home) as assistant:
        filters = make_filters(kind, since, until, assistant.settings.day_first)
        documents = assistant.documents(filters)
    if as_json:
        print_json([{**d.as_dict(), "chunks": d.chunks} for d in documents])
    else:
        typer.echo(render.documents_text(documents))


@app.command()
def remove(
    doc_ids: Annotated[list[str], typer.Argument(metavar="DOC...", help="Document ids.")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Delete documents (and their passages and vectors) from the index."""
    with opened(home) as assistant:
        for doc_id in doc_ids:
            assistant.remove(doc_id)
    if as_json:
        print_json({"removed": doc_ids})
    else:
        typer.echo(f"removed {len(doc_ids)} document(s): {', '.join(doc_ids)}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    home: HomeOption = None,
    kind: KindOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    top: Annotated[int, typer.Option("--top", help="How many passages (1-100).")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Hybrid (keyword + semantic) search over passages."""
    with opened(home) as assistant:
        filters = make_filters(kind, since, until, assistant.settings.day_first)
        hits = assistant.search(query, top, filters)
    if as_json:
        print_json({"query": query, "hits": [h.as_dict() for h in hits]})
    else:
        typer.echo(render.hits_text(hits))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question about the records.")],
    home: HomeOption = None,
    kind: KindOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """Answer from the records, every sentence cited; or say plainly they do not."""
    with opened(home) as assistant:
        filters = make_filters(kind, since, until, assistant.settings.day_first)
        answer = assistant.ask(question, filters)
    if as_json:
        print_json(answer.as_dict())
    else:
        typer.echo(render.answer_text(answer))


@app.command()
def serve(
    home: HomeOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (FastAPI under uvicorn); open on loopback until keys are made."""
    from assistant.service.server import serve as run_server  # FastAPI only when serving

    try:
        run_server(settings_for(home), host, port, workers)
    except AssistantError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command("mcp")
def mcp_command(
    home: HomeOption = None,
    allow_edits: Annotated[
        bool, typer.Option("--allow-edits", help="Offer the ingest and remove tools too.")
    ] = False,
) -> None:
    """Serve the records as MCP tools over stdio (read-only unless --allow-edits)."""
    from assistant.mcp import run_stdio  # the MCP SDK only when serving it

    run_stdio(settings_for(home), allow_edits=allow_edits)


@app.command("timeline")
def timeline_command(
    home: HomeOption = None,
    kind: KindOption = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on/after.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on/before.")] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="Only events about these words.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Dated events in order, each with its citations (one event however many report it)."""
    with opened(home) as assistant:
        filters = make_filters(kind, since, until, assistant.settings.day_first)
        events = assistant.timeline(filters, about)
    if as_json:
        print_json({"events": [e.as_dict() for e in events], "count": len(events)})
    else:
        typer.echo(render.timeline_text(events))


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def chat(ctx: typer.Context) -> None:
    """The terminal client: --server URL, --api-key KEY, --home DIR (see `assistant chat -h`)."""
    os.execv(sys.executable, [sys.executable, "-m", "tui", *ctx.args])


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
