"""Fixtures shared by the whole suite: the repository and the site built from it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run_modop(*args: str, cwd: Path = REPO, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `python -m generator ARGS` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled institutions' site, built once per test session with the real MkDocs."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_modop("build", "--out", str(out))
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return out
