"""Completeness and plausibility checks: warnings of validate, errors with --strict, each at its place."""
from __future__ import annotations

import re

import pytest

from tests.support.cli import run_modop
from tests.support.data_root import edit
from tests.support.demo_data import INSTITUTION, PROCEDURE

TWO_RANGES = """windows:
  - label: Acceptation jusqu'au 12 juillet
    when: {date_acceptation: {to: 2024-07-12}}
    periods:
      - start: 2024-07-09 14:00
        end: 2024-07-19 12:00
  - label: Acceptation à partir du 14 juillet
    when: {date_acceptation: {from: 2024-07-14}}
    periods:
      - start: 2024-08-22 14:00
        end: 2024-08-28 17:00
"""
ONE_RANGE = """windows:
  - label: Tout le monde
    when: {date_acceptation: {from: 2024-07-01}}
    periods:
      - start: 2024-07-09 14:00
        end: 2024-07-19 12:00
"""


def _strict(root) -> str:
    result = run_modop("--root", str(root), "validate", "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    return result.stderr


def _demo_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("procedures/demo/")]


def test_the_demo_institution_has_nothing_to_say(data_root):
    result = run_modop("--root", str(data_root), "validate", "--strict")
    assert _demo_lines(result.stderr) == [line for line in _demo_lines(result.stderr) if "sont passées" in line]


def test_gap_between_acceptance_ranges(data_root):
    edit(data_root, PROCEDURE, ONE_RANGE, TWO_RANGES)
    lines = _demo_lines(_strict(data_root))
    assert any(
        re.match(rf"{PROCEDURE}:31:35: aucune période d'inscription pour une proposition acceptée le 2024-07-13", line) for line in lines
    ), lines
    # The same data without the strict flag: a warning, exit 0.
    relaxed = run_modop("--root", str(data_root), "validate")
    assert relaxed.returncode == 0 and "2024-07-13" in relaxed.stderr and "(avertissement)" in relaxed.stderr


def test_overlapping_windows_for_the_same_student(data_root):
    edit(data_root, PROCEDURE, ONE_RANGE, TWO_RANGES.replace("{from: 2024-07-14}", "{from: 2024-07-10}").replace("2024-08-22 14:00", "2024-07-15 14:00"))
    assert any("se chevauchent" in line and line.startswith(f"{PROCEDURE}:35:") for line in _demo_lines(_strict(data_root)))


def test_dates_outside_the_season(data_root):
    edit(data_root, PROCEDURE, "start: 2024-07-09 14:00", "start: 2023-07-09 14:00")
    assert any(line.startswith(f"{PROCEDURE}:33:16: date 2023-07-09 hors de la saison") for line in _demo_lines(_strict(data_root)))


def test_cvec_different_from_the_national_amount(data_root):
    edit(data_root, PROCEDURE, "cvec:\n  amount: national", "cvec:\n  amount: 100")
    assert any(line.startswith(f"{PROCEDURE}:28:11: CVEC de 100 €") and "103" in line for line in _demo_lines(_strict(data_root)))


def test_cvec_difference_with_a_reason_is_accepted(data_root):
    edit(data_root, PROCEDURE, "cvec:\n  amount: national", "cvec:\n  amount: 100\n  note: Montant réduit voté par le conseil d'administration.")
    result = run_modop("--root", str(data_root), "validate", "--strict")
    assert not any("CVEC de 100" in line for line in result.stderr.splitlines())


def test_http_link_in_a_body(data_root):
    edit(data_root, PROCEDURE, "body: Connectez-vous à l'ENT.", "body: Connectez-vous à http://ent.demo.example.fr.")
    assert any(line.startswith(f"{PROCEDURE}:15:11: lien en http://") for line in _demo_lines(_strict(data_root)))


def test_phone_without_hours(data_root):
    edit(data_root, INSTITUTION, """        hours:
          - days: [lundi, mardi]
            times: ["09:00-12:00"]""", "        hours: unknown")
    assert any(line.startswith(f"{INSTITUTION}:10:16: le numéro 01 23 45 67 89 n'a pas d'horaires") for line in _demo_lines(_strict(data_root)))


def test_year_entirely_in_the_past(data_root):
    assert any(line.startswith(f"{PROCEDURE}:3:16: toutes les périodes de 2024-2025 sont passées") for line in _demo_lines(_strict(data_root)))


def test_screenshot_without_alt_text_is_an_error(data_root):
    edit(data_root, PROCEDURE, "    when: {regime: initiale}\n", "    when: {regime: initiale}\n    screenshots:\n      - src: ent.png\n")
    (data_root / "procedures/demo/2024-2025/ent.png").write_bytes(b"\x89PNG\r\n")
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 1
    assert f"{PROCEDURE}:19:9: champ obligatoire « alt » manquant" in result.stderr


@pytest.mark.parametrize("command", [["validate"], ["build", "--out", "site"]])
def test_strict_turns_warnings_into_errors(data_root, command):
    result = run_modop("--root", str(data_root), *command, "--strict")
    assert result.returncode == 1
    assert not (data_root / "site").exists()


def _in_another_year_folder(root) -> str:
    moved = "procedures/demo/2023-2024/inscription.yaml"
    (root / moved).parent.mkdir()
    (root / PROCEDURE).rename(root / moved)
    return moved


def _under_another_name(root) -> str:
    renamed = "procedures/demo/2024-2025/demo.yaml"
    (root / PROCEDURE).rename(root / renamed)
    return renamed


@pytest.mark.parametrize(
    "misplace, warning",
    [
        (
            _in_another_year_folder,
            ":3:16: academic_year 2024-2025 dans le dossier 2023-2024 : déplacez le fichier dans "
            "procedures/demo/2024-2025/ ou corrigez academic_year",
        ),
        (
            _under_another_name,
            ":1:5: l'identifiant « inscription » diffère du nom du fichier demo.yaml ; la page est publiée "
            "à l'adresse demo/inscription/ : renommez le fichier inscription.yaml ou changez l'identifiant",
        ),
    ],
    ids=["year folder", "file name"],
)
def test_a_file_whose_place_differs_from_its_data(data_root, misplace, warning):
    """A year folder other than academic_year, a file name other than the id: a warning at
    its place, an error with --strict."""
    shown = misplace(data_root)
    relaxed = run_modop("--root", str(data_root), "validate")
    assert relaxed.returncode == 0, relaxed.stderr
    assert f"{shown}{warning} (avertissement)" in relaxed.stderr.splitlines()
    assert f"{shown}{warning}" in _demo_lines(_strict(data_root))
