"""A real ingest process killed mid-way leaves the previous index usable."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from index import Embedder, Store

from .conftest import open_assistant

FILES = 150


def _generation(home: Path) -> int:
    with sqlite3.connect(home / "index.sqlite3") as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def _batch(folder: Path) -> None:
    folder.mkdir()
    for i in range(FILES):
        body = " ".join(f"Item {i} line {j} records a meeting about casework." for j in range(12))
        (folder / f"note-{i:03}.txt").write_text(f"Note {i}\n\n{body}", encoding="utf-8")


def test_killed_ingest_leaves_a_usable_index(
    assistant_home: Path, tmp_path: Path, embedder: Embedder, corpus_dir: Path
) -> None:
    before = open_assistant(assistant_home, embedder)
    before.ingest([corpus_dir])
    before.close()
    start_generation = _generation(assistant_home)
    batch = tmp_path / "batch"
    _batch(batch)

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "ingest",
            str(batch),
            "--home",
            str(assistant_home),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INGEST_BATCH_CHUNKS": "16"},
    )
    deadline = time.monotonic() + 180
    while _generation(assistant_home) == start_generation and time.monotonic() < deadline:
        assert process.poll() is None, "ingest ended before it could be killed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)  # mid-ingest: after a batch landed, before the end
    process.wait(timeout=30)

    with sqlite3.connect(assistant_home / "index.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after = open_assistant(assistant_home, embedder)
    docs, chunks = after.store.counts()
    assert 2 < docs < FILES + 2, "the kill did not land mid-ingest"
    assert after.store.vectors.size == chunks  # vectors rebuilt to match SQLite
    answer = after.ask("What was the vacancy rate in April 2010?")
    assert answer.status == "answered"
    assert "15 per cent" in answer.citations[0].evidence.quote
    report = after.ingest([batch])  # and the interrupted ingest can simply be run again
    assert not report.failures and len(report.added) + len(report.unchanged) == FILES
    after.close()
    assert Store(assistant_home).counts()[0] == FILES + 2


def test_two_ingests_at_once_keep_vectors_and_rows_in_step(
    assistant_home: Path, tmp_path: Path, embedder: Embedder
) -> None:
    folders = []
    for name in ("left", "right"):
        folder = tmp_path / name
        folder.mkdir()
        for i in range(12):
            body = " ".join(f"{name} note {i} sentence {j} about casework." for j in range(10))
            (folder / f"{name}-{i}.txt").write_text(f"{name} {i}\n\n{body}", encoding="utf-8")
        folders.append(folder)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INGEST_BATCH_CHUNKS": "1"}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "assistant.cli",
                "ingest",
                str(f),
                "--home",
                str(assistant_home),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for f in folders
    ]
    for process in processes:
        assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    store = Store(assistant_home)
    docs, chunks = store.counts()
    assert docs == 24
    saved = sorted(assistant_home.glob("vectors.*.faiss"))
    assert saved == [assistant_home / f"vectors.{store.generation}.faiss"]
    assert store.vectors.size == chunks  # the saved file holds every chunk of its generation


def test_a_damaged_vector_file_is_rebuilt(
    assistant_home: Path, embedder: Embedder, corpus_dir: Path
) -> None:
    assistant = open_assistant(assistant_home, embedder)
    assistant.ingest([corpus_dir])
    assistant.close()
    (saved,) = assistant_home.glob("vectors.*.faiss")
    saved.write_bytes(saved.read_bytes()[:100])
    again = open_assistant(assistant_home, embedder)
    assert again.ask("What was the vacancy rate in April 2010?").status == "answered"
    assert again.store.vectors.size == again.store.counts()[1]
    again.close()


def test_opening_waits_while_another_process_switches_a_new_index_to_wal(tmp_path: Path) -> None:
    """SQLite can refuse at once, busy handler or not, when two openers race on a new file."""
    import threading

    from index.store import _switch_to_wal

    path = tmp_path / "index.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")  # what the other opener holds while it switches
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    impatient = sqlite3.connect(path, isolation_level=None, timeout=0)  # no busy handler
    started = time.monotonic()
    _switch_to_wal(impatient)
    assert impatient.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert time.monotonic() - started >= 0.2, "it waited for the lock rather than failing"
    holder.close()
