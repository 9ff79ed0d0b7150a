"""A folder this process cannot write into, for a test's block."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest


def _writable(folder: Path) -> bool:
    try:
        tempfile.TemporaryDirectory(dir=folder).cleanup()
    except OSError:
        return False
    return True


@contextmanager
def unwritable_folder(folder: Path):
    """`folder` read-only until the block ends: by its mode, or, for root (whom modes
    do not stop), by the immutable attribute; the test is skipped where neither works."""
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    immutable = False
    try:
        if _writable(folder) and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if _writable(folder):
            pytest.skip(f"cannot make {folder} read-only here (root, and no chattr +i on this file system)")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(mode)
