"""Copies of a data root (a folder holding procedures/), for a test to change."""
from __future__ import annotations

import shutil
from pathlib import Path


def copy_procedures(source: Path, root: Path) -> Path:
    """root, holding a copy of source's procedures/."""
    shutil.copytree(source / "procedures", root / "procedures")
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` of a data file by `new` (which must be there)."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
