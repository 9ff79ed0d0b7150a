"""The staff's yearly routine: new-year draft, what changed, strict refusal of drafts."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.model.catalog import load_catalog
from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures, edit
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
    assert draft["provisional"] is True
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
    assert len(dated) == expected > 0
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
    refused = run_modop("--root", str(root), "build", "--strict", "--drafts", "--out", str(out))
    assert refused.returncode == 1
    assert re.search(r"procedures/amu-iut/2025-2026/but1\.yaml:\d+:\d+: date encore « à confirmer »", refused.stderr)
    assert not out.exists()
    # Without --drafts, build publishes the current year: the draft's dates are not its to judge.
    published = run_modop("--root", str(root), "build", "--strict", "--out", str(out))
    assert "amu-iut/2025-2026/" not in published.stderr, published.stderr


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


def test_the_draft_is_not_published_until_staff_remove_its_draft_line(drafted):
    root, stdout, _ = drafted
    text = (root / "procedures/amu-iut/2025-2026/but1.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "draft: true" in lines
    above = "\n".join(lines[: lines.index("draft: true")])
    assert "effacez" in above and "publier" in above  # the comment says how to publish it
    catalog = load_catalog(root)
    amu = [r for r in catalog.procedures if r.institution_id == "amu-iut"]
    assert all(r.draft for r in amu if r.academic_year == "2025-2026")
    assert not any(r.draft for r in amu if r.academic_year == "2024-2025")
    assert "draft: true" in stdout  # and so does the command


def test_amounts_left_in_texts_are_flagged_when_the_data_changes(drafted):
    root, stdout, _ = drafted
    items = [(m["file"], int(m["line"]), m["text"]) for m in LINE.finditer(stdout)]
    draft = "procedures/amu-iut/2025-2026/but1.yaml"
    lines = (root / draft).read_text(encoding="utf-8").splitlines()
    cvec = [(line, said) for file, line, said in items if file == draft and "103\u00a0€" in said]
    assert cvec, stdout
    for line, said in cvec:
        assert "**103 €**" in lines[line - 1]
        assert said == "le texte mentionne 103\u00a0€ : c'est la CVEC de 2024-2025, qui passe à 105\u00a0€ en 2025-2026 : corrigez le texte"
    reinscription = [said for file, _, said in items if file == "procedures/amu-iut/2025-2026/but-reinscription.yaml"]
    assert "le texte mentionne 175\u00a0€ : c'est le droit national de licence de 2024-2025, qui passe à 178\u00a0€ en 2025-2026 : corrigez le texte" in reinscription
    # A year left in a text is listed too.
    assert any("le texte mentionne 2024" in said for file, _, said in items if file == draft)


def test_institution_dates_move_too_and_its_notes_are_listed(tmp_path):
    root = copy_procedures(REPO, tmp_path)
    institution = root / "procedures/orleans/institution.yaml"
    before = institution.read_text(encoding="utf-8")
    result = run_modop("--root", str(root), "new-year", "orleans", "2025-2026")
    assert result.returncode == 0, result.stderr
    after = institution.read_text(encoding="utf-8")
    assert "period: {from: 2025-06-23 à confirmer, to: 2025-09-02 à confirmer}" in after
    assert after.replace("2025-06-23 à confirmer", "2024-06-24").replace("2025-09-02 à confirmer", "2024-09-03") == before
    items = [(m["file"], int(m["line"]), m["text"]) for m in LINE.finditer(result.stdout)]
    line = next(n for n, text in enumerate(after.splitlines(), start=1) if "period:" in text)
    assert ("procedures/orleans/institution.yaml", line, "date à confirmer : 2025-06-23 (était 2024-06-24, même jour de la semaine)") in items
    # The page says the phone line's dates are not confirmed yet; validate lists them.
    catalog = load_catalog(root)
    assert len(catalog.institution_unconfirmed["orleans"]) == 2
    validated = run_modop("--root", str(root), "validate")
    assert f"procedures/orleans/institution.yaml:{line}:" in validated.stderr and "à confirmer" in validated.stderr
    # Run again for the year after: the dates already moved stay where they are.
    (root / "procedures/orleans/2025-2026").rename(root / "procedures/orleans/.brouillon-efface")
    again = run_modop("--root", str(root), "new-year", "orleans", "2025-2026")
    assert again.returncode == 0, again.stderr
    assert institution.read_text(encoding="utf-8") == after


def test_a_draft_refused_by_the_final_check_leaves_nothing_behind(tmp_path, monkeypatch):
    """new-year checks the whole data again once written; if that fails, both the new
    folder and the institution file it changed go back to what they were."""
    from generator.commands import new_year as command
    from generator.errors import DataError, DataErrors

    root = copy_procedures(REPO, tmp_path)
    institution = root / "procedures/orleans/institution.yaml"
    before = tree_digest(root / "procedures")
    calls = []

    def load_then_refuse(data_root, *args):
        calls.append(data_root)
        if len(calls) == 1:
            return load_catalog(data_root, *args)
        raise DataErrors([DataError("procedures/orleans/2025-2026/but1.yaml", 1, 1, "refusé")])

    monkeypatch.setattr(command, "load_catalog", load_then_refuse)
    with pytest.raises(DataErrors):
        command.new_year(root, "orleans", "2025-2026")
    assert len(calls) == 2
    assert tree_digest(root / "procedures") == before
    assert "à confirmer" not in institution.read_text(encoding="utf-8")
