"""A new year's draft (`draft: true`, written by new-year) stays off the live site
until staff publish it: build leaves it out and says so, the site and the checker
keep the current year; `build --drafts` and `serve` show it, under a banner."""
from __future__ import annotations

import json
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from tests.support.cli import errors_of, run_modop
from tests.support.data_root import copy_procedures, edit
from tests.support.paths import SITE_FIXTURE, YEARS_FIXTURE
from tests.support.serve_process import running_serve

DRAFT = "procedures/ecole-annees/2025-2026/inscription.yaml"
BANNER = re.compile(r'<div class="admonition warning modop-unpublished">\s*<p class="admonition-title">Brouillon 2025-2026, non publié</p>(.*?)</div>', re.S)


@pytest.fixture
def draft_root(tmp_path) -> Path:
    """tests/fixtures/years, its 2025-2026 file a draft not yet published."""
    root = copy_procedures(YEARS_FIXTURE, tmp_path / "root")
    edit(root, DRAFT, "\nid: inscription\n", "\ndraft: true\nid: inscription\n")
    return root


def _page(site: Path) -> str:
    return (site / "ecole-annees" / "inscription" / "index.html").read_text(encoding="utf-8")


def test_build_leaves_a_draft_out_and_says_so(draft_root, tmp_path):
    out = tmp_path / "site"
    result = run_modop("--root", str(draft_root), "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 procédure de 2025-2026 en brouillon, non publiée : ecole-annees/inscription ; build --drafts pour l'inclure" in result.stdout
    page = _page(out)
    assert "Année universitaire <strong>2024-2025</strong>" in page and "2025-2026" not in page
    assert not BANNER.search(page)
    # The checker and the open data keep the current year too.
    assert json.loads((out / "data" / "ecole-annees" / "inscription.json").read_text(encoding="utf-8"))["academic_year"] == "2024-2025"
    index = json.loads((out / "donnees" / "index.json").read_text(encoding="utf-8"))
    assert [y["academic_year"] for p in index["procedures"] for y in p["years"]] == ["2024-2025"]
    assert not (out / "donnees" / "ecole-annees" / "2025-2026").exists()


def test_build_drafts_shows_it_under_a_banner(draft_root, tmp_path):
    out = tmp_path / "site"
    result = run_modop("--root", str(draft_root), "build", "--drafts", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "en brouillon" not in result.stdout
    page = _page(out)
    banner = BANNER.search(page)
    assert banner, "no draft banner"
    assert "draft: true" in banner.group(1) and DRAFT in banner.group(1)
    assert page.index("Brouillon 2025-2026") < page.index("<h1"), "the banner is not above everything"
    assert json.loads((out / "data" / "ecole-annees" / "inscription.json").read_text(encoding="utf-8"))["academic_year"] == "2025-2026"


def test_a_link_to_a_page_only_a_draft_has_is_refused(draft_root, tmp_path):
    """The published page links to a procedure that exists only in next year's draft."""
    extra = Path(draft_root / DRAFT).with_name("master.yaml")
    shutil.copy(draft_root / DRAFT, extra)
    edit(draft_root, str(extra.relative_to(draft_root)), "id: inscription", "id: master")
    previous = "procedures/ecole-annees/2024-2025/inscription.yaml"
    edit(draft_root, previous, "body: Remplissez votre dossier sur l'ENT.", "body: Voir aussi [le master](master.md).")
    result = run_modop("--root", str(draft_root), "validate")
    assert result.returncode == 1
    assert any(
        (f, l, c) == (previous, 15, 34) and m.startswith("lien « master.md » : la procédure master n'existe qu'en brouillon (2025-2026)")
        for f, l, c, m in errors_of(result)
    ), result.stderr


def test_serve_shows_drafts_with_their_banner_and_only_the_chosen_school(draft_root, tmp_path):
    shutil.copytree(SITE_FIXTURE / "procedures" / "ecole-demo", draft_root / "procedures" / "ecole-demo")
    with running_serve(draft_root, tmp_path, "--only", "ecole-annees") as (preview, errors):
        with urllib.request.urlopen(preview + "ecole-annees/inscription/", timeout=30) as response:
            page = response.read().decode("utf-8")
        assert BANNER.search(page), "no draft banner in the preview"
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(preview + "ecole-demo/licence/", timeout=30)
