"""The `assistant` command: `chat` starts the light terminal client, the rest the full CLI."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Keep torch and faiss out of the terminal client's process: hand `chat` to `tui`."""
    if sys.argv[1:2] == ["chat"]:
        os.execv(sys.executable, [sys.executable, "-m", "tui", *sys.argv[2:]])
    from assistant.cli import main as cli_main

    cli_main()
