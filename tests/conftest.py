"""Fixtures shared by the whole suite: the repository, the sites built from it and
from tests/fixtures/ (each once per session), and a data copy to break."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_modop
from tests.support.demo_data import make_data_root
from tests.support.paths import HOSTILE_FIXTURE, REPO, SITE_FIXTURE, YEARS_FIXTURE

SITE_URL = "https://modop.example/"  # a reserved name: the tests serve the site locally


def _build(tmp_path_factory, name: str, root: Path, *options: str) -> tuple[Path, str]:
    """The site of root's data, built with the real command line: its folder and what the command said."""
    out = tmp_path_factory.mktemp(name) / "site"
    result = run_modop("--root", str(root), "build", "--out", str(out), *options)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return out, result.stdout


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled institutions' site, built once per test session with the real MkDocs.

    Built as it is published, with a public address: without one, Material's
    instant navigation (which keeps the checker's runtime from page to page)
    is off, because it follows the sitemap's links."""
    return _build(tmp_path_factory, "built", REPO, "--site-url", SITE_URL)[0]


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The bundled institutions' site as built_site, built by Zensical (`--engine zensical`),
    once per session: the tests that compare the engines or run on both take it."""
    out, said = _build(tmp_path_factory, "zensical", REPO, "--site-url", SITE_URL, "--engine", "zensical")
    assert "Construction du site avec Zensical…" in said
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """tests/fixtures/site: ecole-demo's screenshot, links between pages, text to escape."""
    out, said = _build(tmp_path_factory, "fixture", SITE_FIXTURE)
    assert f"Site écrit dans {out}" in said
    return out


@pytest.fixture(scope="session")
def years_site(tmp_path_factory) -> Path:
    """tests/fixtures/years: a procedure in 2024-2025 and its 2025-2026 draft."""
    return _build(tmp_path_factory, "years", YEARS_FIXTURE)[0]


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """tests/fixtures/hostile: an attack in every text field a page shows."""
    return _build(tmp_path_factory, "hostile", HOSTILE_FIXTURE)[0]


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    """A copy of the bundled procedures plus the demo institution, to break."""
    return make_data_root(tmp_path)
