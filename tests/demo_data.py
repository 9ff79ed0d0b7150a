"""The bundled data plus the small `demo` institution of tests/validation_fixture/,
which the validation tests break one thing at a time."""
from __future__ import annotations

import shutil
from pathlib import Path

from cli_runner import REPO

FIXTURE = Path(__file__).parent / "validation_fixture"
PROCEDURE = "procedures/demo/2024-2025/inscription.yaml"
INSTITUTION = "procedures/demo/institution.yaml"


def make_data_root(folder: Path) -> Path:
    """A copy of the bundled procedures plus the demo institution, in folder."""
    shutil.copytree(REPO / "procedures", folder / "procedures")
    shutil.copytree(FIXTURE / "demo", folder / "procedures" / "demo")
    return folder


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` of a data file by `new` (which must be there)."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
