"""Mistakes that once passed `validate` and failed only in `build` (with no line, or a
traceback) are caught at the edge: `validate` names them as file:line:col, in French,
exit 1, and `build` refuses them the same way with nothing written."""
from __future__ import annotations

import os
from datetime import datetime

import pytest

from tests.support.cli import errors_of, run_modop
from tests.support.data_root import edit
from tests.support.demo_data import PROCEDURE
from tests.support.paths import REPO

# The demo procedure's step with one screenshot; its src value stands at 19:14.
SCREENSHOT = "    when: {regime: initiale}\n    screenshots:\n      - src: {src}\n        alt: La page de connexion\n"


def _screenshot(root, src: str) -> None:
    edit(root, PROCEDURE, "    when: {regime: initiale}\n", SCREENSHOT.replace("{src}", src))


def _outside_picture(root):
    picture = root / "escape.png"  # beside procedures/, outside every procedure's folder
    picture.write_bytes(b"\x89PNG\r\n")
    return picture


def _parent_path(root):
    _outside_picture(root)
    _screenshot(root, "../../../escape.png")


def _absolute_path(root):
    _screenshot(root, str(_outside_picture(root)))


def _symlink_out(root):
    os.symlink(_outside_picture(root), root / "procedures/demo/2024-2025/lien.png")
    _screenshot(root, "lien.png")


@pytest.mark.parametrize("command", [["validate"], ["build", "--out", "site"]])
@pytest.mark.parametrize("escape", [_parent_path, _absolute_path, _symlink_out], ids=["parent path", "absolute path", "symlink out"])
def test_screenshot_leaving_the_procedure_folder_is_refused_with_its_place(data_root, escape, command):
    escape(data_root)
    result = run_modop("--root", str(data_root), *command)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [(file, line, col) for file, line, col, message in errors_of(result) if "sort du dossier de la procédure" in message] == [
        (PROCEDURE, 19, 14)
    ], result.stderr
    assert not (data_root / "site").exists()


def test_screenshot_inside_the_procedure_folder_is_accepted(data_root):
    (data_root / "procedures/demo/2024-2025/images").mkdir()
    (data_root / "procedures/demo/2024-2025/images/connexion.png").write_bytes(b"\x89PNG\r\n")
    _screenshot(data_root, "images/connexion.png")
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- mkdocs.yml


def _settings(root, old: str | None = None, new: str | None = None) -> str:
    """The repository's mkdocs.yml as the root's own (its custom_dir made absolute), one edit made."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: site_templates/overrides", f"custom_dir: {REPO / 'site_templates' / 'overrides'}", 1)
    if old is not None:
        assert old in text, old
        text = text.replace(old, new, 1)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return text


def _place(text: str, at: str) -> tuple[int, int]:
    before = text[: text.index(at)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


# (what is wrong, text replaced, its replacement, where the error stands, words of the message)
SETTINGS_CASES = [
    ("impossible date", "date: 2026-11-23", "date: 2026-02-30", "2026-02-30", "« date » : la date 2026-02-30 n'existe pas"),
    ("not a date", "date: 2026-11-23", "date: bientôt", "bientôt", "« date » vaut « bientôt » : attendu une date AAAA-MM-JJ"),
    ("unknown status", "status: partiellement conforme", "status: conforme", "conforme\n", "« status » vaut « conforme » : attendu « totalement conforme »"),
    ("bad email", "contact_email:      #", "contact_email: accessibilite-example.fr  #", "accessibilite-example.fr", "attendu une adresse électronique"),
    ("http contact", "contact_url:        #", "contact_url: http://example.fr/contact  #", "http://example.fr/contact", "attendu une adresse https://"),
    ("unknown key", "    date: 2026-11-23", "    datte: 2026-11-23", "datte", "clé inconnue « datte » : vouliez-vous dire « date » ?"),
    ("site url", "# site_url: https://inscriptions.example.fr/", "site_url: inscriptions.example.fr", "inscriptions.example.fr", "« site_url » vaut « inscriptions.example.fr »"),
    ("no custom dir", "custom_dir: ", "custom_dir: nulle-part  # ", "nulle-part", "« custom_dir » : pas de dossier nulle-part"),
    ("python tag", "markdown_extensions:\n", "markdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.slugify\n",
     "!!python/name", "la balise YAML « !!python/name:pymdownx.slugs.slugify » n'est pas prise en charge"),
]


@pytest.mark.parametrize("how, old, new, at, words", SETTINGS_CASES, ids=[case[0] for case in SETTINGS_CASES])
def test_mkdocs_settings_modop_reads_are_checked_with_their_place(data_root, how, old, new, at, words):
    text = _settings(data_root, old, new)
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    line, col = _place(text, at)
    found = errors_of(result)
    assert any((f, l, c) == ("mkdocs.yml", line, col) and words in message for f, l, c, message in found), (
        f"expected mkdocs.yml:{line}:{col}: …{words}…, got:\n{result.stderr}"
    )


def test_build_refuses_a_bad_statement_date_with_its_place_and_writes_nothing(data_root):
    text = _settings(data_root, "date: 2026-11-23", "date: 2026-02-30")
    result = run_modop("--root", str(data_root), "build", "--out", "site")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert ("mkdocs.yml", *_place(text, "2026-02-30")) in [(f, l, c) for f, l, c, _ in errors_of(result)], result.stderr
    assert not (data_root / "site").exists()


def test_mkdocs_settings_filled_in_or_left_empty_are_accepted(data_root):
    _settings(data_root)  # publisher, contact_email, contact_url and audit left empty (null)
    assert run_modop("--root", str(data_root), "validate").returncode == 0
    _settings(
        data_root,
        "    status: partiellement conforme\n    publisher:          # who publishes the site, e.g. « L'université d'Orléans »\n"
        "    contact_email:      # where to report an accessibility problem\n    contact_url:        # or a contact form, https://\n",
        "    status: totalement conforme\n    publisher: L'université d'Orléans\n    contact_email: accessibilite@univ.example.fr\n"
        "    contact_url: https://univ.example.fr/contact\n",
    )
    text = (data_root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("# site_url: https://inscriptions.example.fr/", "site_url: https://inscriptions.example.fr/", 1)
    text = text.replace("primary: indigo", "primary: &couleur indigo", 1).replace("primary: indigo", "primary: *couleur", 1)
    (data_root / "mkdocs.yml").write_text(text, encoding="utf-8")  # MkDocs's own file may use anchors
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- Paris times of the data


@pytest.mark.parametrize(
    ("written", "compiled"),
    [
        ("2024-03-31 02:30", "2024-03-31T03:30:00+02:00"),  # skipped by the spring's change: the real instant
        ("2024-10-27 02:30", "2024-10-27T02:30:00+02:00"),  # repeated in autumn: the first, in summer time
        ("2024-07-09 14:00", "2024-07-09T14:00:00+02:00"),
    ],
)
def test_a_data_instant_compiles_to_the_instant_the_checker_and_the_page_show(written, compiled):
    from checks import paris_time
    from checks.wording import fr
    from generator.source.types import paris_instant

    iso, kind = paris_instant(written)
    assert (iso, kind) == (compiled, "instant")
    moment = datetime.fromisoformat(iso)
    assert paris_time(moment).isoformat() == iso, "the JSON and the words say the same hour"
    assert fr.moment_text(moment).endswith(fr.hour_text(int(compiled[11:13]), int(compiled[14:16])))
