"""The engine's English (checks/wording/en.py): the same names as French, the same figures
in every answer, no French word of its own left in its sentences, and the sentences a
student reads worded as a British reader expects them."""
from __future__ import annotations

import inspect
import json
import re
from datetime import datetime, timedelta, timezone
from types import ModuleType

import pytest

import checks
from checks import ProfileError
from checks.wording import en, fr
from tests.engine.test_cases import _instant, _load_cases
from tests.support.cli import run_modop
from tests.support.contract import EXAMPLE_ARGS
from tests.support.user_messages import assert_one_french_line

PARIS_SUMMER = timezone(timedelta(hours=2))
# The answer's sentences: the only values that differ between languages (`refused` is one too).
SENTENCE_KEYS = {"reason", "explanation", "refused"}
# Words and marks of French the English wording must never write itself.
FRENCH = re.compile(
    r"\b(inscriptions?|frais|droits|jusqu'au|à|le|les|du|des|la notice|période|fermée?|ouverte|paiement"
    r"|renseignez|montant|échéances?|fois|aucune?|année|heure|source :|non précisée?|exonération)\b"
    r"|\d[\s\u00a0\u202f]*€|[«»]|\d\u00a0h\b|\s[:;]",
    re.IGNORECASE,
)


def _public(module: ModuleType) -> dict:
    return {name: value for name, value in vars(module).items() if not name.startswith("_") and not isinstance(value, ModuleType)}


def test_english_has_every_name_of_french_with_the_same_signature_or_keys():
    french, english = _public(fr), _public(en)
    assert not set(french) - set(english), sorted(set(french) - set(english))
    for name, value in french.items():
        if inspect.isfunction(value):
            assert inspect.signature(english[name]) == inspect.signature(value), name
        elif isinstance(value, dict):
            assert set(english[name]) == set(value), name
        else:
            assert type(english[name]) is type(value), name


def _figures(value):
    """The answer with each sentence replaced by a mark (None stays None): what every language shares."""
    if isinstance(value, dict):
        return {key: ("<sentence>" if key in SENTENCE_KEYS and value[key] is not None else _figures(item)) for key, item in value.items()}
    if isinstance(value, list):
        return [_figures(item) for item in value]
    return value


def _sentences(answer: dict) -> list[str]:
    found = list(answer["explanation"])
    for part in ("fee", "cvec", "deadline", "payment"):
        for key in ("reason", "refused"):
            if answer[part] and answer[part].get(key):
                found.append(answer[part][key])
    return found


def _data_texts(value) -> list[str]:
    """Every text of the compiled procedure (reasons, labels, sources, contacts), longest first:
    the data's own words, French until a school gives them in English, are not the wording's."""
    texts = []
    if isinstance(value, dict):
        for item in value.values():
            texts += _data_texts(item)
    elif isinstance(value, list):
        for item in value:
            texts += _data_texts(item)
    elif isinstance(value, str) and len(value) > 2:
        texts += [value, value.strip().rstrip(".").rstrip()]
    return sorted(set(texts), key=len, reverse=True)


def _own_words(sentence: str, procedure: dict) -> str:
    for text in _data_texts(procedure):
        sentence = sentence.replace(text, "◊")
    return sentence


@pytest.fixture(scope="module")
def catalog():
    from generator.model.catalog import load_catalog
    from tests.support.paths import REPO

    return load_catalog(REPO)


@pytest.mark.parametrize(("procedure_id", "year", "case"), _load_cases())
def test_every_engine_case_has_the_french_figures_and_english_sentences(catalog, procedure_id, year, case):
    procedure = catalog.get(procedure_id, year=year).compiled
    at = _instant(case["at"])
    profile = case.get("profile") or {}
    if "error" in case:
        for lang in ("fr", "en"):
            with pytest.raises(ProfileError):
                checks.evaluate(procedure, profile, at, lang)
        return
    french = checks.evaluate(procedure, profile, at)
    english = checks.evaluate(procedure, profile, at, "en")
    assert _figures(english) == _figures(french)
    assert len(english["explanation"]) == len(french["explanation"])
    for sentence in _sentences(english):
        own = _own_words(sentence, procedure)
        assert not FRENCH.search(own), f"French left in {sentence!r}: {FRENCH.search(own).group(0)!r}"


def _cli(*args: str) -> str:
    result = run_modop(*args, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_command_line_in_english_gives_the_french_figures():
    french = json.loads(_cli(*EXAMPLE_ARGS))
    english = json.loads(_cli(*EXAMPLE_ARGS, "--lang", "en"))
    assert _figures(english) == _figures(french)
    assert english["explanation"] != french["explanation"]
    assert english["explanation"][0].startswith("Registration fees: €0 — ")
    text = _cli(*[a for a in EXAMPLE_ARGS if a != "--json"], "--lang", "en")
    assert "Registration closed for now: reopening on Thursday 22 August 2024 at 2\u00a0pm" in text
    assert "  • until Wednesday 24 July 2024 at noon" in text
    assert "Why:" in text and "Pourquoi" not in text


def test_the_command_line_cites_its_sources_in_english():
    """The compiled sources (« la notice « … » et le barème national ») are worded in the
    answer's language, like every other sentence."""
    english = json.loads(_cli("check", "amu-iut/but1", "--set", "hors_ue=true", "--at", "2024-07-10T10:00", "--lang", "en", "--json"))
    said = " ".join(english["explanation"])
    assert "(source: the notice ‘" in said
    assert "la notice" not in said and "barème" not in said and "le montant national" not in said


def test_an_unknown_language_is_refused_in_one_french_line():
    result = run_modop(*EXAMPLE_ARGS, "--lang", "de", timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert_one_french_line(result.stderr)
    assert "--lang" in result.stderr and "« de » inconnu" in result.stderr


# A procedure whose school gave every text in English, as a student on the English site reads it.
ENGLISH_PROCEDURE = {
    "id": "example/licence",
    "institution": {"id": "example", "name": "Example University"},
    "title": "First registration for a licence",
    "academic_year": "2024-2025",
    "academic_year_stated": True,
    "level": "licence",
    "source": "Registration notice",
    "unsure": {"text": "", "contact": "Registry office, registry@example.fr"},
    "contacts": [{"id": "registry", "text": "Registry office, registry@example.fr"}],
    "steps": [{"id": "register", "title": "Register online", "when": {}}],
    "documents": [],
    "fee": {
        "categories": [{"code": "01", "label": "Standard student"}],
        "allowed": ["01"],
        "rules": [],
        "national_exemptions": [{"when": {"boursier": True}, "reason": "Grant holders pay no fees.", "source": "Education Code, R719-49"}],
        "differentiated": {"amount": 2850.0, "level": "licence", "academic_year": "2024-2025", "source": "Order of 19 April 2019"},
        "default": {"amount": 170.5, "category": "01", "category_unknown": False, "reason": "National fee for a licence.", "source": None},
    },
    "cvec": {
        "amount": 103.0,
        "source": "Education Code, L841-5",
        "rules": [],
        "not_subject": [],
        "exempt": [{"when": {"boursier": True}, "reason": "Grant holders are exempt from the CVEC.", "source": "Education Code, L841-5"}],
    },
    "windows": [{"label": "Main phase", "when": {}, "periods": [
        {"start": "2024-07-09T14:00:00+02:00", "end": "2024-07-19T12:00:00+02:00", "start_kind": "instant", "end_kind": "instant"},
    ]}],
    "academic_year_end": {"end": "2025-09-01T00:00:00+02:00", "last_day": "2025-08-31", "convention": True, "source": "modop"},
    "closures": [],
    "payment": {
        "methods": ["bank card"],
        "due": "at_registration",
        "instalments": [
            {"count": 1, "label": None, "min_amount": None, "first_due": "at_registration", "first_share": None, "at_least": False},
            {"count": 3, "label": None, "min_amount": None, "first_due": "at_registration", "first_share": None, "at_least": False},
        ],
        "later_instalments_day": 10,
    },
    "questions": ["boursier", "hors_ue", "echeances"],
    "options": {"echeances": [1, 3]},
}
AT = datetime(2024, 7, 10, 10, 0, tzinfo=PARIS_SUMMER)


def test_what_a_student_reads_in_english():
    answer = checks.evaluate(ENGLISH_PROCEDURE, {"echeances": 3}, AT, "en")
    assert answer["explanation"] == [
        "Registration fees: €170.50, box to tick ‘01 Standard student’ — National fee for a licence "
        "(source: Registration notice).",
        "CVEC (Student and Campus Life Contribution) for 2024-2025: €103 to pay — "
        "No CVEC exemption or exception applies to your situation (source: Education Code, L841-5).",
        "Registration open until Friday 19 July 2024 at noon; the notice’s period: ‘Main phase’ (source: Registration notice).",
        "Payment: in 3 instalments, €56.84 on Wednesday 10 July 2024, then €56.83 on the 10th "
        "of each of the two following months (source: Registration notice).",
    ]


def test_a_grant_holder_and_a_student_subject_to_differentiated_fees_in_english():
    grant = checks.evaluate(ENGLISH_PROCEDURE, {"boursier": True}, AT, "en")
    assert grant["explanation"][1] == (
        "CVEC (Student and Campus Life Contribution): exempt, €0 (you still need to obtain "
        "the exemption certificate) — Grant holders are exempt from the CVEC (source: Education Code, L841-5)."
    )
    assert grant["payment"]["refused"] is None
    differentiated = checks.evaluate(ENGLISH_PROCEDURE, {"hors_ue": True}, AT, "en")
    assert differentiated["fee"]["reason"].startswith(
        "The notice does not say what students subject to differentiated registration fees pay; for information, "
        "the national amount of differentiated registration fees for a licence (bachelor’s degree) in 2024-2025 "
        "is €2,850 (Order of 19 April 2019); "
    )
    assert differentiated["fee"]["reason"].endswith("; ask: Registry office, registry@example.fr.")


def test_the_deadline_before_it_opens_and_after_it_closes_in_english():
    before = checks.evaluate(ENGLISH_PROCEDURE, {}, datetime(2024, 7, 1, 9, 0, tzinfo=PARIS_SUMMER), "en")
    assert before["deadline"]["reason"] == "Registration not open yet: opening on Tuesday 9 July 2024 at 2\u00a0pm; the notice’s period: ‘Main phase’."
    after = checks.evaluate(ENGLISH_PROCEDURE, {}, datetime(2024, 7, 20, 9, 0, tzinfo=PARIS_SUMMER), "en")
    assert after["deadline"]["reason"].startswith("Registration closed: your last period ran until Friday 19 July 2024 at noon")
