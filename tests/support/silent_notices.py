"""The procedures of tests/fixtures/silent/ (ecole-muette), each loaded on its own
with the bundled national layer, through the real loader: one file's mistake or
novelty does not hide another's."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.paths import REPO, SILENT_FIXTURE

INSTITUTION = "ecole-muette"
SILENT_FOLDER = SILENT_FIXTURE / "procedures" / INSTITUTION


def silent_root(folder: Path, *files: str) -> Path:
    """A data root in folder: the bundled national.yaml, ecole-muette's
    institution.yaml and the named procedure files (`2024-2025/sans-fin.yaml`)."""
    procedures = folder / "procedures"
    (procedures / INSTITUTION).mkdir(parents=True)
    shutil.copyfile(REPO / "procedures" / "national.yaml", procedures / "national.yaml")
    shutil.copyfile(SILENT_FOLDER / "institution.yaml", procedures / INSTITUTION / "institution.yaml")
    for name in files:
        target = procedures / INSTITUTION / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SILENT_FOLDER / name, target)
    return folder


def silent_catalog(folder: Path, *files: str):
    """The catalog of `silent_root(folder, *files)`."""
    from generator.model.catalog import load_catalog

    return load_catalog(silent_root(folder, *files))
