"""A page whose year is over says so first, above everything, and where next year's
procedure is (or that it is not published yet, and whom to ask); the home and
institution pages mark it. « Over » is at the build's instant: `build --at`,
else SOURCE_DATE_EPOCH, else now."""
from __future__ import annotations

import html
import itertools
import re
from datetime import datetime, timezone
from pathlib import Path

import checks
import pytest
from checks.profile import FLAGS, REGIMES

from generator.model.catalog import load_catalog
from tests.support.cli import run_modop
from tests.support.contract import SEED_PROCEDURES
from tests.support.paths import REPO, YEARS_FIXTURE

BANNER = re.compile(r'<div class="admonition warning modop-finished">\s*<p class="admonition-title">(.*?)</p>(.*?)</div>', re.S)


def _page(site: Path, full_id: str) -> str:
    return (site / full_id / "index.html").read_text(encoding="utf-8")


def _banner(page: str) -> tuple[str, str] | None:
    """The finished year's banner of a page: its title and its text, entities read."""
    found = BANNER.search(page)
    return found and tuple(html.unescape(found.group(n)).replace("\xa0", " ") for n in (1, 2))


def _build(tmp_path: Path, root: Path, *options: str, env: dict | None = None) -> Path:
    out = tmp_path / "site"
    result = run_modop("--root", str(root), "build", "--out", str(out), *options, env=env)
    assert result.returncode == 0, result.stderr
    return out


def test_every_bundled_page_says_its_year_is_over(built_site):
    """Every bundled procedure is for a year over by now (the latest ends in August 2026)."""
    for full_id in SEED_PROCEDURES:
        page = _page(built_site, full_id)
        banner = _banner(page)
        assert banner, f"{full_id}: no « year over » banner"
        assert page.index("modop-finished") < page.index("<h1"), f"{full_id}: the banner is not above everything"
    isima = _banner(_page(built_site, "clermont-inp/isima-apprentissage"))
    assert isima[0] == "Année universitaire 2022-2023 terminée"
    # The institution has published a later year: the banner leads there.
    assert 'Les procédures 2025-2026 de l\'établissement sont publiées : <a href="../">voyez la page de l\'établissement</a>' in isima[1]
    doctorat = _banner(_page(built_site, "clermont-inp/doctorat-edspi"))
    assert "La notice de l'année suivante n'est pas encore publiée ici" in doctorat[1]
    assert 'href="#contact-' in doctorat[1]  # whom to ask
    # Where the procedures are listed, too.
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert home.count("année terminée") == len(SEED_PROCEDURES)
    institution = (built_site / "clermont-inp" / "index.html").read_text(encoding="utf-8")
    assert institution.count("<strong>Année terminée</strong>") == 2


def test_the_checker_agrees_where_every_period_has_an_end(built_site):
    """Where the page says every period is past, the checker says « close » to every student."""
    at = datetime.now(timezone.utc)
    catalog = load_catalog(REPO)
    checked = 0
    for record in catalog.latest():
        windows = record.compiled["windows"]
        if not windows or any(p["end"] is None for w in windows for p in w["periods"]):
            continue  # an end the notice does not give: the engine's bound on it is the rules' own
        assert _banner(_page(built_site, record.full_id))
        keys = [k for k in record.compiled["questions"] if k == "regime" or k in FLAGS]
        for values in itertools.product(*[REGIMES if k == "regime" else (False, True) for k in keys]):
            answer = checks.evaluate(record.compiled, dict(zip(keys, values)), at)
            assert answer["deadline"]["status"] == "closed", (record.full_id, values)
        checked += 1
    assert checked >= 5


def test_registration_over_before_the_year_is(tmp_path):
    """In December 2025 the 2025-2026 year goes on, but its registrations are closed."""
    site = _build(tmp_path, YEARS_FIXTURE, "--at", "2025-12-01T10:00")
    banner = _banner(_page(site, "ecole-annees/inscription"))
    assert banner and banner[0] == "Inscriptions 2025-2026 closes"
    assert "Toutes les périodes d'inscription 2025-2026 de cette page sont passées" in banner[1]
    assert 'La notice de l\'année suivante n\'est pas encore publiée ici : renseignez-vous auprès de ce contact : <a href="#contact-scolarite">Service de scolarité</a>' in banner[1]
    assert "inscriptions closes" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["--at", "SOURCE_DATE_EPOCH"])
def test_a_current_year_has_no_banner(tmp_path, how):
    july = datetime(2025, 7, 1, 10, tzinfo=timezone.utc)
    if how == "--at":
        site = _build(tmp_path, YEARS_FIXTURE, "--at", "2025-07-01T12:00")
    else:
        site = _build(tmp_path, YEARS_FIXTURE, env={"SOURCE_DATE_EPOCH": str(int(july.timestamp()))})
    page = _page(site, "ecole-annees/inscription")
    assert "modop-finished" not in page
    assert "terminée" not in (site / "index.html").read_text(encoding="utf-8")


def test_an_impossible_instant_is_one_line(tmp_path):
    result = run_modop("--root", str(YEARS_FIXTURE), "build", "--out", str(tmp_path / "site"), "--at", "demain")
    assert result.returncode == 2
    assert result.stderr.startswith("modop: ") and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists()
