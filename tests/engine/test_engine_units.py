"""The engine's semantics on hand-written compiled procedures (tests/support/handmade_procedures.py)."""
from __future__ import annotations

import copy
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from checks import ProfileError, answer_text, evaluate, parse_instant, parse_profile
from checks.payment import split_in_cents
from tests.support.contract import EXAMPLE_AT, EXAMPLE_PROFILE, assert_contract_example
from tests.support.handmade_procedures import AMU_BUT1, DOCTORAT, ISIMA, ITSRA

PARIS_SUMMER = timezone(timedelta(hours=2))


def at(text: str) -> datetime:
    return parse_instant(text)


# --- the profile -----------------------------------------------------------


def test_profile_defaults_fill_every_key():
    assert parse_profile({}) == {
        "regime": "initiale",
        "boursier": False,
        "hors_ue": False,
        "echange": False,
        "refugie": False,
        "pupille": False,
        "deja_inscrit": False,
        "plateforme": None,
        "date_acceptation": None,
        "cvec_deja_acquittee": False,
        "echeances": 1,
    }


def test_profile_reads_text_and_parsed_values_alike():
    text = parse_profile({"boursier": "true", "echeances": "3", "date_acceptation": "2024-07-20", "regime": "apprentissage"})
    typed = parse_profile({"boursier": True, "echeances": 3, "date_acceptation": date(2024, 7, 20), "regime": "apprentissage"})
    assert text == typed
    assert parse_profile({"date_acceptation": ""})["date_acceptation"] is None


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"boursiere": "true"}, "Donnée inconnue « boursiere »"),
        ({"boursier": "oui"}, "impossible pour boursier"),
        ({"boursier": 1}, "impossible pour boursier"),
        ({"regime": "alternance"}, "impossible pour regime"),
        ({"echeances": "2"}, "impossible pour echeances"),
        ({"echeances": True}, "impossible pour echeances"),
        ({"date_acceptation": "20/07/2024"}, "Date d'acceptation « 20/07/2024 » impossible"),
        ({"date_acceptation": "2024-02-30"}, "Date d'acceptation « 2024-02-30 » impossible"),
        ({"date_acceptation": "22024-03-10"}, "Date d'acceptation « 22024-03-10 » impossible"),
        ({"date_acceptation": "0001-01-01"}, "entre 2000 et 2099"),
        ({"date_acceptation": "2100-01-01"}, "entre 2000 et 2099"),
        ({"plateforme": "apb"}, "impossible pour plateforme"),
    ],
)
def test_profile_refuses_unknown_keys_and_values_in_french(values, words):
    with pytest.raises(ProfileError, match=words):
        parse_profile(values)


@pytest.mark.parametrize("value", ["20/07/2024", "2024-02-30", "22024-03-10", "0001-01-01"])
def test_an_impossible_date_is_said_without_the_internal_key(value):
    with pytest.raises(ProfileError) as refused:
        parse_profile({"date_acceptation": value})
    assert "date_acceptation" not in str(refused.value)


def test_evaluate_refuses_a_bad_profile():
    with pytest.raises(ProfileError):
        evaluate(AMU_BUT1, {"inconnu": "x"}, at("2024-07-25T10:00"))


# --- the answer's shape ----------------------------------------------------


def test_contract_example_on_the_handmade_procedure():
    answer = evaluate(AMU_BUT1, EXAMPLE_PROFILE, at(EXAMPLE_AT))
    assert_contract_example(answer)
    json.dumps(answer)  # JSON as it is


def test_at_keeps_its_own_offset_to_the_second():
    utc = datetime(2024, 7, 25, 8, 0, 0, 123456, tzinfo=timezone.utc)
    assert evaluate(AMU_BUT1, {}, utc)["at"] == "2024-07-25T08:00:00+00:00"
    assert evaluate(AMU_BUT1, {}, datetime(2024, 12, 25, 10, 0))["at"] == "2024-12-25T10:00:00+01:00"


def test_a_procedure_without_fee_cvec_or_dates_has_null_parts():
    answer = evaluate(ITSRA, {}, at("2024-03-01T09:00"))
    assert answer["fee"] is None and answer["cvec"] is None
    assert answer["deadline"] is None and answer["payment"] is None
    assert answer["steps"] == ["connexion"]
    assert any("2024-2025 est supposée" in s for s in answer["explanation"])


def test_the_engine_does_not_change_the_procedure():
    before = copy.deepcopy(AMU_BUT1)
    evaluate(AMU_BUT1, {"date_acceptation": "2024-07-20"}, at("2024-07-25T10:00"))
    assert AMU_BUT1 == before


# --- the fee ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "amount"),
    [
        ({}, 175.0),
        ({"boursier": "true"}, 0.0),
        ({"pupille": "true"}, 0.0),
        ({"regime": "apprentissage"}, 0.0),
        ({"regime": "formation_continue"}, 0.0),
        ({"hors_ue": "true"}, None),
    ],
)
def test_fee_rules_then_national_exemptions_then_default(profile, amount):
    assert evaluate(AMU_BUT1, profile, at("2024-07-25T10:00"))["fee"]["amount_eur"] == amount


def test_unknown_fee_says_whom_to_ask_and_has_no_payment():
    answer = evaluate(AMU_BUT1, {"hors_ue": "true"}, at("2024-07-25T10:00"))
    assert answer["payment"] is None
    assert "Service de scolarité de l'IUT" in answer["explanation"][0]


def test_fee_category_is_the_code_to_tick():
    assert evaluate(DOCTORAT, {}, at("2025-09-01T10:00"))["fee"]["category"] == "D1"
    assert evaluate(DOCTORAT, {"boursier": "true"}, at("2025-09-01T10:00"))["fee"]["category"] == "D6"
    isima = evaluate(ISIMA, {"regime": "apprentissage", "boursier": "true"}, at("2022-07-01T10:00"))
    assert isima["fee"] == {"amount_eur": 0.0, "category": "01", "reason": isima["fee"]["reason"]}
    assert "01 Etudiant non boursier" in isima["explanation"][0]


# --- the CVEC --------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "status", "amount"),
    [
        ({}, "due", 103.0),
        ({"boursier": "true"}, "exempt", 0.0),
        ({"refugie": "true"}, "exempt", 0.0),
        ({"echange": "true"}, "not_subject", 0.0),
        ({"regime": "contrat_pro"}, "not_subject", 0.0),
        ({"regime": "formation_continue", "cvec_deja_acquittee": "true"}, "not_subject", 0.0),
        ({"cvec_deja_acquittee": "true"}, "already_paid", 0.0),
        ({"cvec_deja_acquittee": "true", "boursier": "true"}, "already_paid", 0.0),
        ({"regime": "apprentissage"}, "due", 103.0),
    ],
)
def test_cvec_national_order(profile, status, amount):
    cvec = evaluate(AMU_BUT1, profile, at("2024-07-25T10:00"))["cvec"]
    assert (cvec["status"], cvec["amount_eur"]) == (status, amount)


def test_a_procedure_rule_due_still_gives_way_to_exemption_and_payment_already_made():
    assert evaluate(ISIMA, {"regime": "apprentissage"}, at("2022-07-01T10:00"))["cvec"]["status"] == "due"
    assert evaluate(ISIMA, {"regime": "apprentissage", "boursier": "true"}, at("2022-07-01T10:00"))["cvec"]["status"] == "exempt"
    paid = {"regime": "apprentissage", "cvec_deja_acquittee": "true"}
    assert evaluate(ISIMA, paid, at("2022-07-01T10:00"))["cvec"]["status"] == "already_paid"


def test_a_procedure_rule_not_subject_or_exempt_wins():
    procedure = copy.deepcopy(AMU_BUT1)
    procedure["cvec"]["rules"] = [
        {"when": {"regime": "initiale"}, "status": "not_subject", "reason": "Seuls les apprentis.", "source": "Notice"},
        {"when": {"regime": "apprentissage"}, "status": "exempt", "reason": "Exonérés ici.", "source": "Notice"},
    ]
    assert evaluate(procedure, {}, at("2024-07-25T10:00"))["cvec"]["status"] == "not_subject"
    apprentice = evaluate(procedure, {"regime": "apprentissage"}, at("2024-07-25T10:00"))["cvec"]
    assert apprentice == {"status": "exempt", "amount_eur": 0.0, "reason": "Exonérés ici."}
    paid = {"regime": "apprentissage", "cvec_deja_acquittee": "true"}
    assert evaluate(procedure, paid, at("2024-07-25T10:00"))["cvec"]["status"] == "already_paid"


def test_unknown_cvec_amount_is_null_when_due():
    procedure = copy.deepcopy(AMU_BUT1)
    procedure["cvec"]["amount"] = None
    cvec = evaluate(procedure, {}, at("2024-07-25T10:00"))["cvec"]
    assert (cvec["status"], cvec["amount_eur"]) == ("due", None)


# --- the deadline ----------------------------------------------------------


def deadline(procedure, profile, text):
    return evaluate(procedure, profile, at(text))["deadline"]


@pytest.mark.parametrize(
    ("instant", "status", "next_change"),
    [
        ("2024-07-09T13:59", "upcoming", "2024-07-09T14:00:00+02:00"),
        ("2024-07-09T14:00", "open", "2024-07-19T12:00:00+02:00"),
        ("2024-07-19T11:59", "open", "2024-07-19T12:00:00+02:00"),
        ("2024-07-19T12:00", "closed", None),
        ("2024-07-19T12:01", "closed", None),
    ],
)
def test_deadline_boundaries_start_included_end_excluded(instant, status, next_change):
    answer = deadline(AMU_BUT1, {"date_acceptation": "2024-07-12"}, instant)
    assert (answer["status"], answer["next_change"]) == (status, next_change)


def test_acceptance_date_bounds_are_included():
    late = {"start": "2024-08-22T14:00:00+02:00", "end": "2024-08-28T17:00:00+02:00"}
    assert late in deadline(AMU_BUT1, {"date_acceptation": "2024-07-13"}, "2024-07-10T10:00")["windows"]
    assert late not in deadline(AMU_BUT1, {"date_acceptation": "2024-07-12"}, "2024-07-10T10:00")["windows"]
    assert late in deadline(AMU_BUT1, {"date_acceptation": "2024-08-18"}, "2024-07-10T10:00")["windows"]
    assert deadline(AMU_BUT1, {"date_acceptation": "2024-08-19"}, "2024-07-10T10:00")["windows"] == [
        {"start": None, "end": "2024-09-09T12:00:00+02:00"}
    ]


def test_without_acceptance_date_every_dated_window_is_kept_and_said_to_depend_on_it():
    answer = deadline(AMU_BUT1, {}, "2024-07-25T10:00")
    # The three windows of "Cas n°1", overlapping, make one stretch.
    assert answer["windows"] == [{"start": None, "end": "2024-09-09T12:00:00+02:00"}]
    assert answer["status"] == "open"
    assert "dépendent de la date" in answer["reason"]


def test_re_enrolment_window_with_unknown_end():
    answer = deadline(AMU_BUT1, {"deja_inscrit": "true"}, "2024-12-01T10:00")
    assert answer["windows"] == [{"start": "2024-07-09T14:00:00+02:00", "end": None}]
    assert (answer["status"], answer["next_change"]) == ("open", None)
    assert "ne précise pas la date de fermeture" in answer["reason"]


def test_closures_cut_the_windows():
    answer = deadline(ISIMA, {"regime": "apprentissage"}, "2022-07-19T23:59")
    assert answer["windows"] == [
        {"start": None, "end": "2022-07-20T00:00:00+02:00"},
        {"start": "2022-08-23T00:00:00+02:00", "end": None},
    ]
    assert (answer["status"], answer["next_change"]) == ("open", "2022-07-20T00:00:00+02:00")
    closed = deadline(ISIMA, {}, "2022-07-20T00:00")
    assert (closed["status"], closed["next_change"]) == ("upcoming", "2022-08-23T00:00:00+02:00")
    assert "Fermeture estivale" in closed["reason"]


def test_a_closure_covering_a_whole_period_removes_it():
    procedure = copy.deepcopy(AMU_BUT1)
    procedure["closures"] = [{"start": "2024-07-01T00:00:00+02:00", "end": "2024-08-01T00:00:00+02:00", "reason": "Travaux"}]
    answer = deadline(procedure, {"date_acceptation": "2024-07-20"}, "2024-07-25T10:00")
    assert answer["windows"] == [
        {"start": None, "end": "2024-07-01T00:00:00+02:00"},
        {"start": "2024-08-22T14:00:00+02:00", "end": "2024-08-28T17:00:00+02:00"},
    ]
    procedure["closures"][0]["start"] = "2024-07-01T00:00:00+02:00"
    early = deadline(procedure, {"date_acceptation": "2024-07-01"}, "2024-07-25T10:00")
    assert early["windows"] == [] and early["status"] == "closed"


def test_no_window_for_this_student():
    procedure = copy.deepcopy(AMU_BUT1)
    procedure["windows"] = [w for w in procedure["windows"] if w["when"].get("deja_inscrit")]
    answer = deadline(procedure, {}, "2024-07-25T10:00")
    assert answer == {"status": "closed", "windows": [], "next_change": None, "reason": answer["reason"]}
    assert "aucune période" in answer["reason"]


def test_instants_in_other_offsets_compare_as_instants():
    # 10:00 UTC is 12:00 in Paris: the end of the first window, excluded.
    answer = evaluate(AMU_BUT1, {"date_acceptation": "2024-07-01"}, datetime(2024, 7, 19, 10, 0, tzinfo=timezone.utc))
    assert answer["deadline"]["status"] == "closed"
    assert answer["at"] == "2024-07-19T10:00:00+00:00"


# --- the payment -----------------------------------------------------------


def test_split_in_cents_sums_exactly():
    assert split_in_cents(397.0, 3) == [132.34, 132.33, 132.33]
    assert split_in_cents(3770.0, 5) == [754.0] * 5
    assert split_in_cents(0.05, 3) == [0.03, 0.01, 0.01]
    for amount in (175.0, 391.0, 601.0, 1234.56, 0.0):
        for count in (1, 3, 5):
            parts = split_in_cents(amount, count)
            assert sum(round(p * 100) for p in parts) == round(amount * 100)
            assert max(parts) - min(parts) <= 0.05


def test_three_instalments_on_the_tenth_of_the_following_months():
    payment = evaluate(DOCTORAT, {"echeances": "3"}, at("2025-09-15T10:00"))["payment"]
    assert payment == {
        "plan": [
            {"due": "2025-09-15", "amount_eur": 132.34},
            {"due": "2025-10-10", "amount_eur": 132.33},
            {"due": "2025-11-10", "amount_eur": 132.33},
        ],
        "refused": None,
    }


def test_five_instalments_only_from_1000_euros():
    refused = evaluate(DOCTORAT, {"echeances": "5"}, at("2025-09-15T10:00"))["payment"]
    assert refused["plan"] == [{"due": "2025-09-15", "amount_eur": 397.0}]
    assert "1\u202f000\u00a0€" in refused["refused"]
    procedure = copy.deepcopy(DOCTORAT)
    procedure["fee"]["default"]["amount"] = 3770.0
    allowed = evaluate(procedure, {"echeances": "5"}, at("2025-11-15T10:00"))["payment"]
    assert allowed["refused"] is None
    assert [p["due"] for p in allowed["plan"]] == ["2025-11-15", "2025-12-10", "2026-01-10", "2026-02-10", "2026-03-10"]
    procedure["fee"]["default"]["amount"] = 1000.0
    assert evaluate(procedure, {"echeances": "5"}, at("2025-11-15T10:00"))["payment"]["refused"] is None


def test_instalments_not_offered_or_nothing_to_pay_fall_back_to_one_payment():
    not_offered = evaluate(AMU_BUT1, {"echeances": "3", "date_acceptation": "2024-07-01"}, at("2024-07-10T10:00"))["payment"]
    assert len(not_offered["plan"]) == 1 and "n'est pas proposé" in not_offered["refused"]
    nothing = evaluate(DOCTORAT, {"echeances": "3", "boursier": "true"}, at("2025-09-15T10:00"))["payment"]
    # Nothing to pay has no due date.
    assert nothing["plan"] == [{"due": None, "amount_eur": 0.0}] and "Rien à payer" in nothing["refused"]


def test_later_instalment_day_is_clamped_to_short_months():
    procedure = copy.deepcopy(DOCTORAT)
    procedure["payment"]["later_instalments_day"] = 31
    answer = evaluate(procedure, {"echeances": "3"}, at("2024-01-15T10:00"))
    assert [p["due"] for p in answer["payment"]["plan"]] == ["2024-01-15", "2024-02-29", "2024-03-31"]
    assert "le 31 (ou le dernier jour du mois) de chacun des deux mois suivants" in answer["explanation"][-1]


def test_first_payment_is_due_the_day_registration_opens():
    payment = evaluate(AMU_BUT1, {"date_acceptation": "2024-07-01"}, at("2024-07-01T10:00"))["payment"]
    assert payment["plan"] == [{"due": "2024-07-09", "amount_eur": 175.0}]


# --- steps and text --------------------------------------------------------


def test_steps_follow_their_conditions():
    assert evaluate(DOCTORAT, {}, at("2025-09-15T10:00"))["steps"] == ["dossier"]
    assert evaluate(DOCTORAT, {"echeances": "5"}, at("2025-09-15T10:00"))["steps"] == ["dossier", "paiement-plusieurs-fois"]


def test_answer_text_in_plain_french():
    answer = evaluate(AMU_BUT1, {"date_acceptation": "2024-07-20"}, at("2024-07-22T10:00"))
    text = answer_text(answer, AMU_BUT1)
    assert "Inscription ouverte jusqu'au mercredi 24 juillet 2024 à 12\u00a0h" in text
    assert "Frais d'inscription : 175\u00a0€" in text
    assert "réponse pour le lundi 22 juillet 2024 à 10\u00a0h" in text
    assert "du jeudi 22 août 2024 à 14\u00a0h au mercredi 28 août 2024 à 17\u00a0h" in text
    isima = evaluate(ISIMA, {"regime": "apprentissage"}, at("2022-07-01T10:00"))
    isima_text = answer_text(isima, ISIMA)
    assert "Frais d'inscription : 0\u00a0€ — case à cocher : 01 Etudiant non boursier" in isima_text
    assert "jusqu'au mardi 19 juillet 2022 inclus" in isima_text
    assert "vendredi 1er juillet 2022" in isima_text
    assert "Frais d'inscription : aucun" in answer_text(evaluate(ITSRA, {}, at("2024-07-01T10:00")))


def test_text_says_first_when_the_dates_depend_on_the_acceptance_date():
    text = answer_text(evaluate(AMU_BUT1, {}, at("2024-07-25T10:00")), AMU_BUT1)
    assert "Inscription : les dates dépendent du jour où vous avez accepté" in text
    assert "Toutes dates d'acceptation confondues : inscription ouverte" in text
