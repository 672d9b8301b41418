"""Which files an ingest covers, and the sidecar metadata that applies to each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.loaders import SUPPORTED_SUFFIXES
from index.loaders.manifest import MANIFEST_NAME, read_manifest
from index.models import DocumentMeta, LoadFailure


@dataclass(frozen=True)
class FoundFile:
    """A file to ingest and the manifest metadata that names it, if any."""

    path: Path
    meta: DocumentMeta | None


class Discovery:
    """Walks the given paths; reads each folder's manifest.csv once."""

    def __init__(self) -> None:
        self._manifests: dict[Path, dict[str, DocumentMeta]] = {}
        self.failures: list[LoadFailure] = []

    def files(self, paths: list[Path]) -> list[FoundFile]:
        """Files under the paths (folders recursively), each once, in a stable order."""
        found: list[FoundFile] = []
        for path in paths:
            if path.is_dir():
                found += [self._found(p) for p in _walk(path)]
            elif path.exists() or path.is_symlink():
                found.append(self._found(path))
            else:
                self.failures.append(LoadFailure(str(path), "no such file or folder"))
        unique = {f.path.resolve(): f for f in reversed(found)}
        return [f for f in found if unique.get(f.path.resolve()) is f]

    def _found(self, path: Path) -> FoundFile:
        entries = self._manifest(path.parent)
        return FoundFile(path, entries.get(path.name))

    def _manifest(self, folder: Path) -> dict[str, DocumentMeta]:
        if folder not in self._manifests:
            entries, failures = read_manifest(folder)
            self._manifests[folder] = entries
            self.failures += failures
        return self._manifests[folder]


def _walk(folder: Path) -> list[Path]:
    """Supported, non-hidden files below a folder; manifests and READMEs describe, not record."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and p.name != MANIFEST_NAME
        and not p.name.upper().startswith("README.")
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
