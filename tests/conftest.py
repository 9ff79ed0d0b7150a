"""Fixtures shared by the whole suite: the repository and the site built from it."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_modop
from tests.support.demo_data import make_data_root
from tests.support.paths import REPO

SITE_URL = "https://modop.example/"  # a reserved name: the tests serve the site locally


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled institutions' site, built once per test session with the real MkDocs.

    Built as it is published, with a public address: without one, Material's
    instant navigation (which keeps the checker's runtime from page to page)
    is off, because it follows the sitemap's links."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_modop("build", "--out", str(out), "--site-url", SITE_URL)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    """A copy of the bundled procedures plus the demo institution, to break."""
    return make_data_root(tmp_path)
