"""The terminal client starts light: no model, no vectors, no service code in its process."""

from __future__ import annotations

import json
import subprocess
import sys

from ..servers import REPO

HEAVY = {
    "torch",
    "faiss",
    "sentence_transformers",
    "transformers",
    "numpy",
    "assistant",
    "index",
    "fastapi",
    "uvicorn",
}


def test_the_client_imports_nothing_heavy() -> None:
    code = (
        "import json, sys, tui.app, tui.launcher; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "textual" in loaded and "httpx" in loaded
    assert not loaded & HEAVY, sorted(loaded & HEAVY)
