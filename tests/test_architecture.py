"""The layers keep their direction, and the public names are what `__all__` says."""

from __future__ import annotations

import subprocess
import sys

import index

from .conftest import REPO


def _modules_after_import(package: str) -> set[str]:
    code = f"import sys, {package}; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return {line.split(".")[0] for line in result.stdout.split()}


def test_index_imports_nothing_from_the_layers_above() -> None:
    loaded = _modules_after_import("index")
    assert not loaded & {"assistant", "tui", "fastapi", "textual", "typer"}


def test_importing_the_packages_loads_no_model() -> None:
    loaded = _modules_after_import("assistant.engine")
    assert "sentence_transformers" not in loaded and "torch" not in loaded


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "lint-imports"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if "No module named" in result.stderr:
        result = subprocess.run(
            [str(REPO / ".venv" / "bin" / "lint-imports")], capture_output=True, text=True, cwd=REPO
        )
    assert result.returncode == 0, result.stdout + result.stderr


def test_index_public_names() -> None:
    assert sorted(index.__all__) == sorted(set(index.__all__))
    for name in index.__all__:
        assert getattr(index, name) is not None
