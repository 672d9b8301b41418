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

    def __init__(self, *, day_first: bool = True) -> None:
        self.day_first = day_first
        self._manifests: dict[Path, dict[str, DocumentMeta]] = {}
        self.failures: list[LoadFailure] = []

    def files(self, paths: list[Path]) -> list[FoundFile]:
        """Files under the paths (folders recursively), each once, in a stable order."""
        found: list[FoundFile] = []
        for path in paths:
            if path.is_dir():
                found += [self._found(p, path) for p in _walk(path)]
            elif path.exists() or path.is_symlink():
                found.append(self._found(path, path.parent))
            else:
                self.failures.append(LoadFailure(str(path), "no such file or folder"))
        unique = {f.path.resolve(): f for f in reversed(found)}
        return [f for f in found if unique.get(f.path.resolve()) is f]

    def _found(self, path: Path, root: Path) -> FoundFile:
        """The file with the nearest manifest row naming it (by path relative to the manifest)."""
        folder = path.parent
        while True:
            entry = self._manifest(folder).get(path.relative_to(folder).as_posix())
            if entry is not None or folder == root or folder == folder.parent:
                return FoundFile(path, entry)
            folder = folder.parent

    def _manifest(self, folder: Path) -> dict[str, DocumentMeta]:
        if folder not in self._manifests:
            entries, failures = read_manifest(folder, day_first=self.day_first)
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
