"""A build that fails at any stage leaves the previous site intact and complete.

The data and Markdown stages fail for real in tests/test_validation.py and
tests/test_site.py; here each later stage is made to fail in turn (Pyodide
missing, a PDF notice that cannot be laid out, MkDocs, the check of the
links, the security policy),
after a good build, in the same process so that the failure can be placed."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.outputs import checker_runtime as browser_assets
from generator.site import build as site
from generator.errors import UserError
from generator.site.build import build_site
from tests.support.digests import tree_digest
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("atomic") / "site"
    build_site(REPO, out)
    return out


def _pyodide_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_assets, "PROJECT_DIR", tmp_path)  # no node_modules/pyodide there


def _notice_fails(monkeypatch, tmp_path):
    def broken(jobs):
        raise UserError(f"{jobs[0].record.path}: notice PDF : mise en page impossible")

    monkeypatch.setattr("generator.outputs.takeaways.write_notices", broken)


def _mkdocs_fails(monkeypatch, tmp_path):
    def broken(config_file, site_dir):
        (site_dir / "index.html").write_text("à moitié écrit", encoding="utf-8")
        raise UserError("MkDocs n'a pas pu construire le site")

    monkeypatch.setitem(site.ENGINES, "mkdocs", replace(site.ENGINES["mkdocs"], run=broken))


def _links_fail(monkeypatch, tmp_path):
    monkeypatch.setattr(site, "broken_links", lambda site_dir, base: [("index.html", "absent/")])


def _policy_fails(monkeypatch, tmp_path):
    def broken(staging, **options):
        raise OSError("disque plein")

    monkeypatch.setattr(site, "add_policy", broken)


@pytest.mark.parametrize(
    "breaks, message",
    [
        (_pyodide_missing, "Pyodide est introuvable"),
        (_notice_fails, "notice PDF"),
        (_mkdocs_fails, "MkDocs n'a pas pu"),
        (_links_fail, "1 lien qui ne mène à aucun fichier du site"),
        (_policy_fails, "disque plein"),
    ],
    ids=["pyodide assets", "pdf notice", "mkdocs", "links", "security policy"],
)
def test_a_failing_stage_leaves_the_previous_site_intact(previous_site, monkeypatch, tmp_path, breaks, message):
    before = tree_digest(previous_site)
    siblings = sorted(p.name for p in previous_site.parent.iterdir())
    breaks(monkeypatch, tmp_path)
    with pytest.raises((UserError, OSError), match=message):
        build_site(REPO, previous_site)
    assert tree_digest(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == siblings  # no half-written sibling left
