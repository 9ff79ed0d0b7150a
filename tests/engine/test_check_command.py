"""`python -m generator check`: the contract's command line, its JSON, its text and its errors."""
from __future__ import annotations

import json

import pytest

from generator.cli import main
from tests.support.cli import run_modop
from tests.support.contract import ANSWER_KEYS, EXAMPLE_ARGS, SEED_PROCEDURES, assert_contract_example
from tests.support.paths import REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_contract_example_as_a_user_types_it():
    result = run_modop(*EXAMPLE_ARGS, timeout=120)
    assert result.returncode == 0, result.stderr
    assert_contract_example(json.loads(result.stdout))
    assert "é" in result.stdout  # ensure_ascii=False: French as it is written


@pytest.mark.parametrize("procedure", list(SEED_PROCEDURES))
def test_every_seed_procedure_answers_in_json(capsys, procedure):
    code, out, err = run(capsys, "check", procedure, "--at", "2024-07-25T10:00", "--json")
    assert (code, err) == (0, "")
    answer = json.loads(out)
    assert answer["procedure"] == procedure
    assert list(answer) == ANSWER_KEYS
    if procedure == "itsra/selection":
        assert [answer[k] for k in ("fee", "cvec", "deadline", "payment")] == [None] * 4


def test_without_json_the_answer_is_french_text(capsys):
    code, out, _ = run(capsys, *[a for a in EXAMPLE_ARGS if a != "--json"])
    assert code == 0
    assert "Frais d'inscription : 0\u00a0€" in out
    assert "Inscription fermée pour l'instant : elle rouvre le jeudi 22 août 2024 à 14\u00a0h" in out
    assert "jusqu'au mercredi 24 juillet 2024 à 12\u00a0h" in out
    assert "Pourquoi :" in out


def test_codes_to_tick_are_named_in_the_text(capsys):
    code, out, _ = run(capsys, "check", "clermont-inp/doctorat-edspi", "--at", "2025-09-15T10:00")
    assert code == 0
    assert "Frais d'inscription : 397\u00a0€ — case à cocher : D1" in out


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
        (["check", "amu-iut/but1", "--set", "date_acceptation=20/07/2024"], "Date d'acceptation « 20/07/2024 » impossible"),
        (["check", "amu-iut/but1", "--set", "boursier"], "écrivez --set cle=valeur"),
        (["check", "amu-iut/but1", "--set", "boursier=true", "--set", "boursier=false"], "deux fois"),
        (["check", "amu-iut/but1", "--at", "demain"], "AAAA-MM-JJTHH:MM"),
        (["check", "amu-iut/but1", "--at", "0001-01-01T00:00"], "entre 2000 et 2099"),
        (["check", "amu-iut/but1", "--at", "9999-12-31T23:59+00:00"], "entre 2000 et 2099"),
        (["check", "amu-iut/but1", "--at", "9999-12-31T23:00Z"], "entre 2000 et 2099"),
        (["check", "amu-iut/but1", "--year", "1999-2000"], "pas d'année 1999-2000"),
    ],
)
def test_bad_input_is_one_french_line_and_a_non_zero_exit(capsys, args, words):
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and words in err, err


def test_an_instant_the_spring_change_skips_is_the_real_one_in_the_json_and_the_text(capsys):
    code, out, _ = run(capsys, "check", "amu-iut/but1", "--at", "2024-03-31T02:30", "--json")
    assert code == 0 and json.loads(out)["at"] == "2024-03-31T03:30:00+02:00"
    code, out, _ = run(capsys, "check", "amu-iut/but1", "--at", "2024-03-31T02:30")
    assert code == 0 and "réponse pour le dimanche 31 mars 2024 à 3\u00a0h\u00a030 (heure de Paris)" in out


def test_the_help_of_at_says_how_a_changing_hour_is_read(capsys):
    assert main(["check", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "2000 à 2099" in help_text
    assert "heure d'été" in help_text and "première" in help_text
