"""One school among others: `--only INSTITUTION` (repeatable) for validate, build
and serve reads, judges and publishes only those institutions' files (and the
national layer); the others' mistakes and warnings do not stop them."""
from __future__ import annotations

import pytest

from tests.support.cli import errors_of, run_modop
from tests.support.data_root import edit

# A mistake in another school's file: whoever reads it stops there.
OTHER_SCHOOL = "procedures/amu-iut/2024-2025/but1.yaml"


@pytest.fixture
def school_among_others(data_root):
    """The bundled data plus the demo institution, with a syntax error in amu-iut's files."""
    edit(data_root, OTHER_SCHOOL, "\ntitle: ", "\ntitle: [")
    return data_root


def test_validate_only_reads_the_chosen_institutions(school_among_others):
    root = str(school_among_others)
    everyone = run_modop("--root", root, "validate")
    assert everyone.returncode == 1 and any(f == OTHER_SCHOOL for f, *_ in errors_of(everyone))

    mine = run_modop("--root", root, "validate", "--only", "demo", "--only", "itsra")
    assert mine.returncode == 0, mine.stderr
    assert {f.split("/")[1] for f, *_ in errors_of(mine)} <= {"demo", "itsra"}
    assert "2 procédures dans 2 établissements" in mine.stdout


def test_strict_judges_only_the_chosen_files(school_among_others):
    result = run_modop("--root", str(school_among_others), "validate", "--strict", "--only", "demo")
    found = errors_of(result)
    assert found, result.stderr
    assert all(f.startswith("procedures/demo/") for f, *_ in found), result.stderr


def test_an_unknown_institution_is_one_line_naming_the_known_ones(data_root):
    for command in (["validate"], ["build", "--out", str(data_root / "site")], ["serve", "--addr", "127.0.0.1:1"]):
        result = run_modop("--root", str(data_root), *command, "--only", "nulle-part")
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("modop: "), result.stderr
        assert "« nulle-part »" in lines[0] and "amu-iut, assas, clermont-inp, demo, itsra, orleans, uga, upec" in lines[0]
    assert not (data_root / "site").exists()


def test_build_only_publishes_the_chosen_institution(school_among_others, tmp_path):
    out = tmp_path / "site"
    result = run_modop("--root", str(school_among_others), "build", "--only", "demo", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "demo" / "inscription" / "index.html").is_file()
    assert not (out / "amu-iut").exists() and not (out / "orleans").exists()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Établissement de démonstration" in home and "IUT d'Aix-Marseille" not in home


def test_a_link_to_a_school_left_out_is_a_warning_of_validate_and_an_error_of_build(data_root, tmp_path):
    procedure = "procedures/demo/2024-2025/inscription.yaml"
    edit(data_root, procedure, "body: Connectez-vous à l'ENT.", "body: Connectez-vous à l'ENT, comme [à Orléans](../orleans/but1.md).")
    said = (
        f"{procedure}:15:53: lien « ../orleans/but1.md » : l'établissement orleans est laissé de côté par --only : "
        "la page aurait ici un lien cassé ; ajoutez --only orleans pour vérifier ce lien"
    )
    assert run_modop("--root", str(data_root), "validate").returncode == 0  # orleans is there

    validated = run_modop("--root", str(data_root), "validate", "--only", "demo")
    assert validated.returncode == 0, validated.stderr
    assert f"{said} (avertissement)" in validated.stderr.splitlines()

    out = tmp_path / "site"
    built = run_modop("--root", str(data_root), "build", "--only", "demo", "--out", str(out))
    assert built.returncode == 1
    assert said in built.stderr.splitlines() and "MkDocs" not in built.stderr
    assert not out.exists()
