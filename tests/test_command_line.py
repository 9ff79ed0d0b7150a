"""What the command line does at its edges, run as a user runs it: folders it cannot
write and addresses it cannot listen on are said in one French line before any
work starts, its own option errors are French, and a reader that stops early
(`| head`) ends nothing in a traceback."""
from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures
from tests.support.paths import REPO, YEARS_FIXTURE
from tests.support.unwritable import unwritable_folder
from tests.support.user_messages import assert_one_french_line


def _refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert_one_french_line(result.stderr)
    for word in words:
        assert word in result.stderr, result.stderr


# ---------------------------------------------------------------- folders it writes


def test_schema_onto_an_existing_file_is_one_french_line(tmp_path):
    target = tmp_path / "schema.json"
    target.write_text("{}", encoding="utf-8")
    _refused(run_modop("schema", "--out", str(target)), str(target), "n'est pas un dossier")
    assert target.read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize("where", ["/proc/x", "/proc/x/y"])
def test_schema_where_nothing_can_be_written_is_one_french_line(where):
    _refused(run_modop("schema", "--out", where), where, "impossible d'écrire")


def test_schema_under_a_file_is_one_french_line(tmp_path):
    (tmp_path / "fichier").write_text("", encoding="utf-8")
    _refused(run_modop("schema", "--out", str(tmp_path / "fichier" / "schema")), "n'est pas un dossier")


@pytest.mark.parametrize("where", ["/proc/x", "/proc/x/site"])
def test_build_where_nothing_can_be_written_is_refused_before_any_work(where):
    result = run_modop("--root", str(YEARS_FIXTURE), "build", "--out", where)
    _refused(result, where, "impossible d'écrire")
    assert result.stdout == "", "refused before loading anything"


@pytest.mark.parametrize("address", ["inscriptions.example.fr", "\U0001ddffçí", "https://[x", "ftp://example.fr/"])
def test_build_refuses_a_public_address_it_cannot_use_before_any_work(tmp_path, address):
    """MkDocs would stop on it, in English, after the PDFs were laid out (found by the build property)."""
    result = run_modop("--root", str(YEARS_FIXTURE), "build", "--out", str(tmp_path / "site"), "--site-url", address)
    _refused(result, "--site-url", "https://inscriptions.example.fr/")
    assert result.stdout == "" and not (tmp_path / "site").exists()


def test_build_onto_a_file_is_refused_before_any_work(tmp_path):
    target = tmp_path / "site"
    target.write_text("", encoding="utf-8")
    result = run_modop("--root", str(YEARS_FIXTURE), "build", "--strict", "--out", str(target))
    _refused(result, "n'est pas un dossier")
    assert result.stdout == ""


def test_new_year_into_a_folder_it_cannot_write_is_refused_and_writes_nothing(tmp_path):
    root = copy_procedures(YEARS_FIXTURE, tmp_path / "root")
    institution = root / "procedures" / "ecole-annees"
    before = sorted(p.name for p in institution.iterdir())
    with unwritable_folder(institution):
        result = run_modop("--root", str(root), "new-year", "ecole-annees", "2026-2027")
    _refused(result, "procedures/ecole-annees", "impossible d'écrire")
    assert sorted(p.name for p in institution.iterdir()) == before


# ---------------------------------------------------------------- the preview's address


def _building(result: subprocess.CompletedProcess) -> bool:
    return "Chargement des procédures" in result.stdout


@pytest.mark.parametrize(
    "addr, words",
    [
        ("127.0.0.1:99999", "de 0 à 65535"),
        ("127.0.0.1:65536", "de 0 à 65535"),
        ("127.0.0.1:-1", "HÔTE:PORT"),
        ("127.0.0.1", "HÔTE:PORT"),
        (":8000", "HÔTE:PORT"),
        ("serveur local:8000", "hôte"),
    ],
)
def test_serve_refuses_an_address_before_building_anything(addr, words):
    result = run_modop("--root", str(YEARS_FIXTURE), "serve", "--addr", addr, timeout=60)
    _refused(result, words)
    assert not _building(result)


def test_serve_refuses_a_port_in_use_before_building_anything():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_modop("--root", str(YEARS_FIXTURE), "serve", "--addr", f"127.0.0.1:{port}", timeout=60)
    _refused(result, f"127.0.0.1:{port}", "déjà utilisé")
    assert not _building(result)


# ---------------------------------------------------------------- what is typed, shown


@pytest.mark.parametrize("args", [["validate", "\r--x"], ["check", "amu-iut/but1", "--at", "demain\n2024-07-20T10:00"]])
def test_a_control_character_typed_is_shown_escaped_on_the_one_line(args):
    result = run_modop(*args, timeout=120)
    _refused(result)
    assert "\\r" in result.stderr or "\\n" in result.stderr, result.stderr


# ---------------------------------------------------------------- its own options


@pytest.mark.parametrize(
    "args, words",
    [
        (["frobnicate"], "frobnicate"),
        ([], "COMMANDE"),
        (["check"], "PROCÉDURE"),
        (["check", "amu-iut/but1", "--at"], "--at"),
        (["check", "amu-iut/but1", "--colour"], "--colour"),
        (["diff", "amu-iut"], "ANNÉE1"),
        (["--root"], "--root"),
        (["validate", "--strict=oui"], "--strict"),
    ],
)
def test_option_mistakes_are_one_french_line(args, words):
    result = run_modop(*args)
    _refused(result, words)
    assert result.stdout == ""


def test_help_is_french():
    result = run_modop("check", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("utilisation : modop check")
    assert "affiche cette aide" in result.stdout and "show this help" not in result.stdout


# ---------------------------------------------------------------- a reader that leaves early


@pytest.mark.parametrize(
    "args",
    [
        ["check", "amu-iut/but1", "--at", "2024-07-25T10:00", "--json"],
        ["check", "amu-iut/but1", "--at", "2024-07-25T10:00"],
        ["validate"],
        ["new-year", "ecole-annees", "2026-2027"],
    ],
    ids=["check --json", "check", "validate", "new-year"],
)
def test_output_into_a_reader_that_stops_early_ends_quietly(tmp_path, args):
    root = copy_procedures(YEARS_FIXTURE if args[0] == "new-year" else REPO, tmp_path / "root")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before the first line: `| head -0`
    _, stderr = process.communicate(timeout=120)
    stderr = stderr.decode("utf-8")
    assert "Traceback" not in stderr and "Exception ignored" not in stderr and "BrokenPipe" not in stderr, stderr
    assert process.returncode == 0, stderr
    if args[0] == "new-year":  # the work is done even though nobody read the checklist
        assert (root / "procedures" / "ecole-annees" / "2026-2027" / "inscription.yaml").is_file()
