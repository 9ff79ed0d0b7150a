"""`python -m generator check`: the contract's command line, its JSON, its text and its errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED_PROCEDURES = [
    "clermont-inp/isima-apprentissage",
    "clermont-inp/doctorat-edspi",
    "orleans/but1",
    "orleans/reinscription",
    "itsra/selection",
    "amu-iut/but1",
    "amu-iut/but-reinscription",
    "amu-iut/but-entree-directe",
    "amu-iut/licence-pro",
    "amu-iut/desu-gol",
    "amu-iut/desu-gol-reinscription",
    "amu-iut/master",
]
CONTRACT_EXAMPLE = [
    "check", "amu-iut/but1", "--set", "boursier=true", "--set", "date_acceptation=2024-07-20",
    "--at", "2024-07-25T10:00", "--json",
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_contract_example_as_a_user_types_it():
    result = subprocess.run(
        [sys.executable, "-m", "generator", *CONTRACT_EXAMPLE],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert list(answer) == ["procedure", "academic_year", "at", "fee", "cvec", "deadline", "payment", "steps", "explanation"]
    assert answer["procedure"] == "amu-iut/but1"
    assert answer["academic_year"] == "2024-2025"
    assert answer["at"] == "2024-07-25T10:00:00+02:00"
    assert answer["fee"]["amount_eur"] == 0.0 and answer["fee"]["category"] is None
    assert answer["cvec"]["status"] == "exempt" and answer["cvec"]["amount_eur"] == 0.0
    assert answer["deadline"]["status"] == "upcoming"
    assert answer["deadline"]["windows"] == [
        {"start": None, "end": "2024-07-24T12:00:00+02:00"},
        {"start": "2024-08-22T14:00:00+02:00", "end": "2024-08-28T17:00:00+02:00"},
    ]
    assert answer["deadline"]["next_change"] == "2024-08-22T14:00:00+02:00"
    assert [item["amount_eur"] for item in answer["payment"]["plan"]] == [0.0]
    assert answer["payment"]["refused"] is None
    assert answer["steps"] == ["cvec", "inscription", "pieces"]
    assert all("source" in sentence for sentence in answer["explanation"])
    assert "é" in result.stdout  # ensure_ascii=False: French as it is written


@pytest.mark.parametrize("procedure", SEED_PROCEDURES)
def test_every_seed_procedure_answers_in_json(capsys, procedure):
    code, out, err = run(capsys, "check", procedure, "--at", "2024-07-25T10:00", "--json")
    assert (code, err) == (0, "")
    answer = json.loads(out)
    assert answer["procedure"] == procedure
    assert list(answer) == ["procedure", "academic_year", "at", "fee", "cvec", "deadline", "payment", "steps", "explanation"]
    if procedure == "itsra/selection":
        assert [answer[k] for k in ("fee", "cvec", "deadline", "payment")] == [None] * 4


def test_without_json_the_answer_is_french_text(capsys):
    code, out, _ = run(capsys, *[a for a in CONTRACT_EXAMPLE if a != "--json"])
    assert code == 0
    assert "Frais d'inscription : 0 €" in out
    assert "Inscription fermée pour l'instant : elle rouvre le jeudi 22 août 2024 à 14 h" in out
    assert "jusqu'au mercredi 24 juillet 2024 à 12 h" in out
    assert "Pourquoi :" in out


def test_codes_to_tick_are_named_in_the_text(capsys):
    code, out, _ = run(capsys, "check", "clermont-inp/doctorat-edspi", "--at", "2025-09-15T10:00")
    assert code == 0
    assert "Frais d'inscription : 397 € — case à cocher : D1" in out


def test_an_instant_with_an_offset_keeps_it(capsys):
    code, out, _ = run(capsys, "check", "amu-iut/but1", "--at", "2024-07-25T08:00+00:00", "--json")
    assert code == 0 and json.loads(out)["at"] == "2024-07-25T08:00:00+00:00"


def test_without_at_the_answer_is_for_now_in_paris_time(capsys):
    code, out, _ = run(capsys, "check", "amu-iut/but1", "--json")
    assert code == 0
    assert json.loads(out)["at"][-6:] in ("+01:00", "+02:00")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", "amu-iut/inconnue"], "procédure inconnue « amu-iut/inconnue »"),
        (["check", "amu-iut/but1", "--set", "nationalite=fr"], "Donnée inconnue « nationalite »"),
        (["check", "amu-iut/but1", "--set", "boursier=oui"], "impossible pour boursier"),
        (["check", "amu-iut/but1", "--set", "echeances=2"], "impossible pour echeances"),
        (["check", "amu-iut/but1", "--set", "date_acceptation=20/07/2024"], "impossible pour date_acceptation"),
        (["check", "amu-iut/but1", "--set", "boursier"], "écrivez --set cle=valeur"),
        (["check", "amu-iut/but1", "--set", "boursier=true", "--set", "boursier=false"], "deux fois"),
        (["check", "amu-iut/but1", "--at", "demain"], "AAAA-MM-JJTHH:MM"),
        (["check", "amu-iut/but1", "--year", "1999-2000"], "pas d'année 1999-2000"),
    ],
)
def test_bad_input_is_one_french_line_and_a_non_zero_exit(capsys, args, words):
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and words in err, err
