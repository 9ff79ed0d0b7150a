"""The staff's yearly routine: new-year draft, what changed, strict refusal of drafts."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.model.catalog import load_catalog
from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures
from tests.support.digests import tree_digest
from tests.support.paths import REPO, SITE_FIXTURE

LINE = re.compile(r"^  (?P<file>procedures/\S+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<text>.+)$", re.M)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    root = copy_procedures(REPO, tmp_path_factory.mktemp("year"))
    before = tree_digest(root / "procedures" / "amu-iut" / "2024-2025")
    result = run_modop("--root", str(root), "new-year", "amu-iut", "2025-2026")
    assert result.returncode == 0, result.stderr
    return root, result.stdout, before


def _boundaries(data: dict) -> list[str]:
    values = []
    for window in data["windows"]:
        values += [v for p in window["periods"] for v in (p["start"], p["end"]) if v not in ("asap", "unknown")]
        values += list((window.get("when") or {}).get("date_acceptation", {}).values())
    return values


def test_draft_validates_with_next_years_national_amounts(drafted):
    root, _, _ = drafted
    catalog = load_catalog(root)
    draft = catalog.get("amu-iut/but1", "2025-2026").compiled
    assert draft["draft"] is True
    assert draft["cvec"]["amount"] == 105
    assert draft["fee"]["default"]["amount"] == 178
    assert catalog.get("amu-iut/master", "2025-2026").compiled["fee"]["default"]["amount"] == 254
    assert catalog.get("amu-iut/but1").academic_year == "2025-2026"


def test_every_date_moves_to_the_same_weekday_a_year_later_and_is_flagged(drafted):
    root, _, _ = drafted
    catalog = load_catalog(root)
    for old in (r for r in catalog.procedures if r.institution_id == "amu-iut" and r.academic_year == "2024-2025"):
        new = catalog.get(old.full_id, "2025-2026")
        before, after = _boundaries(old.data), _boundaries(new.data)
        assert len(before) == len(after) > 0
        for a, b in zip(before, after):
            day_a, day_b = dt.date.fromisoformat(a[:10]), dt.date.fromisoformat(b[:10])
            assert day_b - day_a == dt.timedelta(days=364)
            assert day_a.weekday() == day_b.weekday()
            assert a[10:] == b[10:]  # same hour
        assert len(new.unconfirmed) == len(after)


def test_checklist_names_each_date_with_its_file_and_line(drafted):
    root, stdout, _ = drafted
    dated = [m for m in LINE.finditer(stdout) if m["text"].startswith("date à confirmer")]
    catalog = load_catalog(root)
    expected = sum(len(r.unconfirmed) for r in catalog.procedures if r.academic_year == "2025-2026")
    assert len(dated) == expected
    for match in dated:
        line = (root / match["file"]).read_text(encoding="utf-8").splitlines()[int(match["line"]) - 1]
        new_date = match["text"].split(" : ")[1].split(" (")[0]
        assert f"{new_date} à confirmer" in line[int(match["col"]) - 1 :]


def test_previous_year_is_left_as_it_was(drafted):
    root, _, before = drafted
    assert tree_digest(root / "procedures" / "amu-iut" / "2024-2025") == before


def test_diff_lists_exactly_the_moved_dates_and_amounts(drafted):
    root, _, _ = drafted
    result = run_modop("--root", str(root), "diff", "amu-iut", "2024-2025", "2025-2026")
    assert result.returncode == 0, result.stderr
    lines = [l.strip() for l in result.stdout.splitlines()[1:]]
    catalog = load_catalog(root)
    old = [r for r in catalog.procedures if r.institution_id == "amu-iut" and r.academic_year == "2024-2025"]
    dates = sum(len(_boundaries(r.data)) for r in old)
    with_fee = sum(1 for r in old if r.compiled["fee"] and r.compiled["fee"]["default"]["amount"] is not None)
    with_cvec = sum(1 for r in old if r.compiled["cvec"])
    assert len(lines) == dates + with_fee + with_cvec
    assert "amu-iut/but1 : CVEC : 103\u00a0€ → 105\u00a0€" in lines
    assert "amu-iut/but1 : droits d'inscription : 175\u00a0€ → 178\u00a0€" in lines
    assert any(l.startswith("amu-iut/but1 : ") and "2024-08-22 14:00 → 2025-08-21 14:00" in l for l in lines)


def test_strict_refuses_drafts(drafted, tmp_path):
    root, _, _ = drafted
    result = run_modop("--root", str(root), "validate", "--strict")
    assert result.returncode == 1
    assert re.search(r"procedures/amu-iut/2025-2026/but1\.yaml:\d+:\d+: date encore « à confirmer »", result.stderr)
    relaxed = run_modop("--root", str(root), "validate")
    assert relaxed.returncode == 0
    assert "avertissement" in relaxed.stderr
    out = tmp_path / "site"
    refused = run_modop("--root", str(root), "build", "--strict", "--out", str(out))
    assert refused.returncode == 1
    assert not out.exists()


def test_new_year_refuses_an_existing_year(drafted):
    root, _, _ = drafted
    result = run_modop("--root", str(root), "new-year", "amu-iut", "2025-2026")
    assert result.returncode == 2
    assert "rien n'a été écrit" in result.stderr
    wrong = run_modop("--root", str(root), "new-year", "amu-iut", "2025-2027")
    assert wrong.returncode == 2 and "AAAA-AAAA" in wrong.stderr


def test_screenshots_come_along_with_the_draft(tmp_path):
    copy_procedures(SITE_FIXTURE, tmp_path)
    result = run_modop("--root", str(tmp_path), "new-year", "ecole-demo", "2025-2026")
    assert result.returncode == 0, result.stderr
    copied = tmp_path / "procedures/ecole-demo/2025-2026/images/connexion.png"
    original = tmp_path / "procedures/ecole-demo/2024-2025/images/connexion.png"
    assert copied.read_bytes() == original.read_bytes()
    assert run_modop("--root", str(tmp_path), "validate").returncode == 0
