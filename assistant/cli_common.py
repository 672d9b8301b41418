"""What every CLI module shares at the edge: options, settings, one-line errors, JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError

from assistant.engine import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings
from index import IndexLayerError

HomeOption = Annotated[
    Path | None, typer.Option("--home", help="Index folder (default: ASSISTANT_HOME or per-user).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def fail(message: str) -> NoReturn:
    """Print one error line and leave with exit code 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2) from None


def settings_for(home: Path | None) -> Settings:
    """Settings from the environment, --home on top; a bad one is named in one line."""
    try:
        return Settings() if home is None else Settings(home=home)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        name = "--home" if field == "home" and home is not None else f"ASSISTANT_{field.upper()}"
        fail(f"invalid setting {name}: {first['msg']}")


@contextmanager
def opened(home: Path | None) -> Iterator[Assistant]:
    """An Assistant on the home; domain errors become one line, exit 2."""
    assistant = Assistant(settings_for(home))
    try:
        yield assistant
    except (AssistantError, IndexLayerError) as exc:
        fail(str(exc))
    finally:
        assistant.close()


def print_json(data: Any) -> None:
    """Pretty JSON on stdout, non-ASCII kept."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
