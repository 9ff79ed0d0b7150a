"""Bad input gets `file:line:col: message`, a non-zero exit, and nothing written.

Each case copies the real bundled data, adds the small `demo` institution of
tests/fixtures/validation/, breaks one thing in it, and runs the real command
line on that copy."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.cli import errors_of, run_modop
from tests.support.data_root import edit
from tests.support.demo_data import INSTITUTION, PROCEDURE


def test_fixture_is_valid(data_root):
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.count("(avertissement)")
    assert warnings > 0  # every bundled year is over
    # The last line says what validate did, and that it wrote nothing.
    assert result.stdout.strip().splitlines()[-1] == (
        f"Vérifié : 21 procédures dans 8 établissements, aucune erreur, {warnings} avertissements "
        "(rien n'est écrit par validate)."
    )


def _duplicate_id(root: Path) -> None:
    shutil.copy(root / PROCEDURE, (root / PROCEDURE).with_name("copie.yaml"))


def _empty_file(root: Path) -> None:
    (root / PROCEDURE).write_text("# rien encore\n", encoding="utf-8")


def _invalid_utf8(root: Path) -> None:
    procedure = root / PROCEDURE
    procedure.write_bytes(procedure.read_bytes().replace("démonstration".encode(), b"d\xe9monstration", 1))


def _missing_institution_file(root: Path) -> None:
    (root / INSTITUTION).unlink()


# A payment section added at the end of the demo procedure; its day stands at 41:26.
PAYMENT = "payment:\n  instalments: [{{count: 1}}, {{count: 3}}]\n  later_instalments_day: {day}\n"

# How each case breaks the demo data: a function, or an edit (file, text there, its replacement).
BREAKS = {
    "syntax": (PROCEDURE, "title: Inscription de démonstration", "title: [Inscription de démonstration"),
    "tab": (PROCEDURE, "    title: S'inscrire", "\ttitle: S'inscrire"),
    "unknown key": (PROCEDURE, "summary:", "titel: En trop\nsummary:"),
    "wrong type": (PROCEDURE, "level: licence", "level: licence\nacademic_year_stated: peut-être"),
    "impossible date": (PROCEDURE, "start: 2024-07-09 14:00", "start: 2024-02-30 14:00"),
    "end before start": (PROCEDURE, "end: 2024-07-19 12:00", "end: 2024-07-08 12:00"),
    "unknown fee code": (PROCEDURE, 'category: "01"', 'category: "09"'),
    "unknown portal": (PROCEDURE, "portals: [ent]", "portals: [entt]"),
    "duplicate id": _duplicate_id,
    "unknown profile key": (PROCEDURE, "when: {regime: initiale}", "when: {regim: initiale}"),
    "unknown profile value": (PROCEDURE, "when: {regime: initiale}", "when: {regime: alternance}"),
    "missing field": (PROCEDURE, "title: Inscription de démonstration\n", ""),
    "empty file": _empty_file,
    "amount not a number": (PROCEDURE, "amount: national\n    category", "amount: 175 €\n    category"),
    "invalid utf-8": _invalid_utf8,
    "alias": (PROCEDURE, "audience:\n  for: [Tout le monde]", "audience:\n  for: &tous [Tout le monde]\n  not_for: *tous"),
    "missing institution file": _missing_institution_file,
    "closure before start": (PROCEDURE, "to: 2024-07-15", "to: 2024-07-13"),
    "bad email": (INSTITUTION, "scolarite@demo.example.fr", "scolarite-demo.example.fr"),
    "academic year out of range": (PROCEDURE, "academic_year: 2024-2025", "academic_year: 0000-0001"),
    "date of year 1": (PROCEDURE, "start: 2024-07-09 14:00", "start: 0001-07-09 14:00"),
    "last date of year 9999": (PROCEDURE, "end: 2024-07-19 12:00", "end: 9999-12-31"),
    "acceptance date of year 9999": (PROCEDURE, "{from: 2024-07-01}", "{from: 9999-12-31}"),
    "infinite amount": (PROCEDURE, "amount: national\n    category", "amount: 1.0e+308\n    category"),
    "amount above the ceiling": (PROCEDURE, "amount: national\n    category", "amount: 99999999999999999999999\n    category"),
    "amount in thousandths": (PROCEDURE, "amount: national\n    category", "amount: 175.555\n    category"),
    "amount in hexadecimal": (PROCEDURE, "amount: national\n    category", "amount: 0x1A\n    category"),
    "instalment day 32": (PROCEDURE, "    reason: Fête nationale.\n", "    reason: Fête nationale.\n" + PAYMENT.format(day=32)),
    "instalment day 1000000": (PROCEDURE, "    reason: Fête nationale.\n", "    reason: Fête nationale.\n" + PAYMENT.format(day=1000000)),
    "instalment day 0": (PROCEDURE, "    reason: Fête nationale.\n", "    reason: Fête nationale.\n" + PAYMENT.format(day=0)),
}


def _break(root: Path, how: str) -> None:
    breaking = BREAKS[how]
    if callable(breaking):
        breaking(root)
    else:
        edit(root, *breaking)


# (what is broken, file, line, column, words the message must hold)
CASES = [
    ("syntax", PROCEDURE, 3, 14, "syntaxe YAML incorrecte"),
    ("tab", PROCEDURE, 14, 1, "tabulation interdite"),
    ("unknown key", PROCEDURE, 8, 1, "clé inconnue « titel » : vouliez-vous dire « title » ?"),
    ("wrong type", PROCEDURE, 6, 23, "attendu true ou false"),
    ("impossible date", PROCEDURE, 33, 16, "la date 2024-02-30 n'existe pas"),
    ("end before start", PROCEDURE, 34, 14, "se termine (2024-07-08 12:00) avant de commencer (2024-07-09 14:00)"),
    ("unknown fee code", PROCEDURE, 25, 15, "code de frais inconnu « 09 »"),
    ("unknown portal", PROCEDURE, 16, 15, "portail inconnu « entt »"),
    ("duplicate id", "procedures/demo/2024-2025/inscription.yaml", 1, 5, "identifiant « inscription » déjà utilisé"),
    ("unknown profile key", PROCEDURE, 17, 12, "clé de profil inconnue « regim » : vouliez-vous dire « regime » ?"),
    ("unknown profile value", PROCEDURE, 17, 20, "« regime » vaut « alternance »"),
    ("missing field", PROCEDURE, 1, 1, "champ obligatoire « title » manquant"),
    ("empty file", PROCEDURE, 1, 1, "fichier vide"),
    ("amount not a number", PROCEDURE, 24, 13, "attendu un nombre (175), « national », « differentiated »"),
    ("invalid utf-8", PROCEDURE, 2, 24, "UTF-8"),
    ("alias", PROCEDURE, 10, 8, "ancres YAML"),
    ("missing institution file", INSTITUTION, 1, 1, "fichier manquant"),
    ("closure before start", PROCEDURE, 37, 9, "la fermeture se termine (2024-07-13) avant de commencer (2024-07-14)"),
    ("bad email", INSTITUTION, 7, 14, "attendu une adresse électronique"),
    ("academic year out of range", PROCEDURE, 3, 16, "écrivez une année entre 2000-2001 et 2098-2099"),
    ("date of year 1", PROCEDURE, 33, 16, "la date 0001-07-09 est hors des années 2000 à 2099"),
    ("last date of year 9999", PROCEDURE, 34, 14, "la date 9999-12-31 est hors des années 2000 à 2099"),
    ("acceptance date of year 9999", PROCEDURE, 31, 37, "la date 9999-12-31 est hors des années 2000 à 2099"),
    ("infinite amount", PROCEDURE, 24, 13, "au plus 100000"),
    ("amount above the ceiling", PROCEDURE, 24, 13, "au plus 100000"),
    ("amount in thousandths", PROCEDURE, 24, 13, "deux décimales au plus"),
    ("amount in hexadecimal", PROCEDURE, 24, 13, "attendu un nombre (175), « national », « differentiated » (le montant national des droits différenciés) ou « unknown »"),
    ("instalment day 32", PROCEDURE, 41, 26, "un jour du mois, de 1 à 31"),
    ("instalment day 1000000", PROCEDURE, 41, 26, "un jour du mois, de 1 à 31"),
    ("instalment day 0", PROCEDURE, 41, 26, "un jour du mois, de 1 à 31"),
]


@pytest.mark.parametrize("how, file, line, col, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_named_with_its_place(data_root, how, file, line, col, words):
    _break(data_root, how)
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    found = errors_of(result)
    assert any(
        (f, l, c) == (file, line, col) and words in message for f, l, c, message in found
    ), f"expected {file}:{line}:{col}: …{words}…, got:\n{result.stderr}"


def test_every_error_is_reported_at_once(data_root):
    _break(data_root, "unknown portal")
    _break(data_root, "unknown fee code")
    edit(data_root, "procedures/itsra/institution.yaml", "contacts@itsra.net", "contacts-itsra.net")
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode != 0
    messages = [message for *_, message in errors_of(result)]
    assert len(messages) == 3, result.stderr
    # validate never writes: its summary does not say « nothing was written ».
    assert result.stderr.strip().splitlines()[-1] == "3 erreurs : corrigez chacune à la ligne et à la colonne indiquées, puis relancez la commande."


@pytest.mark.parametrize("how", [case[0] for case in CASES])
def test_build_with_bad_input_leaves_the_output_untouched(data_root, tmp_path, how):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous site", encoding="utf-8")
    _break(data_root, how)
    result = run_modop("--root", str(data_root), "build", "--out", str(out))
    assert result.returncode != 0
    assert errors_of(result)
    assert result.stderr.strip().endswith(": rien n'a été écrit."), result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "previous site"


def test_no_procedures_folder_is_one_clear_line(tmp_path):
    result = run_modop("--root", str(tmp_path), "validate")
    assert result.returncode != 0
    assert result.stderr.startswith("modop: pas de dossier procedures/")
    assert len(result.stderr.strip().splitlines()) == 1
